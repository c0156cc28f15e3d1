import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Contact, SearchHit } from '../../contracts/index.ts';
import { SearchIndex, type SourceScope } from '../../api/src/search/search-index.ts';
import { SegmentFiles } from '../../api/src/search/segment-files.ts';
import { contact, syntheticContacts, type PersonFields } from './contacts.ts';

/** An index over some data sources, searched as a caller who sees `sees` of them. */
class Fixture {
  readonly index: SearchIndex;
  private readonly contacts = new Map<string, Contact>();

  constructor(files: SegmentFiles | null = null, sliceMs?: number) {
    this.index = new SearchIndex({
      files,
      sliceMs,
      onBackgroundError: (error) => {
        throw error;
      },
    });
  }

  /** An index that keeps its segments in `dir`, as the API does across restarts. */
  static async onDisk(dir: string): Promise<Fixture> {
    return new Fixture(await SegmentFiles.open(dir));
  }

  async source(sourceId: string, contacts: Contact[]): Promise<void> {
    for (const c of contacts) this.contacts.set(c.id, c);
    await this.index.replaceSource(sourceId, contacts);
  }

  async update(sourceId: string, changed: Contact[], removed: string[] = []): Promise<void> {
    for (const c of changed) this.contacts.set(c.id, c);
    for (const id of removed) this.contacts.delete(id);
    await this.index.update(sourceId, changed, removed);
  }

  search(query: string, sees: (string | SourceScope)[], limit = 20): SearchHit[] {
    const scopes = sees.map((s) => (typeof s === 'string' ? { sourceId: s, priority: 100 } : s));
    return this.index.search(query, limit, scopes, (_, id) => this.contacts.get(id));
  }

  ids(query: string, sees: (string | SourceScope)[], limit = 20): string[] {
    return this.search(query, sees, limit).map((h) => h.contact.id);
  }
}

const people = (sourceId: string, list: Record<string, PersonFields>) => Object.entries(list).map(([id, fields]) => contact(sourceId, id, fields));

describe('ranking', () => {
  it('puts exact before prefix before phonetic before typo, and says which', async () => {
    const f = new Fixture();
    await f.source('s', people('s', { typo: { surname: 'Meiser' }, phonetic: { surname: 'Mayer' }, prefix: { surname: 'Meierling' }, exact: { surname: 'Meier' } }));
    const hits = f.search('meier', ['s']);
    expect(hits.map((h) => h.contact.id)).toEqual(['s:exact', 's:prefix', 's:phonetic', 's:typo']);
    expect(hits.map((h) => h.matches[0]?.kind)).toEqual(['exact', 'prefix', 'phonetic', 'typo']);
    expect(hits.map((h) => h.matches[0]?.text)).toEqual(['Meier', 'Meier', 'Mayer', 'Meiser']);
  });

  it('weighs names over company over department over mail', async () => {
    const f = new Fixture();
    await f.source(
      's',
      people('s', {
        mail: { surname: 'A', mail: 'becker@x.example' },
        department: { surname: 'B', department: 'Becker' },
        company: { surname: 'C', companyName: 'Becker' },
        given: { givenName: 'Becker', surname: 'D' },
        surname: { surname: 'Becker' },
      }),
    );
    const hits = f.search('becker', ['s']);
    expect(hits.map((h) => h.contact.id)).toEqual(['s:surname', 's:given', 's:company', 's:department', 's:mail']);
    expect(hits.map((h) => h.matches[0]?.field)).toEqual(['surname', 'givenName', 'companyName', 'department', 'mail']);
  });

  it('ranks equal matches by data source priority, then by name', async () => {
    const f = new Fixture();
    await f.source('low', people('low', { a: { givenName: 'Anna', surname: 'Zorn' }, b: { givenName: 'Anna', surname: 'Abel' } }));
    await f.source('high', people('high', { c: { givenName: 'Anna', surname: 'Moser' } }));
    expect(f.ids('anna', [{ sourceId: 'low', priority: 10 }, { sourceId: 'high', priority: 500 }])).toEqual(['high:c', 'low:b', 'low:a']);
  });

  it('narrows with every term, and completes the last one as it is typed', async () => {
    const f = new Fixture();
    await f.source(
      's',
      people('s', {
        anna: { givenName: 'Anna', surname: 'Schmidt', companyName: 'Contoso' },
        other: { givenName: 'Anna', surname: 'Schmidt', companyName: 'Fabrikam' },
        berta: { givenName: 'Berta', surname: 'Schmidt', companyName: 'Contoso' },
      }),
    );
    expect(f.ids('schmidt', ['s'])).toHaveLength(3);
    expect(f.ids('anna schmidt', ['s']).sort()).toEqual(['s:anna', 's:other']);
    expect(f.ids('anna schmidt conto', ['s'])).toEqual(['s:anna']);
    expect(f.ids('schmidt contoso berta', ['s'])).toEqual(['s:berta']);
    const [hit] = f.search('anna schm', ['s']);
    expect(hit?.matches).toEqual([
      { term: 'anna', field: 'givenName', kind: 'exact', text: 'Anna' },
      { term: 'schm', field: 'surname', kind: 'prefix', text: 'Schm' },
    ]);
    expect(f.ids('schm anna', ['s'])).toEqual([]);
  });

  it('highlights the typed part of a word as stored, umlauts included', async () => {
    const f = new Fixture();
    await f.source('s', people('s', { m: { givenName: 'Jürgen', surname: 'Müller' } }));
    expect(f.search('juergen mue', ['s'])[0]?.matches.map((m) => m.text)).toEqual(['Jürgen', 'Mü']);
  });

  it('finds people by phone number however it is typed', async () => {
    const f = new Fixture();
    await f.source('s', people('s', { p: { surname: 'Pfeiffer', phones: ['+49 89 4711-230'] }, q: { surname: 'Quast', phones: ['030 1234567'] } }));
    for (const typed of ['+49 89 4711', '089 4711', '0049 89 4711 230', '8947', '230']) expect(f.ids(typed, ['s']), typed).toEqual(['s:p']);
    // The match names the number as the card shows it (here in the Munich profile's shortest form).
    const [hit] = f.search('089 4711-230', ['s']);
    expect(hit?.matches).toEqual([{ term: '089 4711-230', field: 'phone', kind: 'exact', text: hit?.contact.phones[0]?.display }]);
    expect(hit?.matches[0]?.text).toBe('4711-230');
    expect(f.ids('quast 030', ['s'])).toEqual(['s:q']);
  });
});

