import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { REQUEST_ID_HEADER } from './http-server.ts';

const ALLOWED_METHODS = ['GET', 'POST', 'PATCH', 'DELETE'];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', REQUEST_ID_HEADER];
const EXPOSED_HEADERS = ['Retry-After', REQUEST_ID_HEADER];
const PREFLIGHT_MAX_AGE_S = 600;
/** Without configured origins: nothing to add, and nothing allocated per answer. */
const NO_HEADERS: readonly string[] = [];

/**
 * Which other origins' browsers may call the API (CORS_ORIGINS): none when the web app is served
 * by the API itself. The app's routes get it as Hono's cors middleware; a route answered before
 * the app (see LookupRoute) labels its answers itself, with the same headers. Preflights always
 * reach the app.
 */
export class CrossOriginPolicy {
  private readonly exposed = EXPOSED_HEADERS.join(',');

  constructor(private readonly origins: readonly string[]) {}

  /** Hono's cors middleware for these origins; null when there are none. */
  middleware(): MiddlewareHandler | null {
    if (this.origins.length === 0) return null;
    return cors({
      origin: [...this.origins],
      allowMethods: ALLOWED_METHODS,
      allowHeaders: ALLOWED_HEADERS,
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: PREFLIGHT_MAX_AGE_S,
    });
  }

  /**
   * The CORS headers of an answer (not a preflight) to a request from `origin`, as
   * `[name, value, ...]`: what the middleware adds, in the same cases.
   */
  answerHeaders(origin: string | undefined): readonly string[] {
    if (this.origins.length === 0) return NO_HEADERS;
    const labels = ['Access-Control-Expose-Headers', this.exposed, 'Vary', 'Origin'];
    if (origin !== undefined && this.origins.includes(origin)) labels.push('Access-Control-Allow-Origin', origin);
    return labels;
  }
}
