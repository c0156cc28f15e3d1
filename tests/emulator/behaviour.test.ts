// Each fidelity switch, turned on, proves itself: latency, the resource-unit budget, 429s,
// transient bursts, resets mid-body, counters, run-time configuration and live mutations.

import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEHAVIOUR, REALISTIC_BEHAVIOUR, type Behaviour } from '../../emulator/src/index.ts';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';

describe('defaults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ contacts: 20 });
  });
  afterAll(() => h?.stop());

  it('has everything off unless asked, and REALISTIC_BEHAVIOUR is the demo pace with budget L', async () => {
    expect(h.emulator.behaviour).toEqual(DEFAULT_BEHAVIOUR);
    expect(REALISTIC_BEHAVIOUR).toMatchObject({ latency: { minMs: 40, maxMs: 120 }, budget: 'L' });
    const token = await h.graphToken();
    const response = await h.graph('/v1.0/contacts', token);
    expect(response.status).toBe(200);
    expect(response.headers['x-emulator-delay-ms']).toBeUndefined();
    expect(response.headers['x-ms-throttle-limit-percentage']).toBeUndefined();
  });
});

describe('latency', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 1500, behaviour: { latency: { minMs: 40, maxMs: 120, perObjectMs: 0.4 } } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('grows with the objects in the page', async () => {
    const delays = async (top: number) => {
      const out: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await h.graph(`/v1.0/contacts?$top=${top}`, token);
        expect(response.status).toBe(200);
        out.push(Number(response.headers['x-emulator-delay-ms']));
      }
      return out;
    };
    const small = await delays(10);
    const large = await delays(999);
    for (const d of small) {
      expect(d).toBeGreaterThanOrEqual(40 + 4 - 1);
      expect(d).toBeLessThanOrEqual(120 + 4 + 1);
    }
    for (const d of large) {
      expect(d).toBeGreaterThanOrEqual(40 + 400 - 1);
      expect(d).toBeLessThanOrEqual(120 + 400 + 1);
    }
    expect(Math.min(...large)).toBeGreaterThan(Math.max(...small) * 3);
    // Delta pages count their objects too.
    const delta = await h.graph('/v1.0/contacts/delta', token);
    expect(Number(delta.headers['x-emulator-delay-ms'])).toBeGreaterThanOrEqual(40 + 200 * 0.4 - 1);
  });

  it('delays the response, not the event loop', async () => {
    const started = performance.now();
    let timerFiredAt: number | undefined;
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        timerFiredAt = performance.now();
        resolve();
      }, 20),
    );
    // The emulator runs in this process: a blocked loop would hold the timer back too.
    const responses = await Promise.all([1, 2, 3, 4].map(() => h.graph('/v1.0/contacts?$top=999', token)));
    const answeredAt = performance.now();
    await timer;
    expect(timerFiredAt).toBeDefined();
    expect(timerFiredAt as number).toBeLessThan(answeredAt);
    const total = responses.reduce((sum, r) => sum + Number(r.headers['x-emulator-delay-ms']), 0);
    // Four ~0.5 s delays ran side by side, not one after the other.
    expect(answeredAt - started).toBeLessThan(total);
    expect(answeredAt - started).toBeGreaterThanOrEqual(Math.max(...responses.map((r) => Number(r.headers['x-emulator-delay-ms']))) - 2);
  });
});

