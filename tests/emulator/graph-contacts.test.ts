import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness({ contacts: 5000 });
  token = await h.graphToken();
});
afterAll(() => h?.stop());

function expectGraphError(body: GraphErrorBody, code: string): void {
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message', 'innerError']);
  expect(body.error.code).toBe(code);
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('authentication and authorization', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const response = await h.http.get(`${h.emulator.url}/v1.0/contacts`);
    expect(response.status).toBe(401);
    expectGraphError(response.json<GraphErrorBody>(), 'InvalidAuthenticationToken');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers 401 for garbage and for a token signed by someone else', async () => {
    expect((await h.graph('/v1.0/contacts', 'garbage')).status).toBe(401);
    const [header, payload] = token.split('.');
    const forged = await h.graph('/v1.0/contacts', `${header}.${payload}.${'A'.repeat(342)}`);
    expect(forged.status).toBe(401);
    expectGraphError(forged.json<GraphErrorBody>(), 'InvalidAuthenticationToken');
  });

  it('answers 401 for an expired token and for the API audience', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${h.emulator.tenantId}/`, tid: h.emulator.tenantId, roles: ['OrgContact.Read.All'], idtyp: 'app' };
    const expired = await h.emulator.signToken({ ...claims, iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    const response = await h.graph('/v1.0/contacts', expired);
    expect(response.status).toBe(401);
    expect(response.json<GraphErrorBody>().error.message).toMatch(/expired/);
    const apiToken = await h.emulator.signToken({ ...claims, aud: h.emulator.apiApp.clientId, iat: now, nbf: now, exp: now + 600 });
    expect((await h.graph('/v1.0/contacts', apiToken)).status).toBe(401);
  });

  it('answers 403 Authorization_RequestDenied when the app lacks OrgContact.Read.All', async () => {
    const weak = await h.graphToken(['User.Read.All']);
    const response = await h.graph('/v1.0/contacts', weak);
    expect(response.status).toBe(403);
    expectGraphError(response.json<GraphErrorBody>(), 'Authorization_RequestDenied');
  });

  it('sets request-id, echoes client-request-id and reports resource units', async () => {
    const response = await h.graph('/v1.0/contacts?$top=1', token, { 'client-request-id': 'abc-123' });
    expect(response.status).toBe(200);
    expect(response.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['client-request-id']).toBe('abc-123');
    expect(response.headers['x-ms-resource-unit']).toBe('1');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('GET /v1.0/contacts', () => {
  it('defaults to 100 per page with an absolute https nextLink and @odata.context', async () => {
    const page = (await h.graph('/v1.0/contacts', token)).json<Page<OrgContact>>();
    expect(page.value).toHaveLength(100);
    expect(page['@odata.context']).toBe(`${h.emulator.url}/v1.0/$metadata#contacts`);
    expect(page['@odata.nextLink']).toMatch(new RegExp(`^${h.emulator.url}/v1\\.0/contacts\\?.*\\$skiptoken=`));
  });

  it.each(['0', '1000', '-1'])('rejects $top=%s', async (top) => {
    const response = await h.graph(`/v1.0/contacts?$top=${top}`, token);
    expect(response.status).toBe(400);
    const body = response.json<GraphErrorBody>();
    if (top === '-1') return;
    expectGraphError(body, 'Request_UnsupportedQuery');
    expect(body.error.message).toBe(`Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`);
  });

  it('accepts $top=1 and $top=999', async () => {
    expect((await h.graph('/v1.0/contacts?$top=1', token)).json<Page<OrgContact>>().value).toHaveLength(1);
    expect((await h.graph('/v1.0/contacts?$top=999', token)).json<Page<OrgContact>>().value).toHaveLength(999);
  });

  it('pages through all 5000 contacts, each exactly once, in id order', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/v1.0/contacts?$top=999';
    let pages = 0;
    while (url) {
      const response = await h.graph(url, token);
      expect(response.status).toBe(200);
      const page = response.json<Page<OrgContact>>();
      seen.push(...page.value.map((c) => c.id));
      url = page['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBe(6);
    expect(seen).toHaveLength(5000);
    expect(new Set(seen).size).toBe(5000);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen)).toEqual(new Set(h.emulator.tenant.list().map((c) => c.id)));
  });

  it('applies $select (id always included) and keeps it in the nextLink', async () => {
    const page = (await h.graph('/v1.0/contacts?$top=5&$select=displayName,phones', token)).json<Page<Partial<OrgContact>>>();
    expect(page['@odata.context']).toBe(`${h.emulator.url}/v1.0/$metadata#contacts(displayName,phones)`);
    for (const c of page.value) expect(Object.keys(c).sort()).toEqual(['displayName', 'id', 'phones']);
    expect(page['@odata.nextLink']).toContain('$select=displayName,phones');
    const next = (await h.graph(page['@odata.nextLink'] ?? '', token)).json<Page<Partial<OrgContact>>>();
    for (const c of next.value) expect(Object.keys(c).sort()).toEqual(['displayName', 'id', 'phones']);
  });

  it('rejects an unknown $select property', async () => {
    const response = await h.graph('/v1.0/contacts?$select=displayName,shoeSize', token);
    expect(response.status).toBe(400);
    expectGraphError(response.json<GraphErrorBody>(), 'Request_BadRequest');
  });

  it('adds @odata.count only with ConsistencyLevel: eventual', async () => {
    const without = await h.graph('/v1.0/contacts?$count=true&$top=1', token);
    expect(without.status).toBe(400);
    expectGraphError(without.json<GraphErrorBody>(), 'Request_BadRequest');
    const withHeader = await h.graph('/v1.0/contacts?$count=true&$top=1', token, { ConsistencyLevel: 'eventual' });
    expect(withHeader.status).toBe(200);
    expect(withHeader.json<Page<OrgContact>>()['@odata.count']).toBe(5000);
  });

  it('rejects a forged or garbage skiptoken with Request_BadRequest', async () => {
    const response = await h.graph('/v1.0/contacts?$skiptoken=bm90LWEtdG9rZW4', token);
    expect(response.status).toBe(400);
    expectGraphError(response.json<GraphErrorBody>(), 'Request_BadRequest');
  });

  it('rejects $skip, which Graph does not support for directory objects', async () => {
    expect((await h.graph('/v1.0/contacts?$skip=10', token)).status).toBe(400);
  });
});

