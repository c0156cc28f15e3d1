// The Entra ID endpoints under /{tenant}: OIDC discovery, signing keys and the token endpoint.
// Grants: client_credentials (apps), password (ROPC, demo users) and refresh_token.

import { randomBytes, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { entraIssuer, GRAPH_APP_ID, GRAPH_RESOURCE, isOwnTenant, type EmulatorContext } from './context.ts';
import type { DemoUser } from './directory.ts';
import { entraError } from './entra-errors.ts';
import { openToken, sealToken } from './opaque-token.ts';
import { jwks } from './signing-keys.ts';
import {
  appTokenForApi,
  appTokenForGraph,
  idToken,
  TOKEN_LIFETIME_SECONDS,
  userTokenForApi,
  userTokenForGraph,
} from './tokens.ts';

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

const refreshTokenSchema = z.object({ k: z.literal('rt'), oid: z.string(), cid: z.string(), scope: z.string() });

type Form = Record<string, string>;
type Resource = { kind: 'graph' } | { kind: 'api' };

export function entraRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();

  app.get('/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    const tenant = c.req.param('tenant');
    if (!isOwnTenant(ctx, tenant)) return unknownTenant(c, ctx, tenant);
    return c.json(openIdConfiguration(ctx));
  });

  const keys = (c: Context): Response => {
    const tenant = c.req.param('tenant') ?? '';
    if (!isOwnTenant(ctx, tenant)) return unknownTenant(c, ctx, tenant);
    return c.json(jwks(ctx.signingKey, entraIssuer(ctx)));
  };
  app.get('/:tenant/discovery/v2.0/keys', keys);
  app.get('/:tenant/discovery/keys', keys);

  app.get('/:tenant/oauth2/v2.0/authorize', (c) =>
    entraError(c, ctx.baseUrl, 400, 'unsupported_response_type', 70000, 'The emulator implements only the client_credentials, password and refresh_token grants; interactive sign-in is not available.'),
  );
  app.get('/:tenant/oauth2/v2.0/logout', (c) => c.text('Signed out.'));

  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    const tenant = c.req.param('tenant');
    if (!isOwnTenant(ctx, tenant)) return unknownTenant(c, ctx, tenant);
    const form = await readForm(c);
    const grant = form.grant_type;
    if (!grant) return missingParameter(c, ctx, 'grant_type');
    c.header('Cache-Control', 'no-store, no-cache');
    c.header('Pragma', 'no-cache');
    c.header('client-request-id', c.req.header('client-request-id') ?? randomUUID());
    switch (grant) {
      case 'client_credentials':
        return clientCredentials(c, ctx, form);
      case 'password':
        return passwordGrant(c, ctx, form);
      case 'refresh_token':
        return refreshGrant(c, ctx, form);
      default:
        return entraError(c, ctx.baseUrl, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
    }
  });

  return app;
}

function openIdConfiguration(ctx: EmulatorContext): Record<string, unknown> {
  const base = `${ctx.baseUrl}/${ctx.tenantId}`;
  const host = new URL(ctx.baseUrl).host;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: entraIssuer(ctx),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: host,
    cloud_graph_host_name: host,
    msgraph_host: host,
    rbac_url: `${ctx.baseUrl}/rbac`,
  };
}

async function readForm(c: Context): Promise<Form> {
  const out: Form = {};
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(await c.req.text())) out[k] = v;
  }
  // client_secret_basic: credentials in the Authorization header instead of the body.
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      out.client_id ??= decodeURIComponent(decoded.slice(0, colon));
      out.client_secret ??= decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  return out;
}

