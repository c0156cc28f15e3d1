import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../emulator/src/index.ts';
import type { EntraErrorBody } from '../../emulator/src/entra-errors.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let app: { appId: string; secret: string };

beforeAll(async () => {
  h = await startHarness({ contacts: 20 });
  app = h.emulator.directory.registerApp({ displayName: 'Switchboard sync', roles: ['OrgContact.Read.All'] });
});
afterAll(() => h?.stop());

function expectEntraError(body: EntraErrorBody, error: string, code: number): void {
  expect(body.error).toBe(error);
  expect(body.error_codes).toEqual([code]);
  expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
  expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
}

async function jwks(): Promise<ReturnType<typeof createLocalJWKSet>> {
  const response = await h.http.get(`${h.emulator.url}/${h.emulator.tenantId}/discovery/v2.0/keys`);
  expect(response.status).toBe(200);
  return createLocalJWKSet(response.json<JSONWebKeySet>());
}

describe('OIDC discovery', () => {
  it.each(['tenant id', 'domain'])('serves the openid-configuration by %s with the emulator as issuer', async (kind) => {
    const tenant = kind === 'domain' ? 'contoso.example' : h.emulator.tenantId;
    const response = await h.http.get(`${h.emulator.url}/${tenant}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const config = response.json<Record<string, string>>();
    const base = `${h.emulator.url}/${h.emulator.tenantId}`;
    expect(config.issuer).toBe(`${base}/v2.0`);
    expect(config.token_endpoint).toBe(`${base}/oauth2/v2.0/token`);
    expect(config.authorization_endpoint).toBe(`${base}/oauth2/v2.0/authorize`);
    expect(config.jwks_uri).toBe(`${base}/discovery/v2.0/keys`);
    expect(config.end_session_endpoint).toBe(`${base}/oauth2/v2.0/logout`);
  });

  it('rejects an unknown tenant like Entra (AADSTS90002)', async () => {
    const response = await h.http.get(`${h.emulator.url}/fabrikam.example/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(400);
    expectEntraError(response.json<EntraErrorBody>(), 'invalid_tenant', 90002);
  });

  it('publishes one RS256 signing key with a kid', async () => {
    const response = await h.http.get(`${h.emulator.url}/${h.emulator.tenantId}/discovery/v2.0/keys`);
    const { keys } = response.json<{ keys: { kty: string; use: string; kid: string; n: string; e: string }[] }>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', kid: h.emulator.signingKeyId });
  });
});

describe('client credentials', () => {
  it('issues a v1 Graph app token that the JWKS verifies', async () => {
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: app.appId,
      client_secret: app.secret,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(response.status).toBe(200);
    const body = response.json<{ token_type: string; expires_in: number; ext_expires_in: number; access_token: string }>();
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBeGreaterThan(3500);
    expect(body.ext_expires_in).toBeGreaterThan(3500);
    const { payload, protectedHeader } = await jwtVerify(body.access_token, await jwks(), {
      issuer: `https://sts.windows.net/${h.emulator.tenantId}/`,
      audience: 'https://graph.microsoft.com',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(protectedHeader.kid).toBe(h.emulator.signingKeyId);
    expect(payload).toMatchObject({ appid: app.appId, tid: h.emulator.tenantId, idtyp: 'app', roles: ['OrgContact.Read.All'], ver: '1.0' });
    expect(payload.oid).toMatch(/^[0-9a-f-]{36}$/);
    expect((payload.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
  });

  it('accepts the client secret in a Basic Authorization header', async () => {
    const response = await h.http.request('POST', h.tokenUrl, {
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${app.appId}:${encodeURIComponent(app.secret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }).toString(),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong secret with 401 invalid_client (AADSTS7000215)', async () => {
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: app.appId,
      client_secret: 'not-the-secret',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(response.status).toBe(401);
    expectEntraError(response.json<EntraErrorBody>(), 'invalid_client', 7000215);
  });

  it('refuses an unknown or removed app (AADSTS700016)', async () => {
    const gone = h.emulator.directory.registerApp({ displayName: 'gone', roles: [] });
    expect(h.emulator.directory.removeApp(gone.appId)).toBe(true);
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: gone.appId,
      client_secret: gone.secret,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(response.status).toBe(400);
    expectEntraError(response.json<EntraErrorBody>(), 'unauthorized_client', 700016);
  });

  it('insists on a /.default scope (AADSTS1002012)', async () => {
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: app.appId,
      client_secret: app.secret,
      scope: 'https://graph.microsoft.com/OrgContact.Read.All',
    });
    expect(response.status).toBe(400);
    expectEntraError(response.json<EntraErrorBody>(), 'invalid_scope', 1002012);
  });

  it('omits the roles claim for an app without roles', async () => {
    const bare = h.emulator.directory.registerApp({ displayName: 'bare', roles: [] });
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'client_credentials',
      client_id: bare.appId,
      client_secret: bare.secret,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(decodeJwt(response.json<{ access_token: string }>().access_token).roles).toBeUndefined();
  });
});

describe('resource owner password (demo users)', () => {
  const admin = DEMO_USERS.find((u) => u.roles.includes('Directory.Admin'));
  const user = DEMO_USERS.find((u) => u.roles.length === 0);

  it('has an administrator and a normal user', () => {
    expect(admin?.username).toBe('admin@contoso.example');
    expect(user?.username).toBe('user@contoso.example');
  });

  it('has a Switchboard administrator with no directory role, whom Graph refuses app registrations', async () => {
    const helpdesk = DEMO_USERS.find((u) => u.username === 'helpdesk@contoso.example');
    expect(helpdesk).toMatchObject({ displayName: 'Hanna Helpdesk', roles: ['Directory.Admin'] });
    const token = await h.emulator.issueUserToken({ username: helpdesk?.username ?? '', resource: 'graph', scopes: ['Application.ReadWrite.All'] });
    // Only the implicit member role.
    expect(decodeJwt(token).wids).toEqual(['b79fbf4d-3ef9-4689-8143-76b194e85509']);
    const refused = await h.graphSend('POST', '/v1.0/applications', token, { displayName: 'not hers to make' });
    expect(refused.status).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('Authorization_RequestDenied');
  });

  it.each([
    ['identifier URI scope', (id: string) => `api://localhost/${id}/access_as_user`],
    ['client id /.default', (id: string) => `${id}/.default`],
  ])('issues a v2 API token for the admin (%s)', async (_label, scope) => {
    const clientId = h.emulator.apiApp.clientId;
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'password',
      client_id: clientId,
      username: admin?.username ?? '',
      password: admin?.password ?? '',
      scope: scope(clientId),
    });
    expect(response.status).toBe(200);
    const { payload } = await jwtVerify(response.json<{ access_token: string }>().access_token, await jwks(), {
      issuer: `${h.emulator.url}/${h.emulator.tenantId}/v2.0`,
      audience: clientId,
    });
    expect(payload).toMatchObject({
      scp: 'access_as_user',
      roles: ['Directory.Admin'],
      oid: admin?.oid,
      tid: h.emulator.tenantId,
      name: 'Ada Admin',
      preferred_username: 'admin@contoso.example',
      azp: clientId,
      ver: '2.0',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeGreaterThanOrEqual(3600);
  });

  it('leaves out roles for a user without any', async () => {
    const clientId = h.emulator.apiApp.clientId;
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'password',
      client_id: clientId,
      username: user?.username ?? '',
      password: user?.password ?? '',
      scope: `api://localhost/${clientId}/access_as_user`,
    });
    const claims = decodeJwt(response.json<{ access_token: string }>().access_token);
    expect(claims.roles).toBeUndefined();
    expect(claims.name).toBe('Uli User');
  });

  it('refuses a wrong password with invalid_grant (AADSTS50126)', async () => {
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'password',
      client_id: h.emulator.apiApp.clientId,
      username: 'admin@contoso.example',
      password: 'wrong',
      scope: `${h.emulator.apiApp.clientId}/.default`,
    });
    expect(response.status).toBe(400);
    expectEntraError(response.json<EntraErrorBody>(), 'invalid_grant', 50126);
  });

  it('refuses an unknown user (AADSTS50034)', async () => {
    const response = await h.http.postForm(h.tokenUrl, {
      grant_type: 'password',
      client_id: h.emulator.apiApp.clientId,
      username: 'nobody@contoso.example',
      password: 'demo',
      scope: `${h.emulator.apiApp.clientId}/.default`,
    });
    expect(response.status).toBe(400);
    expectEntraError(response.json<EntraErrorBody>(), 'invalid_grant', 50034);
  });

  it('hands out a refresh token that yields a new access token', async () => {
    const clientId = h.emulator.apiApp.clientId;
    const first = await h.http.postForm(h.tokenUrl, {
      grant_type: 'password',
      client_id: clientId,
      username: 'user@contoso.example',
      password: 'demo',
      scope: `api://localhost/${clientId}/access_as_user openid profile offline_access`,
    });
    const body = first.json<{ refresh_token: string; id_token: string }>();
    expect(decodeJwt(body.id_token).aud).toBe(clientId);
    const second = await h.http.postForm(h.tokenUrl, { grant_type: 'refresh_token', client_id: clientId, refresh_token: body.refresh_token });
    expect(second.status).toBe(200);
    expect(decodeJwt(second.json<{ access_token: string }>().access_token).preferred_username).toBe('user@contoso.example');
    const forged = await h.http.postForm(h.tokenUrl, { grant_type: 'refresh_token', client_id: clientId, refresh_token: `${body.refresh_token}x` });
    expect(forged.status).toBe(400);
  });

  it('rejects an unsupported grant type (AADSTS70003)', async () => {
    const response = await h.http.postForm(h.tokenUrl, { grant_type: 'urn:ietf:params:oauth:grant-type:saml1_1-bearer', client_id: app.appId });
    expect(response.status).toBe(400);
    expectEntraError(response.json<EntraErrorBody>(), 'unsupported_grant_type', 70003);
  });
});

describe('production clients against the emulator', () => {
  it('MSAL Node gets tokens through OIDC discovery; the Graph client pages all contacts', async () => {
    // NODE_EXTRA_CA_CERTS is read once at process start, hence the child process.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('./fixtures/production-clients.ts', import.meta.url).pathname,
        `${h.emulator.url}/contoso.example`,
        `localhost:${h.emulator.port}`,
        app.appId,
        app.secret,
        h.emulator.apiApp.clientId,
        'user@contoso.example',
        'demo',
        h.emulator.url,
      ],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: h.emulator.certPath }, encoding: 'utf8', timeout: 45_000 },
    );
    const result = JSON.parse(stdout) as { appToken: string; userToken: string; username: string; graphIds: string[] };
    const keys = await jwks();
    const app1 = await jwtVerify(result.appToken, keys, { audience: 'https://graph.microsoft.com' });
    expect(app1.payload.roles).toEqual(['OrgContact.Read.All']);
    const user1 = await jwtVerify(result.userToken, keys, { audience: h.emulator.apiApp.clientId });
    expect(user1.payload.scp).toBe('access_as_user');
    expect(result.username).toBe('user@contoso.example');
    expect(decodeProtectedHeader(result.appToken).kid).toBe(h.emulator.signingKeyId);
    expect(result.graphIds).toEqual(h.emulator.tenant.list().map((c) => c.id));
  });
});
