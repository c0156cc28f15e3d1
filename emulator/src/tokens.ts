// Access and ID tokens shaped like Entra's: v1 app-only tokens for Graph, v2 user tokens for
// the Switchboard API, and the validation Graph applies to incoming bearer tokens.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { entraIssuer, GRAPH_APP_ID, GRAPH_RESOURCE, stsIssuer, type EmulatorContext } from './context.ts';
import type { DemoUser, RegisteredApp } from './directory.ts';

export const TOKEN_LIFETIME_SECONDS = 3599;

// Well-known directory role template: Global Administrator.
const GLOBAL_ADMIN_ROLE = '62e90394-69f5-4237-9190-012177145e10';

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

export function appTokenForGraph(ctx: EmulatorContext, app: RegisteredApp): Promise<string> {
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
    // Entra omits the claim entirely when the app holds no roles.
    ...(app.roles.length > 0 ? { roles: [...app.roles] } : {}),
    sub: app.servicePrincipalId,
    tenant_region_scope: 'EU',
    tid: ctx.tenantId,
    ver: '1.0',
    wids: ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'],
    xms_tcdt: 1_600_000_000,
  });
}

/** App-only token for the Switchboard API itself (client credentials against the API app). */
export function appTokenForApi(ctx: EmulatorContext, app: RegisteredApp): Promise<string> {
  return sign(ctx, {
    aud: ctx.directory.apiApp.clientId,
    iss: entraIssuer(ctx),
    ...opaqueClaims(),
    azp: app.appId,
    azpacr: '1',
    idtyp: 'app',
    oid: app.servicePrincipalId,
    sub: app.servicePrincipalId,
    tid: ctx.tenantId,
    ver: '2.0',
  });
}

export function userTokenForApi(
  ctx: EmulatorContext,
  user: DemoUser,
  clientId: string,
  confidential: boolean,
): Promise<string> {
  return sign(ctx, {
    aud: ctx.directory.apiApp.clientId,
    iss: entraIssuer(ctx),
    ...opaqueClaims(),
    azp: clientId,
    azpacr: confidential ? '1' : '0',
    name: user.displayName,
    oid: user.oid,
    preferred_username: user.username,
    ...(user.roles.length > 0 ? { roles: [...user.roles] } : {}),
    scp: 'access_as_user',
    sid: randomUUID(),
    sub: pairwiseSubject(user.oid, ctx.directory.apiApp.clientId),
    tid: ctx.tenantId,
    ver: '2.0',
  });
}

/** Delegated Graph token (v1 shape), as a user gets it for `https://graph.microsoft.com/...` scopes. */
export function userTokenForGraph(ctx: EmulatorContext, user: DemoUser, clientId: string, scp: string): Promise<string> {
  const sts = stsIssuer(ctx);
  const [given, ...rest] = user.displayName.split(' ');
  return sign(ctx, {
    aud: GRAPH_RESOURCE,
    iss: sts,
    ...opaqueClaims(),
    acr: '1',
    amr: ['pwd'],
    app_displayname: 'Switchboard',
    appid: clientId,
    appidacr: '0',
    family_name: rest.join(' '),
    given_name: given,
    idtyp: 'user',
    name: user.displayName,
    oid: user.oid,
    scp,
    sub: pairwiseSubject(user.oid, GRAPH_APP_ID),
    tenant_region_scope: 'EU',
    tid: ctx.tenantId,
    unique_name: user.username,
    upn: user.username,
    ver: '1.0',
    wids: user.roles.includes('Directory.Admin') ? [GLOBAL_ADMIN_ROLE] : [],
  });
}

export function idToken(ctx: EmulatorContext, user: DemoUser, clientId: string): Promise<string> {
  return sign(ctx, {
    aud: clientId,
    iss: entraIssuer(ctx),
    name: user.displayName,
    oid: user.oid,
    preferred_username: user.username,
    rh: opaqueClaims().rh,
    sub: pairwiseSubject(user.oid, clientId),
    tid: ctx.tenantId,
    uti: opaqueClaims().uti,
    ver: '2.0',
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
