import { createMiddleware } from 'hono/factory';

/** The headers Hono's secureHeaders() sends by default, fixed at start. */
const HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Set before the handler runs, so they travel with the response it creates: Hono's
 * secureHeaders() sets them on the finished response, which makes @hono/node-server build a full
 * Response object first (measured: about 8 % of lookup throughput).
 */
export const securityHeaders = createMiddleware(async function setSecurityHeaders(c, next) {
  for (const [name, value] of HEADERS) c.header(name, value);
  await next();
});
