import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Directory } from '../api/src/directory/directory.ts';
import { Store } from '../api/src/store/store.ts';
import type { DataSourceView } from '../contracts/index.ts';
import { startStack } from '../scripts/stack.ts';
import { loadGenerator, measureTargets, settle, type LoadResult, type LoadTarget } from './http-load.ts';
import { report } from './results-table.ts';

/**
 * `npm run bench:lookup`: caller identification at 100,000 contacts, in-process (the Directory
 * the API answers from, built from the API's own database) and over HTTP on loopback beside a
 * bare Hono route in the same run. Inputs mix formats: stored text, E.164, international,
 * national, tel: URIs, unknown extensions of company numbers, and numbers nobody has.
 */
const N = Number(process.argv[2] ?? 100_000);
const SAMPLES = 20_000;
const HTTP_SECONDS = 4;
/** Rounds over all HTTP targets, taking turns, so that a noisy spell on a shared machine hits them alike; the median counts. */
const HTTP_ROUNDS = 5;
/** Load before measuring, per target: V8 grows a server's young generation over the first seconds under load (BENCH_WARM_UP_SECONDS to change). */
const HTTP_WARM_UP_SECONDS = Number(process.env['BENCH_WARM_UP_SECONDS'] ?? 15);
/** Issue #4: in-process p99, and the API's throughput as a share of a bare Hono route doing the same lookup (vs_bare). */
const BARS = { inProcessP99Us: 50, httpShareOfBare: 0.7 };
const verdicts: string[] = [];
/** The servers are measured once idle (see settle), or after this long anyway. */
const SETTLE_MAX_SECONDS = 180;

