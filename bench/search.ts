import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { diallingProfileSchema, type Contact } from '../contracts/index.ts';
import { toContactEntry } from '../api/src/directory/contact-view.ts';
import { orgContactSchema } from '../api/src/graph/org-contact.ts';
import { generateContacts } from '../emulator/src/index.ts';
import { createRng } from '../emulator/src/synthetic/prng.ts';
import { report } from './results-table.ts';
import { ENGINES, type EngineName, type EngineResult, type Work } from './search-engines.ts';

/**
 * `npm run bench:search [-- --contacts 100000,250000]`: the segmented search beside a plain
 * single lunr index (the directory's search before segments) and MiniSearch, on the same
 * synthetic tenant and the same queries, each engine in its own process: build time, heap the
 * index keeps, peak memory while building, query p50/p99 per class, and how long a
 * 100-contact delta takes to become searchable.
 *
 * Query classes, drawn from the tenant: exact (a surname, or given name and surname as
 * stored), prefix (the first 2-6 letters of a surname, alone or after the given name, as
 * someone types), phonetic (a surname spelled as it sounds: ei/ai/ey, dt/tt, ph/f…), typo
 * (a surname with one typing error, two in long ones), and single letters (the first key
 * pressed) reported on their own.
 */
const { values } = parseArgs({ options: { contacts: { type: 'string', default: '100000,250000' }, queries: { type: 'string', default: '1000' } } });
const SIZES = (values.contacts ?? '').split(',').map(Number);
const QUERIES = Number(values.queries);
/** Plain lunr takes tens of milliseconds a query at these sizes: fewer queries keep the run short. */
const LUNR_QUERIES = Math.min(QUERIES, 200);
const DELTA = 100;
const BARS = { p99Ms: 10, heapShareOfLunr: 0.5, deltaMs: 1000, atContacts: 100_000 };

/** Spellings that sound the same (to a German or English ear), as people write a name they heard. */
const SOUNDS = [
  ['ei', 'ai'], ['ai', 'ei'], ['ey', 'ei'], ['ay', 'ei'], ['dt', 'tt'], ['tt', 'dt'], ['ph', 'f'], ['ff', 'f'],
  ['ck', 'k'], ['tz', 'z'], ['th', 't'], ['mm', 'm'], ['nn', 'n'], ['ll', 'l'], ['c', 'k'], ['y', 'i'], ['ie', 'i'], ['v', 'w'],
] as const;

function makeQueries(contacts: Contact[], seed: number, perClass: number): Work['classes'] {
  const { next: random, pick } = createRng(seed);
  const people = contacts.filter((c) => (c.surname ?? '').length >= 3 && /^\p{L}+$/u.test(c.surname ?? ''));
  const draw = (make: (c: Contact, surname: string) => string | null): string[] => {
    const out: string[] = [];
    while (out.length < perClass) {
      const c = pick(people);
      const query = make(c, c.surname ?? '');
      if (query) out.push(query);
    }
    return out;
  };
  const withGiven = (c: Contact, rest: string) => (c.givenName && random() < 0.5 ? `${c.givenName} ${rest}` : rest);
  const typo = (word: string): string => {
    const at = 1 + Math.floor(random() * (word.length - 1));
    const letter = pick([...'abcdefghiklmnoprstuvwz']);
    const edit = Math.floor(random() * 4);
    if (edit === 0) return word.slice(0, at) + letter + word.slice(at + 1);
    if (edit === 1) return word.slice(0, at) + word.slice(at + 1);
    if (edit === 2) return word.slice(0, at) + letter + word.slice(at);
    return at < word.length - 1 ? word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2) : word.slice(0, at) + letter;
  };
  const classes = {
    exact: draw((c, surname) => withGiven(c, surname)),
    prefix: draw((c, surname) => withGiven(c, surname.slice(0, Math.min(surname.length, 2 + Math.floor(random() * 5))))),
    phonetic: draw((_, surname) => {
      const lower = surname.toLowerCase();
      const rules = SOUNDS.filter(([from]) => lower.includes(from));
      if (rules.length === 0) return null;
      const [from, to] = pick(rules);
      const spelled = lower.replace(from, to);
      return spelled.charAt(0).toUpperCase() + spelled.slice(1);
    }),
    typo: draw((_, surname) => {
      if (surname.length < 5) return null;
      const once = typo(surname);
      return surname.length >= 8 && random() < 0.3 ? typo(once) : once;
    }),
    letter: draw((_, surname) => surname.charAt(0)),
  };
  return classes;
}

