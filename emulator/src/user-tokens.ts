// The token endpoint's answer for a signed-in user, whatever the grant (password, authorization
// code, refresh token): an access token for the first resource asked for, carrying every scope the
// client holds on it, plus the refresh token, ID token and client_info asked for.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Application } from './app-registrations.ts';
import { GRAPH_APP_ID, GRAPH_RESOURCE, type EmulatorContext } from './context.ts';
import { membershipClaims } from './membership-claims.ts';
import { OIDC_SCOPES } from './microsoft-graph-app.ts';
import { sealToken } from './opaque-token.ts';
import { primaryResource, type ScopeRequest } from './scope-request.ts';
import { idToken, TOKEN_LIFETIME_SECONDS, userTokenForApi, userTokenForGraph } from './tokens.ts';
import type { User } from './users.ts';

/** Refresh tokens of single-page apps live a day and cannot be extended (Entra's rule). */
export const SPA_REFRESH_LIFETIME_MS = 86_400_000;

export interface UserTokenGrant {
  user: User;
  client: Application;
  confidential: boolean;
  request: ScopeRequest;
  /** The scope parameter as sent: a refresh token renews it. */
  scope: string;
  asOf: number;
  clientInfo: boolean;
  nonce?: string;
  sid?: string;
  /** Issued through a single-page app's redirect: its refresh token must be redeemed cross-origin. */
  spa: boolean;
}

export function tokenResponse(c: Context, accessToken: string, scope?: string, extras: Record<string, string | number> = {}): Response {
  return c.json({
    token_type: 'Bearer',
    ...(scope === undefined ? {} : { scope }),
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    ...extras,
  });
}

export async function userTokenResponse(c: Context, ctx: EmulatorContext, grant: UserTokenGrant): Promise<Response> {
  const { user, client, asOf } = grant;
  const primary = primaryResource(ctx, grant.request);
  const granted = [...ctx.directory.consents.granted(client.appId, primary.resource.appId, user.id)];
  let accessToken: string;
  let scopes: string[];
  if (primary.resource.appId === GRAPH_APP_ID) {
    const scp = granted.filter((s) => s !== 'offline_access');
    accessToken = await userTokenForGraph(ctx, { user, client, confidential: grant.confidential, scopes: scp, tenantId: ctx.tenantId });
    scopes = scp.filter((s) => !OIDC_SCOPES.has(s)).map((s) => `${GRAPH_RESOURCE}/${s}`);
  } else {
    const resourceApp = ctx.directory.apps.applicationByAppId(primary.resource.appId, asOf);
    const version = resourceApp?.api.requestedAccessTokenVersion === 2 ? 2 : 1;
    accessToken = await userTokenForApi(ctx, {
      user,
      clientId: client.appId,
      confidential: grant.confidential,
      scopes: granted,
      roles: ctx.directory.appRolesOf(user, primary.resource, asOf),
      membership: resourceApp ? membershipClaims(ctx, user, resourceApp, primary.resource, asOf) : {},
      version,
      // v2 tokens name the API by its client id; v1 tokens by the identifier the client asked for.
      audience: version === 2 ? primary.resource.appId : primary.name,
      tenantId: ctx.tenantId,
    });
    scopes = granted.map((s) => `${primary.name}/${s}`);
  }
  const oidc = grant.request.oidc;
  const extras: Record<string, string | number> = {};
  if (oidc.includes('offline_access')) {
    extras.refresh_token = sealToken(ctx.tokenSecret, {
      k: 'rt',
      oid: user.id,
      cid: client.appId,
      scope: grant.scope,
      spa: grant.spa,
      x: grant.spa ? asOf + SPA_REFRESH_LIFETIME_MS : null,
      n: randomBytes(6).toString('base64url'),
    });
    if (grant.spa) extras.refresh_token_expires_in = Math.floor(SPA_REFRESH_LIFETIME_MS / 1000);
  }
  if (oidc.includes('openid')) {
    const clientPrincipal = ctx.directory.apps.servicePrincipalByAppId(client.appId, asOf);
    extras.id_token = await idToken(ctx, {
      user,
      clientId: client.appId,
      tenantId: ctx.tenantId,
      ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
      sid: grant.sid ?? randomUUID(),
      membership: membershipClaims(ctx, user, client, clientPrincipal, asOf),
    });
  }
  if (grant.clientInfo) extras.client_info = clientInfo(ctx, user);
  return tokenResponse(c, accessToken, [...scopes, ...oidc].join(' '), extras);
}

/** MSAL's account key: base64url JSON of the user's object id and home tenant. */
export function clientInfo(ctx: EmulatorContext, user: User): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenantId })).toString('base64url');
}
