import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { API_HEADERS, type HeaderList } from './security-headers.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The HTTP server around the app. Security headers and the request id are set on Node's response
 * before Hono runs: a header added through Hono makes @hono/node-server build a full Headers object
 * for every response, which halved lookup throughput (bench:lookup). Every response, error pages
 * included, carries them; a request id a client sent is kept (for tracing across services).
 */
export function createHttpServer(app: Pick<Hono, 'fetch'>, pageHeaders: HeaderList): Server {
  const listener = getRequestListener(app.fetch);
  return createServer((req, res) => {
    for (const [name, value] of req.url?.startsWith('/api/') ? API_HEADERS : pageHeaders) res.setHeader(name, value);
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    void listener(req, res);
  });
}
