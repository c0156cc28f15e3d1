import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EntraErrorBody } from '../../emulator/src/entra-errors.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';
import type { HttpResponse } from './https-client.ts';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const ORG_CONTACT_READ_ALL = 'e1a88a34-94c4-4418-be12-c87b00e26bea';
const SETUP_SCOPES = ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All'];

interface ApplicationBody {
  id: string;
  appId: string;
  displayName: string;
  requiredResourceAccess: unknown[];
  passwordCredentials: { keyId: string; hint: string; secretText: string | null }[];
}

interface Assignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: string;
  resourceId: string;
}

let h: Harness;
/** The emulator's clock: replication and secret expiry follow it, so tests wait without sleeping. */
let now = Date.now();
let admin: string;
let replicationDelayMs: number;

beforeAll(async () => {
  h = await startHarness({ contacts: 20, clock: () => now });
  replicationDelayMs = h.emulator.behaviour.replicationDelayMs;
  admin = await delegatedToken('admin@contoso.example');
});
afterAll(() => h?.stop());
beforeEach(() => {
  h.emulator.configure({ replicationDelayMs });
});

function delegatedToken(username: string, scopes = SETUP_SCOPES): Promise<string> {
  return h.emulator.issueUserToken({ username, resource: 'graph', scopes });
}

function waitForReplication(): void {
  now += replicationDelayMs + 1;
}

function expectGraphError(response: HttpResponse, status: number, code: string): string {
  expect(response.status, response.text).toBe(status);
  const body = response.json<GraphErrorBody>();
  expect(Object.keys(body.error)).toEqual(['code', 'message', 'innerError']);
  expect(body.error.code).toBe(code);
  expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  return body.error.message;
}

function clientCredentials(appId: string, secret: string): Promise<HttpResponse> {
  return h.http.postForm(h.tokenUrl, { grant_type: 'client_credentials', client_id: appId, client_secret: secret, scope: 'https://graph.microsoft.com/.default' });
}

async function createApplication(token = admin, displayName = 'Switchboard sync'): Promise<ApplicationBody> {
  const response = await h.graphSend('POST', '/v1.0/applications', token, {
    displayName,
    signInAudience: 'AzureADMyOrg',
    requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: ORG_CONTACT_READ_ALL, type: 'Role' }] }],
  });
  expect(response.status, response.text).toBe(201);
  expect(response.headers['content-type']).toMatch(/^application\/json;odata\.metadata=minimal;/);
  return response.json<ApplicationBody>();
}

async function graphServicePrincipalId(): Promise<string> {
  const response = await h.graph(`/v1.0/servicePrincipals(appId='${GRAPH_APP_ID}')?$select=id,appRoles`, admin);
  return response.json<{ id: string }>().id;
}

/** Admin consent to OrgContact.Read.All: Graph's app role assigned to `principalId`. */
function grantContactRead(token: string, graphId: string, principalId: string): Promise<HttpResponse> {
  return h.graphSend('POST', `/v1.0/servicePrincipals/${graphId}/appRoleAssignedTo`, token, { principalId, resourceId: graphId, appRoleId: ORG_CONTACT_READ_ALL });
}

/** A generated app, service principal and secret, all replicated, without any app role. */
async function appWithSecret(): Promise<{ application: ApplicationBody; servicePrincipalId: string; secret: string }> {
  const application = await createApplication();
  waitForReplication();
  const principal = await h.graphSend('POST', '/v1.0/servicePrincipals', admin, { appId: application.appId });
  const password = await h.graphSend('POST', `/v1.0/applications/${application.id}/addPassword`, admin, { passwordCredential: { displayName: 'test' } });
  waitForReplication();
  return { application, servicePrincipalId: principal.json<{ id: string }>().id, secret: password.json<{ secretText: string }>().secretText };
}

/** What graph.md asks clients to do about replication: retry 400/404 a few times, waiting between tries. */
async function withReplicationRetry(call: () => Promise<HttpResponse>): Promise<{ response: HttpResponse; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const response = await call();
    if ((response.status !== 400 && response.status !== 404) || attempt === 5) return { response, attempts: attempt };
    now += 400;
  }
}

