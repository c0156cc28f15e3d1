// The Entra ID endpoints under /{tenant}: OIDC discovery, signing keys, the token endpoint (with
// CORS, as single-page apps call it from the browser) and, from authorize-routes, interactive
// sign-in.

import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { authorizeRoutes } from './authorize-routes.ts';
import { entraIssuer, isOwnTenant, type EmulatorContext } from './context.ts';
import { entraError, missingParameter, unknownTenant } from './entra-errors.ts';
import { jwks } from './signing-keys.ts';
import { authorizationCodeGrant, clientCredentials, passwordGrant, refreshGrant, type Form } from './token-grants.ts';

export function entraRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();
  // Entra lets any origin read its metadata and call its token endpoint; what a browser may
  // redeem is decided per grant (single-page app redirect URIs only).
  const anyOrigin = cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], maxAge: 86_400 });
  app.use('/:tenant/v2.0/.well-known/openid-configuration', anyOrigin);
  app.use('/:tenant/discovery/*', anyOrigin);
  app.use('/:tenant/oauth2/v2.0/token', anyOrigin);

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

  app.route('/', authorizeRoutes(ctx));

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
      case 'authorization_code':
        return authorizationCodeGrant(c, ctx, form);
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
