import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgContact } from '../../api/src/graph/org-contact.ts';
import type { DataSourceRecord } from '../../api/src/store/data-source-repository.ts';
import { Store } from '../../api/src/store/store.ts';

const source: DataSourceRecord = {
  id: 'src',
  name: 'Source',
  description: '',
  type: 'm365-mail-contacts',
  priority: 100,
  enabled: true,
  autoStart: true,
  tenantId: 't',
  clientId: 'c',
  secretSealed: 'v1.x.y.z',
  schedule: { intervalMinutes: 15, days: [1, 2, 3, 4, 5], window: { from: '07:00', to: '19:00' } },
  dialling: { country: 'DE', areaCode: '89', mainNumber: '89987654', extensionLength: 3, outsideLinePrefix: '0', displayFormat: 'shortest' },
  approximation: true,
  appObjectId: null,
  access: { mode: 'groups', groups: [{ id: '6b1c5c1e-1f00-4a2b-9d7e-000000000001', displayName: 'Sales' }] },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const contact = (id: string, surname: string): OrgContact => ({ id, surname, phones: [{ number: null, type: 'business' }], extra: [1] });

let store: Store;
let file: string;
beforeEach(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'store-')), 'db.sqlite');
  store = await Store.open(file);
  await store.dataSources.insert(source);
});
afterEach(() => store.close());

describe('Store on SQLite', () => {
  it('keeps a data source record as written', async () => {
    expect(await store.dataSources.get('src')).toEqual(source);
    expect(await store.dataSources.list()).toEqual([source]);
  });

  it('upserts replays idempotently and keeps unknown properties', async () => {
    await store.contacts.upsert('src', [contact('1', 'Meier'), contact('2', 'Maier')], 'now');
    await store.contacts.upsert('src', [contact('1', 'Meyer')], 'later');
    expect(await store.contacts.listBySource('src')).toEqual(expect.arrayContaining([contact('1', 'Meyer'), contact('2', 'Maier')]));
    expect(await store.contacts.listBySource('src')).toHaveLength(2);
  });

  it('writes a page larger than SQLite\'s parameter limit', async () => {
    const page = Array.from({ length: 999 }, (_, i) => contact(String(i), `S${i}`));
    await store.contacts.upsert('src', page, 'now');
    expect(await store.contacts.listBySource('src')).toHaveLength(999);
  });

  it('writes nothing of a transaction that fails', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.contacts.upsert('src', [contact('1', 'Meier')], 'now');
        await tx.syncState.save({ ...(await tx.syncState.get('src')), deltaLink: 'https://x/delta?$deltatoken=1' });
        throw new Error('crash between writes');
      }),
    ).rejects.toThrow('crash');
    expect(await store.contacts.listBySource('src')).toEqual([]);
    expect((await store.syncState.get('src')).deltaLink).toBeNull();
  });

  it('survives reopening: migrations run once and data stays', async () => {
    await store.contacts.upsert('src', [contact('1', 'Meier')], 'now');
    await store.close();
    store = await Store.open(file);
    expect(await store.contacts.get('src', '1')).toEqual({ sourceId: 'src', raw: contact('1', 'Meier') });
  });

  it('removes contacts by id, ignoring unknown ids', async () => {
    await store.contacts.upsert('src', [contact('1', 'A'), contact('2', 'B')], 'now');
    await store.contacts.remove('src', ['1', 'unknown']);
    expect((await store.contacts.listBySource('src')).map((c) => c.id)).toEqual(['2']);
  });
});
