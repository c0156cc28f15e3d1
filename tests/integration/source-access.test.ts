import { decodeJwt, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, DataSourceView, LookupBatchResponse, LookupResponse, SearchResponse } from '../../contracts/index.ts';
import { groupId } from '../../emulator/src/index.ts';
import { startStack, waitForFirstSync, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';

/**
 * Per-data-source authorization over the real API: a second data source over the same tenant,
 * restricted to a group and ranked above the open one, so every answer tells whose copy of a
 * contact the caller was given. A caller outside the group must see nothing of it anywhere.
 */
const SALES = '3f1d2c4b-0000-4000-8000-00000000a001';
const OTHER_GROUP = '3f1d2c4b-0000-4000-8000-00000000a002';
const RESTRICTED = 'restricted-contacts';

let stack: Stack;
let admin: ReturnType<typeof apiClient>;
let outsider: ReturnType<typeof apiClient>;
let insider: ReturnType<typeof apiClient>;
let userClaims: JWTPayload;
let someNumber: string;

beforeAll(async () => {
  stack = await startStack({ contacts: 200, serveWeb: false });
  const adminToken = await stack.signIn('admin@contoso.example');
  admin = apiClient(stack, adminToken);
  userClaims = decodeJwt(await stack.signIn('user@contoso.example'));
  outsider = apiClient(stack, await stack.emulator.signToken({ ...userClaims, groups: [OTHER_GROUP] }));
  insider = apiClient(stack, await stack.emulator.signToken({ ...userClaims, oid: '5e0c7a9d-0000-4000-8000-00000000b001', groups: [OTHER_GROUP, SALES] }));
  const app = stack.emulator.directory.registerApp({ displayName: 'Restricted sync', roles: ['OrgContact.Read.All'] });
  const created = await admin.post('/api/datasources', {
    id: RESTRICTED,
    name: 'Sales only',
    tenantId: stack.emulator.tenantId,
    clientId: app.appId,
    clientSecret: app.secret,
    priority: 900,
    access: { mode: 'groups', groups: [{ id: SALES, displayName: 'Sales' }] },
  });
  expect(created.status).toBe(201);
  await waitForFirstSync(stack.apiUrl, adminToken, RESTRICTED);
  const withNumber = stack.emulator.tenant.list().find((c) => c.phones.some((p) => p.number && /^\+49 89/.test(p.number)));
  someNumber = withNumber?.phones.find((p) => p.number)?.number ?? '';
  expect(someNumber).not.toBe('');
});
afterAll(() => stack?.stop());

const sourcesOf = (contacts: Contact[]) => new Set(contacts.map((c) => c.sourceId));

describe("a caller outside the restricted source's groups", () => {
  it('finds none of its contacts in search, and as many hits as before it existed', async () => {
    const { body } = await outsider.get<SearchResponse>('/api/search?q=a&limit=100');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(sourcesOf(body.hits.map((h) => h.contact))).toEqual(new Set([stack.sourceId]));
    const { body: inside } = await insider.get<SearchResponse>('/api/search?q=a&limit=100');
    expect(sourcesOf(inside.hits.map((h) => h.contact)).has(RESTRICTED)).toBe(true);
  });

  it('is answered with the open copy by lookup, single and batch', async () => {
    const single = await outsider.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(someNumber)}`);
    expect(single.body.match?.contact.sourceId).toBe(stack.sourceId);
    const batch = await outsider.post<LookupBatchResponse>('/api/lookup', { numbers: [someNumber] });
    expect(batch.body.results[0]?.match?.contact.sourceId).toBe(stack.sourceId);
    // The control: the insider gets the restricted copy, which ranks higher.
    const inside = await insider.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(someNumber)}`);
    expect(inside.body.match?.contact.sourceId).toBe(RESTRICTED);
  });

  it('cannot fetch its contacts by id', async () => {
    const { body } = await insider.get<SearchResponse>('/api/search?q=a&limit=100');
    const hidden = body.hits.find((h) => h.contact.sourceId === RESTRICTED)?.contact.id ?? '';
    expect((await outsider.get(`/api/contacts/${encodeURIComponent(hidden)}`)).status).toBe(404);
    expect((await insider.get(`/api/contacts/${encodeURIComponent(hidden)}`)).status).toBe(200);
  });

  it('does not see it in the data source list, nor its count or status', async () => {
    const list = await outsider.get<DataSourceView[]>('/api/datasources');
    expect(list.body.map((s) => s.id)).toEqual([stack.sourceId]);
    const status = await outsider.get(`/api/datasources/${RESTRICTED}/status`);
    expect(status.status).toBe(404);
    expect(JSON.stringify(status.body)).not.toMatch(/contactCount/);
    expect((await insider.get(`/api/datasources/${RESTRICTED}/status`)).status).toBe(200);
    // Administrators manage every source, whatever their own groups.
    expect((await admin.get<DataSourceView[]>('/api/datasources')).body.map((s) => s.id).sort()).toEqual([RESTRICTED, stack.sourceId].sort());
  });
});