describe('resource-unit budget', () => {
  let h: Harness;
  let now = 1_700_000_000_000;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 30, clock: () => now, behaviour: { budget: 'S' } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());
  afterEach(() => {
    h.emulator.configure({ budget: 'S', retryAfter: true });
  });

  async function burst(count: number, t: string, url = '/v1.0/contacts?$top=1') {
    const statuses: number[] = [];
    const percentages: string[] = [];
    for (let done = 0; done < count; done += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, count - done) }, () => h.graph(url, t)));
      for (const r of batch) {
        statuses.push(r.status);
        expect(r.headers['x-ms-resource-unit']).toBe('1');
        if (r.headers['x-ms-throttle-limit-percentage']) percentages.push(r.headers['x-ms-throttle-limit-percentage']);
      }
    }
    return { statuses, percentages };
  }

  it('budget S pays exactly 3500 RU per app, then answers 429 like Graph, and refills continuously', async () => {
    const { statuses, percentages } = await burst(3500, token);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Above 80 % used (the last 700 requests), the usage is reported.
    expect(percentages).toHaveLength(700);
    for (const p of percentages) {
      expect(Number(p)).toBeGreaterThanOrEqual(0.8);
      expect(Number(p)).toBeLessThanOrEqual(1);
    }

    const throttled = await h.graph('/v1.0/contacts', token, { 'client-request-id': 'c-1' });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.headers['x-ms-resource-unit']).toBe('1');
    expect(throttled.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const body = throttled.json<{ error: { code: string; message: string; innerError: Record<string, string> } }>();
    expect(body.error.code).toBe('TooManyRequests');
    expect(body.error.message).toBe('Please retry again later.');
    expect(Object.keys(body.error.innerError)).toEqual(['code', 'date', 'request-id', 'status']);
    expect(body.error.innerError).toMatchObject({ code: '429', status: '429', 'request-id': throttled.headers['request-id'] });

    // Another app in the same tenant has its own bucket.
    expect((await h.graph('/v1.0/contacts', await h.graphToken())).status).toBe(200);

    // 3.5 RU per 10 ms come back.
    now += 10;
    const after10ms = await burst(4, token);
    // Concurrent requests may be answered in any order: what counts is three admitted, one refused.
    expect([...after10ms.statuses].sort()).toEqual([200, 200, 200, 429]);
    now += 10_000;
    expect((await burst(100, token)).statuses.every((s) => s === 200)).toBe(true);

    const stats = h.emulator.stats();
    expect(stats.throttled).toBe(2);
  });

  it('Retry-After is the seconds until the bucket can pay again (ceil, min 1), or absent when switched off', async () => {
    h.emulator.configure({ budget: 1 });
    expect((await h.graph('/v1.0/contacts', token)).status).toBe(200);
    let throttled = await h.graph('/v1.0/contacts', token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('10');
    now += 4_500;
    throttled = await h.graph('/v1.0/contacts', token);
    expect(throttled.headers['retry-after']).toBe('6');
    h.emulator.configure({ retryAfter: false });
    throttled = await h.graph('/v1.0/contacts', token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBeUndefined();
    expect(throttled.json<GraphErrorBody>().error.code).toBe('TooManyRequests');
    now += 5_500;
    expect((await h.graph('/v1.0/contacts', token)).status).toBe(200);
  });

  it('does not meter the token endpoint', async () => {
    h.emulator.configure({ budget: 1 });
    for (let i = 0; i < 5; i++) await h.graphToken();
    const fresh = await h.graphToken();
    expect((await h.graph('/v1.0/contacts', fresh)).status).toBe(200);
  });
});

describe('transient 503/504 bursts', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 10, behaviour: { transient: { probability: 0.15, burst: 3, statuses: [503, 504] }, seed: 42 } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('come in runs of `burst` consecutive answers with Graph error bodies, Retry-After sometimes', async () => {
    const statuses: number[] = [];
    const retryAfters = new Set<string | undefined>();
    for (let i = 0; i < 150; i++) {
      const response = await h.graph('/v1.0/contacts', token);
      statuses.push(response.status);
      if (response.status !== 200) {
        expect([503, 504]).toContain(response.status);
        const body = response.json<GraphErrorBody>();
        expect(body.error.code).toBe(response.status === 503 ? 'serviceNotAvailable' : 'gatewayTimeout');
        expect(body.error.innerError['request-id']).toBe(response.headers['request-id']);
        retryAfters.add(response.headers['retry-after']);
      }
    }
    const runs = statuses
      .map((s) => (s === 200 ? '.' : 'x'))
      .join('')
      .split('.')
      .filter((r) => r.length > 0)
      .map((r) => r.length);
    expect(runs.length).toBeGreaterThan(3);
    // The last run may be cut short by the end of the loop.
    for (const run of runs.slice(0, -1)) expect(run % 3).toBe(0);
    expect(new Set(statuses)).toEqual(new Set([200, 503, 504]));
    expect(retryAfters.has(undefined)).toBe(true);
    expect([...retryAfters].some((v) => v !== undefined && Number(v) >= 1)).toBe(true);
    expect(h.emulator.stats().transientErrors).toBe(statuses.filter((s) => s !== 200).length);
  });

  it('reproduce from the seed', async () => {
    const run = async () => {
      h.emulator.configure({ seed: 7 });
      h.emulator.configure({ seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await h.graph('/v1.0/contacts', token)).status);
      return out;
    };
    const first = await run();
    // Drain a burst in progress, then replay from the same seed.
    h.emulator.configure({ transient: null });
    h.emulator.configure({ transient: { probability: 0.15, burst: 3, statuses: [503, 504] } });
    expect(await run()).toEqual(first);
  });
});

describe('connections reset mid-body', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 300, behaviour: { resetProbability: 1 } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('a client sees the 200 headers, part of the body, then a socket error', async () => {
    const ca = readFileSync(h.emulator.certPath, 'utf8');
    const outcome = await new Promise<{ status?: number; received: number; length: number; error?: Error }>((resolve) => {
      let status: number | undefined;
      let received = 0;
      let length = 0;
      const req = request(`${h.emulator.url}/v1.0/contacts?$top=200`, { ca, headers: { Authorization: `Bearer ${token}` }, agent: false }, (res) => {
        status = res.statusCode;
        length = Number(res.headers['content-length']);
        res.on('data', (chunk: Buffer) => (received += chunk.length));
        res.on('end', () => resolve({ status, received, length }));
        res.on('error', (error) => resolve({ status, received, length, error }));
      });
      req.on('error', (error) => resolve({ status, received, length, error }));
      req.end();
    });
    expect(outcome.error).toBeDefined();
    expect(outcome.status).toBe(200);
    expect(outcome.received).toBeLessThan(outcome.length);
    expect(h.emulator.stats().resets).toBeGreaterThanOrEqual(1);
  });

  it('never cuts error answers, and stops when switched off', async () => {
    expect((await h.http.get(`${h.emulator.url}/v1.0/contacts`)).status).toBe(401);
    h.emulator.configure({ resetProbability: 0 });
    expect((await h.graph('/v1.0/contacts', token)).status).toBe(200);
  });
});

