import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

/** One server under load: GETs of `paths` (rotating) against `base`, from `connections` keep-alive connections. */
export interface LoadTarget {
  name: string;
  base: string;
  paths: readonly string[];
  bearer: string | null;
  /** The server's process, to read its CPU time (Linux). */
  pid: number;
}

export interface LoadResult {
  rps: number;
  p50Us: number;
  p99Us: number;
  /** The server process's CPU time (user + system) per answered request; null where /proc is not there. */
  cpuUsPerRequest: number | null;
}

const CONNECTIONS = 16;
const run = promisify(execFile);

/**
 * The load generator: wrk (Debian package `wrk`) when installed, else autocannon. wrk is written in
 * C and spends a fraction of the CPU the server does per request; autocannon, in JavaScript, spends
 * about as much as a bare Hono route, so on a two-core machine it measures itself as much as the
 * server (the bare routes read up to a third slower under it).
 */
export function loadGenerator(): 'wrk' | 'autocannon' {
  // Only whether it starts: wrk prints its version and exits with 1.
  return spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';
}

/**
 * Loads every target once to warm it up, then in turn `rounds` times over, and gives each target's
 * median round, in the order of `targets`. The warm-up is not counted: it compiles the hot path, and V8 sizes the young
 * generation to the load (right after an import, a server scavenged every few milliseconds and
 * promoted what a bigger young generation lets die). The median keeps out the rounds
 * in which a server that has just imported its contacts collects the import's garbage: V8 does that
 * on its own threads some 20-40 s after the import, for about a second of CPU, which on two cores
 * is taken from the load generator and the server alike.
 */
export async function measureTargets(
  tool: 'wrk' | 'autocannon',
  targets: readonly LoadTarget[],
  { seconds, rounds, warmUpSeconds }: { seconds: number; rounds: number; warmUpSeconds: number },
): Promise<LoadResult[]> {
  for (const target of targets) await measure(tool, target, warmUpSeconds);
  const runs: LoadResult[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) runs[i]?.push(await measure(tool, target, seconds));
  }
  return runs.map(median);
}

/** A server counts as settled when it uses less than this share of a core, three seconds in a row. */
const QUIET_CORE_SHARE = 0.05;
const QUIET_SECONDS = 3;

/**
 * Waits until the servers are idle, and gives the seconds that took (null where /proc is not there
 * to tell). A server that has just imported or loaded its contacts spends the next minute or two
 * collecting what that left behind, on its own threads: measured then, the targets share two
 * cores with that, and each other's, and every one reads slower by a different amount.
 */
export async function settle(pids: readonly number[], maxSeconds: number): Promise<number | null> {
  const started = performance.now();
  let quiet = 0;
  let before = pids.map(cpuMicros);
  if (before.some((cpu) => cpu === null)) return null;
  while (quiet < QUIET_SECONDS && performance.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = pids.map(cpuMicros);
    quiet = now.every((cpu, i) => (cpu ?? 0) - (before[i] ?? 0) < QUIET_CORE_SHARE * 1_000_000) ? quiet + 1 : 0;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

async function measure(tool: 'wrk' | 'autocannon', target: LoadTarget, seconds: number): Promise<LoadResult> {
  const cpuBefore = cpuMicros(target.pid);
  const { rps, p50Us, p99Us, requests } = tool === 'wrk' ? await withWrk(target, seconds) : await withAutocannon(target, seconds);
  const cpuAfter = cpuMicros(target.pid);
  const cpuUsPerRequest = cpuBefore !== null && cpuAfter !== null && requests > 0 ? (cpuAfter - cpuBefore) / requests : null;
  return { rps, p50Us, p99Us, cpuUsPerRequest };
}

interface RawResult {
  rps: number;
  p50Us: number;
  p99Us: number;
  requests: number;
}

async function withWrk(target: LoadTarget, seconds: number): Promise<RawResult> {
  const script = join(tmpdir(), `switchboard-bench-${process.pid}.lua`);
  writeFileSync(script, wrkScript(target));
  const { stdout } = await run('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, target.base], { maxBuffer: 1 << 20 });
  if (/Non-2xx/.test(stdout)) throw new Error(`${target.name}: non-2xx responses\n${stdout}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50Us: wrkMicros(/\s50%\s+([\d.]+)(us|ms|s)/.exec(stdout)),
    p99Us: wrkMicros(/\s99%\s+([\d.]+)(us|ms|s)/.exec(stdout)),
    requests: Number(/(\d+) requests in/.exec(stdout)?.[1]),
  };
}

function wrkScript(target: LoadTarget): string {
  const header = target.bearer ? `{ ["Authorization"] = ${JSON.stringify(`Bearer ${target.bearer}`)} }` : '{}';
  return [
    `local paths = { ${target.paths.map((p) => JSON.stringify(p)).join(', ')} }`,
    `local headers = ${header}`,
    'local i = 0',
    'request = function()',
    '  i = i % #paths + 1',
    '  return wrk.format("GET", paths[i], headers)',
    'end',
    '',
  ].join('\n');
}

function wrkMicros(match: RegExpExecArray | null): number {
  if (!match) return Number.NaN;
  const factor = { us: 1, ms: 1000, s: 1_000_000 }[match[2] as 'us' | 'ms' | 's'];
  return Number(match[1]) * factor;
}

async function withAutocannon(target: LoadTarget, seconds: number): Promise<RawResult> {
  let i = 0;
  const result = await autocannon({
    url: target.base,
    connections: CONNECTIONS,
    duration: seconds,
    headers: target.bearer ? { Authorization: `Bearer ${target.bearer}` } : {},
    requests: [{ setupRequest: (req) => ({ ...req, path: target.paths[i++ % target.paths.length] ?? '/' }) }],
  });
  if (result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx responses`);
  // autocannon records latency in whole milliseconds.
  return { rps: result.requests.average, p50Us: result.latency.p50 * 1000, p99Us: result.latency.p99 * 1000, requests: result.requests.total };
}

/** utime + stime of a process, in µs; /proc counts in USER_HZ, which Linux fixes at 100. */
function cpuMicros(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

function median(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] as LoadResult;
}
