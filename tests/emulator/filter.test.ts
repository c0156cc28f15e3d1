// $filter on GET /contacts: the OData subset, its semantics (case-insensitive ordinal, nulls),
// advanced-query rules, and partitioned reading that sees every contact exactly once.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';

const EVENTUAL = { ConsistencyLevel: 'eventual' };
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const q = (filter: string) => encodeURIComponent(filter);

let h: Harness;
let token: string;

const TRICKY = ["O'Brien", "o'brien & Sons", 'ÄRZTE Zentrum', 'ärzte zentrum', 'Zoë Zander', 'zz top', 'ZZ Top', '', '  spaced', 'émile', '😀 Smile', 'a', 'A'];

beforeAll(async () => {
  h = await startHarness({ contacts: 600, seed: 4 });
  token = await h.graphToken();
  const tenant = h.emulator.tenant;
  const list = tenant.list();
  for (let i = 0; i < 25; i++) tenant.update((list[i * 7] as OrgContact).id, { displayName: null });
  TRICKY.forEach((name, i) => tenant.update((list[i * 7 + 3] as OrgContact).id, { displayName: name }));
});
afterAll(() => h?.stop());

/** Follows nextLinks; returns every id and the @odata.count of the first page. */
async function readAll(filter: string, top: number, extra = ''): Promise<{ ids: string[]; count: number | undefined; pages: number }> {
  const ids: string[] = [];
  let url: string | undefined = `/v1.0/contacts?$filter=${q(filter)}&$top=${top}&$count=true${extra}`;
  let count: number | undefined;
  let pages = 0;
  while (url) {
    const response = await h.graph(url, token, EVENTUAL);
    expect(response.status, response.text).toBe(200);
    const page = response.json<Page<OrgContact>>();
    if (pages === 0) count = page['@odata.count'];
    ids.push(...page.value.map((c) => c.id));
    url = page['@odata.nextLink'];
    pages += 1;
  }
  return { ids, count, pages };
}

/** The documented semantics, computed locally. */
const lower = (s: string | null) => (s === null ? null : s.toLowerCase());
const idsWhere = (test: (c: OrgContact) => boolean) =>
  h.emulator.tenant
    .list()
    .filter(test)
    .map((c) => c.id);

