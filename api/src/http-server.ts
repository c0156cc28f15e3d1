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
export interface PageHeaderSets {
  pages: HeaderList;
  /** MSAL's redirect bridge page, `/auth-redirect.html`. */
  redirectBridge: HeaderList;
}

const REDIRECT_BRIDGE_PATH = '/auth-redirect.html';

export function createHttpServer(app: Pick<Hono, 'fetch'>, pageHeaders: PageHeaderSets): Server {
  const listener = getRequestListener(app.fetch);
  return createServer((req, res) => {
    for (const [name, value] of headersFor(req.url ?? '/', pageHeaders)) res.setHeader(name, value);
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    void listener(req, res);
  });
}

function headersFor(url: string, pages: PageHeaderSets): HeaderList {
  if (url.startsWith('/api/')) return API_HEADERS;
  return url === REDIRECT_BRIDGE_PATH || url.startsWith(`${REDIRECT_BRIDGE_PATH}?`) ? pages.redirectBridge : pages.pages;
}
