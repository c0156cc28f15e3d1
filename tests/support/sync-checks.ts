import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { SyncStatus } from '../../contracts/index.ts';
import type { Stack } from '../../scripts/stack.ts';
import { apiClient } from './api-client.ts';

/** What the API's database holds for the demo source, keyed by Graph object id. */
export function storedContacts(stack: Stack): Map<string, Record<string, unknown>> {
  const db = new Database(stack.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT graph_id, raw FROM contacts WHERE source_id = ?').all(stack.sourceId) as { graph_id: string; raw: string }[];
    return new Map(rows.map((r) => [r.graph_id, JSON.parse(r.raw) as Record<string, unknown>]));
  } finally {
    db.close();
  }
}

/** One value of the source's sync_state row, read straight from the database. */
export function storedSyncState(stack: Stack): Record<string, unknown> | undefined {
  const db = new Database(stack.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM sync_state WHERE source_id = ?').get(stack.sourceId) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

function withoutAnnotations(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('@odata.')));
}

/** The store holds exactly the emulator's tenant: every contact, every field, nothing else. */
export function expectStoreEqualsTenant(stack: Stack): void {
  const stored = storedContacts(stack);
  const tenant = new Map(stack.emulator.tenant.list().map((c) => [c.id, JSON.parse(JSON.stringify(c)) as Record<string, unknown>]));
  const missing = [...tenant.keys()].filter((id) => !stored.has(id));
  const extra = [...stored.keys()].filter((id) => !tenant.has(id));
  expect({ missing: missing.length, extra: extra.length }).toEqual({ missing: 0, extra: 0 });
  for (const [id, contact] of tenant) expect(withoutAnnotations(stored.get(id) ?? {}), id).toEqual(contact);
}

export async function adminClient(stack: Stack) {
  return apiClient(stack, await stack.signIn('admin@contoso.example'));
}

export async function syncStatus(stack: Stack): Promise<SyncStatus> {
  return (await (await adminClient(stack)).get<SyncStatus>(`/api/datasources/${stack.sourceId}/status`)).body;
}

/** Starts a round (delta, or full with `full`) and waits until a new round has succeeded. */
export async function syncRound(stack: Stack, options: { full?: boolean; timeoutMs?: number } = {}): Promise<SyncStatus> {
  return succeeded(await roundOf(stack, stack.sourceId, options));
}

/** Starts a round of a source once none runs, and waits until it has ended, well or not. */
export async function roundOf(stack: Stack, sourceId: string, options: { full?: boolean; timeoutMs?: number } = {}): Promise<SyncStatus> {
  const admin = await adminClient(stack);
  const path = `/api/datasources/${sourceId}`;
  // A round already running (the one every start begins with) would absorb this request.
  let before = (await admin.get<SyncStatus>(`${path}/status`)).body;
  while (before.running) {
    await new Promise((done) => setTimeout(done, 50));
    before = (await admin.get<SyncStatus>(`${path}/status`)).body;
  }
  const started = await admin.post<SyncStatus>(`${path}/sync${options.full ? '?full=true' : ''}`);
  expect(started.status).toBe(202);
  return endedRound(stack, sourceId, before.lastStartedAt, options.timeoutMs);
}

/** Waits until a round that started after `startedAfter` has ended successfully. */
export async function waitForRound(stack: Stack, startedAfter: string | null, timeoutMs = 120_000): Promise<SyncStatus> {
  return succeeded(await endedRound(stack, stack.sourceId, startedAfter, timeoutMs));
}

async function endedRound(stack: Stack, sourceId: string, startedAfter: string | null, timeoutMs = 120_000): Promise<SyncStatus> {
  const admin = await adminClient(stack);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await admin.get<SyncStatus>(`/api/datasources/${sourceId}/status`)).body;
    const { lastStartedAt, lastSuccessAt } = status;
    const newRound = lastStartedAt !== null && lastStartedAt !== startedAfter;
    const succeededNow = newRound && status.phase === 'idle' && lastSuccessAt !== null && lastSuccessAt >= lastStartedAt;
    if (newRound && !status.running && (succeededNow || status.phase === 'error')) return status;
    if (Date.now() > deadline) throw new Error(`no round ended within ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function succeeded(status: SyncStatus): SyncStatus {
  if (status.phase === 'error') throw new Error(`sync failed: ${status.lastError}`);
  return status;
}

/** Changes the tenant the way people do: some edits, some additions, both kinds of removal. */
export function mutateTenant(stack: Stack, count: number): void {
  const tenant = stack.emulator.tenant;
  const ids = tenant.list().map((c) => c.id);
  for (let i = 0; i < count; i++) {
    const id = ids[(i * 7919) % ids.length] as string;
    if (!tenant.get(id)) continue;
    switch (i % 4) {
      case 0:
        tenant.update(id);
        break;
      case 1:
        tenant.add();
        break;
      case 2:
        tenant.remove(id, 'deleted');
        break;
      default:
        tenant.remove(id, 'changed');
    }
  }
}