/**
 * Measured queries, as many warm-up queries of the same kinds (others: a running server has
 * seen others before), and a delta.
 */
function makeWork(contacts: Contact[], perClass: number): Work {
  const classes = makeQueries(contacts, 7, perClass);
  const warmUp = Object.values(makeQueries(contacts, 11, perClass)).flat();
  const random = createRng(13);
  const delta = Array.from({ length: DELTA }, (_, i) => ({
    id: random.pick(contacts).id,
    surname: `Deltaname${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`,
  }));
  return { warmUp, classes, delta };
}

function runEngine(engine: EngineName, contactsFile: string, workFile: string): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', join(import.meta.dirname, 'search-engines.ts'), engine, contactsFile, workFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as EngineResult) : reject(new Error(`${engine} exited with ${code}`))));
  });
}

const profile = diallingProfileSchema.parse({ country: 'DE', areaCode: '89' });
const rows: Record<string, string | number>[] = [];
const verdicts: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
try {
  for (const size of SIZES) {
    console.log(`Generating ${size} synthetic contacts...`);
    const contacts = generateContacts(size, 1).map((raw) => toContactEntry('bench', orgContactSchema.parse(raw), profile).contact);
    const contactsFile = join(dir, `contacts-${size}.v8`);
    writeFileSync(contactsFile, serialize(contacts));
    const results = new Map<EngineName, EngineResult>();
    for (const engine of ENGINES) {
      const workFile = join(dir, `work-${size}-${engine}.json`);
      writeFileSync(workFile, JSON.stringify(makeWork(contacts, engine === 'lunr' ? LUNR_QUERIES : QUERIES)));
      console.log(`  ${engine}...`);
      const result = await runEngine(engine, contactsFile, workFile);
      results.set(engine, result);
      const ms = (kind: string, p: 'p50' | 'p99') => result.latency[kind]?.[p] ?? Number.NaN;
      rows.push({
        contacts: size,
        engine,
        build_s: result.buildMs / 1000,
        heap_mb: result.heapMb,
        peak_rss_mb: result.peakRssMb,
        exact_p50: ms('exact', 'p50'),
        exact_p99: ms('exact', 'p99'),
        prefix_p50: ms('prefix', 'p50'),
        prefix_p99: ms('prefix', 'p99'),
        phonetic_p50: ms('phonetic', 'p50'),
        phonetic_p99: ms('phonetic', 'p99'),
        typo_p50: ms('typo', 'p50'),
        typo_p99: ms('typo', 'p99'),
        letter_p99: ms('letter', 'p99'),
        delta100_ms: result.deltaMs,
        restart_s: result.restartMs === null ? '' : result.restartMs / 1000,
        errors: result.errors,
      });
    }
    const ours = results.get('switchboard');
    const lunrResult = results.get('lunr');
    if (size === BARS.atContacts && ours && lunrResult) {
      const worst = Math.max(...['exact', 'prefix', 'phonetic', 'typo'].map((k) => ours.latency[k]?.p99 ?? Infinity));
      const share = ours.heapMb / lunrResult.heapMb;
      verdicts.push(
        `p99 of every class ${worst.toFixed(2)} ms (bar < ${BARS.p99Ms}): ${worst < BARS.p99Ms ? 'met' : 'NOT met'}`,
        `heap ${ours.heapMb.toFixed(0)} MB = ${(share * 100).toFixed(1)} % of plain lunr's ${lunrResult.heapMb.toFixed(0)} MB (bar < ${BARS.heapShareOfLunr * 100} %): ${share < BARS.heapShareOfLunr ? 'met' : 'NOT met'}`,
        `100-contact delta searchable in ${ours.deltaMs.toFixed(1)} ms (bar < ${BARS.deltaMs} ms): ${ours.deltaMs < BARS.deltaMs ? 'met' : 'NOT met'}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('');
report('search', rows, { queriesPerClass: QUERIES, lunrQueriesPerClass: LUNR_QUERIES, warmUpPerClass: 'as many as measured', delta: DELTA, bars: BARS, verdicts });
if (verdicts.length > 0) console.log(`\nBars at ${BARS.atContacts} contacts:\n  ${verdicts.join('\n  ')}`);
