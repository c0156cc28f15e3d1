import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSourceView, DemoSignInResponse, SyncStatus } from '../contracts/index.ts';
import { ADMIN_ROLE, APP_MANAGEMENT_SCOPES } from '../contracts/index.ts';
import { DEMO_USERS, startEmulator, type Behaviour, type RunningEmulator } from '../emulator/src/index.ts';

/**
 * Brings up the whole product against an emulated tenant: the tenant emulator (HTTPS), the API
 * as its own process (trusting the emulator's certificate, as production trusts Microsoft's),
 * the built web app, and a data source that syncs. `npm start` and the end-to-end tests both
 * use this, so the tests exercise exactly what a newcomer runs.
 */
export interface StackOptions {
  contacts?: number;
  seed?: number;
  apiPort?: number;
  emulatorPort?: number;
  /** Where the emulator's certificate and the API's database live; a fresh temp dir if absent. */
  dataDir?: string;
  /** Serve the built web app from the API (web/dist must exist). */
  serveWeb?: boolean;
  logLevel?: string;
  /** Forward the API's log lines to this process's stdout. */
  showApiLogs?: boolean;
  /** Further environment variables for the API (settings the options here do not cover). */
  apiEnv?: Record<string, string>;
  /** Append the API's log lines (stdout and stderr) to this file, e.g. to check what it logs. */
  apiLogFile?: string;
  /** How the emulated Graph behaves: latency, budget, faults (default: all off). */
  behaviour?: Partial<Behaviour>;
  /** Graph requests in flight per tenant (the API's SYNC_CONCURRENCY). */
  syncConcurrency?: number;
  /** Turns on /metrics for scrapers presenting this token. */
  metricsToken?: string;
  /** Resolve only once the first sync has finished (default true). */
  waitForSync?: boolean;
}

export interface Stack {
  dataDir: string;
  /** The API's SQLite database, for tests that check what was stored. */
  databaseFile: string;
  webUrl: string;
  apiUrl: string;
  emulator: RunningEmulator;
  sourceId: string;
  signIn(username: string): Promise<string>;
  /** Kills the API process without warning (SIGKILL), as a crash or an OOM kill would. */
  killApi(): Promise<void>;
  /** Starts the API process again on the same port and data; resolves once it is healthy. */
  startApi(): Promise<void>;
  /** The API process's id (a new one after startApi). */
  apiPid(): number | undefined;
  stop(): Promise<void>;
}

