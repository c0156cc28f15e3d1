// Users and groups for per-data-source authorisation: Graph's group and user lists with $search,
// $filter and paging, transitive membership through nested groups, and the groups claim of user
// tokens with Entra's overage form.

import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_ADMIN_ROLE, groupId, PROJECT_GROUP_COUNT, TENANT_GROUPS } from '../../emulator/src/index.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';
import type { HttpResponse } from './https-client.ts';

interface DirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName: string;
  securityEnabled?: boolean;
  roleTemplateId?: string;
}

const EVENTUAL = { ConsistencyLevel: 'eventual' };

let h: Harness;
let reader: string;
let uli: string;
let otto: string;
let ada: string;

beforeAll(async () => {
  h = await startHarness({ contacts: 5 });
  reader = await h.graphToken(['GroupMember.Read.All', 'User.Read.All']);
  const oid = (username: string) => h.emulator.directory.findUser(username)?.id ?? '';
  uli = oid('user@contoso.example');
  otto = oid('otto.overage@contoso.example');
  ada = oid('admin@contoso.example');
});
afterAll(() => h?.stop());
afterEach(() => {
  h.emulator.configure({ groupsClaimLimit: 200 });
});

async function allPages<T>(url: string, token = reader, headers: Record<string, string> = {}): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  for (let next: string | undefined = url; next; ) {
    const response = await h.graph(next, token, headers);
    expect(response.status, response.text).toBe(200);
    const page = response.json<Page<T>>();
    items.push(...page.value);
    pages += 1;
    next = page['@odata.nextLink'];
  }
  return { items, pages };
}

function names(items: readonly DirectoryObject[]): string[] {
  return items.map((g) => g.displayName).sort();
}

function graphError(response: HttpResponse): GraphErrorBody['error'] {
  return response.json<GraphErrorBody>().error;
}

async function ropc(username: string): Promise<Record<string, unknown>> {
  const clientId = h.emulator.apiApp.clientId;
  const response = await h.http.postForm(h.tokenUrl, { grant_type: 'password', client_id: clientId, username, password: 'demo', scope: `api://${clientId}/access_as_user` });
  expect(response.status, response.text).toBe(200);
  return decodeJwt(response.json<{ access_token: string }>().access_token);
}

