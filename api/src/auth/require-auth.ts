import { createMiddleware } from 'hono/factory';
import { forbidden, unauthorized } from '../problem.ts';
import type { Principal, TokenVerifier } from './token-verifier.ts';

export interface AuthVariables {
  principal: Principal;
}

/** Rejects any request without a valid bearer token; puts the caller on the context. */
export function requireAuth(verifier: TokenVerifier) {
  return createMiddleware<{ Variables: AuthVariables }>(function authenticate(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw unauthorized('A bearer access token is required.');
    // A token seen before is answered from the verifier's cache, without a promise in between:
    // this runs in front of every lookup.
    const known = verifier.verifiedBefore(token);
    if (known) {
      c.set('principal', known);
      return next();
    }
    return verifier.verify(token).then((principal) => {
      c.set('principal', principal);
      return next();
    });
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