describe('filter semantics', () => {
  const ids = async (filter: string, headers: Record<string, string> = EVENTUAL) => {
    const response = await h.graph(`/v1.0/contacts?$filter=${q(filter)}&$top=999`, token, headers);
    expect(response.status, response.text).toBe(200);
    return response.json<Page<OrgContact>>().value.map((c) => c.id);
  };

  it('eq is case-insensitive, handles quotes and null; ne is its negation', async () => {
    expect(await ids("displayName eq 'o''brien'")).toEqual(idsWhere((c) => c.displayName === "O'Brien"));
    expect(await ids("displayName eq 'ärzte ZENTRUM'")).toEqual(idsWhere((c) => lower(c.displayName) === 'ärzte zentrum'));
    expect(await ids("displayName eq 'ärzte ZENTRUM'")).toHaveLength(2);
    expect(await ids('displayName eq null')).toEqual(idsWhere((c) => c.displayName === null));
    expect(await ids('displayName eq null')).toHaveLength(25);
    expect(await ids("displayName eq ''")).toEqual(idsWhere((c) => c.displayName === ''));
    expect(await ids('displayName ne null')).toEqual(idsWhere((c) => c.displayName !== null));
    expect(await ids("displayName ne 'a'")).toEqual(idsWhere((c) => lower(c.displayName) !== 'a'));
  });

  it('ge/le compare lower-cased code units; null compares false, and not() of that is true', async () => {
    expect(await ids("displayName ge 'Z'")).toEqual(idsWhere((c) => c.displayName !== null && c.displayName.toLowerCase() >= 'z'));
    expect(await ids("displayName le 'b'")).toEqual(idsWhere((c) => c.displayName !== null && c.displayName.toLowerCase() <= 'b'));
    expect(await ids("not(displayName ge 'b')")).toEqual(idsWhere((c) => c.displayName === null || c.displayName.toLowerCase() < 'b'));
    expect(await ids("displayName ge 'zz top' and displayName le 'ZZ TOP'")).toHaveLength(2);
  });

  it('startsWith, in, and/or precedence, parentheses and other string properties', async () => {
    expect(await ids("startsWith(displayName,'ZZ')")).toEqual(idsWhere((c) => lower(c.displayName)?.startsWith('zz') === true));
    expect(await ids("startswith(companyName, 'a') or startsWith(surname,'b') and jobTitle ne null")).toEqual(
      idsWhere((c) => lower(c.companyName)?.startsWith('a') === true || (lower(c.surname)?.startsWith('b') === true && c.jobTitle !== null)),
    );
    expect(await ids("(startswith(companyName, 'a') or startsWith(surname,'b')) and jobTitle eq null")).toEqual(
      idsWhere((c) => (lower(c.companyName)?.startsWith('a') === true || lower(c.surname)?.startsWith('b') === true) && c.jobTitle === null),
    );
    expect(await ids("displayName in ('zz top', 'a')")).toEqual(idsWhere((c) => ['zz top', 'a'].includes(lower(c.displayName) ?? '')));
    const one = h.emulator.tenant.list()[100] as OrgContact;
    expect(await ids(`id eq '${one.id}'`, {})).toEqual([one.id]);
    expect(await ids(`mail eq ${quote(one.mail ?? '')} or NOT (givenName ne null)`)).toEqual(
      idsWhere((c) => (one.mail !== null && lower(c.mail) === lower(one.mail)) || c.givenName === null),
    );
  });

  it('eq, startsWith and in work without ConsistencyLevel; ne, not, ge and le need it', async () => {
    expect((await h.graph(`/v1.0/contacts?$filter=${q("startsWith(displayName,'a') or displayName eq null")}`, token)).status).toBe(200);
    for (const filter of ["displayName ge 'a'", "displayName le 'a'", "not(displayName eq 'a')", 'displayName ne null']) {
      const response = await h.graph(`/v1.0/contacts?$filter=${q(filter)}`, token);
      expect(response.status, filter).toBe(400);
      const body = response.json<GraphErrorBody>();
      expect(body.error.code).toBe('Request_UnsupportedQuery');
      expect(body.error.message).toMatch(/ConsistencyLevel:eventual/);
    }
  });

  it('combines with $select, $count and paging; the skiptoken carries the filter', async () => {
    const filter = "displayName ge 'c' and not(displayName ge 'k')";
    const expected = idsWhere((c) => c.displayName !== null && c.displayName.toLowerCase() >= 'c' && c.displayName.toLowerCase() < 'k');
    const first = await h.graph(`/v1.0/contacts?$filter=${q(filter)}&$top=20&$select=displayName&$count=true`, token, EVENTUAL);
    const page = first.json<Page<Partial<OrgContact>>>();
    expect(page['@odata.count']).toBe(expected.length);
    expect(page.value.map((c) => Object.keys(c).sort())).toEqual(page.value.map(() => ['displayName', 'id']));
    expect(page['@odata.nextLink']).toContain("$filter=displayName%20ge%20'c'");
    const all = await readAll(filter, 20, '&$select=displayName');
    expect(all.ids).toEqual(expected);
    expect(all.pages).toBe(Math.ceil(expected.length / 20));
    // A skiptoken used with a different filter is refused.
    const token2 = /\$skiptoken=([^&]+)/.exec(page['@odata.nextLink'] as string)?.[1] as string;
    const mismatched = await h.graph(`/v1.0/contacts?$filter=${q("displayName eq 'x'")}&$skiptoken=${token2}`, token, EVENTUAL);
    expect(mismatched.status).toBe(400);
    // Without $filter in the URL the token's filter still applies.
    const bare = (await h.graph(`/v1.0/contacts?$top=20&$skiptoken=${token2}`, token, EVENTUAL)).json<Page<OrgContact>>();
    expect(bare.value.map((c) => c.id)).toEqual(expected.slice(20, 40));
  });

  it('refuses everything outside the subset with 400 Request_UnsupportedQuery', async () => {
    for (const filter of [
      "displayName gt 'a'",
      "endswith(mail,'@contoso.com')",
      "proxyAddresses/any(p:startswith(p,'smtp:'))",
      'onPremisesSyncEnabled eq true',
      "displayName eq 'unterminated",
      "displayName eq 'a' and",
      "(displayName eq 'a'",
      "displayName eq 'a')",
      "displayName ge null",
      'displayName eq displayName',
      '',
      "displayName eq 'a' xor displayName eq 'b'",
      "displayName eq 'a'; drop",
    ]) {
      const response = await h.graph(`/v1.0/contacts?$filter=${q(filter)}`, token, EVENTUAL);
      expect(response.status, filter).toBe(400);
      expect(response.json<GraphErrorBody>().error.code, filter).toBe('Request_UnsupportedQuery');
    }
    const unknown = await h.graph(`/v1.0/contacts?$filter=${q("shoeSize eq '44'")}`, token, EVENTUAL);
    expect(unknown.status).toBe(400);
    expect(unknown.json<GraphErrorBody>().error.code).toBe('Request_BadRequest');
  });
});

