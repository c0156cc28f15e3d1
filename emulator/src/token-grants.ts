// The grants of the token endpoint: client_credentials (apps), password (ROPC), refresh_token and
// authorization_code (with PKCE, and Entra's rules for single-page apps redeeming cross-origin).

import type { Context } from 'hono';
import { z } from 'zod';
import type { Application } from './app-registrations.ts';
import { verifiesChallenge } from './authorization-codes.ts';
import { GRAPH_APP_ID, type EmulatorContext } from './context.ts';
import {
  badClientSecret,
  consentRequiredDescription,
  entraError,
  invalidResourceDescription,
  missingClientSecret,
  missingParameter,
  unknownClient,
} from './entra-errors.ts';
import { openToken } from './opaque-token.ts';
import { readScopes, unconsented } from './scope-request.ts';
import { appTokenForApi, appTokenForGraph } from './tokens.ts';
import type { User } from './users.ts';
import { tokenResponse, userTokenResponse } from './user-tokens.ts';

export type Form = Record<string, string>;

const refreshTokenSchema = z.object({
  k: z.literal('rt'),
  oid: z.string(),
  cid: z.string(),
  scope: z.string(),
  spa: z.boolean(),
  x: z.number().nullable(),
});

type ClientCheck = { ok: true; client: Application; confidential: boolean } | { ok: false; response: Response };

/** Identifies the client and checks its secret when it sends one or must. */
function authenticateClient(c: Context, ctx: EmulatorContext, form: Form, asOf: number, mayBePublic: (client: Application) => boolean): ClientCheck {
  const clientId = form.client_id ?? '';
  const client = ctx.directory.apps.applicationByAppId(clientId, asOf);
  if (!client) return { ok: false, response: unknownClient(c, ctx, clientId) };
  if (form.client_secret === undefined) {
    return mayBePublic(client) ? { ok: true, client, confidential: false } : { ok: false, response: missingClientSecret(c, ctx) };
  }
  const check = ctx.directory.apps.checkSecret(client, form.client_secret, asOf);
  return check === 'ok' ? { ok: true, client, confidential: true } : { ok: false, response: badClientSecret(c, ctx, clientId, check) };
}

/** Single-page apps must redeem codes and refresh tokens from the browser (with an Origin), and
 * nobody else may do so cross-origin. */
function crossOriginProblem(c: Context, ctx: EmulatorContext, spa: boolean): Response | undefined {
  const origin = c.req.header('origin');
  if (spa && !origin) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_request', 9002327, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
  }
  if (!spa && origin) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_request', 9002326, `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`);
  }
  return undefined;
}

function malformedGrant(c: Context, ctx: EmulatorContext): Response {
  return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
}

export async function clientCredentials(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  if (!form.client_id) return missingParameter(c, ctx, 'client_id');
  const asOf = ctx.fidelity.now();
  const auth = authenticateClient(c, ctx, form, asOf, () => false);
  if (!auth.ok) return auth.response;
  const scope = form.scope?.trim();
  if (!scope) return missingParameter(c, ctx, 'scope');
  const at = scope.lastIndexOf('/');
  const resourceName = at < 0 ? '' : scope.slice(0, at);
  if (scope.includes(' ') || scope.slice(at + 1) !== '.default' || !resourceName) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const resource = ctx.directory.apps.resourceNamed(resourceName, asOf);
  if (!resource) return entraError(c, ctx.baseUrl, 400, 'invalid_resource', 500011, invalidResourceDescription(ctx, resourceName));
  const principal = ctx.directory.apps.servicePrincipalByAppId(auth.client.appId, asOf);
  if (!principal) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_client', 7000229, `The client application ${auth.client.appId} is missing service principal in the tenant ${ctx.tenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`);
  }
  const app = {
    appId: auth.client.appId,
    displayName: auth.client.displayName,
    servicePrincipalId: principal.id,
    // Only what an administrator granted (and what has replicated) reaches the token.
    roles: ctx.directory.apps.roleValuesHeld(resource, new Set([principal.id]), asOf),
  };
  return tokenResponse(c, resource.appId === GRAPH_APP_ID ? await appTokenForGraph(ctx, app) : await appTokenForApi(ctx, app, resource.appId));
}

export async function passwordGrant(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  if (!form.client_id) return missingParameter(c, ctx, 'client_id');
  const asOf = ctx.fidelity.now();
  // ROPC is a public client flow only where the app allows public client flows.
  const auth = authenticateClient(c, ctx, form, asOf, (client) => client.isFallbackPublicClient === true);
  if (!auth.ok) return auth.response;
  if (!form.username) return missingParameter(c, ctx, 'username');
  if (!form.password) return missingParameter(c, ctx, 'password');
  if (!ctx.directory.users.byUserPrincipalName(form.username)) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 50034, `The user account {EUII Hidden} does not exist in the ${ctx.directory.domain} directory. To sign into this application, the account must be added to the directory.`);
  }
  const user = ctx.directory.users.verifyPassword(form.username, form.password);
  if (!user) return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.');
  return nonInteractiveGrant(c, ctx, { user, client: auth.client, confidential: auth.confidential, scope: form.scope ?? '', asOf, clientInfo: form.client_info === '1', spa: false });
}

