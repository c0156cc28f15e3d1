import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, LookupResponse, Problem, SearchResponse, SyncStatus } from '../../contracts/index.ts';
import { expectStoreEqualsTenant, syncRound } from '../support/sync-checks.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { apiClient } from '../support/api-client.ts';

const CONTACTS = 5000;
let stack: Stack;
let admin: ReturnType<typeof apiClient>;
let user: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack({ contacts: CONTACTS, serveWeb: false });
  admin = apiClient(stack, await stack.signIn('admin@contoso.example'));
  user = apiClient(stack, await stack.signIn('user@contoso.example'));
});
afterAll(() => stack?.stop());

const search = async (q: string, limit = 100) =>
  (await user.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`)).body.hits.map((h) => h.contact.id);
const idOf = (c: OrgContact) => `${stack.sourceId}:${c.id}`;

/** A contact whose value of `field` is shared by as few others as possible, so a search for it is decisive. */
function rarest(field: 'givenName' | 'surname' | 'companyName' | 'mail'): OrgContact {
  const all = stack.emulator.tenant.list().filter((c) => typeof c[field] === 'string' && c[field] !== '');
  const counts = new Map<string, number>();
  for (const c of all) counts.set(String(c[field]).toLowerCase(), (counts.get(String(c[field]).toLowerCase()) ?? 0) + 1);
  const best = all.reduce((a, b) => ((counts.get(String(b[field]).toLowerCase()) ?? 0) < (counts.get(String(a[field]).toLowerCase()) ?? 0) ? b : a));
  return best;
}

describe('first sync', () => {
  it('stores every contact with every field as the emulator serves it', async () => {
    const status = (await admin.get<SyncStatus>(`/api/datasources/${stack.sourceId}/status`)).body;
    expect(status).toMatchObject({ phase: 'idle', contactCount: CONTACTS, total: CONTACTS, hasDeltaLink: true, lastError: null });
    expect(status.read).toBeGreaterThanOrEqual(CONTACTS);
    expectStoreEqualsTenant(stack);
  });
});

describe('search', () => {
  it.each(['givenName', 'surname', 'companyName', 'mail'] as const)('finds a contact by %s', async (field) => {
    const contact = rarest(field);
    expect(await search(String(contact[field]))).toContain(idOf(contact));
  });

  it('narrows with several terms', async () => {
    const contact = rarest('surname');
    const hits = await search(`${contact.givenName ?? ''} ${contact.surname ?? ''}`);
    expect(hits[0]).toBe(idOf(contact));
  });

  it('rejects an empty query with a validation problem', async () => {
    const response = await user.get<Problem>('/api/search?q=');
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
  });
});

describe('lookup', () => {
  /** Contacts whose business number is stored in one of the messy forms and is unique in the tenant. */
  function messyNumbers(): { contact: OrgContact; stored: string }[] {
    const contacts = stack.emulator.tenant.list();
    const owners = new Map<string, number>();
    const numberOf = (c: OrgContact) => c.phones.find((p) => p.type === 'business')?.number ?? null;
    for (const c of contacts) {
      const n = numberOf(c);
      const e164 = n && parsePhoneNumberFromString(n.replace('(0)', ''), 'DE')?.number;
      if (e164) owners.set(e164, (owners.get(e164) ?? 0) + 1);
    }
    return contacts.flatMap((contact) => {
      const stored = numberOf(contact);
      // International forms only: a national form's country depends on the contact's address
      // (tests/phone covers that); here the point is the noise around the digits.
      if (!stored || !/^(\+|00)/.test(stored) || !/[/.()\s-]/.test(stored)) return [];
      // Numbers outside the ranges libphonenumber knows are listed as unreadable, not matched.
      const parsed = parsePhoneNumberFromString(stored.replace('(0)', ''), 'DE');
      return parsed?.isValid() && owners.get(parsed.number) === 1 ? [{ contact, stored }] : [];
    });
  }

  it('finds the contact from a number stored in a messy form, given as stored, international, tel: URI and E.164', async () => {
    const samples = messyNumbers().slice(0, 25);
    expect(samples.length).toBeGreaterThan(5);
    for (const { contact, stored } of samples) {
      const parsed = parsePhoneNumberFromString(stored.replace('(0)', ''), 'DE');
      if (!parsed) throw new Error(`unparseable sample ${stored}`);
      // An extension is part of who is called: inputs without it are issue #4's main-number rule.
      const inputs = [stored, parsed.formatInternational(), parsed.format('RFC3966'), ...(parsed.ext ? [] : [parsed.number])];
      for (const input of inputs) {
        const response = await user.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(input)}`);
        expect(response.status).toBe(200);
        expect(response.body.match?.contact.id, `${input} (stored as ${stored})`).toBe(idOf(contact));
        expect(response.body.match?.rule).toBe('exact');
      }
    }
  });

  it('answers no match for a number nobody has', async () => {
    const response = await user.get<LookupResponse>('/api/lookup?number=%2B49%2030%2099999999');
    expect(response.body).toMatchObject({ normalized: '+493099999999', match: null });
  });
});

describe('delta', () => {
  it('changes, adds and removes contacts after the next delta round', async () => {
    const tenant = stack.emulator.tenant;
    const [changed, removed] = [tenant.list()[10], tenant.list()[20]];
    if (!changed || !removed) throw new Error('tenant too small');
    tenant.update(changed.id, { surname: 'Zwetschgenbaum', jobTitle: 'Head of Plums' });
    const added = tenant.add({ givenName: 'Quirin', surname: 'Quendelmann', companyName: 'Quendel GmbH' });
    tenant.remove(removed.id, 'deleted');

    const status = await syncRound(stack);
    expect(status).toMatchObject({ phase: 'idle', lastError: null });
    expectStoreEqualsTenant(stack);
    expect(await search('Zwetschgenbaum')).toEqual([idOf(changed)]);
    expect(await search('Quendelmann')).toEqual([idOf(added)]);
    expect((await user.get<Contact>(`/api/contacts/${encodeURIComponent(idOf(removed))}`)).status).toBe(404);
    expect((await user.get<Contact>(`/api/contacts/${encodeURIComponent(idOf(added))}`)).body.surname).toBe('Quendelmann');
  });
});