function unknownTenant(c: Context, ctx: EmulatorContext, tenant: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

function missingParameter(c: Context, ctx: EmulatorContext, name: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

function unknownClient(c: Context, ctx: EmulatorContext, clientId: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${ctx.directory.domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
}

function invalidResource(c: Context, ctx: EmulatorContext, resource: string): Response {
  return entraError(c, ctx.baseUrl, 400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${ctx.directory.domain}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
}

/** Maps a scope's resource part (`https://graph.microsoft.com`, `api://...`, a client id) to what it names. */
function resourceOf(ctx: EmulatorContext, resource: string): Resource | undefined {
  const r = resource.replace(/\/$/, '').toLowerCase();
  if (r === GRAPH_RESOURCE || r === GRAPH_APP_ID || r === 'https://graph.microsoft.com/v1.0') return { kind: 'graph' };
  const api = ctx.directory.apiApp;
  if (r === api.clientId.toLowerCase() || r === api.identifierUri.toLowerCase() || r === `api://${api.clientId}`.toLowerCase()) return { kind: 'api' };
  return undefined;
}

function splitScope(scope: string): { resource: string; permission: string } {
  const at = scope.lastIndexOf('/');
  return at < 0 ? { resource: '', permission: scope } : { resource: scope.slice(0, at), permission: scope.slice(at + 1) };
}

function tokenResponse(c: Context, accessToken: string, scope?: string, extras: Record<string, string> = {}): Response {
  return c.json({
    token_type: 'Bearer',
    ...(scope === undefined ? {} : { scope }),
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    ...extras,
  });
}

async function clientCredentials(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  const clientId = form.client_id;
  if (!clientId) return missingParameter(c, ctx, 'client_id');
  const app = ctx.directory.getApp(clientId);
  if (!app) return unknownClient(c, ctx, clientId);
  if (!form.client_secret) {
    return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  if (!ctx.directory.verifyAppSecret(clientId, form.client_secret)) {
    return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  const scope = form.scope?.trim();
  if (!scope) return missingParameter(c, ctx, 'scope');
  const { resource, permission } = splitScope(scope);
  if (scope.includes(' ') || permission !== '.default' || !resource) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const target = resourceOf(ctx, resource);
  if (!target) return invalidResource(c, ctx, resource);
  const accessToken = target.kind === 'graph' ? await appTokenForGraph(ctx, app) : await appTokenForApi(ctx, app);
  return tokenResponse(c, accessToken);
}

/** Which client may sign users in: the API app itself (public client flows) or any registered app. */
function resolveUserClient(ctx: EmulatorContext, form: Form): { ok: true; confidential: boolean } | { ok: false; error: 'unknown' | 'secret' | 'bad-secret' } {
  const clientId = form.client_id ?? '';
  if (clientId.toLowerCase() === ctx.directory.apiApp.clientId.toLowerCase()) return { ok: true, confidential: false };
  if (!ctx.directory.getApp(clientId)) return { ok: false, error: 'unknown' };
  if (!form.client_secret) return { ok: false, error: 'secret' };
  if (!ctx.directory.verifyAppSecret(clientId, form.client_secret)) return { ok: false, error: 'bad-secret' };
  return { ok: true, confidential: true };
}

async function passwordGrant(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  const clientId = form.client_id;
  if (!clientId) return missingParameter(c, ctx, 'client_id');
  const client = resolveUserClient(ctx, form);
  if (!client.ok) return clientProblem(c, ctx, clientId, client.error);
  if (!form.username) return missingParameter(c, ctx, 'username');
  if (!form.password) return missingParameter(c, ctx, 'password');
  const user = ctx.directory.findUser(form.username);
  if (!user) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 50034, `The user account {EUII Hidden} does not exist in the ${ctx.directory.domain} directory. To sign into this application, the account must be added to the directory.`);
  }
  if (!ctx.directory.verifyUserPassword(form.username, form.password)) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.');
  }
  return userTokens(c, ctx, user, clientId, client.confidential, form.scope ?? '', form.client_info === '1');
}

async function refreshGrant(c: Context, ctx: EmulatorContext, form: Form): Promise<Response> {
  const clientId = form.client_id;
  if (!clientId) return missingParameter(c, ctx, 'client_id');
  if (!form.refresh_token) return missingParameter(c, ctx, 'refresh_token');
  const client = resolveUserClient(ctx, form);
  if (!client.ok) return clientProblem(c, ctx, clientId, client.error);
  const grant = openToken(ctx.tokenSecret, form.refresh_token, refreshTokenSchema);
  const user = grant ? ctx.directory.findUserByOid(grant.oid) : undefined;
  if (!grant || !user || grant.cid.toLowerCase() !== clientId.toLowerCase()) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  }
  return userTokens(c, ctx, user, clientId, client.confidential, form.scope ?? grant.scope, form.client_info === '1');
}

function clientProblem(c: Context, ctx: EmulatorContext, clientId: string, problem: 'unknown' | 'secret' | 'bad-secret'): Response {
  if (problem === 'unknown') return unknownClient(c, ctx, clientId);
  if (problem === 'secret') {
    return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  return entraError(c, ctx.baseUrl, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
}

async function userTokens(
  c: Context,
  ctx: EmulatorContext,
  user: DemoUser,
  clientId: string,
  confidential: boolean,
  scopeParam: string,
  wantClientInfo: boolean,
): Promise<Response> {
  const requested = scopeParam.split(/\s+/).filter(Boolean);
  if (requested.length === 0) return missingParameter(c, ctx, 'scope');
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const resourceScopes = requested.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  // Bare names like "User.Read" are Graph scopes; so is an OIDC-only request, as in Entra.
  const parts = resourceScopes.map(splitScope).map((p) => (p.resource ? p : { resource: GRAPH_RESOURCE, permission: p.permission }));
  const resources = new Set(parts.map((p) => p.resource.replace(/\/$/, '').toLowerCase()));
  if (resources.size > 1) {
    return entraError(c, ctx.baseUrl, 400, 'invalid_request', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopeParam} is not valid.`);
  }
  const resource = parts[0]?.resource ?? GRAPH_RESOURCE;
  const target = resourceOf(ctx, resource);
  if (!target) return invalidResource(c, ctx, resource);

  let accessToken: string;
  let granted: string;
  if (target.kind === 'api') {
    const bad = parts.find((p) => p.permission !== 'access_as_user' && p.permission !== '.default');
    if (bad) {
      return entraError(c, ctx.baseUrl, 400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${bad.resource}/${bad.permission} does not exist.`);
    }
    accessToken = await userTokenForApi(ctx, user, clientId, confidential);
    granted = `${ctx.directory.apiApp.identifierUri}/access_as_user`;
  } else {
    const perms = parts.map((p) => p.permission).filter((p) => p !== '.default');
    const scp = perms.length > 0 ? perms.join(' ') : 'User.Read';
    accessToken = await userTokenForGraph(ctx, user, clientId, scp);
    granted = scp.split(' ').map((p) => `${GRAPH_RESOURCE}/${p}`).join(' ');
  }
  const extras: Record<string, string> = {};
  if (oidc.some((s) => s.toLowerCase() === 'offline_access')) {
    extras.refresh_token = sealToken(ctx.tokenSecret, { k: 'rt', oid: user.oid, cid: clientId, scope: scopeParam, n: randomBytes(6).toString('base64url') });
  }
  if (oidc.some((s) => s.toLowerCase() === 'openid')) extras.id_token = await idToken(ctx, user, clientId);
  if (wantClientInfo) {
    extras.client_info = Buffer.from(JSON.stringify({ uid: user.oid, utid: ctx.tenantId })).toString('base64url');
  }
  return tokenResponse(c, accessToken, [granted, ...oidc].join(' '), extras);
}
