import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';

type DeltaItem = Partial<OrgContact> & { id: string; '@removed'?: { reason: string }; '@odata.type'?: string };

interface Round {
  items: DeltaItem[];
  pages: Page<DeltaItem>[];
  deltaLink: string;
}

async function followRound(h: Harness, token: string, firstUrl: string): Promise<Round> {
  const items: DeltaItem[] = [];
  const pages: Page<DeltaItem>[] = [];
  let url = firstUrl;
  for (;;) {
    const response = await h.graph(url, token);
    expect(response.status, response.text).toBe(200);
    const page = response.json<Page<DeltaItem>>();
    pages.push(page);
    items.push(...page.value);
    if (page['@odata.deltaLink']) return { items, pages, deltaLink: page['@odata.deltaLink'] };
    expect(page['@odata.nextLink']).toBeDefined();
    url = page['@odata.nextLink'] as string;
  }
}

/** What a client does with delta items: upsert by id, drop on @removed. */
function apply(store: Map<string, DeltaItem>, items: DeltaItem[]): void {
  for (const item of items) {
    if (item['@removed']) store.delete(item.id);
    else store.set(item.id, item);
  }
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('delta on 5000 contacts', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness({ contacts: 5000 });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('runs a full round, then reports exactly the changes made since', async () => {
    const full = await followRound(h, token, '/v1.0/contacts/delta');
    expect(full.pages).toHaveLength(25);
    for (const page of full.pages) expect(page.value.length).toBeLessThanOrEqual(200);
    expect(full.items).toHaveLength(5000);
    expect(new Set(full.items.map((i) => i.id)).size).toBe(5000);
    expect(full.deltaLink).toMatch(new RegExp(`^${h.emulator.url}/v1\\.0/contacts/delta\\?\\$deltatoken=`));
    for (const page of full.pages.slice(0, -1)) {
      expect(page['@odata.nextLink']).toMatch(new RegExp(`^${h.emulator.url}/v1\\.0/contacts/delta\\?\\$skiptoken=`));
    }

    const tenant = h.emulator.tenant;
    const [changed, softDeleted, hardDeleted] = [10, 20, 30].map((i) => tenant.list()[i] as OrgContact) as [OrgContact, OrgContact, OrgContact];
    const updated = tenant.update(changed.id, { jobTitle: 'Head of Plums', phones: [{ type: 'mobile', number: '+49 170 1234567' }] });
    const added = tenant.add({ givenName: 'Quirin', surname: 'Quendelmann', companyName: 'Quendel GmbH' });
    tenant.remove(softDeleted.id, 'changed');
    tenant.remove(hardDeleted.id, 'deleted');

    const next = await followRound(h, token, full.deltaLink);
    const byId = new Map(next.items.map((i) => [i.id, i]));
    expect(next.items).toHaveLength(4);
    expect(byId.get(changed.id)).toEqual(plain(updated));
    expect(byId.get(added.id)).toEqual(plain(added));
    expect(byId.get(softDeleted.id)).toEqual({ '@odata.type': '#microsoft.graph.orgContact', id: softDeleted.id, '@removed': { reason: 'changed' } });
    expect(byId.get(hardDeleted.id)).toEqual({ '@odata.type': '#microsoft.graph.orgContact', id: hardDeleted.id, '@removed': { reason: 'deleted' } });
    expect(updated.phones).toEqual([
      { number: changed.phones[0]?.number ?? null, type: 'business' },
      { number: '+49 170 1234567', type: 'mobile' },
      { number: changed.phones[2]?.number ?? null, type: 'businessFax' },
    ]);

    const quiet = await followRound(h, token, next.deltaLink);
    expect(quiet.items).toEqual([]);
    expect(quiet.pages).toHaveLength(1);
  });

  it('carries $select from the first request through all links', async () => {
    const full = await followRound(h, token, '/v1.0/contacts/delta?$select=displayName,phones');
    expect(full.pages[0]?.['@odata.context']).toBe(`${h.emulator.url}/v1.0/$metadata#contacts(displayName,phones)`);
    for (const item of full.items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'phones']);
    const target = h.emulator.tenant.list()[99] as OrgContact;
    h.emulator.tenant.update(target.id, { displayName: 'Renamed Person' });
    const next = await followRound(h, token, full.deltaLink);
    expect(next.items).toEqual([{ id: target.id, displayName: 'Renamed Person', phones: plain(target.phones) }]);
  });

  it('answers $deltatoken=latest with no data and a link for changes from now on', async () => {
    const latest = await followRound(h, token, '/v1.0/contacts/delta?$deltatoken=latest');
    expect(latest.items).toEqual([]);
    const target = h.emulator.tenant.list()[7] as OrgContact;
    h.emulator.tenant.update(target.id, { department: 'Plum Logistics' });
    const next = await followRound(h, token, latest.deltaLink);
    expect(next.items.map((i) => [i.id, i.department])).toEqual([[target.id, 'Plum Logistics']]);
  });

  it('rejects an unknown delta token with 400 syncStateNotFound', async () => {
    for (const url of ['/v1.0/contacts/delta?$deltatoken=bm9wZQ', '/v1.0/contacts/delta?$skiptoken=bm9wZQ.xx']) {
      const response = await h.graph(url, token);
      expect(response.status).toBe(400);
      expect(response.json<GraphErrorBody>().error.code).toBe('syncStateNotFound');
    }
  });

  it('requires a Graph token like every other call', async () => {
    expect((await h.http.get(`${h.emulator.url}/v1.0/contacts/delta`)).status).toBe(401);
  });
});

