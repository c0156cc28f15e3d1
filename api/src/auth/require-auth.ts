import { createMiddleware } from 'hono/factory';
import { forbidden, unauthorized } from '../problem.ts';
import type { Principal, TokenVerifier } from './token-verifier.ts';

export interface AuthVariables {
  principal: Principal;
}

/** Rejects any request without a valid bearer token; puts the caller on the context. */
export function requireAuth(verifier: TokenVerifier) {
  return createMiddleware<{ Variables: AuthVariables }>(async function authenticate(c, next) {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('A bearer access token is required.');
    c.set('principal', await verifier.verify(match[1]));
    await next();
  });
}

export const requireAdmin = createMiddleware<{ Variables: AuthVariables }>(async function authorizeAdmin(c, next) {
  if (!c.get('principal').isAdmin) throw forbidden('This action needs the Directory.Admin role.');
  await next();
});
