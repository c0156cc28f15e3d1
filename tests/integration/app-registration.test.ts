import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditPage,
  CheckAccessResponse,
  DataSourceView,
  DemoGraphTokenResponse,
  DirectoryObjectHit,
  GeneratedApp,
  PhonePreview,
  Problem,
  SearchResponse,
} from '../../contracts/index.ts';
import { startStack, waitForFirstSync, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { roundOf } from '../support/sync-checks.ts';

/**
 * GENERATE APP, CHECK ACCESS and REMOVE APP against the emulated Entra and Graph, which issue
 * app-only tokens only to apps created this way with consented roles: the generated app is what
 * makes the new data source sync, and removing it is what makes the next round fail.
 */
const SOURCE = 'generated-contacts';
let stack: Stack;
let admin: ReturnType<typeof apiClient>;
let user: ReturnType<typeof apiClient>;
let adminToken: string;

async function graphTokenOf(client: ReturnType<typeof apiClient>): Promise<string> {
  const { status, body } = await client.post<DemoGraphTokenResponse>('/api/demo/graph-token');
  expect(status).toBe(200);
  return body.accessToken;
}

async function generate(client: ReturnType<typeof apiClient>) {
  return client.post<GeneratedApp & Problem>('/api/app-registrations', { tenantId: stack.emulator.tenantId, graphToken: await graphTokenOf(client) });
}

beforeAll(async () => {
  stack = await startStack({ contacts: 60, serveWeb: false });
  adminToken = await stack.signIn('admin@contoso.example');
  admin = apiClient(stack, adminToken);
  user = apiClient(stack, await stack.signIn('user@contoso.example'));
});
afterAll(() => stack?.stop());

describe('GENERATE APP, then a data source that uses it', () => {
  let app: GeneratedApp;

  it('creates the app with every permission granted, and gives the browser no secret', async () => {
    const generated = await generate(admin);
    expect(generated.status).toBe(201);
    app = generated.body;
    expect(app.permissions).toEqual([
      { name: 'OrgContact.Read.All', granted: true },
      { name: 'GroupMember.Read.All', granted: true },
      { name: 'User.ReadBasic.All', granted: true },
    ]);
    expect(app.portalUrl).toContain(app.clientId);
    expect(JSON.stringify(app)).not.toMatch(/secretText|clientSecret/);
  });

  it('CHECK ACCESS is green for it', async () => {
    const { body } = await admin.post<CheckAccessResponse>('/api/app-registrations/check', { credentialId: app.credentialId });
    expect(body.ok).toBe(true);
    expect(body.checks.map((c) => [c.name, c.ok, c.code, c.permission])).toEqual([
      ['token', true, 'token_issued', undefined],
      ['OrgContact.Read.All', true, 'permission_held', 'OrgContact.Read.All'],
      ['GroupMember.Read.All', true, 'permission_held', 'GroupMember.Read.All'],
      ['User.ReadBasic.All', true, 'permission_held', 'User.ReadBasic.All'],
      ['read', true, 'contact_read', undefined],
    ]);
  });

  it('a data source saved with it syncs, and the credential is used up', async () => {
    const created = await admin.post<DataSourceView>('/api/datasources', { id: SOURCE, name: 'Generated', tenantId: stack.emulator.tenantId, credentialId: app.credentialId, priority: 500 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientId: app.clientId, appObjectId: app.appObjectId, hasSecret: true });
    const status = await waitForFirstSync(stack.apiUrl, adminToken, SOURCE);
    expect(status.contactCount).toBe(60);
    const search = await admin.get<SearchResponse>(`/api/search?q=${encodeURIComponent(stack.emulator.tenant.list()[0]?.surname ?? '')}`);
    expect(search.body.hits.some((h) => h.contact.sourceId === SOURCE)).toBe(true);
    expect((await admin.post('/api/app-registrations/check', { credentialId: app.credentialId })).status).toBe(404);
  });

  it('its app searches the tenant for the group and user pickers', async () => {
    const groups = await admin.get<DirectoryObjectHit[]>(`/api/directory-objects/groups?search=Sales&sourceId=${SOURCE}`);
    expect(groups.status).toBe(200);
    expect(groups.body.map((g) => g.displayName)).toEqual(expect.arrayContaining(['Sales', 'Sales DACH']));
    const users = await admin.get<DirectoryObjectHit[]>(`/api/directory-objects/users?search=Uli&sourceId=${SOURCE}`);
    expect(users.body.map((u) => u.displayName)).toContain('Uli User');
  });

  it('REMOVE APP deletes it in Entra and here; the next round fails with a sentence that says so', async () => {
    const removed = await admin.post<DataSourceView>(`/api/datasources/${SOURCE}/app/remove`, { graphToken: await graphTokenOf(admin) });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ hasSecret: false, appObjectId: null });
    const status = await roundOf(stack, SOURCE);
    expect(status.phase).toBe('error');
    expect(status.lastError).toMatch(/app was removed/);
    expect(status.lastErrorCode).toBe('app_removed');
  });

  it('a newly generated app takes the removed one\'s place, and sync works again', async () => {
    const replacement = await generate(admin);
    const patched = await admin.call<DataSourceView>('PATCH', `/api/datasources/${SOURCE}`, { credentialId: replacement.body.credentialId });
    expect(patched.body).toMatchObject({ hasSecret: true, clientId: replacement.body.clientId, appObjectId: replacement.body.appObjectId });
    expect(await roundOf(stack, SOURCE)).toMatchObject({ phase: 'idle', lastError: null, lastErrorCode: null });
  });

  it('records each step in the audit log', async () => {
    const { body } = await admin.get<AuditPage>('/api/audit?limit=50');
    const actions = body.entries.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['app.generate:success', 'app.check:success', 'app.remove:success', 'datasource.create:success']));
    expect(JSON.stringify(body)).not.toMatch(/eyJ[\w-]{20,}/);
  });
});

