// Access and ID tokens shaped like Entra's: v1 app-only and delegated tokens for Graph, v2 (or
// v1) user tokens for the Switchboard API, and the validation Graph applies to incoming bearer
// tokens. Entra signs every tenant's tokens with the same keys, so a token standing for another
// tenant differs only in its issuer and `tid`.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { entraIssuer, GRAPH_APP_ID, GRAPH_RESOURCE, stsIssuer, type EmulatorContext } from './context.ts';
import { roleTemplateIds, type MembershipClaims } from './membership-claims.ts';
import type { User } from './users.ts';

export const TOKEN_LIFETIME_SECONDS = 3599;

/** What an app-only token says about its app. */
export interface AppPrincipal {
  appId: string;
  displayName: string;
  /** Object id of the app's service principal: `oid` and `sub`. */
  servicePrincipalId: string;
  /** App roles of the token's resource that the service principal holds. */
  roles: string[];
}

async function sign(ctx: EmulatorContext, claims: JWTPayload, lifetime = TOKEN_LIFETIME_SECONDS): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  // Entra back-dates nbf/iat by five minutes to absorb clock skew.
  return signClaims(ctx, { ...claims, iat: now - 300, nbf: now - 300, exp: now + lifetime });
}

/** Signs the given claims verbatim, with the emulator's key and Entra's header fields. */
export function signClaims(ctx: EmulatorContext, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: ctx.signingKey.kid, kid: ctx.signingKey.kid })
    .sign(ctx.signingKey.privateKey);
}

/** Entra fills these with opaque internal values; clients must not depend on them. */
function opaqueClaims(): { aio: string; rh: string; uti: string } {
  return {
    aio: randomBytes(48).toString('base64url'),
    rh: `1.${randomBytes(32).toString('base64url')}.`,
    uti: randomBytes(16).toString('base64url'),
  };
}

/** Subjects are pairwise: the same user has a different `sub` per client app. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}|${clientId}`).digest('base64url');
}

/** Entra omits `roles` entirely when there are none. */
function rolesClaim(roles: readonly string[]): { roles?: string[] } {
  return roles.length > 0 ? { roles: [...roles] } : {};
}

export function appTokenForGraph(ctx: EmulatorContext, app: AppPrincipal): Promise<string> {
  const sts = stsIssuer(ctx);
  return sign(ctx, {
    aud: GRAPH_RESOURCE,
    iss: sts,
    ...opaqueClaims(),
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr: '1',
    idp: sts,
    idtyp: 'app',
    oid: app.servicePrincipalId,
    ...rolesClaim(app.roles),
    sub: app.servicePrincipalId,
    tenant_region_scope: 'EU',
    tid: ctx.tenantId,
    ver: '1.0',
    wids: ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'],
    xms_tcdt: 1_600_000_000,
  });
}

/** App-only token for an API of the tenant (client credentials against e.g. the Switchboard API). */
export function appTokenForApi(ctx: EmulatorContext, app: AppPrincipal, audience: string): Promise<string> {
  return sign(ctx, {
    aud: audience,
    iss: entraIssuer(ctx),
    ...opaqueClaims(),
    azp: app.appId,
    azpacr: '1',
    idtyp: 'app',
    oid: app.servicePrincipalId,
    ...rolesClaim(app.roles),
    sub: app.servicePrincipalId,
    tid: ctx.tenantId,
    ver: '2.0',
  });
}

export interface ApiTokenInput {
  user: User;
  /** The app that asked (azp / appid). */
  clientId: string;
  confidential: boolean;
  /** Delegated scopes of the API granted to the client (`scp`). */
  scopes: readonly string[];
  /** The API's app roles the user holds. */
  roles: readonly string[];
  membership: MembershipClaims;
  /** 2: issuer `<authority>/<tid>/v2.0`, `azp`; 1: issuer `https://sts.windows.net/<tid>/`, `appid`. */
  version: 1 | 2;
  audience: string;
  tenantId: string;
}