export const DEMO_SOURCE_ID = 'contoso-contacts';
const ROOT = resolve(import.meta.dirname, '..');

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-'));
  const emulator = await startEmulator({
    dataDir: join(dataDir, 'emulator'),
    contacts: options.contacts ?? 5000,
    seed: options.seed ?? 1,
    port: options.emulatorPort ?? 0,
    ...(options.behaviour ? { behaviour: options.behaviour } : {}),
  });
  // Demo mode gets delegated Graph tokens by password, where no consent can be asked for: the demo
  // tenant's administrator has consented to the app-management scopes for the organisation.
  emulator.directory.grantConsent({ clientId: emulator.apiApp.clientId, scopes: [...APP_MANAGEMENT_SCOPES] });
  const apiPort = options.apiPort ?? (await freePort());
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  let api = spawnApi(emulator, apiPort, dataDir, options);
  const stop = async () => {
    await stopProcess(api);
    await emulator.close();
  };
  const killApi = async () => {
    const exited = new Promise<void>((done) => api.once('exit', () => done()));
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    else return;
    await exited;
  };
  const startApi = async () => {
    api = spawnApi(emulator, apiPort, dataDir, options);
    await waitForHealth(apiUrl, api);
  };
  try {
    await waitForHealth(apiUrl, api);
    const signIn = async (username: string) => {
      const response = await fetch(`${apiUrl}/api/demo/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      if (!response.ok) throw new Error(`demo sign-in failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as DemoSignInResponse).accessToken;
    };
    const admin = DEMO_USERS.find((u) => u.roles.includes(ADMIN_ROLE));
    if (!admin) throw new Error('the emulator has no demo administrator');
    const adminToken = await signIn(admin.username);
    await ensureDataSource(apiUrl, adminToken, emulator);
    if (options.waitForSync !== false) await waitForFirstSync(apiUrl, adminToken, DEMO_SOURCE_ID);
    return { dataDir, databaseFile: join(dataDir, 'api', 'switchboard.db'), webUrl: apiUrl, apiUrl, emulator, sourceId: DEMO_SOURCE_ID, signIn, killApi, startApi, apiPid: () => api.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function spawnApi(emulator: RunningEmulator, port: number, dataDir: string, options: StackOptions): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: join(dataDir, 'api'),
    LOG_LEVEL: options.logLevel ?? 'warn',
    ...(options.syncConcurrency ? { SYNC_CONCURRENCY: String(options.syncConcurrency) } : {}),
    ...(options.metricsToken ? { METRICS_TOKEN: options.metricsToken } : {}),
    AUTH_AUTHORITY_HOST: emulator.url,
    AUTH_TENANT_ID: emulator.tenantId,
    AUTH_CLIENT_ID: emulator.apiApp.clientId,
    GRAPH_BASE_URL: emulator.url,
    // Node reads extra CAs once at start: the certificate must exist before the API starts.
    NODE_EXTRA_CA_CERTS: emulator.certPath,
    DEMO_MODE: 'true',
    DEMO_USERS: JSON.stringify(
      DEMO_USERS.map((u) => ({ username: u.username, password: u.password, displayName: u.displayName, isAdmin: u.roles.includes(ADMIN_ROLE) })),
    ),
  };
  Object.assign(env, options.apiEnv);
  if (options.serveWeb !== false) env['WEB_DIST_DIR'] = join(ROOT, 'web', 'dist');
  const log = options.apiLogFile ? openSync(options.apiLogFile, 'a') : null;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'api', 'src', 'main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log ?? (options.showApiLogs ? 'inherit' : 'ignore'), log ?? 'inherit'],
  });
  if (log !== null) closeSync(log);
  return child;
}

async function ensureDataSource(apiUrl: string, token: string, emulator: RunningEmulator): Promise<void> {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const existing = (await (await fetch(`${apiUrl}/api/datasources`, { headers })).json()) as DataSourceView[];
  if (existing.some((s) => s.id === DEMO_SOURCE_ID)) return;
  // The app the emulator registers here is what GENERATE APP (issue #7) will create.
  const app = emulator.directory.registerApp({ displayName: 'Switchboard sync', roles: ['OrgContact.Read.All'] });
  const response = await fetch(`${apiUrl}/api/datasources`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      id: DEMO_SOURCE_ID,
      name: 'Contoso mail contacts',
      description: 'Mail contacts of the emulated Contoso tenant',
      tenantId: emulator.tenantId,
      clientId: app.appId,
      clientSecret: app.secret,
      // Contoso's own PBX in Munich: outside line 0, three-digit extensions.
      dialling: { country: 'DE', areaCode: '89', mainNumber: '8912340', extensionLength: 3, outsideLinePrefix: '0' },
    }),
  });
  if (!response.ok) throw new Error(`creating the demo data source failed: ${response.status} ${await response.text()}`);
}

export async function waitForFirstSync(apiUrl: string, token: string, sourceId: string, timeoutMs = 120_000): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Right after a large import the API rebuilds its search index and may drop an idle
    // keep-alive connection meanwhile: ask again rather than fail.
    const response = await fetch(`${apiUrl}/api/datasources/${sourceId}/status`, { headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
    if (!response) {
      await sleep(200);
      continue;
    }
    const status = (await response.json()) as SyncStatus;
    if (status.lastSuccessAt && !status.running) return status;
    if (status.phase === 'error') throw new Error(`the first sync failed: ${status.lastError}`);
    if (Date.now() > deadline) throw new Error(`the first sync did not finish in ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function waitForHealth(apiUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${apiUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the API did not become healthy in 30 s');
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
