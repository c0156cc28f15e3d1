import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../contracts/index.ts';
import type { OrgContact } from '../../emulator/src/org-contact.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { syncRound } from '../support/sync-checks.ts';

/** Search through the real API process on a real port, synced from the tenant emulator. */
let stack: Stack;
let user: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack({ contacts: 3000, serveWeb: false });
  user = apiClient(stack, await stack.signIn('user@contoso.example'));
});
afterAll(() => stack?.stop());

const search = async (q: string, limit = 20) => (await user.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`)).body;
const idOf = (c: OrgContact) => `${stack.sourceId}:${c.id}`;
const manifestFile = () => join(stack.dataDir, 'api', 'search', 'manifest.json');
const segmentFile = () => (JSON.parse(readFileSync(manifestFile(), 'utf8')) as { sources: Record<string, string> }).sources[stack.sourceId];

describe('search over HTTP', () => {
  it('says for each hit which term matched where, and how', async () => {
    const typo = await search('Shcmidt');
    expect(typo.hits.length).toBeGreaterThan(0);
    expect(typo.hits[0]?.contact.surname).toBe('Schmidt');
    expect(typo.hits[0]?.matches).toEqual([{ term: 'Shcmidt', field: 'surname', kind: 'typo', text: 'Schmidt' }]);

    const sound = await search('Meyr');
    expect(sound.hits.map((h) => h.matches[0]?.kind)).toContain('phonetic');

    const someone = stack.emulator.tenant.list().find((c) => c.givenName && c.surname && c.surname.length > 4);
    if (!someone?.givenName || !someone.surname) throw new Error('no person in the tenant');
    const typing = await search(`${someone.givenName} ${someone.surname.slice(0, 3)}`, 100);
    const hit = typing.hits.find((h) => h.contact.id === idOf(someone));
    expect(hit?.matches.map((m) => m.kind)).toEqual(['exact', 'prefix']);
    expect(hit?.matches[1]?.text).toBe(someone.surname.slice(0, 3));
  });

  it('finds what a delta round changed at once, even typed with an error', async () => {
    const [changed] = stack.emulator.tenant.list();
    if (!changed) throw new Error('empty tenant');
    stack.emulator.tenant.update(changed.id, { surname: 'Quendelbacher' });
    await syncRound(stack);
    expect((await search('Quendelbacher')).hits.map((h) => h.contact.id)).toEqual([idOf(changed)]);
    expect((await search('Qendelbacher')).hits.map((h) => h.contact.id)).toEqual([idOf(changed)]);
  });

  it('reads its segments back after a restart instead of indexing every contact again', async () => {
    for (let waited = 0; !existsSync(manifestFile()) || segmentFile() === undefined; waited += 50) {
      if (waited > 30_000) throw new Error('the API wrote no search segment');
      await new Promise((done) => setTimeout(done, 50));
    }
    const written = segmentFile();
    const queries = ['Müller', 'Quendelbacher', 'anna sch', 'Maier'];
    const before = await Promise.all(queries.map((q) => search(q)));

    await stack.killApi();
    await stack.startApi();
    user = apiClient(stack, await stack.signIn('user@contoso.example'));
    expect(await Promise.all(queries.map((q) => search(q)))).toEqual(before);
    // A source indexed anew would be written anew, under another name, as soon as it is built.
    await new Promise((done) => setTimeout(done, 1000));
    expect(segmentFile()).toBe(written);
  });
});
