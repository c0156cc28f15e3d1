// The delta and paging quirks a sync client must survive: expired delta links in all three
// documented forms, expired page tokens, replayed objects and empty pages with a nextLink.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { startHarness, type GraphErrorBody, type Harness, type Page } from './helpers.ts';

type DeltaItem = Partial<OrgContact> & { id: string; '@removed'?: { reason: string } };

async function followRound(h: Harness, token: string, firstUrl: string) {
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
    url = page['@odata.nextLink'] as string;
  }
}

function apply(store: Map<string, DeltaItem>, items: DeltaItem[]): void {
  for (const item of items) {
    if (item['@removed']) store.delete(item.id);
    else store.set(item.id, item);
  }
}

describe('expired delta tokens', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 120 });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('answers every deltaLink issued before expireDeltaTokens() in the configured form', async () => {
    const round = await followRound(h, token, '/v1.0/contacts/delta?$select=displayName,mail');
    const latest = await followRound(h, token, '/v1.0/contacts/delta?$deltatoken=latest');
    // Before expiry they work.
    expect((await h.graph(round.deltaLink, token)).status).toBe(200);
    h.emulator.expireDeltaTokens();

    for (const link of [round.deltaLink, latest.deltaLink]) {
      h.emulator.configure({ deltaTokenExpiry: 'syncStateNotFound' });
      let response = await h.graph(link, token);
      expect(response.status).toBe(400);
      expect(response.json<GraphErrorBody>().error.code).toBe('syncStateNotFound');

      h.emulator.configure({ deltaTokenExpiry: 'resyncRequired' });
      response = await h.graph(link, token);
      expect(response.status).toBe(400);
      expect(response.json<GraphErrorBody>().error.code).toBe('resyncRequired');
      expect(response.headers.location).toBeUndefined();

      h.emulator.configure({ deltaTokenExpiry: 'gone' });
      response = await h.graph(link, token);
      expect(response.status).toBe(410);
      expect(response.json<GraphErrorBody>().error.code).toBe('resyncRequired');
      expect(response.json<GraphErrorBody>().error.innerError['request-id']).toBe(response.headers['request-id']);
      expect(response.headers.location).toBe(
        link === round.deltaLink ? `${h.emulator.url}/v1.0/contacts/delta?$select=displayName,mail` : `${h.emulator.url}/v1.0/contacts/delta`,
      );
    }

    // The Location starts a fresh full round with the same $select, whose deltaLink is valid.
    const gone = await h.graph(round.deltaLink, token);
    const fresh = await followRound(h, token, gone.headers.location as string);
    expect(fresh.items).toHaveLength(120);
    for (const item of fresh.items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'mail']);
    expect((await h.graph(fresh.deltaLink, token)).status).toBe(200);
  });

  it('can be triggered over HTTP too', async () => {
    const round = await followRound(h, token, '/v1.0/contacts/delta?$deltatoken=latest');
    const response = await h.http.request('POST', `${h.emulator.url}/_emulator/expire-delta-tokens`);
    expect(response.status).toBe(204);
    h.emulator.configure({ deltaTokenExpiry: 'syncStateNotFound' });
    expect((await h.graph(round.deltaLink, token)).status).toBe(400);
  });
});

describe('expired page tokens', () => {
  let h: Harness;
  let token: string;
  let now = 1_700_000_000_000;
  beforeAll(async () => {
    h = await startHarness({ contacts: 300, deltaPageSize: 50, clock: () => now, behaviour: { pageTokenLifetimeMs: 60_000 } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('answers 400 Directory_ExpiredPageToken for list and delta skiptokens past their lifetime', async () => {
    const list = (await h.graph('/v1.0/contacts?$top=50', token)).json<Page<OrgContact>>();
    const delta = (await h.graph('/v1.0/contacts/delta', token)).json<Page<DeltaItem>>();
    now += 59_000;
    expect((await h.graph(list['@odata.nextLink'] as string, token)).status).toBe(200);
    expect((await h.graph(delta['@odata.nextLink'] as string, token)).status).toBe(200);
    now += 2_000;
    for (const link of [list['@odata.nextLink'], delta['@odata.nextLink']]) {
      const response = await h.graph(link as string, token);
      expect(response.status).toBe(400);
      const body = response.json<GraphErrorBody>();
      expect(body.error.code).toBe('Directory_ExpiredPageToken');
      expect(body.error.message).toMatch(/page token .* expired/);
    }
    // Each page gets a fresh token, so a client that keeps going never trips.
    const round = await followRound(h, token, '/v1.0/contacts/delta');
    expect(round.items).toHaveLength(300);
    // Delta links are not page tokens: they outlive the page-token lifetime.
    now += 3_600_000;
    expect((await h.graph(round.deltaLink, token)).status).toBe(200);
    h.emulator.configure({ pageTokenLifetimeMs: null });
    expect((await h.graph(list['@odata.nextLink'] as string, token)).status).toBe(200);
  });
});

describe('replays and empty pages', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ contacts: 400, deltaPageSize: 25, behaviour: { replayProbability: 0.5, emptyPageProbability: 0.3, seed: 11 } });
    token = await h.graphToken();
  });
  afterAll(() => h?.stop());

  it('a full round re-sends objects and serves empty pages that still carry a nextLink; upserting by id converges', async () => {
    const round = await followRound(h, token, '/v1.0/contacts/delta');
    const empty = round.pages.filter((p) => p.value.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const page of empty) expect(page['@odata.nextLink'] ?? page['@odata.deltaLink']).toBeDefined();
    expect(empty.some((p) => p['@odata.nextLink'])).toBe(true);
    expect(round.items.length).toBeGreaterThan(400);
    const ids = round.items.map((i) => i.id);
    expect(new Set(ids)).toEqual(new Set(h.emulator.tenant.list().map((c) => c.id)));
    // A replay only re-sends what this round already sent: never an object ahead of its turn.
    const firstSeen = new Map<string, number>();
    round.pages.forEach((page, n) => page.value.forEach((item) => firstSeen.has(item.id) || firstSeen.set(item.id, n)));
    round.pages.forEach((page, n) => {
      const fresh = page.value.filter((item) => firstSeen.get(item.id) === n).map((i) => i.id);
      expect(fresh).toEqual([...fresh].sort());
    });
    const store = new Map<string, DeltaItem>();
    apply(store, round.items);
    expect(store.size).toBe(400);

    // An incremental round replays too, @removed (changed and deleted) included, and still converges.
    const tenant = h.emulator.tenant;
    const list = tenant.list();
    for (let i = 0; i < 150; i++) tenant.update((list[i * 2] as OrgContact).id, { jobTitle: `Title ${i}` });
    for (let i = 0; i < 40; i++) tenant.remove((list[i * 2 + 1] as OrgContact).id, i % 2 ? 'changed' : 'deleted');
    for (let i = 0; i < 30; i++) tenant.add();
    const next = await followRound(h, token, round.deltaLink);
    expect(next.items.length).toBeGreaterThan(220);
    expect(new Set(next.items.map((i) => i.id)).size).toBe(220);
    expect(new Set(next.items.filter((i) => i['@removed']).map((i) => i['@removed']?.reason))).toEqual(new Set(['changed', 'deleted']));
    apply(store, next.items);
    expect(new Map([...store].map(([id, c]) => [id, c]))).toEqual(new Map(tenant.list().map((c) => [c.id, JSON.parse(JSON.stringify(c)) as OrgContact])));
  });
});
