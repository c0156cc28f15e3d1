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

/**
 * Rejects any request without a valid bearer token; puts the caller, and what the caller may see,
 * on the context. One middleware for both: it runs in front of every lookup.
 */
export function requireAuth(verifier: TokenVerifier, access: SourceAccessPolicy) {
  return createMiddleware<{ Variables: AuthVariables }>(function authenticate(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw unauthorized('A bearer access token is required.');
    const admit = (principal: Principal) => {
      c.set('principal', principal);
      const visible = access.filterFor(principal);
      if (!(visible instanceof Promise)) {
        c.set('visible', visible);
        return next();
      }
      return visible.then((filter) => {
        c.set('visible', filter);
        return next();
      });
    };
    // A token seen before is answered from the verifier's cache, without a promise in between.
    const known = verifier.verifiedBefore(token);
    return known ? admit(known) : verifier.verify(token).then(admit);
  });
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