export async function refreshGrant(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  if (!form.client_id) return missingParameter(c, ctx, 'client_id');
  if (!form.refresh_token) return missingParameter(c, ctx, 'refresh_token');
  const asOf = ctx.fidelity.now();
  const grant = openToken(ctx.tokenSecret, form.refresh_token, refreshTokenSchema);
  if (!grant || grant.cid !== form.client_id.toLowerCase()) return malformedGrant(c, ctx);
  const auth = authenticateClient(c, ctx, form, asOf, (client) => grant.spa || client.isFallbackPublicClient === true || client.redirectUris.publicClient.length > 0);
  if (!auth.ok) return auth.response;
  const crossOrigin = crossOriginProblem(c, ctx, grant.spa);
  if (crossOrigin) return crossOrigin;
  if (grant.x !== null && grant.x <= asOf) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 700084, `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${new Date(grant.x - 86_400_000).toISOString()}.`);
  }
  const user = ctx.directory.users.get(grant.oid);
  if (!user) return malformedGrant(c, ctx);
  return nonInteractiveGrant(c, ctx, { user, client: auth.client, confidential: auth.confidential, scope: form.scope ?? grant.scope, asOf, clientInfo: form.client_info === '1', spa: grant.spa });
}

export async function authorizationCodeGrant(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  for (const name of ['client_id', 'code', 'redirect_uri'] as const) if (!form[name]) return missingParameter(c, ctx, name);
  const asOf = ctx.fidelity.now();
  const redemption = ctx.codes.redeem(form.code as string, asOf);
  if (!redemption.ok) {
    if (redemption.reason === 'redeemed') {
      return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    }
    if (redemption.reason === 'expired') {
      return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
    }
    return malformedGrant(c, ctx);
  }
  const code = redemption.grant;
  if (code.clientId !== (form.client_id as string).toLowerCase()) return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
  if (code.redirectUri !== form.redirect_uri) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 500112, `The reply address '${form.redirect_uri}' does not match the reply address '${code.redirectUri}' provided when requesting Authorization code.`);
  }
  if (code.redirectType !== 'web' && form.client_secret !== undefined) {
    return entraError(c, ctx.baseUrl, 401, 'invalid_client', 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
  }
  const auth = authenticateClient(c, ctx, form, asOf, () => code.redirectType !== 'web');
  if (!auth.ok) return auth.response;
  const crossOrigin = crossOriginProblem(c, ctx, code.redirectType === 'spa');
  if (crossOrigin) return crossOrigin;
  if (code.challenge) {
    if (!form.code_verifier || !verifiesChallenge(code.challenge, form.code_verifier)) {
      return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
  } else if (code.redirectType === 'spa') {
    return entraError(c, ctx.baseUrl, 400, 'invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.');
  }
  const user = ctx.directory.users.get(code.userId);
  const scopes = readScopes(ctx, code.scope, asOf);
  if (!user || !scopes.ok) return malformedGrant(c, ctx);
  return userTokenResponse(c, ctx, {
    user,
    client: auth.client,
    confidential: auth.confidential,
    request: scopes.request,
    scope: code.scope,
    asOf,
    clientInfo: form.client_info === '1',
    ...(code.nonce === undefined ? {} : { nonce: code.nonce }),
    sid: code.sid,
    spa: code.redirectType === 'spa',
  });
}

/** Password and refresh grants: one resource per request, and no consent can be asked for. */
async function nonInteractiveGrant(
  c: Context,
  ctx: EmulatorContext,
  grant: { user: User; client: Application; confidential: boolean; scope: string; asOf: number; clientInfo: boolean; spa: boolean },
): Promise<Response> {
  const scopes = readScopes(ctx, grant.scope, grant.asOf);
  if (!scopes.ok) return entraError(c, ctx.baseUrl, 400, scopes.problem.error, scopes.problem.code, scopes.problem.description);
  if (scopes.request.oidc.length === 0 && scopes.request.resources.length === 0) return missingParameter(c, ctx, 'scope');
  if (scopes.request.resources.length > 1) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_request', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${grant.scope} is not valid.`);
  }
  if (unconsented(ctx, grant.client, grant.user, scopes.request).length > 0) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 65001, consentRequiredDescription(grant.client.appId, grant.client.displayName), { suberror: 'consent_required' });
  }
  return userTokenResponse(c, ctx, { ...grant, request: scopes.request });
}