describe('GENERATE APP, CHECK ACCESS and REMOVE APP (graph.md)', () => {
  it('runs the whole sequence with an administrator’s delegated token, through replication', async () => {
    // 1. The application with the application permission it needs.
    const application = await createApplication();
    expect(application.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(application.appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(application.appId).not.toBe(application.id);
    expect(application.requiredResourceAccess).toEqual([{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: ORG_CONTACT_READ_ALL, type: 'Role' }] }]);
    expect(application.passwordCredentials).toEqual([]);

    // 2. Its service principal: the new application has not replicated yet.
    const servicePrincipal = await withReplicationRetry(() => h.graphSend('POST', '/v1.0/servicePrincipals', admin, { appId: application.appId }));
    expect(servicePrincipal.attempts).toBeGreaterThan(1);
    expect(servicePrincipal.response.status).toBe(201);
    const spId = servicePrincipal.response.json<{ id: string; appId: string }>().id;

    // 3. Microsoft Graph's service principal and the role's id.
    const graphSp = await h.graph(`/v1.0/servicePrincipals(appId='${GRAPH_APP_ID}')?$select=id,appRoles`, admin);
    expect(graphSp.status).toBe(200);
    const graph = graphSp.json<{ id: string; appRoles: { id: string; value: string; allowedMemberTypes: string[] }[] }>();
    expect(Object.keys(graph).sort()).toEqual(['@odata.context', 'appRoles', 'id']);
    expect(graph.appRoles.find((r) => r.value === 'OrgContact.Read.All')).toMatchObject({ id: ORG_CONTACT_READ_ALL, allowedMemberTypes: ['Application'] });

    // 4. Admin consent: the fresh service principal is not visible yet either.
    const grant = await withReplicationRetry(() =>
      grantContactRead(admin, graph.id, spId),
    );
    expect(grant.attempts).toBeGreaterThan(1);
    expect(grant.response.status).toBe(201);
    expect(grant.response.json<Assignment>()).toMatchObject({ appRoleId: ORG_CONTACT_READ_ALL, principalId: spId, resourceId: graph.id, principalType: 'ServicePrincipal' });

    // 5. A secret, shown once.
    const added = await h.graphSend('POST', `/v1.0/applications/${application.id}/addPassword`, admin, {
      passwordCredential: { displayName: 'Switchboard', endDateTime: new Date(now + 180 * 86_400_000).toISOString() },
    });
    expect(added.status).toBe(200);
    const credential = added.json<{ secretText: string; keyId: string; endDateTime: string; hint: string }>();
    expect(credential.secretText).toMatch(/^.{3}8Q~.{34}$/);
    expect(credential.hint).toBe(credential.secretText.slice(0, 3));

    // CHECK ACCESS: the secret needs to replicate to the token service first.
    expect((await clientCredentials(application.appId, credential.secretText)).status).toBe(401);
    waitForReplication();
    const token = await clientCredentials(application.appId, credential.secretText);
    expect(token.status).toBe(200);
    const accessToken = token.json<{ access_token: string }>().access_token;
    expect(decodeJwt(accessToken)).toMatchObject({ appid: application.appId, oid: spId, roles: ['OrgContact.Read.All'], idtyp: 'app' });
    expect((await h.graph('/v1.0/contacts?$top=1', accessToken)).status).toBe(200);

    const stored = await h.graph(`/v1.0/applications/${application.id}`, admin);
    expect(stored.json<ApplicationBody>().passwordCredentials).toEqual([
      expect.objectContaining({ keyId: credential.keyId, hint: credential.hint, secretText: null, displayName: 'Switchboard' }),
    ]);

    // REMOVE APP: application, service principal, role assignment and secret go together.
    expect((await h.graphSend('DELETE', `/v1.0/applications/${application.id}`, admin)).status).toBe(204);
    expectGraphError(await h.graph(`/v1.0/applications/${application.id}`, admin), 404, 'Request_ResourceNotFound');
    const afterRemoval = await clientCredentials(application.appId, credential.secretText);
    expect(afterRemoval.status).toBe(400);
    expect(afterRemoval.json<EntraErrorBody>().error_codes).toEqual([700016]);
    expect((await h.graph(`/v1.0/servicePrincipals?$filter=appId eq '${application.appId}'`, admin)).json<Page<unknown>>().value).toEqual([]);
    const assignments = await h.graph(`/v1.0/servicePrincipals/${graph.id}/appRoleAssignedTo`, admin);
    expect(assignments.json<Page<Assignment>>().value.map((a) => a.principalId)).not.toContain(spId);
  });

  it('finds applications and service principals by appId, by filter and by alternate key', async () => {
    const application = await createApplication(admin, 'Lookup test');
    expect((await h.graph(`/v1.0/applications?$filter=appId eq '${application.appId}'`, admin)).json<Page<unknown>>().value).toEqual([]);
    waitForReplication();
    const byFilter = await h.graph(`/v1.0/applications?$filter=appId eq '${application.appId}'&$select=id,displayName`, admin);
    expect(byFilter.json<Page<unknown>>().value).toEqual([{ id: application.id, displayName: 'Lookup test' }]);
    expect(byFilter.json<Page<unknown>>()['@odata.context']).toMatch(/\$metadata#applications\(id,displayName\)$/);
    const byKey = await h.graph(`/v1.0/applications(appId='${application.appId}')`, admin);
    expect(byKey.json<ApplicationBody>().id).toBe(application.id);
    const graphSp = await h.graph(`/v1.0/servicePrincipals?$filter=appId eq '${GRAPH_APP_ID}'`, admin);
    const [graph] = graphSp.json<Page<{ displayName: string; appOwnerOrganizationId: string; appRoles: unknown[]; oauth2PermissionScopes: { value: string; type: string }[] }>>().value;
    expect(graph?.displayName).toBe('Microsoft Graph');
    expect(graph?.oauth2PermissionScopes).toContainEqual(expect.objectContaining({ value: 'Application.ReadWrite.All', type: 'Admin' }));
    expectGraphError(await h.graph(`/v1.0/applications/00000000-0000-4000-8000-000000000000`, admin), 404, 'Request_ResourceNotFound');
  });

  it('issues app-only tokens only with roles actually assigned, once the assignment replicated', async () => {
    const { servicePrincipalId, secret, application } = await appWithSecret();
    const before = await clientCredentials(application.appId, secret);
    const bare = before.json<{ access_token: string }>().access_token;
    expect(decodeJwt(bare).roles).toBeUndefined();
    const refused = expectGraphError(await h.graph('/v1.0/contacts?$top=1', bare), 403, 'Authorization_RequestDenied');
    expect(refused).toMatch(/^Insufficient privileges to complete the operation\. .*OrgContact\.Read\.All/);

    const graphId = await graphServicePrincipalId();
    const grant = await grantContactRead(admin, graphId, servicePrincipalId);
    expect(grant.status).toBe(201);
    expect(decodeJwt((await clientCredentials(application.appId, secret)).json<{ access_token: string }>().access_token).roles).toBeUndefined();
    waitForReplication();
    expect(decodeJwt((await clientCredentials(application.appId, secret)).json<{ access_token: string }>().access_token).roles).toEqual(['OrgContact.Read.All']);

    const again = await grantContactRead(admin, graphId, servicePrincipalId);
    expect(expectGraphError(again, 400, 'Request_BadRequest')).toBe('Permission being assigned already exists on the object');
    const listed = await h.graph(`/v1.0/servicePrincipals/${servicePrincipalId}/appRoleAssignments`, admin);
    expect(listed.json<Page<Assignment>>().value).toEqual([expect.objectContaining({ appRoleId: ORG_CONTACT_READ_ALL, resourceId: graphId })]);

    // Revoking the consent takes the role out of the next token.
    const assignmentId = grant.json<Assignment>().id;
    expect((await h.graphSend('DELETE', `/v1.0/servicePrincipals/${graphId}/appRoleAssignedTo/${assignmentId}`, admin)).status).toBe(204);
    expect(decodeJwt((await clientCredentials(application.appId, secret)).json<{ access_token: string }>().access_token).roles).toBeUndefined();
    expectGraphError(await h.graphSend('DELETE', `/v1.0/servicePrincipals/${graphId}/appRoleAssignedTo/${assignmentId}`, admin), 404, 'Request_ResourceNotFound');
  });

  it('reads and deletes a service principal by id; the app then gets no token', async () => {
    const { servicePrincipalId, secret, application } = await appWithSecret();
    const read = await h.graph(`/v1.0/servicePrincipals/${servicePrincipalId}?$select=appId,displayName`, admin);
    expect(read.json<Record<string, unknown>>()).toMatchObject({ id: servicePrincipalId, appId: application.appId, displayName: 'Switchboard sync' });
    expect((await h.graphSend('DELETE', `/v1.0/servicePrincipals/${servicePrincipalId}`, admin)).status).toBe(204);
    expect((await clientCredentials(application.appId, secret)).json<EntraErrorBody>().error_codes).toEqual([7000229]);
  });

  it('refuses tokens for an app without a service principal, and for an expired secret', async () => {
    const application = await createApplication();
    waitForReplication();
    const password = await h.graphSend('POST', `/v1.0/applications/${application.id}/addPassword`, admin, {
      passwordCredential: { endDateTime: new Date(now + 2 * replicationDelayMs).toISOString() },
    });
    const secret = password.json<{ secretText: string }>().secretText;
    waitForReplication();
    const noPrincipal = await clientCredentials(application.appId, secret);
    expect(noPrincipal.json<EntraErrorBody>().error_codes).toEqual([7000229]);
    await h.graphSend('POST', '/v1.0/servicePrincipals', admin, { appId: application.appId });
    waitForReplication();
    const expired = await clientCredentials(application.appId, secret);
    expect(expired.status).toBe(401);
    expect(expired.json<EntraErrorBody>().error_codes).toEqual([7000222]);
    const past = await h.graphSend('POST', `/v1.0/applications/${application.id}/addPassword`, admin, { passwordCredential: { endDateTime: '2001-01-01T00:00:00Z' } });
    expectGraphError(past, 400, 'Request_BadRequest');
  });

  it('answers the replication delay in Graph’s words and honours its configuration', async () => {
    const application = await createApplication();
    expectGraphError(await h.graph(`/v1.0/applications/${application.id}`, admin), 404, 'Request_ResourceNotFound');
    const early = await h.graphSend('POST', '/v1.0/servicePrincipals', admin, { appId: application.appId });
    expect(expectGraphError(early, 400, 'Request_BadRequest')).toBe(`The appId '${application.appId}' of the service principal does not reference a valid application object.`);
    h.emulator.configure({ replicationDelayMs: 0 });
    const immediate = await createApplication();
    expect((await h.graph(`/v1.0/applications/${immediate.id}`, admin)).status).toBe(200);
    const principal = await h.graphSend('POST', '/v1.0/servicePrincipals', admin, { appId: immediate.appId });
    expect(principal.status).toBe(201);
    const duplicate = await h.graphSend('POST', '/v1.0/servicePrincipals', admin, { appId: immediate.appId });
    expectGraphError(duplicate, 409, 'Request_MultipleObjectsWithSameKeyValue');
    const graphId = await graphServicePrincipalId();
    const unknownPrincipal = await grantContactRead(admin, graphId, '00000000-0000-4000-8000-000000000000');
    expect(expectGraphError(unknownPrincipal, 400, 'Request_BadRequest')).toBe('Not a valid reference update.');
  });

  it('keeps directory.registerApp working on the same model', async () => {
    const registered = h.emulator.directory.registerApp({ displayName: 'scripted', roles: ['OrgContact.Read.All'] });
    const listed = await h.graph(`/v1.0/applications?$filter=appId eq '${registered.appId}'`, admin);
    expect(listed.json<Page<{ id: string }>>().value).toEqual([expect.objectContaining({ id: registered.objectId })]);
    const token = decodeJwt((await clientCredentials(registered.appId, registered.secret)).json<{ access_token: string }>().access_token);
    expect(token).toMatchObject({ roles: ['OrgContact.Read.All'], oid: registered.servicePrincipalId });
    expect(h.emulator.directory.getApp(registered.appId)).toMatchObject({ roles: ['OrgContact.Read.All'], servicePrincipalId: registered.servicePrincipalId });
    expect(() => h.emulator.directory.registerApp({ displayName: 'typo', roles: ['OrgContacts.Read.All'] })).toThrow(/no app role/);
  });
});

describe('who may generate an app', () => {
  it('refuses a token without the scopes, naming them', async () => {
    const weak = await delegatedToken('admin@contoso.example', ['User.Read']);
    const message = expectGraphError(await h.graphSend('POST', '/v1.0/applications', weak, { displayName: 'x' }), 403, 'Authorization_RequestDenied');
    expect(message).toMatch(/^Insufficient privileges to complete the operation\. .*Application\.ReadWrite\.All/);
    const read = expectGraphError(await h.graph('/v1.0/applications', weak), 403, 'Authorization_RequestDenied');
    expect(read).toMatch(/Application\.Read\.All/);
  });

  it('refuses a user without an administrator role, naming the roles', async () => {
    const user = await delegatedToken('user@contoso.example');
    const message = expectGraphError(await h.graphSend('POST', '/v1.0/applications', user, { displayName: 'x' }), 403, 'Authorization_RequestDenied');
    expect(message).toMatch(/Global Administrator, Application Administrator, Cloud Application Administrator/);
    const graphId = await graphServicePrincipalId();
    const grant = await grantContactRead(user, graphId, graphId);
    expectGraphError(grant, 403, 'Authorization_RequestDenied');
  });

  it('lets a Cloud Application Administrator create the app but not grant Graph app roles', async () => {
    const cleo = await delegatedToken('cloudadmin@contoso.example');
    const application = await createApplication(cleo);
    waitForReplication();
    const principal = await h.graphSend('POST', '/v1.0/servicePrincipals', cleo, { appId: application.appId });
    expect(principal.status).toBe(201);
    waitForReplication();
    const graphId = await graphServicePrincipalId();
    const grant = await grantContactRead(cleo, graphId, principal.json<{ id: string }>().id);
    expect(expectGraphError(grant, 403, 'Authorization_RequestDenied')).toMatch(/Global Administrator, Privileged Role Administrator/);
  });

  it('lets an Application Administrator who is also Privileged Role Administrator do all of it', async () => {
    const priya = await delegatedToken('privadmin@contoso.example');
    const application = await createApplication(priya);
    waitForReplication();
    const principal = await h.graphSend('POST', '/v1.0/servicePrincipals', priya, { appId: application.appId });
    waitForReplication();
    const graphId = await graphServicePrincipalId();
    const grant = await grantContactRead(priya, graphId, principal.json<{ id: string }>().id);
    expect(grant.status).toBe(201);
    expect((await h.graphSend('DELETE', `/v1.0/applications/${application.id}`, priya)).status).toBe(204);
  });

  it('works with a token from the password grant once consent is given, and not before', async () => {
    const clientId = h.emulator.apiApp.clientId;
    const scope = SETUP_SCOPES.map((s) => `https://graph.microsoft.com/${s}`).join(' ');
    const ropc = () => h.http.postForm(h.tokenUrl, { grant_type: 'password', client_id: clientId, username: 'privadmin@contoso.example', password: 'demo', scope });
    const refused = await ropc();
    expect(refused.status).toBe(400);
    expect(refused.json<EntraErrorBody & { suberror: string }>()).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
    h.emulator.directory.grantConsent({ clientId, scopes: SETUP_SCOPES, username: 'privadmin@contoso.example' });
    const granted = await ropc();
    expect(granted.status).toBe(200);
    const token = granted.json<{ access_token: string; scope: string }>();
    expect(token.scope.split(' ')).toEqual(expect.arrayContaining(SETUP_SCOPES.map((s) => `https://graph.microsoft.com/${s}`)));
    const claims = decodeJwt(token.access_token);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', idtyp: 'user', upn: 'privadmin@contoso.example' });
    expect(String(claims.scp).split(' ')).toEqual(expect.arrayContaining(SETUP_SCOPES));
    expect(claims.wids).toEqual(expect.arrayContaining(['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'e8611ab8-c189-46e8-94e1-60213ab1f814', 'b79fbf4d-3ef9-4689-8143-76b194e85509']));
    expect((await createApplication(token.access_token)).displayName).toBe('Switchboard sync');
  });

  it('rejects unknown properties and bad bodies the way Graph does', async () => {
    const unknown = await h.graphSend('POST', '/v1.0/applications', admin, { displayName: 'x', colour: 'blue' });
    expect(expectGraphError(unknown, 400, 'BadRequest')).toMatch(/^The property 'colour' does not exist on type 'microsoft\.graph\.application'\./);
    const noName = await h.graphSend('POST', '/v1.0/applications', admin, { signInAudience: 'AzureADMyOrg' });
    expect(expectGraphError(noName, 400, 'Request_BadRequest')).toMatch(/displayName/);
    const garbage = await h.http.request('POST', `${h.emulator.url}/v1.0/applications`, { headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' }, body: '{' });
    expectGraphError(garbage, 400, 'BadRequest');
  });
});

describe('/contacts needs OrgContact.Read.All', () => {
  it('refuses delegated tokens without it and accepts them with it', async () => {
    const setup = await delegatedToken('admin@contoso.example');
    expect(expectGraphError(await h.graph('/v1.0/contacts', setup), 403, 'Authorization_RequestDenied')).toMatch(/OrgContact\.Read\.All/);
    const reader = await delegatedToken('admin@contoso.example', ['OrgContact.Read.All']);
    expect((await h.graph('/v1.0/contacts?$top=1', reader)).status).toBe(200);
  });
});