describe('changing the authorization', () => {
  it('applies to the next request: listed users replace groups', async () => {
    const changed = await admin.call('PATCH', `/api/datasources/${RESTRICTED}`, {
      access: { mode: 'users', users: [{ id: String(userClaims['oid']), displayName: 'Uli User' }] },
    });
    expect(changed.status).toBe(200);
    expect((await outsider.get<DataSourceView[]>('/api/datasources')).body.map((s) => s.id)).toContain(RESTRICTED);
    expect((await insider.get<DataSourceView[]>('/api/datasources')).body.map((s) => s.id)).not.toContain(RESTRICTED);
    const lookup = await outsider.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(someNumber)}`);
    expect(lookup.body.match?.contact.sourceId).toBe(RESTRICTED);
  });

  it('refuses malformed rules and keeps the old one', async () => {
    for (const access of [{ mode: 'groups', groups: [] }, { mode: 'users' }, { mode: 'nobody' }, { mode: 'groups', groups: [{ id: 'x y' }] }]) {
      const refused = await admin.call('PATCH', `/api/datasources/${RESTRICTED}`, { access });
      expect(refused.status).toBe(400);
    }
    const source = (await admin.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.id === RESTRICTED);
    expect(source?.access.mode).toBe('users');
  });

  it('is a setting only administrators change', async () => {
    const refused = await outsider.call('PATCH', `/api/datasources/${RESTRICTED}`, { access: { mode: 'everyone' } });
    expect(refused.status).toBe(403);
  });
});

describe('a user in more groups than a token lists', () => {
  it('is resolved through Graph with the restricted source\'s app, and sees exactly what the groups allow', async () => {
    const graphToken = ((await admin.post<{ accessToken: string }>('/api/demo/graph-token')).body).accessToken;
    const generated = await admin.post<{ credentialId: string }>('/api/app-registrations', { tenantId: stack.emulator.tenantId, graphToken });
    expect(generated.status).toBe(201);
    const created = await admin.post('/api/datasources', {
      id: 'project-42',
      name: 'Project P042',
      tenantId: stack.emulator.tenantId,
      credentialId: generated.body.credentialId,
      access: { mode: 'groups', groups: [{ id: groupId('Project P042'), displayName: 'Project P042' }] },
    });
    expect(created.status).toBe(201);
    // A new app works once Entra has replicated it; its first sync shows that it does.
    await waitForFirstSync(stack.apiUrl, await stack.signIn('admin@contoso.example'), 'project-42');
    const otto = await stack.emulator.issueUserToken({ username: 'otto.overage@contoso.example' });
    const claims = decodeJwt(otto);
    expect(claims['groups']).toBeUndefined();
    expect(claims['_claim_names']).toBeDefined();
    const sourcesOfUser = async (token: string) => (await apiClient(stack, token).get<DataSourceView[]>('/api/datasources')).body.map((s) => s.id);
    expect(await sourcesOfUser(otto)).toContain('project-42');
    // The control: a member of no project group, with an ordinary groups claim, does not see it.
    expect(await sourcesOfUser(await stack.emulator.issueUserToken({ username: 'sarah.schmidt@contoso.example' }))).not.toContain('project-42');
  });
});