describe('counters and run-time configuration', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 50 });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  const admin = (method: string, path: string, body?: unknown) =>
    h.http.request(method, `${h.emulator.url}/_emulator${path}`, {
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('counts requests per route and resource units, in stats() and on /_emulator/stats', async () => {
    h.emulator.resetStats();
    const contact = h.emulator.tenant.list()[3] as OrgContact;
    await h.graph('/v1.0/contacts?$top=5', token);
    await h.graph('/v1.0/contacts?$top=5', token);
    await h.graph('/v1.0/contacts/delta', token);
    await h.graph(`/v1.0/contacts/${contact.id}`, token);
    await h.http.get(`${h.emulator.url}/v1.0/contacts`);
    const stats = h.emulator.stats();
    expect(stats).toMatchObject({ requests: 5, throttled: 0, transientErrors: 0, resets: 0, ruConsumed: 4 });
    expect(stats.byPath).toEqual({ 'GET /v1.0/contacts': 3, 'GET /v1.0/contacts/delta': 1, 'GET /v1.0/contacts/{id}': 1 });
    const remote = (await admin('GET', '/stats')).json<Record<string, unknown>>();
    expect(remote).toMatchObject({ requests: 5, ruConsumed: 4, contacts: 50 });
    expect((await admin('DELETE', '/stats')).status).toBe(204);
    expect(h.emulator.stats()).toMatchObject({ requests: 0, byPath: {} });
  });

  it('reads and patches behaviour over HTTP, validating the patch', async () => {
    const patched = await admin('PATCH', '/behaviour', { budget: 'M', latency: { minMs: 1, maxMs: 2, perObjectMs: 0 } });
    expect(patched.status).toBe(200);
    expect(patched.json<Behaviour>()).toMatchObject({ budget: 'M', latency: { minMs: 1, maxMs: 2, perObjectMs: 0 }, retryAfter: true });
    expect(h.emulator.behaviour.budget).toBe('M');
    expect((await admin('GET', '/behaviour')).json<Behaviour>().budget).toBe('M');
    expect((await admin('PATCH', '/behaviour', { budget: 'XL' })).status).toBe(400);
    expect((await admin('PATCH', '/behaviour', { latency: { minMs: 10, maxMs: 5, perObjectMs: 0 } })).status).toBe(400);
    expect((await admin('PATCH', '/behaviour', { shoeSize: 44 })).status).toBe(400);
    expect(() => h.emulator.configure({ emptyPageProbability: 1 })).toThrow();
    h.emulator.configure({ budget: null, latency: null });
    expect(h.emulator.behaviour).toEqual(DEFAULT_BEHAVIOUR);
  });

  it('x-ms-resource-unit follows the cost rule ($select -1, $top < 20 -1, minimum 1)', async () => {
    for (const url of ['/v1.0/contacts', '/v1.0/contacts?$select=id', '/v1.0/contacts?$top=5', '/v1.0/contacts/delta']) {
      expect((await h.graph(url, token)).headers['x-ms-resource-unit']).toBe('1');
    }
  });
});

describe('live mutation stream', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 200, behaviour: { mutations: { perSecond: 200 }, seed: 3 } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('adds, updates and removes (deleted and changed) while running, and stops when switched off', async () => {
    const round = async (url: string) => {
      const items: (Partial<OrgContact> & { id: string; '@removed'?: { reason: string } })[] = [];
      let next: string | undefined = url;
      for (;;) {
        const page: Page<(typeof items)[number]> = (await h.graph(next, token)).json();
        items.push(...page.value);
        if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'] };
        next = page['@odata.nextLink'] as string;
      }
    };
    const first = await round('/v1.0/contacts/delta?$deltatoken=latest');
    // Counted from here: on a busy machine the stream has already run while the first round was read.
    const before = h.emulator.tenant.sequence;
    const mutationsBefore = h.emulator.stats().mutations;
    const deadline = Date.now() + 10_000;
    while (h.emulator.stats().mutations < mutationsBefore + 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(h.emulator.stats().mutations).toBeGreaterThanOrEqual(mutationsBefore + 100);
    expect(h.emulator.tenant.sequence).toBeGreaterThan(before + 99);
    const changes = await round(first.deltaLink);
    const reasons = new Set(changes.items.map((i) => i['@removed']?.reason ?? 'live'));
    expect(reasons).toEqual(new Set(['live', 'changed', 'deleted']));

    h.emulator.configure({ mutations: null });
    const stopped = h.emulator.tenant.sequence;
    await new Promise((r) => setTimeout(r, 300));
    expect(h.emulator.tenant.sequence).toBe(stopped);
  });
});
