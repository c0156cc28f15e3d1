import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRoute } from '@hono/zod-openapi';
import { lookupQuerySchema } from '../../../contracts/index.ts';
import type { Authenticator, Caller } from '../auth/require-auth.ts';
import type { RateLimiter } from '../auth/rate-limiter.ts';
import type { CrossOriginPolicy } from '../cross-origin.ts';
import type { Directory } from '../directory/directory.ts';
import { REQUEST_ID_HEADER, type DirectRoute } from '../http-server.ts';
import { logAnswered, type Logger } from '../logger.ts';
import { secondsSince, type Metrics } from '../metrics.ts';
import { PROBLEM_CONTENT_TYPE, problemFor, problemOf, validationFailed, type ApiError } from '../problem.ts';
import { BEARER } from './openapi-app.ts';

const PATH = '/api/lookup';

/** How the app documents the route (registered in its OpenAPI document). */
export const lookupRouteDoc = createRoute({
  method: 'get',
  path: PATH,
  summary: 'Identify a caller from a phone number',
  security: BEARER,
  request: { query: lookupQuerySchema },
  responses: { 200: { description: 'The contact the number belongs to, or no match' } },
});

export interface LookupRouteDeps {
  directory: Directory;
  metrics: Metrics;
  limit: RateLimiter;
  authenticator: Authenticator;
  crossOrigin: CrossOriginPolicy;
  logger: Logger;
}

/**
 * `GET /api/lookup`, answered on Node's request before Hono sees it: a PBX asks for every call,
 * and Hono's adapter (a Request, a Context and a Response per request) cost a fifth of a lookup
 * over HTTP (bench:lookup). It does what the app does to a request, with the app's parts:
 * authentication (Authenticator), validation (the contract's schema), the per-user rate limit,
 * latency metrics, CORS labels, problem details and the debug request log. The server adds the
 * security headers and the request id, as to every answer. Everything else, preflights included,
 * goes to the app.
 */
export class LookupRoute implements DirectRoute {
  private readonly logRequests: boolean;

  constructor(private readonly deps: LookupRouteDeps) {
    this.logRequests = deps.logger.isLevelEnabled('debug');
  }

  answer(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith(PATH) || (url.length > PATH.length && url.charCodeAt(PATH.length) !== QUESTION_MARK)) return false;
    const started = this.logRequests ? performance.now() : 0;
    try {
      const caller = this.deps.authenticator.callerOf(req.headers.authorization);
      if (caller instanceof Promise) {
        caller.then((found) => this.lookUp(req, res, url, found, started)).catch((error: unknown) => this.fail(req, res, error, started));
      } else this.lookUp(req, res, url, caller, started);
    } catch (error) {
      this.fail(req, res, error, started);
    }
    return true;
  }

  private lookUp(req: IncomingMessage, res: ServerResponse, url: string, caller: Caller, started: number): void {
    const { number, profile } = readQuery(url);
    this.deps.limit.take(caller.principal.oid);
    const lookupStarted = performance.now();
    const result = this.deps.directory.lookup(number, caller.visible, profile);
    this.deps.metrics.lookupLatency.observe(secondsSince(lookupStarted));
    this.send(req, res, 200, 'application/json', JSON.stringify(result), undefined, started);
  }

  private fail(req: IncomingMessage, res: ServerResponse, error: unknown, started: number): void {
    const problem = problemFor(error, (err) => this.deps.logger.error({ err, requestId: req.headers[REQUEST_ID_HEADER], path: PATH }, 'unhandled error'));
    this.send(req, res, problem.status, PROBLEM_CONTENT_TYPE, JSON.stringify(problemOf(problem)), problem.headers, started);
  }

  private send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, own: ApiError['headers'], started: number): void {
    const headers = ['Content-Type', type, 'Content-Length', String(Buffer.byteLength(body))];
    if (own) for (const name in own) headers.push(name, own[name] as string);
    headers.push(...this.deps.crossOrigin.answerHeaders(req.headers.origin));
    res.writeHead(status, headers);
    res.end(body);
    if (this.logRequests) logAnswered(this.deps.logger, { requestId: req.headers[REQUEST_ID_HEADER], method: 'GET', path: PATH, status, started });
  }
}

const QUESTION_MARK = 0x3f;
const NAMES = Object.keys(lookupQuerySchema.shape);

/**
 * The query, validated by the contract's schema. Parsed once with URLSearchParams and checked
 * synchronously: @hono/zod-openapi's validator middleware parses asynchronously, and Hono's
 * `c.req.query(name)` decodes the whole query again for each name.
 */
function readQuery(url: string) {
  const start = url.indexOf('?');
  const params = new URLSearchParams(start === -1 ? '' : url.slice(start));
  const query: Record<string, string | undefined> = {};
  for (const name of NAMES) query[name] = params.get(name) ?? undefined;
  const parsed = lookupQuerySchema.safeParse(query);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  return parsed.data;
}