export function userTokenForApi(ctx: EmulatorContext, input: ApiTokenInput): Promise<string> {
  const { user } = input;
  const common = {
    aud: input.audience,
    ...opaqueClaims(),
    name: user.displayName,
    oid: user.id,
    ...rolesClaim(input.roles),
    scp: input.scopes.join(' '),
    sub: pairwiseSubject(user.id, ctx.directory.apiApp.clientId),
    tid: input.tenantId,
    ...input.membership,
  };
  if (input.version === 1) {
    return sign(ctx, {
      ...common,
      iss: stsIssuer(ctx, input.tenantId),
      acr: '1',
      amr: ['pwd'],
      appid: input.clientId,
      appidacr: input.confidential ? '1' : '0',
      family_name: user.surname ?? undefined,
      given_name: user.givenName ?? undefined,
      unique_name: user.userPrincipalName,
      upn: user.userPrincipalName,
      ver: '1.0',
    });
  }
  return sign(ctx, {
    ...common,
    iss: entraIssuer(ctx, input.tenantId),
    azp: input.clientId,
    azpacr: input.confidential ? '1' : '0',
    preferred_username: user.userPrincipalName,
    sid: randomUUID(),
    ver: '2.0',
  });
}

export interface GraphTokenInput {
  user: User;
  client: { appId: string; displayName: string };
  confidential: boolean;
  scopes: readonly string[];
  tenantId: string;
}

/** Delegated Graph token (v1 shape), as a user gets it for `https://graph.microsoft.com/...` scopes. */
export function userTokenForGraph(ctx: EmulatorContext, input: GraphTokenInput): Promise<string> {
  const { user } = input;
  const sts = stsIssuer(ctx, input.tenantId);
  return sign(ctx, {
    aud: GRAPH_RESOURCE,
    iss: sts,
    ...opaqueClaims(),
    acr: '1',
    amr: ['pwd'],
    app_displayname: input.client.displayName,
    appid: input.client.appId,
    appidacr: input.confidential ? '1' : '0',
    family_name: user.surname ?? undefined,
    given_name: user.givenName ?? undefined,
    idtyp: 'user',
    name: user.displayName,
    oid: user.id,
    scp: input.scopes.join(' '),
    sub: pairwiseSubject(user.id, GRAPH_APP_ID),
    tenant_region_scope: 'EU',
    tid: input.tenantId,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    ver: '1.0',
    wids: roleTemplateIds(user),
  });
}

export function idToken(
  ctx: EmulatorContext,
  input: { user: User; clientId: string; tenantId: string; nonce?: string; sid: string; membership: MembershipClaims },
): Promise<string> {
  const { user } = input;
  return sign(ctx, {
    aud: input.clientId,
    iss: entraIssuer(ctx, input.tenantId),
    name: user.displayName,
    ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
    oid: user.id,
    preferred_username: user.userPrincipalName,
    rh: opaqueClaims().rh,
    sid: input.sid,
    sub: pairwiseSubject(user.id, input.clientId),
    tid: input.tenantId,
    uti: opaqueClaims().uti,
    ver: '2.0',
    ...input.membership,
  });
}

export type GraphTokenCheck =
  | { ok: true; claims: JWTPayload & { roles?: string[]; scp?: string; idtyp?: string } }
  | { ok: false; message: string };

/** Validates a bearer token the way Graph does: signature, issuer, audience, lifetime, tenant. */
export async function verifyGraphToken(ctx: EmulatorContext, token: string): Promise<GraphTokenCheck> {
  if (token.split('.').length !== 3) {
    return {
      ok: false,
      message: 'IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format.',
    };
  }
  try {
    const { payload } = await jwtVerify(token, ctx.signingKey.publicKey, {
      algorithms: ['RS256'],
      issuer: stsIssuer(ctx),
      audience: [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID],
      clockTolerance: 300,
    });
    if (payload.tid !== ctx.tenantId) return { ok: false, message: 'Access token validation failure. Invalid tenant.' };
    return { ok: true, claims: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') return { ok: false, message: 'Access token validation failure. Invalid audience.' };
      if (error.claim === 'iss') return { ok: false, message: 'Access token validation failure. Invalid issuer.' };
    }
    return { ok: false, message: 'Access token validation failure.' };
  }
}
