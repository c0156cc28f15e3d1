// User tokens the programmatic API hands out without sign-in or consent, with the claims the
// directory gives the user (roles, groups or their overage, wids): for tests that need a token
// shaped some particular way, such as a v1 token or one from another tenant.

import type { EmulatorContext } from './context.ts';
import { membershipClaims } from './membership-claims.ts';
import { userTokenForApi, userTokenForGraph } from './tokens.ts';

export interface UserTokenOptions {
  /** User principal name (or object id) of a user of the tenant. */
  username: string;
  /** `api` (default): an access token for the Switchboard API; `graph`: a delegated Graph token. */
  resource?: 'api' | 'graph';
  /** API tokens: 2 (default; issuer `<authority>/<tid>/v2.0`, `azp`) or 1 (issuer `https://sts.windows.net/<tid>/`, `appid`). */
  version?: 1 | 2;
  /** API tokens: `aud`; by default the client id for v2 and the identifier URI (`api://...`) for v1. */
  audience?: string;
  /** Stand for a user of another tenant: `tid` and the issuer name it; signed with the same key,
   * as Entra signs every tenant's tokens with the same keys. */
  tenantId?: string;
  /** `scp`: default `access_as_user` (API) or `User.Read` (Graph). */
  scopes?: string[];
  /** The calling app (`azp` / `appid`); default the Switchboard app itself. */
  clientId?: string;
}

export function issueUserToken(ctx: EmulatorContext, options: UserTokenOptions): Promise<string> {
  const { directory } = ctx;
  const user = directory.users.find(options.username);
  if (!user) throw new Error(`Unknown user '${options.username}'.`);
  const tenantId = (options.tenantId ?? ctx.tenantId).toLowerCase();
  const clientId = (options.clientId ?? directory.apiApp.clientId).toLowerCase();
  if (options.resource === 'graph') {
    const displayName = directory.apps.applicationByAppId(clientId, Infinity)?.displayName ?? clientId;
    return userTokenForGraph(ctx, { user, client: { appId: clientId, displayName }, confidential: false, scopes: options.scopes ?? ['User.Read'], tenantId });
  }
  const api = directory.apiApplication;
  const principal = directory.apps.servicePrincipalByAppId(api.appId, Infinity);
  if (!principal) throw new Error('The Switchboard API app has no service principal.');
  const version = options.version ?? 2;
  return userTokenForApi(ctx, {
    user,
    clientId,
    confidential: false,
    scopes: options.scopes ?? ['access_as_user'],
    roles: directory.appRolesOf(user, principal, Infinity),
    membership: membershipClaims(ctx, user, api, principal, Infinity),
    version,
    audience: options.audience ?? (version === 2 ? api.appId : directory.apiApp.identifierUri),
    tenantId,
  });
}
