import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraAppPortalUrl } from '../../contracts/entra-portal.ts';
import type {
  AuditPage,
  CheckAccessResponse,
  DataSourceView,
  DemoGraphTokenResponse,
  DirectoryObjectHit,
  GeneratedApp,
  PhonePreview,
  Problem,
  ReplaceAppResponse,
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
const ADMIN_USERNAME = 'admin@contoso.example';
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

/**
 * Editing a source, a generated app takes the current one's place (POST …/app/replace): the old
 * app, if Switchboard generated it, is deleted in Entra and its secret leaves the store; one
 * entered by hand stays; and when Entra refuses, the replacement stands and the answer says why.
 */
describe('a generated app replacing the current one', () => {
  const REPLACED = 'replaced-app';
  let current: { clientId: string; appObjectId: string | null };

  const inEntra = (clientId: string): boolean => stack.emulator.directory.apps.applicationByAppId(clientId, Infinity) !== undefined;
  /** Every sealed secret the API keeps, of sources and of generated apps not yet taken. */
  const storedSecrets = (): string[] => {
    const db = new Database(stack.databaseFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT secret_sealed AS s FROM data_sources UNION ALL SELECT secret_sealed AS s FROM generated_apps').all() as { s: string }[];
      return rows.map((r) => r.s);
    } finally {
      db.close();
    }
  };
  const storedSecretOf = (sourceId: string): string => {
    const db = new Database(stack.databaseFile, { readonly: true });
    try {
      return (db.prepare('SELECT secret_sealed AS s FROM data_sources WHERE id = ?').get(sourceId) as { s: string }).s;
    } finally {
      db.close();
    }
  };

  /** Generates an app and has it replace the source's current one. */
  async function replaceWithNew(): Promise<{ app: GeneratedApp; status: number; body: ReplaceAppResponse & Problem }> {
    const app = (await generate(admin)).body;
    const { status, body } = await admin.post<ReplaceAppResponse & Problem>(`/api/datasources/${REPLACED}/app/replace`, { credentialId: app.credentialId, graphToken: await graphTokenOf(admin) });
    return { app, status, body };
  }

  beforeAll(async () => {
    const first = (await generate(admin)).body;
    // Disabled: these tests are about its app, not its sync.
    const created = await admin.post<DataSourceView>('/api/datasources', { id: REPLACED, name: 'Replaced', tenantId: stack.emulator.tenantId, credentialId: first.credentialId, enabled: false });
    expect(created.status).toBe(201);
    current = created.body;
  });

  it('deletes the replaced app in Entra, and its secret leaves the store', async () => {
    const oldSecret = storedSecretOf(REPLACED);
    const { app, status, body } = await replaceWithNew();
    expect(status).toBe(200);
    expect(body.source).toMatchObject({ clientId: app.clientId, appObjectId: app.appObjectId, hasSecret: true });
    expect(body.replaced).toEqual({ clientId: current.clientId, appObjectId: current.appObjectId, portalUrl: entraAppPortalUrl(current.clientId), removed: true, problem: null });
    expect(inEntra(current.clientId)).toBe(false);
    expect(inEntra(app.clientId)).toBe(true);
    expect(storedSecrets()).not.toContain(oldSecret);
    expect(storedSecretOf(REPLACED)).not.toBe(oldSecret);
    // The new app's credential moved into the source: nothing generated is left to take.
    expect((await admin.post('/api/app-registrations/check', { credentialId: app.credentialId })).status).toBe(404);
    expect((await admin.post<{ ok: boolean }>('/api/app-registrations/check', { sourceId: REPLACED })).body.ok).toBe(true);
    current = body.source;
  });

  it('is not taken through PATCH, which would leave the current app in Entra out of reach', async () => {
    const app = (await generate(admin)).body;
    const before = (await admin.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.id === REPLACED);
    const refused = await admin.call<Problem>('PATCH', `/api/datasources/${REPLACED}`, { credentialId: app.credentialId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'http_error', detailCode: 'app_replace_required', detailParams: { sourceId: REPLACED } });
    expect((await admin.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.id === REPLACED)).toEqual(before);
    expect(inEntra(current.clientId)).toBe(true);
    // The generated app was not used up: it can still be checked, and removed.
    expect((await admin.post('/api/app-registrations/check', { credentialId: app.credentialId })).status).toBe(200);
    expect((await admin.post(`/api/app-registrations/${app.credentialId}/remove`, { graphToken: await graphTokenOf(admin) })).status).toBeLessThan(300);
    expect(inEntra(app.clientId)).toBe(false);
  });

  it('counts an app already gone from Entra as deleted', async () => {
    expect(stack.emulator.directory.removeApp(current.clientId)).toBe(true);
    const { body } = await replaceWithNew();
    expect(body.replaced).toMatchObject({ clientId: current.clientId, removed: true, problem: null });
    current = body.source;
  });

  it('keeps the new app when Entra refuses to delete the old one, and says why', async () => {
    const app = (await generate(admin)).body;
    // Ada's role lapses (as a PIM activation does) between generating and saving.
    stack.emulator.directory.revokeDirectoryRole(ADMIN_USERNAME, 'Global Administrator');
    try {
      const { status, body } = await admin.post<ReplaceAppResponse>(`/api/datasources/${REPLACED}/app/replace`, { credentialId: app.credentialId, graphToken: await graphTokenOf(admin) });
      expect(status).toBe(200);
      expect(body.source).toMatchObject({ clientId: app.clientId, appObjectId: app.appObjectId });
      expect(body.replaced).toMatchObject({ clientId: current.clientId, portalUrl: entraAppPortalUrl(current.clientId), removed: false });
      expect(body.replaced?.problem).toMatchObject({ status: 403, code: 'graph_permission_denied', detailCode: 'entra_roles_missing', detailParams: { step: 'delete_application' } });
      expect(inEntra(current.clientId)).toBe(true);
    } finally {
      stack.emulator.directory.assignDirectoryRole(ADMIN_USERNAME, 'Global Administrator');
    }
    current = { clientId: app.clientId, appObjectId: app.appObjectId };
  });

  it('never deletes an app entered by hand', async () => {
    const typed = stack.emulator.directory.registerApp({ displayName: 'Entered by hand', roles: ['OrgContact.Read.All'] });
    const patched = await admin.call<DataSourceView>('PATCH', `/api/datasources/${REPLACED}`, { tenantId: stack.emulator.tenantId, clientId: typed.appId, clientSecret: typed.secret });
    expect(patched.body).toMatchObject({ clientId: typed.appId, appObjectId: null });
    // The generated app the typed one took the place of stays in Entra too: PATCH takes no Graph token.
    expect(inEntra(current.clientId)).toBe(true);
    const { app, body } = await replaceWithNew();
    expect(body.source).toMatchObject({ clientId: app.clientId, appObjectId: app.appObjectId });
    expect(body.replaced).toBeNull();
    expect(inEntra(typed.appId)).toBe(true);
  });

  it('records the deletions, the refused one too, in the audit log', async () => {
    const { body } = await admin.get<AuditPage>('/api/audit?limit=100');
    const removals = body.entries.filter((e) => e.action === 'app.remove' && e.details['sourceId'] === REPLACED);
    expect(removals.map((e) => [e.outcome, e.code]).reverse()).toEqual([
      ['success', null],
      ['success', null],
      ['failure', 'graph_permission_denied'],
    ]);
    expect(body.entries.filter((e) => e.action === 'datasource.update' && e.target === REPLACED && e.outcome === 'success').length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a generated app that does not exist, and changes nothing', async () => {
    const before = (await admin.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.id === REPLACED);
    const refused = await admin.post<Problem>(`/api/datasources/${REPLACED}/app/replace`, { credentialId: crypto.randomUUID(), graphToken: await graphTokenOf(admin) });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ detailCode: 'generated_app_not_found' });
    expect((await admin.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.id === REPLACED)).toEqual(before);
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
