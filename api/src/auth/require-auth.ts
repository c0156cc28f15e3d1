import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { forbidden, unauthorized } from '../problem.ts';
import type { SourceFilter } from '../directory/directory.ts';
import type { SourceAccessPolicy } from './source-access.ts';
import type { Principal, TokenVerifier } from './token-verifier.ts';

export interface AuthVariables {
  principal: Principal;
  /** The data sources this caller may see; everything the directory answers is filtered by it. */
  visible: SourceFilter;
}

/** What an authenticated route sees: the caller on the context, Node's request underneath (when served by Node). */
export type AuthEnv = { Variables: AuthVariables; Bindings: Partial<HttpBindings | Http2Bindings> };

/**
 * Checks a request's bearer token and puts the caller, and what the caller may see, on the context.
 * It runs in front of every API request but health: as the middleware of the app (requireAuth), or
 * inside the single handler of a hot route (authenticated).
 */
export class Authenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly access: SourceAccessPolicy,
  ) {}

  /** Done when it returns nothing; a promise when the token or the caller's groups must be fetched first. */
  authenticate(c: Context<AuthEnv>): Promise<void> | undefined {
    const token = bearerToken(authorizationOf(c));
    if (!token) throw unauthorized('A bearer access token is required.');
    // A token seen before is answered from the verifier's cache, without a promise in between.
    const known = this.verifier.verifiedBefore(token);
    return known ? this.admit(c, known) : this.verifier.verify(token).then((principal) => this.admit(c, principal));
  }

  private admit(c: Context<AuthEnv>, principal: Principal): Promise<void> | undefined {
    c.set('principal', principal);
    const visible = this.access.filterFor(principal);
    if (!(visible instanceof Promise)) {
      c.set('visible', visible);
      return undefined;
    }
    return visible.then((filter) => {
      c.set('visible', filter);
    });
  }
}

/** Authentication as the app's middleware, for every route behind it. */
export function requireAuth(authenticator: Authenticator): MiddlewareHandler<AuthEnv> {
  return (c, next) => {
    const pending = authenticator.authenticate(c);
    return pending ? pending.then(next) : next();
  };
}

/**
 * A route's one handler, authenticated first. Hono answers a route that has a single handler
 * without composing middleware, synchronously; through the middleware chain a lookup cost about a
 * seventh more (bench:lookup).
 */
export function authenticated(authenticator: Authenticator, handler: (c: Context<AuthEnv>) => Response): Handler<AuthEnv> {
  return (c) => {
    const pending = authenticator.authenticate(c);
    return pending ? pending.then(() => handler(c)) : handler(c);
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
