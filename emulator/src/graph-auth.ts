// Bearer-token gate in front of every Graph call: 401 for a missing or invalid token; otherwise
// the caller (an app on its own, or a user through an app) and the permissions its token grants.
// What each call needs is checked by the routes (graph-permissions).

import type { MiddlewareHandler } from 'hono';
import type { EmulatorContext } from './context.ts';
import { GraphError, type GraphEnv } from './graph-response.ts';
import { verifyGraphToken } from './tokens.ts';

export type Caller =
  /** App-only: the app roles (application permissions) in `roles`. */
  | { kind: 'app'; appId: string; permissions: readonly string[] }
  /** Delegated: the scopes in `scp`, limited by what the user may do. */
  | { kind: 'user'; appId: string; userId: string; permissions: readonly string[] };

export function graphAuth(ctx: EmulatorContext): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const challenge = {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${ctx.baseUrl}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    };
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', challenge);
    const check = await verifyGraphToken(ctx, match[1]);
    if (!check.ok) throw new GraphError(401, 'InvalidAuthenticationToken', check.message, challenge);
    const { claims } = check;
    const appId = String(claims.appid ?? claims.azp ?? '');
    const delegated = claims.idtyp === 'user' || typeof claims.scp === 'string';
    c.set(
      'caller',
      delegated
        ? { kind: 'user', appId, userId: String(claims.oid ?? ''), permissions: (claims.scp ?? '').split(' ').filter(Boolean) }
        : { kind: 'app', appId, permissions: claims.roles ?? [] },
    );
    c.set('appId', appId);
    c.set('tenantId', String(claims.tid ?? ''));
    await next();
  };
}
