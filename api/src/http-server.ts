import { randomUUID } from 'node:crypto';
import { createServer, ServerResponse, type IncomingMessage, type OutgoingHttpHeader, type OutgoingHttpHeaders, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { API_HEADERS, type HeaderList } from './security-headers.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface PageHeaderSets {
  pages: HeaderList;
  /** MSAL's redirect bridge page, `/auth-redirect.html`. */
  redirectBridge: HeaderList;
}

/** A route answered on Node's request before the app: one called so often that Hono's adapter would cost more than its own work. */
export interface DirectRoute {
  /** Answers the request, now or later, and returns true; false leaves it to the app. */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * The HTTP server around the app and its direct routes. Every response, error pages included,
 * carries the security headers of its kind and the request id; a request id a client sent is kept
 * (for tracing across services).
 */
export function createHttpServer(
  app: { fetch: Parameters<typeof getRequestListener>[0] },
  pageHeaders: PageHeaderSets,
  directRoutes: readonly DirectRoute[] = [],
): Server {
  const listener = getRequestListener(app.fetch);
  const sets = { api: fixed(API_HEADERS), pages: fixed(pageHeaders.pages), redirectBridge: fixed(pageHeaders.redirectBridge) };
  return createServer((req, res: Partial<Headed> & ServerResponse) => {
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.requestId = id;
    res.fixedHeaders = headersFor(req.url ?? '/', sets);
    // A method of its own rather than a subclass of ServerResponse: in the API, V8 never finished
    // optimizing the subclass's constructor (aborted for a "dependency change" and compiled again,
    // about 25 times a second under load), which cost its threads 3-9 µs of CPU per request.
    res.writeHead = writeHeadWithFixed as ServerResponse['writeHead'];
    for (const route of directRoutes) if (route.answer(req, res)) return;
    void listener(req, res);
  });
}

/** What the server keeps on each response to write its fixed headers (see writeHeadWithFixed). */
interface Headed {
  requestId: string;
  fixedHeaders: FixedHeaders;
}

/**
 * Writes the response's fixed headers when its head is written, in one list with the app's own.
 * Setting them one by one beforehand (setHeader) made Node validate and store every header twice
 * and merge the app's into them on each response: about a tenth of a lookup's cost (bench:lookup).
 * Adding them through Hono is worse: @hono/node-server then builds a Headers object per response.
 * A header the app sets itself wins over a fixed one of the same name.
 */
function writeHeadWithFixed(
  this: ServerResponse & Headed,
  statusCode: number,
  reasonOrHeaders?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
  headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
): ServerResponse {
  if (typeof reasonOrHeaders === 'string') return nodeWriteHead.call(this, statusCode, reasonOrHeaders, withFixed(this, headers));
  return nodeWriteHead.call(this, statusCode, withFixed(this, reasonOrHeaders));
}

const nodeWriteHead = ServerResponse.prototype.writeHead as (this: ServerResponse, statusCode: number, ...reasonAndHeaders: unknown[]) => ServerResponse;

function withFixed(res: Headed, own: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined): OutgoingHttpHeader[] {
  const all: OutgoingHttpHeader[] = [];
  const ownNames: string[] = [];
  if (Array.isArray(own)) {
    for (let i = 0; i + 1 < own.length; i += 2) {
      all.push(own[i] as OutgoingHttpHeader, own[i + 1] as OutgoingHttpHeader);
      ownNames.push(String(own[i]).toLowerCase());
    }
  } else if (own) {
    for (const name in own) {
      const value = own[name];
      if (value === undefined) continue;
      all.push(name, value);
      ownNames.push(name.toLowerCase());
    }
  }
  const { flat, lowerCaseNames } = res.fixedHeaders;
  for (let i = 0; i < lowerCaseNames.length; i++) {
    if (!ownNames.includes(lowerCaseNames[i] as string)) all.push(flat[2 * i] as string, flat[2 * i + 1] as string);
  }
  if (!ownNames.includes(REQUEST_ID_HEADER)) all.push(REQUEST_ID_HEADER, res.requestId);
  return all;
}

interface FixedHeaders {
  /** `[name, value, name, value, ...]` */
  flat: readonly string[];
  lowerCaseNames: readonly string[];
}

const REDIRECT_BRIDGE_PATH = '/auth-redirect.html';

function headersFor(url: string, sets: Record<'api' | 'pages' | 'redirectBridge', FixedHeaders>): FixedHeaders {
  if (url.startsWith('/api/')) return sets.api;
  return url === REDIRECT_BRIDGE_PATH || url.startsWith(`${REDIRECT_BRIDGE_PATH}?`) ? sets.redirectBridge : sets.pages;
}

function fixed(list: HeaderList): FixedHeaders {
  return { flat: list.flat(), lowerCaseNames: list.map(([name]) => name.toLowerCase()) };
}
