import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../scripts/stack.ts';

const METRICS_TOKEN = 'scrape-me-please-0123456789';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ contacts: 200, serveWeb: false, metricsToken: METRICS_TOKEN });
  const token = await stack.signIn('user@contoso.example');
  await fetch(`${stack.apiUrl}/api/search?q=a`, { headers: { Authorization: `Bearer ${token}` } });
  await fetch(`${stack.apiUrl}/api/lookup?number=%2B4989123`, { headers: { Authorization: `Bearer ${token}` } });
});
afterAll(() => stack?.stop());

describe('/metrics', () => {
  it('refuses a scraper without the metrics token, and an Entra user token too', async () => {
    expect((await fetch(`${stack.apiUrl}/metrics`)).status).toBe(401);
    const userToken = await stack.signIn('admin@contoso.example');
    expect((await fetch(`${stack.apiUrl}/metrics`, { headers: { Authorization: `Bearer ${userToken}` } })).status).toBe(401);
  });

  it('counts Graph traffic, sync rounds and search and lookup latency', async () => {
    const response = await fetch(`${stack.apiUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(value(/^switchboard_graph_requests_total\{status="200"\} (\d+)/m)).toBeGreaterThan(0);
    expect(value(/^switchboard_sync_round_duration_seconds_count\{mode="full",outcome="success"\} (\d+)/m)).toBe(1);
    expect(value(/^switchboard_sync_objects_read_total\{mode="full"\} (\d+)/m)).toBeGreaterThanOrEqual(200);
    expect(value(/^switchboard_search_duration_seconds_count (\d+)/m)).toBe(1);
    expect(value(/^switchboard_lookup_duration_seconds_count (\d+)/m)).toBe(1);
    // Buckets count cumulatively up to +Inf: the one lookup is within 10 ms and so in the last bounds.
    expect(value(/^switchboard_lookup_duration_seconds_bucket\{le="\+Inf"\} (\d+)/m)).toBe(1);
    expect(value(/^switchboard_lookup_duration_seconds_bucket\{le="0\.01"\} (\d+)/m)).toBe(1);
    expect(value(/^switchboard_lookup_duration_seconds_sum ([\d.e-]+)/m)).toBeGreaterThan(0);
    expect(text).toMatch(/^# TYPE switchboard_lookup_duration_seconds histogram$/m);
  });
});
