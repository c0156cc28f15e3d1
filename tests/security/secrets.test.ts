import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { syncRound } from '../support/sync-checks.ts';

/**
 * Client secrets at rest and in transit, end to end: an administrator hands the API a secret; it
 * must then appear in no API answer, no log line (at debug level), and nowhere in the database
 * files; a rotated key reseals it at the next start and sync keeps working throughout.
 */
const ROOT = join(import.meta.dirname, '..', '..');
let stack: Stack;
let admin: ReturnType<typeof apiClient>;
let logFile: string;
let secret: string;
const responses: string[] = [];

const keyFile = () => join(stack.dataDir, 'api', 'secret.key');
const databaseFiles = () => ['', '-wal', '-shm'].map((suffix) => `${stack.databaseFile}${suffix}`).filter((f) => existsSync(f));

function sealedSecret(): string {
  const db = new Database(stack.databaseFile, { readonly: true });
  try {
    const row = db.prepare('select secret_sealed from data_sources where id = ?').get(stack.sourceId) as { secret_sealed: string };
    return row.secret_sealed;
  } finally {
    db.close();
  }
}

async function record(path: string, method = 'GET', body?: unknown) {
  const result = await admin.call(method, path, body);
  responses.push(JSON.stringify(result.body));
  return result;
}

beforeAll(async () => {
  logFile = join(mkdtempSync(join(tmpdir(), 'switchboard-log-')), 'api.log');
  stack = await startStack({ contacts: 50, serveWeb: false, logLevel: 'debug', apiLogFile: logFile });
  admin = apiClient(stack, await stack.signIn('admin@contoso.example'));
  const app = stack.emulator.directory.registerApp({ displayName: 'Rotated credentials', roles: ['OrgContact.Read.All'] });
  secret = app.secret;
  expect((await record(`/api/datasources/${stack.sourceId}`, 'PATCH', { clientId: app.appId, clientSecret: secret })).status).toBe(200);
});
afterAll(() => stack?.stop());

describe('a client secret handed to the API', () => {
  it('is what the next sync signs in with', async () => {
    expect((await syncRound(stack)).lastError).toBeNull();
  });

  it('is in no API answer: lists, status, the OpenAPI document, refusals that echo input', async () => {
    await record('/api/datasources');
    await record(`/api/datasources/${stack.sourceId}/status`);
    await record('/api/openapi.json');
    const refused = await record('/api/datasources', 'POST', { id: 'Not Valid!', name: 'x', tenantId: 't', clientId: 'c', clientSecret: secret });
    expect(refused.status).toBe(400);
    const view = JSON.parse(responses[1] ?? '[]') as { hasSecret: boolean }[];
    expect(view[0]?.hasSecret).toBe(true);
    for (const body of responses) expect(body).not.toContain(secret);
  });

  it('is in no log line, at debug level', () => {
    const log = readFileSync(logFile, 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(secret);
  });

  it('is nowhere in the database files, sealed or not', () => {
    expect(sealedSecret()).toMatch(/^v2\./);
    for (const file of databaseFiles()) expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
  });
});

describe('rotating the key', () => {
  it('reseals stored secrets at the next start, and sync works before and after pruning the old key', async () => {
    const before = sealedSecret();
    const rotate = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'rotate-secret-key.ts'), '--file', keyFile(), ...args], { cwd: ROOT });
    rotate();
    expect(readFileSync(keyFile(), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);

    await stack.killApi();
    await stack.startApi();
    const after = sealedSecret();
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);
    expect(readFileSync(logFile, 'utf8')).toMatch(/client secrets resealed/);
    expect((await syncRound(stack)).lastError).toBeNull();

    rotate('--prune');
    expect(readFileSync(keyFile(), 'utf8').trim().split('\n')).toHaveLength(1);
    await stack.killApi();
    await stack.startApi();
    expect(sealedSecret()).toBe(after);
    expect((await syncRound(stack)).lastError).toBeNull();
    expect(readFileSync(logFile, 'utf8')).not.toContain(secret);
  });
});
