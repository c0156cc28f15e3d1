import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Contact } from '../contracts/index.ts';
import { SearchIndex } from '../api/src/search/search-index.ts';
import { SegmentFiles } from '../api/src/search/segment-files.ts';

/**
 * One engine of `npm run bench:search`, alone in its own process so that its memory is its
 * own: builds over the contacts, answers every query class, applies a 100-contact delta.
 * Usage: search-engines.ts <engine> <contacts file (v8)> <work file (JSON)>; prints a JSON line.
 */
export const ENGINES = ['switchboard', 'lunr', 'minisearch'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface Work {
  warmUp: string[];
  classes: Record<string, string[]>;
  /** Contacts whose surname the delta changes, and the new surname each gets. */
  delta: { id: string; surname: string }[];
}

export interface EngineResult {
  buildMs: number;
  heapMb: number;
  peakRssMb: number;
  latency: Record<string, { p50: number; p99: number; queries: number }>;
  /** From applying 100 changed contacts until a search finds the first of them. */
  deltaMs: number;
  /** Opening segments written by an earlier run and reconciling them with the same contacts. */
  restartMs: number | null;
  /** Queries the engine threw on (lunr 2.3.9 does when its fuzzy automaton yields a word it does not hold). */
  errors: number;
}

interface Engine {
  errors: number;
  build(contacts: Contact[]): Promise<void>;
  search(query: string): number;
  applyDelta(changed: Contact[]): Promise<void>;
  restart?(contacts: Contact[]): Promise<number>;
}

const FIELDS = ['surname', 'givenName', 'displayName', 'companyName', 'department', 'mail'] as const;
const BOOST = { surname: 10, givenName: 8, displayName: 6, companyName: 4, department: 2, mail: 1 };
const LIMIT = 25;

/** The folding the directory used before segments: case, accents, ß; words split on anything else. */
function analyze(text: string | null): string[] {
  if (!text) return [];
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

function switchboard(): Engine {
  let index = new SearchIndex();
  const byId = new Map<string, Contact>();
  const scopes = [{ sourceId: 'bench', priority: 100 }];
  return {
    errors: 0,
    async build(contacts) {
      for (const c of contacts) byId.set(c.id, c);
      await index.replaceSource('bench', contacts);
    },
    search: (query) => index.search(query, LIMIT, scopes, (_, id) => byId.get(id)).length,
    async applyDelta(changed) {
      for (const c of changed) byId.set(c.id, c);
      await index.update('bench', changed, []);
    },
    async restart(contacts) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
      try {
        const writer = new SearchIndex({ files: await SegmentFiles.open(dir) });
        await writer.replaceSource('bench', contacts);
        await writer.settled();
        const started = performance.now();
        index = new SearchIndex({ files: await SegmentFiles.open(dir) });
        await index.replaceSource('bench', contacts);
        const took = performance.now() - started;
        if (index.describe('bench')?.analysed !== 0) throw new Error('the restart analysed contacts again');
        return took;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** One lunr index over six fields, rebuilt whole on a change: the directory's search before segments. */
function plainLunr(): Engine {
  let index: lunr.Index;
  const all = new Map<string, Contact>();
  const build = (contacts: Iterable<Contact>) =>
    lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      for (const field of FIELDS) this.field(field, { boost: BOOST[field] });
      for (const contact of contacts) {
        const doc: Record<string, string> = { id: contact.id };
        for (const field of FIELDS) doc[field] = analyze(contact[field]).join(' ');
        this.add(doc);
      }
    });
  const query = (term: string) => {
    try {
      return index.query((q) => {
        q.term(term, { boost: 100 });
        q.term(term, { boost: 10, wildcard: lunr.Query.wildcard.TRAILING });
        if (term.length >= 4) q.term(term, { boost: 1, editDistance: 1 });
      });
    } catch {
      engine.errors++;
      return [];
    }
  };
  const engine: Engine = {
    errors: 0,
    async build(contacts) {
      for (const c of contacts) all.set(c.id, c);
      index = build(all.values());
    },
    search(text) {
      let combined: Map<string, number> | null = null;
      for (const term of analyze(text)) {
        const matches = query(term);
        const next = new Map<string, number>();
        for (const { ref, score } of matches) if (combined === null || combined.has(ref)) next.set(ref, (combined?.get(ref) ?? 0) + score);
        combined = next;
        if (combined.size === 0) break;
      }
      return [...(combined ?? [])].sort((a, b) => b[1] - a[1]).slice(0, LIMIT).length;
    },
    async applyDelta(changed) {
      for (const c of changed) all.set(c.id, c);
      index = build(all.values());
    },
  };
  return engine;
}

function miniSearch(): Engine {
  const toDoc = (c: Contact) => Object.fromEntries([['id', c.id], ...FIELDS.map((f) => [f, c[f] ?? ''])]);
  const index = new MiniSearch({ idField: 'id', fields: [...FIELDS], processTerm: (term) => analyze(term).join('') || null });
  const options = {
    prefix: (_: string, i: number, terms: string[]) => i === terms.length - 1,
    fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
    combineWith: 'AND',
    boost: BOOST,
  } as const;
  return {
    errors: 0,
    async build(contacts) {
      index.addAll(contacts.map(toDoc));
    },
    search: (query) => index.search(query, options).slice(0, LIMIT).length,
    async applyDelta(changed) {
      for (const c of changed) {
        index.discard(c.id);
        index.add(toDoc(c));
      }
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function run(name: EngineName, contacts: Contact[], work: Work): Promise<EngineResult> {
  const engine = name === 'switchboard' ? switchboard() : name === 'lunr' ? plainLunr() : miniSearch();
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await engine.build(contacts);
  const buildMs = performance.now() - started;
  const peakRssMb = (process.resourceUsage().maxRSS * 1024 - rssBefore) / 1e6;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

  for (const query of work.warmUp) engine.search(query);
  const latency: EngineResult['latency'] = {};
  for (const [kind, queries] of Object.entries(work.classes)) {
    const times = queries.map((query) => {
      const t = performance.now();
      engine.search(query);
      return performance.now() - t;
    });
    times.sort((a, b) => a - b);
    latency[kind] = { p50: percentile(times, 0.5), p99: percentile(times, 0.99), queries: times.length };
  }

  const byId = new Map(contacts.map((c) => [c.id, c]));
  const changed = work.delta.map(({ id, surname }) => ({ ...(byId.get(id) as Contact), surname }));
  const first = changed[0];
  if (!first?.surname) throw new Error('no delta');
  const deltaStarted = performance.now();
  await engine.applyDelta(changed);
  if (engine.search(first.surname) === 0) throw new Error(`${name}: the delta is not searchable`);
  const deltaMs = performance.now() - deltaStarted;

  const restartMs = engine.restart ? await engine.restart(contacts) : null;
  return { buildMs, heapMb, peakRssMb, latency, deltaMs, restartMs, errors: engine.errors };
}

if (import.meta.filename === process.argv[1]) {
  const [name, contactsFile, workFile] = process.argv.slice(2) as [EngineName, string, string];
  const contacts = deserialize(readFileSync(contactsFile)) as Contact[];
  const work = JSON.parse(readFileSync(workFile, 'utf8')) as Work;
  process.stdout.write(`${JSON.stringify(await run(name, contacts, work))}\n`);
}
