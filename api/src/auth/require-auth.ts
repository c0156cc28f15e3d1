import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { forbidden, unauthorized } from '../problem.ts';
import type { SourceFilter } from '../directory/directory.ts';
import type { SourceAccessPolicy } from './source-access.ts';
import type { Principal, TokenVerifier } from './token-verifier.ts';

/** Who sent a request, and which data sources they may see. */
export interface Caller {
  principal: Principal;
  /** Everything the directory answers the caller is filtered by it. */
  visible: SourceFilter;
}

/** What an authenticated route of the app finds on its context. */
export type AuthVariables = Caller;

/** What an authenticated route sees: the caller on the context, Node's request underneath (when served by Node). */
export type AuthEnv = { Variables: AuthVariables; Bindings: Partial<HttpBindings | Http2Bindings> };

/**
 * Checks a request's bearer token and finds the caller, and what the caller may see. It runs in
 * front of every API request but health: as the app's middleware (requireAuth), or in a route
 * served before the app (see LookupRoute).
 */
export class Authenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly access: SourceAccessPolicy,
  ) {}

  /**
   * The caller of a request with this Authorization header, or a promise of them when the token or
   * the caller's groups must be fetched first; a token seen before is answered from the verifier's
   * cache without a promise in between. Throws 401 without a bearer token.
   */
  callerOf(authorization: string | undefined): Caller | Promise<Caller> {
    const token = bearerToken(authorization);
    if (!token) throw unauthorized('A bearer access token is required.');
    const known = this.verifier.verifiedBefore(token);
    return known ? this.admit(known) : this.verifier.verify(token).then((principal) => this.admit(principal));
  }

  private admit(principal: Principal): Caller | Promise<Caller> {
    const visible = this.access.filterFor(principal);
    return visible instanceof Promise ? visible.then((filter) => ({ principal, visible: filter })) : { principal, visible };
  }
}

/** Authentication as the app's middleware, for every route behind it. */
export function requireAuth(authenticator: Authenticator): MiddlewareHandler<AuthEnv> {
  const enter = (c: Context<AuthEnv>, { principal, visible }: Caller) => {
    c.set('principal', principal);
    c.set('visible', visible);
  };
  return (c, next) => {
    const caller = authenticator.callerOf(authorizationOf(c));
    if (!(caller instanceof Promise)) {
      enter(c, caller);
      return next();
    }
    return caller.then((found) => {
      enter(c, found);
      return next();
    });
  };
}

/**
 * The Authorization header. Read from Node's parsed headers when served by Node: the Fetch API view
 * of them scans and checks the whole token again on every request. Node keeps the first of
 * repeated Authorization headers; the token is verified either way.
 */
function authorizationOf(c: Context<AuthEnv>): string | undefined {
  const incoming = c.env?.incoming;
  return incoming ? incoming.headers.authorization : c.req.header('Authorization');
}

const BEARER_PREFIX = /^Bearer +/i;

/** The token of an `Authorization: Bearer <token>` header; no regular expression runs over the token itself. */
function bearerToken(header: string | undefined): string | null {
  const prefix = header && BEARER_PREFIX.exec(header.slice(0, 16));
  if (!prefix) return null;
  const token = header.slice(prefix[0].length);
  return token.length > 0 && !token.includes(' ') ? token : null;
}

export const requireAdmin = createMiddleware<{ Variables: AuthVariables }>(async function authorizeAdmin(c, next) {
  if (!c.get('principal').isAdmin) throw forbidden('This action needs the Directory.Admin role.');
  await next();
});
