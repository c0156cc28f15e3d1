import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';

type HeaderList = readonly (readonly [string, string])[];

const HSTS: readonly [string, string] = ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'];

/** Pages and static files: Hono's secureHeaders() defaults. */
const PAGE_HEADERS: HeaderList = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  HSTS,
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * JSON API responses: the OWASP REST set. Nothing here is ever rendered, framed or cached, and the
 * browser-feature headers of pages mean nothing for JSON; fewer headers are measurably faster on
 * the lookup path (bench:lookup).
 */
const API_HEADERS: HeaderList = [
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  HSTS,
  ['X-Content-Type-Options', 'nosniff'],
];

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The HTTP server around the app. Security headers and the request id are set on Node's response
 * before Hono runs: a header added through Hono makes @hono/node-server build a full Headers object
 * for every response, which halved lookup throughput (bench:lookup). Every response, error pages
 * included, carries them; a request id a client sent is kept (for tracing across services).
 */
export function createHttpServer(app: Pick<Hono, 'fetch'>): Server {
  const listener = getRequestListener(app.fetch);
  return createServer((req, res) => {
    for (const [name, value] of req.url?.startsWith('/api/') ? API_HEADERS : PAGE_HEADERS) res.setHeader(name, value);
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    void listener(req, res);
  });
}