describe('refusals', () => {
  it('a user without the Directory.Admin role cannot generate', async () => {
    const refused = await user.post<Problem>('/api/app-registrations', { tenantId: stack.emulator.tenantId, graphToken: 'x'.repeat(40) });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });

  it('a Graph sign-in without the consent names the missing delegated permissions', async () => {
    const token = await stack.signIn('admin@contoso.example');
    const refused = await admin.post<Problem>('/api/app-registrations', { tenantId: stack.emulator.tenantId, graphToken: token });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('graph_permission_denied');
    expect(refused.body.detail).toMatch(/Application\.ReadWrite\.All and AppRoleAssignment\.ReadWrite\.All/);
    expect(refused.body).toMatchObject({ detailCode: 'graph_scopes_missing', detailParams: { scopes: 'Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All' } });
  });

  it('CHECK ACCESS of a wrong secret says Entra issued no token', async () => {
    const app = stack.emulator.directory.registerApp({ displayName: 'Typed in', roles: ['OrgContact.Read.All'] });
    const { body } = await admin.post<CheckAccessResponse>('/api/app-registrations/check', { tenantId: stack.emulator.tenantId, clientId: app.appId, clientSecret: 'wrong-secret' });
    expect(body.ok).toBe(false);
    expect(body.checks[0]).toMatchObject({ name: 'token', ok: false, code: 'token_refused' });
    expect(body.checks[0]?.upstreamMessage).toBeTruthy();
    const right = await admin.post<CheckAccessResponse>('/api/app-registrations/check', { tenantId: stack.emulator.tenantId, clientId: app.appId, clientSecret: app.secret });
    expect(right.body.ok).toBe(true);
    expect(right.body.checks.find((c) => c.name === 'GroupMember.Read.All')).toMatchObject({
      ok: false,
      required: false,
      code: 'permission_missing_optional',
      permission: 'GroupMember.Read.All',
    });
  });

  it('a picker whose app lacks the permission says which one, and a picker needs an app to search with', async () => {
    const refused = await admin.get<Problem>(`/api/directory-objects/groups?search=Sales&sourceId=${stack.sourceId}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'graph_permission_denied', detailCode: 'app_permission_missing', detailParams: { permission: 'GroupMember.Read.All' } });
    expect(refused.body.detail).toContain('GroupMember.Read.All');
    expect((await admin.get<Problem>('/api/directory-objects/groups?search=Sales')).status).toBe(400);
  });

  it('a generated app not taken by a source is removed on request', async () => {
    const generated = await generate(admin);
    const removed = await admin.post(`/api/app-registrations/${generated.body.credentialId}/remove`, { graphToken: await graphTokenOf(admin) });
    expect(removed.status).toBe(204);
    const gone = await admin.post<Problem>('/api/app-registrations/check', { credentialId: generated.body.credentialId });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'not_found', detailCode: 'generated_app_not_found' });
  });
});

describe('the phone preview of the wizard', () => {
  it('shows how a stored number reads with a profile, and why one cannot be read', async () => {
    const dialling = { country: 'DE', areaCode: '89', mainNumber: '8912340', extensionLength: 3, outsideLinePrefix: '0', displayFormat: 'shortest' };
    const local = await user.post<PhonePreview>('/api/phone/preview', { number: '123456-789', dialling });
    expect(local.body).toMatchObject({ e164: '+4989123456789', extension: '789', problem: null });
    expect(local.body.display?.international).toBe('+49 89 123456-789');
    const extensionOnly = await user.post<PhonePreview>('/api/phone/preview', { number: '-123', dialling: { ...dialling, mainNumber: null } });
    expect(extensionOnly.body).toMatchObject({ e164: null, problem: 'needs-main-number' });
  });
});