describe('partitioned reading', () => {
  it('partitions on displayName cover the tenant, each id exactly once, nulls included (property)', async () => {
    const names = h.emulator.tenant
      .list()
      .map((c) => c.displayName)
      .filter((n): n is string => n !== null);
    const boundary = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: fc.constantFrom('a', 'B', 'm', 'Z', "'", 'ä', ' ', 'é'), minLength: 1, maxLength: 3 }),
      fc.constantFrom(...names).chain((n) => fc.nat({ max: n.length }).map((k) => n.slice(0, k))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(boundary, { minLength: 1, maxLength: 6 }), fc.integer({ min: 7, max: 400 }), async (raw, top) => {
        const bounds = [...new Set(raw.map((b) => b.toLowerCase()))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const filters = [`not(displayName ge ${quote(bounds[0] as string)})`];
        for (let i = 0; i + 1 < bounds.length; i++) {
          filters.push(`displayName ge ${quote(bounds[i] as string)} and not(displayName ge ${quote(bounds[i + 1] as string)})`);
        }
        filters.push(`displayName ge ${quote(bounds.at(-1) as string)}`);
        const results = await Promise.all(filters.map((f) => readAll(f, top)));
        const all = results.flatMap((r) => r.ids);
        expect(all).toHaveLength(h.emulator.tenant.count);
        expect(new Set(all)).toEqual(new Set(h.emulator.tenant.list().map((c) => c.id)));
        results.forEach((r, i) => {
          expect(r.count).toBe(r.ids.length);
          expect(r.ids).toEqual([...r.ids].sort());
          const lo = i === 0 ? null : (bounds[i - 1] as string);
          const hi = i === bounds.length ? null : (bounds[i] as string);
          const expected = idsWhere((c) => {
            const v = lower(c.displayName);
            if (v === null) return lo === null;
            return (lo === null || v >= lo) && (hi === null || v < hi);
          });
          expect(r.ids).toEqual(expected);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('returns each matching contact exactly once while contacts are added and removed between pages', async () => {
    const tenant = h.emulator.tenant;
    const filter = "displayName ge 'h' and not(displayName ge 'q')";
    const matches = (c: OrgContact) => {
      const v = lower(c.displayName);
      return v !== null && v >= 'h' && v < 'q';
    };
    const before = new Set(idsWhere(matches));
    const seen: string[] = [];
    const removed = new Set<string>();
    let url: string | undefined = `/v1.0/contacts?$filter=${q(filter)}&$top=10`;
    let step = 0;
    while (url) {
      const page: Page<OrgContact> = (await h.graph(url, token, EVENTUAL)).json();
      seen.push(...page.value.map((c) => c.id));
      url = page['@odata.nextLink'];
      // Churn: add matching and non-matching contacts, remove some not yet seen and some seen.
      tenant.add({ displayName: `Kim ${step}` });
      tenant.add({ displayName: `Zed ${step}` });
      const live = tenant.list();
      const victim = live[(step * 37) % live.length] as OrgContact;
      tenant.remove(victim.id, step % 2 ? 'changed' : 'deleted');
      removed.add(victim.id);
      step += 1;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) if (!removed.has(id)) expect(seen).toContain(id);
    for (const id of seen) expect(matches(tenant.get(id) ?? ({ displayName: 'h' } as OrgContact))).toBe(true);
  });
});

describe('250 000 contacts', () => {
  let big: Harness;
  let bigToken: string;
  beforeAll(async () => {
    big = await startHarness({ contacts: 250_000, seed: 2 });
    bigToken = await big.graphToken();
  }, 120_000);
  afterAll(() => big?.stop());

  it('reads the whole tenant through four parallel $top=999 partitions', async () => {
    const filters = ["not(displayName ge 'g')", "displayName ge 'g' and not(displayName ge 'm')", "displayName ge 'm' and not(displayName ge 's')", "displayName ge 's'"];
    const read = async (filter: string) => {
      const ids: string[] = [];
      let url: string | undefined = `/v1.0/contacts?$filter=${q(filter)}&$top=999&$select=id,displayName&$count=true`;
      let count: number | undefined;
      while (url) {
        const page: Page<OrgContact> = (await big.graph(url, bigToken, EVENTUAL)).json();
        count ??= page['@odata.count'];
        for (const c of page.value) ids.push(c.id);
        url = page['@odata.nextLink'];
      }
      expect(ids).toHaveLength(count as number);
      return ids;
    };
    const parts = await Promise.all(filters.map(read));
    const all = parts.flat();
    expect(all).toHaveLength(250_000);
    expect(new Set(all).size).toBe(250_000);
  }, 120_000);
});