describe('early stop', () => {
  it('gives the same first hits as reading every match would', async () => {
    const contacts = syntheticContacts(4000, 8, 's');
    const f = new Fixture();
    await f.source('s', contacts);
    await f.update('s', contacts.slice(0, 300).map((c) => ({ ...c, surname: c.surname && `${c.surname}e` })), contacts.slice(300, 400).map((c) => c.id));
    const words = new Set(contacts.slice(0, 600).flatMap((c) => [c.surname ?? '', c.givenName ?? ''].filter(Boolean).flatMap((w) => [w, w.slice(0, 1), w.slice(0, 3)])));
    for (const word of words) {
      const first = f.search(word, ['s'], 10).map((h) => [h.contact.id, h.score]);
      expect(first, word).toEqual(f.search(word, ['s'], 4000).slice(0, 10).map((h) => [h.contact.id, h.score]));
    }
  });
});

describe('authorization', () => {
  it('searches only the data sources the caller may see: hidden contacts change no hit, score or count', async () => {
    const visible = syntheticContacts(1500, 3, 'visible');
    const hidden = syntheticContacts(1500, 4, 'hidden');
    const both = new Fixture();
    await both.source('visible', visible);
    await both.source('hidden', hidden);
    const alone = new Fixture();
    await alone.source('visible', visible);
    for (const query of ['schmidt', 'anna', 'mei', 'shcmidt', 'müller', 'a', '+49', 'maier logistik']) {
      const seen = both.search(query, ['visible'], 100);
      expect(seen, query).toEqual(alone.search(query, ['visible'], 100));
      expect(seen.every((h) => h.contact.sourceId === 'visible')).toBe(true);
    }
    expect(both.search('schmidt', ['hidden'], 100).every((h) => h.contact.sourceId === 'hidden')).toBe(true);
    expect(both.search('schmidt', [])).toEqual([]);
  });
});

/**
 * A word that finds exactly one contact: the number's three letters, twice, so any two tags
 * are at least two edits apart, beyond the one a six-letter word is allowed. Kept in the
 * department, which is not matched by sound; searched followed by another word, so it is not
 * completed as a prefix either.
 */
function tag(n: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return [Math.floor(n / 400) % 20, Math.floor(n / 20) % 20, n % 20].map((d) => letters[d] ?? '').join('').repeat(2);
}

const tagged = (sourceId: string, n: number, version: number) => contact(sourceId, `c${n}`, { givenName: `Version${version}`, surname: 'Tagged', department: tag(n) });

