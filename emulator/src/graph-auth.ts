// Bearer-token gate in front of every Graph call: 401 for a missing or invalid token, 403 when
// the token is valid but lacks a permission that allows reading orgContacts.

import type { MiddlewareHandler } from 'hono';
import type { EmulatorContext } from './context.ts';
import { GraphError, type GraphEnv } from './graph-response.ts';
import { verifyGraphToken } from './tokens.ts';

// Any of these grants GET /contacts, per the Graph permission reference.
const READ_CONTACTS = new Set(['OrgContact.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);

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
    const granted = check.claims.idtyp === 'user' ? (check.claims.scp ?? '').split(' ') : (check.claims.roles ?? []);
    if (!granted.some((p) => READ_CONTACTS.has(p))) {
      throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    }
    c.set('appId', String(check.claims.appid ?? check.claims.azp ?? ''));
    c.set('tenantId', String(check.claims.tid ?? ''));
    await next();
  };
}