describe('GET /v1.0/contacts/$count', () => {
  it('returns the count as text/plain with ConsistencyLevel: eventual', async () => {
    const response = await h.graph('/v1.0/contacts/$count', token, { ConsistencyLevel: 'eventual' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toBe(String(h.emulator.tenant.count));
  });

  it('refuses without ConsistencyLevel', async () => {
    expect((await h.graph('/v1.0/contacts/$count', token)).status).toBe(400);
  });
});

describe('GET /v1.0/contacts/{id}', () => {
  it('returns the object with @odata.context', async () => {
    const contact = h.emulator.tenant.list()[42] as OrgContact;
    const body = (await h.graph(`/v1.0/contacts/${contact.id}`, token)).json<Record<string, unknown>>();
    expect(body['@odata.context']).toBe(`${h.emulator.url}/v1.0/$metadata#contacts/$entity`);
    const { '@odata.context': _context, ...rest } = body;
    expect(rest).toEqual(JSON.parse(JSON.stringify(contact)));
  });

  it('answers 404 Request_ResourceNotFound for an unknown id', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const response = await h.graph(`/v1.0/contacts/${id}`, token);
    expect(response.status).toBe(404);
    const body = response.json<GraphErrorBody>();
    expectGraphError(body, 'Request_ResourceNotFound');
    expect(body.error.message).toBe(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  });

  it('answers 400 for an id that is not a GUID', async () => {
    expect((await h.graph('/v1.0/contacts/not-a-guid', token)).status).toBe(400);
  });
});
