import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSourceView, Problem, SearchResponse, SyncStatus } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';

let stack: Stack;
let admin: ReturnType<typeof apiClient>;
let user: ReturnType<typeof apiClient>;
const path = () => `/api/datasources/${stack.sourceId}`;

beforeAll(async () => {
  stack = await startStack({ contacts: 20_000, serveWeb: false, syncConcurrency: 2 });
  admin = apiClient(stack, await stack.signIn('admin@contoso.example'));
  user = apiClient(stack, await stack.signIn('user@contoso.example'));
});
afterAll(() => stack?.stop());

async function until(check: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  for (;;) {
    const status = (await admin.get<SyncStatus>(`${path()}/status`)).body;
    if (check(status)) return status;
    await new Promise((done) => setTimeout(done, 50));
  }
}

const rowsOf = (table: string) => {
  const db = new Database(stack.databaseFile, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE source_id = ?`).get(stack.sourceId) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('changing and deleting a data source', () => {
  it('only administrators may change or delete', async () => {
    expect((await user.post(`${path()}/sync`)).status).toBe(403);
    const patch = await fetch(`${stack.apiUrl}${path()}`, { method: 'PATCH', headers: { Authorization: `Bearer ${await stack.signIn('user@contoso.example')}`, 'Content-Type': 'application/json' }, body: '{"enabled":false}' });
    expect(patch.status).toBe(403);
  });

  it('rejects unknown, fixed or invalid fields', async () => {
    for (const body of [{ id: 'renamed' }, { unknown: true }, { clientSecret: '' }, { priority: 0 }, { schedule: { intervalMinutes: 5, days: [9] } }]) {
      const response = await admin.call<Problem>('PATCH', path(), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
  });

  it('disabling stops a running import at its next request', async () => {
    stack.emulator.configure({ latency: { minMs: 30, maxMs: 60, perObjectMs: 0.3 } });
    expect((await admin.post(`${path()}/sync?full=true`)).status).toBe(202);
    await until((s) => s.running && s.requests > 2);

    const disabled = await admin.call<DataSourceView>('PATCH', path(), { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    const status = (await admin.get<SyncStatus>(`${path()}/status`)).body;
    expect(status).toMatchObject({ running: false, phase: 'idle' });
    expect(status.lastError).toMatch(/stopped/);
    expect(status.lastErrorCode).toBe('cancelled');
    const requests = stack.emulator.stats().requests;
    await new Promise((done) => setTimeout(done, 500));
    expect(stack.emulator.stats().requests).toBe(requests);

    const refused = await admin.post<Problem>(`${path()}/sync`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('data_source_disabled');
  });

  it('enabling plans the next round and keeps the settings it was given', async () => {
    const schedule = { intervalMinutes: 30, days: [1, 2, 3, 4, 5], window: { from: '06:00', to: '20:00' } };
    const enabled = await admin.call<DataSourceView>('PATCH', path(), { enabled: true, schedule, priority: 500 });
    expect(enabled.body).toMatchObject({ enabled: true, schedule, priority: 500 });
    expect((await admin.get<SyncStatus>(`${path()}/status`)).body.nextRunAt).not.toBeNull();
    expect((await admin.get<DataSourceView[]>('/api/datasources')).body[0]).toMatchObject({ schedule, priority: 500 });
  });

  it('deleting removes the source, its contacts from the store and from search', async () => {
    const someone = stack.emulator.tenant.list().find((c) => c.surname && c.surname.length > 4);
    expect((await user.get<SearchResponse>(`/api/search?q=${encodeURIComponent(someone?.surname ?? '')}`)).body.hits.length).toBeGreaterThan(0);

    const deleted = await admin.call('DELETE', path());
    expect(deleted.status).toBe(204);
    const gone = await admin.get<Problem>(`${path()}/status`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ detailCode: 'data_source_not_found', detailParams: { sourceId: stack.sourceId } });
    expect((await admin.get<DataSourceView[]>('/api/datasources')).body).toEqual([]);
    expect((await user.get<SearchResponse>(`/api/search?q=${encodeURIComponent(someone?.surname ?? '')}`)).body.hits).toEqual([]);
    for (const table of ['contacts', 'sync_state', 'sync_partitions']) expect(rowsOf(table), table).toBe(0);
    expect((await admin.call('DELETE', path())).status).toBe(404);
  });
});