describe('changes while a round is paged are never lost', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness({ contacts: 300, deltaPageSize: 25, seed: 7 });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  type Op = { kind: 'add' } | { kind: 'update'; pick: number } | { kind: 'remove'; pick: number; soft: boolean } | { kind: 'page' };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.constant<Op>({ kind: 'add' }),
    fc.record({ kind: fc.constant('update' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), soft: fc.boolean() }),
    fc.constant<Op>({ kind: 'page' }),
    fc.constant<Op>({ kind: 'page' }),
  );

  it('a client that follows delta links converges on the directory (property)', async () => {
    // The client's store: filled by one full round at the start, then kept up by delta rounds.
    const store = new Map<string, DeltaItem>();
    const first = await followRound(h, token, '/v1.0/contacts/delta');
    apply(store, first.items);
    let link = first.deltaLink;

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), fc.boolean(), async (ops, fullResync) => {
        const tenant = h.emulator.tenant;
        let local = store;
        let url: string | undefined = link;
        if (fullResync) {
          // A fresh full round interleaved with the changes must converge just the same.
          local = new Map();
          url = '/v1.0/contacts/delta';
        }
        let nextLink: string | undefined;
        for (const o of ops) {
          const ids = tenant.list().map((c) => c.id);
          if (o.kind === 'add') tenant.add();
          else if (o.kind === 'update' && ids.length > 0) tenant.update(ids[o.pick % ids.length] as string);
          else if (o.kind === 'remove' && ids.length > 1) tenant.remove(ids[o.pick % ids.length] as string, o.soft ? 'changed' : 'deleted');
          else if (o.kind === 'page' && url) {
            const page: Page<DeltaItem> = (await h.graph(url, token)).json<Page<DeltaItem>>();
            apply(local, page.value);
            url = page['@odata.nextLink'];
            if (!url) nextLink = page['@odata.deltaLink'];
          }
        }
        if (url) {
          const rest = await followRound(h, token, url);
          apply(local, rest.items);
          nextLink = rest.deltaLink;
        }
        // One more round picks up whatever happened during the paged round.
        const catchUp = await followRound(h, token, nextLink as string);
        apply(local, catchUp.items);
        link = catchUp.deltaLink;
        if (fullResync) {
          store.clear();
          for (const [k, v] of local) store.set(k, v);
        }
        expect(new Map([...store].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(new Map(tenant.list().map((c) => [c.id, plain(c)])));
      }),
      { numRuns: 50 },
    );
  });
});

describe('emulator control endpoints', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ contacts: 50 });
  });
  afterAll(() => h?.stop());

  const admin = (method: string, path: string, body?: unknown) =>
    h.http.request(method, `${h.emulator.url}/_emulator${path}`, {
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('creates, changes, reads and deletes contacts and keeps count', async () => {
    const generated = await admin('POST', '/contacts');
    expect(generated.status).toBe(201);
    const explicit = await admin('POST', '/contacts', { givenName: 'Ada', surname: 'Lovelace', phones: [{ type: 'business', number: '+44 20 7946 0958' }] });
    const ada = explicit.json<OrgContact>();
    expect(ada.displayName).toBe('Ada Lovelace');
    expect(ada.phones.map((p) => p.type)).toEqual(['business', 'mobile', 'businessFax']);
    const patched = await admin('PATCH', `/contacts/${ada.id}`, { jobTitle: 'Analyst' });
    expect(patched.json<OrgContact>().jobTitle).toBe('Analyst');
    expect(patched.json<OrgContact>().phones[0]?.number).toBe('+44 20 7946 0958');
    const random = await admin('PATCH', `/contacts/${ada.id}`);
    expect(random.status).toBe(200);
    expect((await admin('GET', `/contacts/${ada.id}`)).json<OrgContact>()).toEqual(random.json<OrgContact>());
    expect((await admin('DELETE', `/contacts/${ada.id}?reason=changed`)).status).toBe(204);
    expect((await admin('GET', `/contacts/${ada.id}`)).status).toBe(404);
    expect((await admin('DELETE', `/contacts/${ada.id}`)).status).toBe(404);
    const stats = (await admin('GET', '/stats')).json<{ contacts: number; tombstones: number; sequence: number }>();
    expect(stats).toMatchObject({ contacts: 51, tombstones: 1, sequence: 5 });
  });

  it('rejects unknown fields and bad reasons', async () => {
    expect((await admin('POST', '/contacts', { shoeSize: 44 })).status).toBe(400);
    const id = h.emulator.tenant.list()[0]?.id ?? '';
    expect((await admin('DELETE', `/contacts/${id}?reason=vanished`)).status).toBe(400);
  });
});
