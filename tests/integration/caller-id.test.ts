import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, DataSourceView, LookupBatchResponse, LookupResponse, Problem, UnreadableNumber } from '../../contracts/index.ts';
import type { ContactInput } from '../../emulator/src/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { syncRound } from '../support/sync-checks.ts';

/**
 * Caller identification over HTTP against a synced tenant that holds the cases that matter:
 * a company with its main-number entry and an employee on an extension, numbers two readings
 * of one input could mean, and numbers nobody can read. The demo source's profile is Contoso's
 * PBX in Munich: area code 89, main number 89 12340, three-digit extensions, outside line 0.
 */
let stack: Stack;
let user: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
const ids: Record<string, string> = {};

const people: Record<string, ContactInput> = {
  company: { companyName: 'Bauer Bau GmbH', displayName: 'Bauer Bau GmbH', phones: [{ type: 'business', number: '+49 89 12345-0' }] },
  employee: { givenName: 'Max', surname: 'Meier', companyName: 'Bauer Bau GmbH', phones: [{ type: 'business', number: '+49 89 12345-678' }, { type: 'mobile', number: '0171 1234567' }] },
  colleague: { givenName: 'Clara', surname: 'Kollegin', companyName: 'Contoso', phones: [{ type: 'business', number: '-321' }] },
  shortA: { givenName: 'Anna', surname: 'Kurz', phones: [{ type: 'business', number: '+49 89 1234567' }] },
  longB: { givenName: 'Bernd', surname: 'Lang', phones: [{ type: 'business', number: '+49 89 891234567' }] },
  unreadable: { givenName: 'Nora', surname: 'Nummernlos', phones: [{ type: 'business', number: 'ask reception' }] },
};

beforeAll(async () => {
  stack = await startStack({ contacts: 300, serveWeb: false });
  for (const [name, input] of Object.entries(people)) ids[name] = `${stack.sourceId}:${stack.emulator.tenant.add(input).id}`;
  admin = apiClient(stack, await stack.signIn('admin@contoso.example'));
  user = apiClient(stack, await stack.signIn('user@contoso.example'));
  await syncRound(stack);
});
afterAll(() => stack?.stop());

const lookup = async (number: string, profile: string | null = stack.sourceId) =>
  (await user.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(number)}${profile ? `&profile=${profile}` : ''}`)).body;

describe('caller identification', () => {
  it.each([
    ['+49 89 12345-678', 'employee', 'business'],
    ['+498912345678', 'employee', 'business'],
    ['0049 89 12345678', 'employee', 'business'],
    ['089 12345678', 'employee', 'business'],
    ['12345678', 'employee', 'business'],
    ['0 089 12345678', 'employee', 'business'],
    ['tel:+49-89-12345-678', 'employee', 'business'],
    ['+49 171 1234567', 'employee', 'mobile'],
    ['+49 89 12345 0', 'company', 'business'],
    ['321', 'colleague', 'business'],
  ])('%s names the %s (%s, exact)', async (input, who, field) => {
    const result = await lookup(input);
    expect(result.match).toMatchObject({ rule: 'exact', field, contact: { id: ids[who] } });
  });

  it('an unknown extension of a company number names the company, marked as a company match', async () => {
    const result = await lookup('+49 89 12345-999');
    expect(result.match).toMatchObject({ rule: 'company', contact: { id: ids['company'], companyName: 'Bauer Bau GmbH' } });
  });

  it('never guesses: readings that name different people name nobody', async () => {
    // With outside line 0, "0891234567" is Anna's 089 1234567, or Bernd's 89 891234567 behind the outside-line 0.
    const result = await lookup('0891234567');
    expect(result.ambiguous).toBe(true);
    expect(result.match).toBeNull();
    expect([...result.readings].sort()).toEqual(['+49891234567', '+4989891234567']);
  });

  it.each(['49891234567', '00891234567', 'not a number'])('does not read %s as anyone', async (input) => {
    const result = await lookup(input, null);
    expect(result.match).toBeNull();
  });

  it('reads numbers with the named profile, and with the default without one', async () => {
    expect((await lookup('12345678')).match?.contact.id).toBe(ids['employee']);
    // The default profile (Germany, no area code) cannot complete a local number.
    expect((await lookup('12345678', null)).match).toBeNull();
  });

  it('answers a batch in order and refuses more than 1,000 numbers', async () => {
    const batch = await user.post<LookupBatchResponse>('/api/lookup', { numbers: ['+49 89 12345-678', 'x', '+49 89 12345-999'], profile: stack.sourceId });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r) => r.match?.rule ?? null)).toEqual(['exact', null, 'company']);
    const tooMany = await user.post<Problem>('/api/lookup', { numbers: Array.from({ length: 1001 }, () => '+4989123') });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('validation_failed');
  });

  it('keeps unreadable numbers, shows them as written, and lists them for administrators', async () => {
    const contact = (await user.get<Contact>(`/api/contacts/${encodeURIComponent(ids['unreadable'] ?? '')}`)).body;
    expect(contact.phones).toEqual([expect.objectContaining({ original: 'ask reception', e164: null, display: 'ask reception', problem: expect.any(String) })]);
    const listed = await admin.get<UnreadableNumber[]>(`/api/datasources/${stack.sourceId}/unreadable-numbers`);
    expect(listed.body).toContainEqual(expect.objectContaining({ contactId: ids['unreadable'], original: 'ask reception', field: 'business' }));
    expect((await user.get(`/api/datasources/${stack.sourceId}/unreadable-numbers`)).status).toBe(403);
  });

  it('turning approximation off leaves unknown extensions unnamed', async () => {
    const patched = await admin.call<DataSourceView>('PATCH', `/api/datasources/${stack.sourceId}`, { approximation: false });
    expect(patched.body.approximation).toBe(false);
    expect((await lookup('+49 89 12345-999')).match).toBeNull();
    expect((await lookup('+49 89 12345-678')).match?.contact.id).toBe(ids['employee']);
    await admin.call('PATCH', `/api/datasources/${stack.sourceId}`, { approximation: true });
  });

  it('follows a delta round without a rebuild: a changed number is found under its new value only', async () => {
    const graphId = (ids['shortA'] ?? '').split(':')[1] ?? '';
    stack.emulator.tenant.update(graphId, { phones: [{ type: 'business', number: '+49 89 7654321' }] });
    await syncRound(stack);
    expect((await lookup('+49 89 7654321')).match?.contact.id).toBe(ids['shortA']);
    // The old number no longer names Anna (it now falls to Bauer Bau's main number 89 12345 as an unknown extension).
    expect((await lookup('+49 89 1234567')).match?.contact.id).not.toBe(ids['shortA']);
  });
});

describe('priority between data sources', () => {
  it('the higher-priority source names the caller', async () => {
    const app = stack.emulator.directory.registerApp({ displayName: 'second', roles: ['OrgContact.Read.All'] });
    const created = await admin.post<DataSourceView>('/api/datasources', {
      id: 'second-source',
      name: 'Second',
      priority: 900,
      tenantId: stack.emulator.tenantId,
      clientId: app.appId,
      clientSecret: app.secret,
      dialling: { country: 'DE', areaCode: '89' },
    });
    expect(created.status).toBe(201);
    for (;;) {
      const result = await lookup('+49 89 12345-678');
      if (result.match?.contact.sourceId === 'second-source') break;
      await new Promise((done) => setTimeout(done, 100));
    }
    const result = await lookup('+49 89 12345-678');
    expect(result.match?.contact.id).toBe(`second-source:${(ids['employee'] ?? '').split(':')[1]}`);
  });
});