describe('changes', () => {
  it('finds a delta round at once: changed contacts in their new version, removed ones no more', async () => {
    const f = new Fixture();
    await f.source('s', Array.from({ length: 300 }, (_, n) => tagged('s', n, 1)));
    await f.update('s', [tagged('s', 7, 2), tagged('s', 1000, 1)], ['s:c8']);
    expect(f.search(`${tag(7)} tagged`, ['s']).map((h) => h.contact.givenName)).toEqual(['Version2']);
    expect(f.ids(`${tag(1000)} tagged`, ['s'])).toEqual(['s:c1000']);
    expect(f.ids(`${tag(8)} tagged`, ['s'])).toEqual([]);
    expect(f.index.describe('s')).toMatchObject({ segments: [298, 2], deleted: 2 });
  });

  it('merges small segments in the background without losing or doubling anyone', async () => {
    // Merges yield at every step, so deltas land in the middle of them.
    const f = new Fixture(null, 0);
    await f.source('s', Array.from({ length: 1000 }, (_, n) => tagged('s', n, 1)));
    const latest = new Map<number, number>(Array.from({ length: 1000 }, (_, n) => [n, 1]));
    for (let round = 2; round < 32; round++) {
      const changed = Array.from({ length: 15 }, (_, k) => (round * 37 + k * 53) % 1100);
      const gone = (round * 91) % 1000;
      for (const n of changed) latest.set(n, round);
      latest.delete(gone);
      await f.update('s', changed.map((n) => tagged('s', n, round)), [`s:c${gone}`]);
      await nextTurn();
    }
    await f.index.settled();
    expect(f.index.describe('s')?.segments.length).toBeLessThanOrEqual(6);
    for (let n = 0; n < 1100; n++) {
      const found = f.search(`${tag(n)} tagged`, ['s']).map((h) => h.contact.givenName);
      expect(found, `contact ${n}`).toEqual(latest.has(n) ? [`Version${latest.get(n) ?? ''}`] : []);
    }
  });

  it('re-indexes only what changed when a whole source is read again', async () => {
    const f = new Fixture();
    const contacts = Array.from({ length: 3000 }, (_, n) => tagged('s', n, 1));
    await f.source('s', contacts);
    expect(f.index.describe('s')?.analysed).toBe(3000);
    await f.source('s', [...contacts.slice(1, 2990), tagged('s', 5, 2), tagged('s', 4000, 1)]);
    expect(f.index.describe('s')?.analysed).toBe(3002);
    expect(f.ids(`${tag(0)} tagged`, ['s'])).toEqual([]);
    expect(f.search(`${tag(5)} tagged`, ['s']).map((h) => h.contact.givenName)).toEqual(['Version2']);
  });

  it('forgets a removed data source', async () => {
    const f = new Fixture();
    await f.source('s', [tagged('s', 1, 1)]);
    await f.index.removeSource('s');
    expect(f.ids(`${tag(1)} tagged`, ['s'])).toEqual([]);
    expect(f.index.describe('s')).toBeUndefined();
  });
});

describe('persistence', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'search-segments-'));

  it('reads a source back after a restart and indexes only what changed meanwhile', async () => {
    const where = dir();
    const contacts = syntheticContacts(3000, 5, 's');
    const first = await Fixture.onDisk(where);
    await first.source('s', contacts);
    await first.index.settled();
    const before = first.search('schmidt', ['s'], 50);

    const restarted = await Fixture.onDisk(where);
    await restarted.source('s', contacts);
    expect(restarted.index.describe('s')).toMatchObject({ analysed: 0, segments: [3000] });
    expect(restarted.search('schmidt', ['s'], 50)).toEqual(before);

    const again = await Fixture.onDisk(where);
    await again.source('s', [...contacts.slice(2), tagged('s', 1, 1)]);
    expect(again.index.describe('s')?.analysed).toBe(1);
    expect(again.ids(`${tag(1)} tagged`, ['s'])).toEqual(['s:c1']);
  });

  it('forgets on disk the data sources that no longer exist', async () => {
    const where = dir();
    const first = await Fixture.onDisk(where);
    await first.source('kept', [tagged('kept', 1, 1)]);
    await first.source('gone', [tagged('gone', 2, 1)]);
    await first.index.settled();
    const files = () => readdirSync(where).filter((name) => name.endsWith('.segment'));
    expect(files()).toHaveLength(2);

    const restarted = await Fixture.onDisk(where);
    await restarted.source('kept', [tagged('kept', 1, 1)]);
    await restarted.index.retainSources(['kept']);
    await restarted.index.settled();
    expect(files()).toEqual([expect.stringMatching(/^kept\./)]);
    expect(restarted.index.describe('kept')?.analysed).toBe(0);
  });

  it('rebuilds instead of reading segments of another format or a damaged file', async () => {
    const where = dir();
    const contacts = syntheticContacts(500, 6, 's');
    const first = await Fixture.onDisk(where);
    await first.source('s', contacts);
    await first.index.settled();
    const manifestFile = join(where, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { format: string; sources: Record<string, string> };

    writeFileSync(join(where, manifest.sources['s'] ?? ''), 'not a segment');
    const damaged = await Fixture.onDisk(where);
    await damaged.source('s', contacts);
    expect(damaged.index.describe('s')?.analysed).toBe(500);
    await damaged.index.settled();

    writeFileSync(manifestFile, JSON.stringify({ ...manifest, format: 'an older one' }));
    const older = await Fixture.onDisk(where);
    await older.source('s', contacts);
    expect(older.index.describe('s')?.analysed).toBe(500);
  });
});
