import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Metrics } from '../metrics.ts';
import { unauthorized } from '../problem.ts';

/**
 * Prometheus text format at /metrics. Scrapers cannot hold Entra tokens, so a static bearer
 * token (METRICS_TOKEN) guards it; without one configured the route does not exist.
 */
export function metricsRoute(metrics: Metrics, token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return new Hono().get('/metrics', async (c) => {
    const given = Buffer.from(c.req.header('Authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized('A valid metrics token is required.');
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
}