describe('GET /groups', () => {
  it('pages through every group, 100 at a time unless $top says otherwise', async () => {
    const { items, pages } = await allPages<DirectoryObject>('/v1.0/groups');
    expect(items).toHaveLength(TENANT_GROUPS.length);
    expect(pages).toBe(Math.ceil(TENANT_GROUPS.length / 100));
    expect(new Set(items.map((g) => g.id)).size).toBe(items.length);
    const counted = await h.graph('/v1.0/groups?$count=true&$top=5&$select=id', reader, EVENTUAL);
    expect(counted.json<Page<DirectoryObject>>()['@odata.count']).toBe(TENANT_GROUPS.length);
    expect(counted.json<Page<DirectoryObject>>().value).toHaveLength(5);
  });

  it('searches display names by word prefix, with ConsistencyLevel: eventual only', async () => {
    const without = await h.graph('/v1.0/groups?$search="displayName:sales"', reader);
    expect(without.status).toBe(400);
    expect(graphError(without)).toMatchObject({ code: 'Request_UnsupportedQuery', message: expect.stringContaining('ConsistencyLevel: eventual') });
    const sales = await h.graph('/v1.0/groups?$search="displayName:sales"&$select=id,displayName', reader, EVENTUAL);
    expect(names(sales.json<Page<DirectoryObject>>().value)).toEqual(['Sales', 'Sales DACH', 'Sales Nordics']);
    expect(Object.keys(sales.json<Page<DirectoryObject>>().value[0] ?? {}).sort()).toEqual(['displayName', 'id']);
    const dach = await h.graph('/v1.0/groups?$search="displayName:sal da"', reader, EVENTUAL);
    expect(names(dach.json<Page<DirectoryObject>>().value)).toEqual(['Sales DACH']);
    const either = await h.graph('/v1.0/groups?$search="displayName:support" OR "displayName:reception"&$orderby=displayName', reader, EVENTUAL);
    expect(either.json<Page<DirectoryObject>>().value.map((g) => g.displayName)).toEqual(['Reception', 'Support']);
    const unquoted = await h.graph('/v1.0/groups?$search=displayName:sales', reader, EVENTUAL);
    expect(unquoted.status).toBe(400);
  });

  it('filters by startswith and by type without an advanced query', async () => {
    const sales = await h.graph(`/v1.0/groups?$filter=startswith(displayName,'sales')&$select=displayName`, reader);
    expect(names(sales.json<Page<DirectoryObject>>().value)).toEqual(['Sales', 'Sales DACH', 'Sales Nordics']);
    const unified = await h.graph('/v1.0/groups?$filter=securityEnabled eq false', reader);
    expect(unified.json<Page<DirectoryObject & { groupTypes: string[] }>>().value).toEqual([expect.objectContaining({ displayName: 'All Contoso', groupTypes: ['Unified'] })]);
    const first = await h.graph(`/v1.0/groups?$filter=startswith(displayName,'Project')&$top=2`, reader);
    const page = first.json<Page<DirectoryObject>>();
    expect(page.value).toHaveLength(2);
    expect(page['@odata.nextLink']).toContain('$filter=startswith(displayName,');
    expect((await allPages<DirectoryObject>(`/v1.0/groups?$filter=startswith(displayName,'Project')&$top=999`)).items).toHaveLength(PROJECT_GROUP_COUNT);
  });

  it('reads one group, and refuses apps without a group permission', async () => {
    const id = groupId('Sales DACH');
    const response = await h.graph(`/v1.0/groups/${id}`, reader);
    expect(response.json<DirectoryObject>()).toMatchObject({ id, displayName: 'Sales DACH', securityEnabled: true, groupTypes: [], mailEnabled: false });
    expect(response.json<Record<string, unknown>>()['@odata.context']).toMatch(/\$metadata#groups\/\$entity$/);
    expect((await h.graph('/v1.0/groups/00000000-0000-4000-8000-000000000000', reader)).status).toBe(404);
    const contactsOnly = await h.graphToken(['OrgContact.Read.All']);
    const refused = await h.graph('/v1.0/groups', contactsOnly);
    expect(refused.status).toBe(403);
    expect(graphError(refused)).toMatchObject({ code: 'Authorization_RequestDenied', message: expect.stringContaining('GroupMember.Read.All') });
    expect((await h.graph(`/v1.0/users/${uli}/transitiveMemberOf`, contactsOnly)).status).toBe(403);
  });
});

describe('a user’s memberships', () => {
  it('follows nested groups in transitiveMemberOf, and lists only direct ones in memberOf', async () => {
    const transitive = await allPages<DirectoryObject>(`/v1.0/users/${uli}/transitiveMemberOf`);
    expect(names(transitive.items)).toEqual(['All Contoso', 'All Staff', 'Customer Facing', 'Munich Office', 'Project P042', 'Sales', 'Sales DACH']);
    expect(transitive.items.every((g) => g['@odata.type'] === '#microsoft.graph.group')).toBe(true);
    const direct = await allPages<DirectoryObject>(`/v1.0/users/user@contoso.example/memberOf`);
    expect(names(direct.items)).toEqual(['All Contoso', 'Munich Office', 'Project P042', 'Sales DACH']);
  });

  it('lists directory roles beside groups, and only groups after the cast', async () => {
    const all = await allPages<DirectoryObject>(`/v1.0/users/${ada}/transitiveMemberOf`);
    expect(all.items).toContainEqual(expect.objectContaining({ '@odata.type': '#microsoft.graph.directoryRole', displayName: 'Global Administrator', roleTemplateId: '62e90394-69f5-4237-9190-012177145e10' }));
    const response = await h.graph(`/v1.0/users/${ada}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName`, reader);
    const groups = response.json<Page<DirectoryObject>>();
    expect(groups['@odata.context']).toMatch(/\$metadata#groups\(id,displayName\)$/);
    expect(names(groups.value)).toEqual(['All Contoso', 'All Staff', 'IT', 'Munich Office', 'Switchboard Administrators']);
  });

  it('pages through a user in more groups than a token can carry', async () => {
    const paged = await allPages<DirectoryObject>(`/v1.0/users/${otto}/transitiveMemberOf/microsoft.graph.group?$select=id`);
    expect(paged.items).toHaveLength(PROJECT_GROUP_COUNT + 2);
    expect(paged.pages).toBe(3);
    const oneGo = await allPages<DirectoryObject>(`/v1.0/users/${otto}/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999`);
    expect(oneGo.pages).toBe(1);
    expect(oneGo.items.map((g) => g.id)).toEqual(paged.items.map((g) => g.id));
  });

  it('answers /me for a signed-in user with User.Read, and refuses it to apps', async () => {
    const me = await h.emulator.issueUserToken({ username: 'user@contoso.example', resource: 'graph', scopes: ['User.Read'] });
    expect((await h.graph('/v1.0/me', me)).json<{ userPrincipalName: string }>().userPrincipalName).toBe('user@contoso.example');
    expect((await allPages<DirectoryObject>('/v1.0/me/transitiveMemberOf/microsoft.graph.group', me)).items).toHaveLength(7);
    expect((await h.graph(`/v1.0/users/${otto}/transitiveMemberOf`, me)).status).toBe(403);
    const appOnly = await h.graph('/v1.0/me', reader);
    expect(appOnly.status).toBe(400);
    expect(graphError(appOnly).message).toBe('/me request is only valid with delegated authentication flow.');
  });
});

describe('GET /users for a user picker', () => {
  it('filters, searches and selects', async () => {
    const starts = await h.graph(`/v1.0/users?$filter=startswith(displayName,'s')&$orderby=displayName`, reader, EVENTUAL);
    expect(starts.json<Page<DirectoryObject>>().value.map((u) => u.displayName)).toEqual(['Sarah Schmidt', 'Susanne Weber', 'Sven Larsen']);
    const accent = await h.graph('/v1.0/users?$search="displayName:muller"&$select=displayName,mail', reader, EVENTUAL);
    expect(accent.json<Page<unknown>>().value).toEqual([{ displayName: 'Mia Müller', mail: 'mia.mueller@contoso.example', id: expect.any(String) }]);
    const byMail = await h.graph(`/v1.0/users?$filter=mail eq 'OTTO.OVERAGE@contoso.example'`, reader);
    expect(byMail.json<Page<DirectoryObject>>().value.map((u) => u.id)).toEqual([otto]);
    const one = await h.graph(`/v1.0/users/${uli}`, reader);
    expect(Object.keys(one.json<Record<string, unknown>>()).sort()).toEqual(
      ['@odata.context', 'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'].sort(),
    );
  });
});

describe('groups in user tokens', () => {
  it('lists the user’s security groups, nested ones included', async () => {
    const claims = await ropc('user@contoso.example');
    expect((claims.groups as string[]).sort()).toEqual(['All Staff', 'Customer Facing', 'Munich Office', 'Project P042', 'Sales', 'Sales DACH'].map(groupId).sort());
    expect(claims._claim_names).toBeUndefined();
  });

  it('switches to the overage form above the limit, pointing at Graph', async () => {
    const claims = await ropc('otto.overage@contoso.example');
    expect(claims.groups).toBeUndefined();
    expect(claims._claim_names).toEqual({ groups: 'src1' });
    const endpoint = (claims._claim_sources as { src1: { endpoint: string } }).src1.endpoint;
    expect(endpoint).toBe(`${h.emulator.url}/v1.0/users/${otto}/getMemberObjects`);
    const members = await h.graphSend('POST', endpoint, reader, { securityEnabledOnly: true });
    expect(members.status, members.text).toBe(200);
    expect(members.json<Page<string>>().value).toHaveLength(PROJECT_GROUP_COUNT + 1);
    const groups = await h.graphSend('POST', `/v1.0/users/${otto}/getMemberGroups`, reader, { securityEnabledOnly: false });
    expect(groups.json<Page<string>>().value).toHaveLength(PROJECT_GROUP_COUNT + 2);
  });

  it('follows the configured limit', async () => {
    h.emulator.configure({ groupsClaimLimit: 5 });
    expect((await ropc('user@contoso.example'))._claim_names).toEqual({ groups: 'src1' });
    expect(decodeJwt(await h.emulator.issueUserToken({ username: 'admin@contoso.example' })).groups).toHaveLength(4);
  });
});

describe('tokens minted through the programmatic API', () => {
  async function verify(token: string, options: { issuer: string; audience: string }) {
    const keys = createLocalJWKSet((await h.http.get(`${h.emulator.url}/${h.emulator.tenantId}/discovery/v2.0/keys`)).json<JSONWebKeySet>());
    return (await jwtVerify(token, keys, options)).payload;
  }

  it('issues v1.0 API tokens with the identifier URI or the client id as audience', async () => {
    const { clientId, identifierUri } = h.emulator.apiApp;
    const v1 = await h.emulator.issueUserToken({ username: 'admin@contoso.example', version: 1 });
    const payload = await verify(v1, { issuer: `https://sts.windows.net/${h.emulator.tenantId}/`, audience: identifierUri });
    expect(payload).toMatchObject({ ver: '1.0', appid: clientId, scp: 'access_as_user', roles: ['Directory.Admin'], upn: 'admin@contoso.example', tid: h.emulator.tenantId });
    expect(payload.azp).toBeUndefined();
    const byClientId = await h.emulator.issueUserToken({ username: 'admin@contoso.example', version: 1, audience: clientId });
    expect(decodeJwt(byClientId).aud).toBe(clientId);
  });

  it('issues tokens standing for another tenant, signed with the same key', async () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const v2 = await h.emulator.issueUserToken({ username: 'user@contoso.example', tenantId: other });
    expect(await verify(v2, { issuer: `${h.emulator.url}/${other}/v2.0`, audience: h.emulator.apiApp.clientId })).toMatchObject({ tid: other, ver: '2.0' });
    const v1 = await h.emulator.issueUserToken({ username: 'user@contoso.example', tenantId: other, version: 1 });
    expect(decodeJwt(v1)).toMatchObject({ tid: other, iss: `https://sts.windows.net/${other}/` });
    const graph = await h.emulator.issueUserToken({ username: 'user@contoso.example', tenantId: other, resource: 'graph' });
    const refused = await h.graph('/v1.0/me', graph);
    expect(refused.status).toBe(401);
  });
});

describe('the programmatic directory', () => {
  it('adds users, nested groups and directory roles that Graph and tokens reflect', async () => {
    const directory = h.emulator.directory;
    const nina = directory.addUser({ userPrincipalName: 'nina.neu@contoso.example', displayName: 'Nina Neu', password: 'secret' });
    const outer = directory.addGroup({ displayName: 'Pilot Outer' });
    const inner = directory.addGroup({ displayName: 'Pilot Inner', members: [nina.userPrincipalName] });
    directory.addGroupMember(outer.id, inner.id);
    directory.assignDirectoryRole(nina.userPrincipalName, 'Application Administrator');
    const memberships = await allPages<DirectoryObject>(`/v1.0/users/${nina.id}/transitiveMemberOf`);
    expect(names(memberships.items)).toEqual(['Application Administrator', 'Pilot Inner', 'Pilot Outer']);
    const clientId = h.emulator.apiApp.clientId;
    const withDemoPassword = await h.http.postForm(h.tokenUrl, { grant_type: 'password', client_id: clientId, username: nina.userPrincipalName, password: 'demo', scope: `${clientId}/.default` });
    expect(withDemoPassword.status).toBe(400);
    directory.setPassword(nina.userPrincipalName, 'demo');
    expect(((await ropc('nina.neu@contoso.example')).groups as string[]).sort()).toEqual([inner.id, outer.id].sort());
    const graph = decodeJwt(await h.emulator.issueUserToken({ username: nina.id, resource: 'graph' }));
    expect(graph.wids).toEqual(['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'b79fbf4d-3ef9-4689-8143-76b194e85509']);
  });

  it('gives a group’s app role to its direct members only, as Entra does', async () => {
    const directory = h.emulator.directory;
    const api = directory.apps.servicePrincipalByAppId(h.emulator.apiApp.clientId, Infinity);
    if (!api) throw new Error('the Switchboard API has no service principal');
    const olga = directory.addUser({ userPrincipalName: 'olga.ost@contoso.example', displayName: 'Olga Ost', password: 'demo' });
    const team = directory.addGroup({ displayName: 'Helpdesk Team', members: [olga.userPrincipalName] });
    const admins = directory.addGroup({ displayName: 'Helpdesk Admins', members: [team.id] });
    const assign = (group: { id: string; displayName: string }) =>
      directory.apps.assignAppRole({ principalId: group.id, principalType: 'Group', principalDisplayName: group.displayName, resource: api, appRoleId: DIRECTORY_ADMIN_ROLE.id }, Date.now(), 0);
    const roles = async () => decodeJwt(await h.emulator.issueUserToken({ username: olga.userPrincipalName })).roles;
    assign(admins);
    expect(await roles()).toBeUndefined();
    assign(team);
    expect(await roles()).toEqual([DIRECTORY_ADMIN_ROLE.value]);
  });
});