console.log(`Building a tenant of ${N} contacts and syncing it into the API...`);
// One user sends all the load: lift the per-user rate limit, or the bench would measure 429s.
const stack = await startStack({ contacts: N, serveWeb: false, apiEnv: { RATE_LIMIT_LOOKUP_PER_MINUTE: String(1e9) } });
try {
  const token = await stack.signIn('user@contoso.example');
  const sources = (await (await fetch(`${stack.apiUrl}/api/datasources`, { headers: { Authorization: `Bearer ${token}` } })).json()) as DataSourceView[];
  const profile = sources[0]?.dialling;
  if (!profile) throw new Error('no data source');

  const store = await Store.open(stack.databaseFile);
  const directory = new Directory(store, profile);
  await directory.loadAll();
  const storedNumbers = stack.emulator.tenant.list().flatMap((c) => c.phones.map((p) => p.number).filter((n): n is string => !!n));
  // Measured inputs are ones the process has not seen (as a PBX's next caller may be), after a
  // warm-up on as many others of the same kinds, as in a server that has been running a while.
  const warmUp = makeInputs(storedNumbers, 11);
  const inputs = makeInputs(storedNumbers, 7);
  const everyone = () => true;

  // In-process: warm up, then time each lookup.
  for (const input of warmUp) directory.lookup(input, everyone);
  const times: number[] = [];
  let matched = 0;
  const started = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    const result = directory.lookup(input, everyone);
    times.push(performance.now() - t);
    if (result.match) matched++;
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times[Math.floor(p * (times.length - 1))] ?? 0) * 1000;
  const rows: Record<string, string | number>[] = [
    { target: 'in-process Directory.lookup', requests_per_s: Math.round(inputs.length / (total / 1000)), p50_us: pct(0.5), p99_us: pct(0.99), matched_pct: (100 * matched) / inputs.length, server_cpu_us_per_req: '', vs_bare: '', vs_empty: '' },
  ];
  await store.close();

  // Over HTTP, the same load on: the API's route (auth, validation, headers, lookup, JSON, metrics),
  // the same lookup on a bare Hono route and on Node's bare HTTP server, and a bare Hono route that
  // does nothing.
  const bare = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare-server.ts'), stack.databaseFile, JSON.stringify(profile)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(bare.stdout, 'data')) as [Buffer];
  const [, honoPort, nodePort] = /listening (\d+) (\d+)/.exec(line.toString()) ?? [];
  const tool = loadGenerator();
  console.log('Waiting for the servers to settle after loading their contacts...');
  // This process too: it holds the emulated tenant and the Directory it has just measured.
  const settledAfter = await settle([process.pid, bare.pid ?? 0, stack.apiPid() ?? 0], SETTLE_MAX_SECONDS);
  try {
    const query = inputs.slice(0, 5000).map((n) => `?number=${encodeURIComponent(n)}`);
    const bareTarget = (name: string, port: string | undefined, path: string): LoadTarget => ({
      name,
      base: `http://127.0.0.1:${Number(port)}`,
      paths: query.map((q) => path + q),
      bearer: null,
      pid: bare.pid ?? 0,
    });
    const targets: LoadTarget[] = [
      bareTarget('HTTP bare Hono route, empty', honoPort, '/empty/lookup'),
      bareTarget('HTTP bare Hono route, same lookup', honoPort, '/api/lookup'),
      bareTarget('HTTP bare Node route, same lookup', nodePort, '/api/lookup'),
      { name: 'HTTP GET /api/lookup', base: stack.apiUrl, paths: query.map((q) => `/api/lookup${q}`), bearer: token, pid: stack.apiPid() ?? 0 },
    ];
    console.log(`Loading each HTTP target ${HTTP_ROUNDS} times for ${HTTP_SECONDS} s with ${tool}...`);
    const results = await measureTargets(tool, targets, { seconds: HTTP_SECONDS, rounds: HTTP_ROUNDS, warmUpSeconds: HTTP_WARM_UP_SECONDS });
    const [empty, bareLookup, , api] = results as [LoadResult, LoadResult, LoadResult, LoadResult];
    const inProcessP99 = pct(0.99);
    const ratio = api.rps / bareLookup.rps;
    verdicts.push(
      `in-process p99 ${inProcessP99.toFixed(1)} us (bar < ${BARS.inProcessP99Us}): ${inProcessP99 < BARS.inProcessP99Us ? 'met' : 'NOT met'}`,
      `HTTP ${ratio.toFixed(2)} of the bare Hono route doing the same lookup (bar >= ${BARS.httpShareOfBare}): ${ratio >= BARS.httpShareOfBare ? 'met' : 'NOT met'}`,
    );
    for (const [i, { name }] of targets.entries()) {
      const r = results[i] as LoadResult;
      rows.push({
        target: name,
        requests_per_s: Math.round(r.rps),
        p50_us: r.p50Us,
        p99_us: r.p99Us,
        matched_pct: '',
        server_cpu_us_per_req: r.cpuUsPerRequest ?? '',
        vs_bare: r.rps / bareLookup.rps,
        vs_empty: r.rps / empty.rps,
      });
    }
  } finally {
    bare.kill();
  }
  console.log('');
  report('lookup', rows, {
    contacts: N,
    inputs: inputs.length,
    loadGenerator: tool,
    httpSeconds: HTTP_SECONDS,
    httpRounds: HTTP_ROUNDS,
    httpWarmUpSeconds: HTTP_WARM_UP_SECONDS,
    settledAfterSeconds: settledAfter,
    bars: BARS,
    verdicts,
  });
  console.log(`\nBars at ${N} contacts:\n  ${verdicts.join('\n  ')}`);
} finally {
  await stack.stop();
}

/** Several spellings of real numbers, unknown extensions of them, and numbers nobody has. */
function makeInputs(stored: string[], initialSeed: number): string[] {
  const out: string[] = [];
  let seed = initialSeed;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[seed % list.length] as T;
  };
  while (out.length < SAMPLES) {
    const text = pick(stored);
    const parsed = parsePhoneNumberFromString(text.replace('(0)', ''), 'DE');
    const variants = parsed?.isValid()
      ? [text, parsed.number, parsed.formatInternational(), parsed.format('RFC3966'), `${parsed.number}99`, `+4930${String(seed).slice(0, 8)}`]
      : [text];
    out.push(pick(variants));
  }
  return out;
}
