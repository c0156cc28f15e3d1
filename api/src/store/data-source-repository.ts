import type { Kysely } from 'kysely';
import { diallingProfileSchema, sourceAccessSchema, type DataSourceType, type DataSourceView, type SyncSchedule } from '../../../contracts/index.ts';
import type { Database, DataSourceTable } from './schema.ts';

/** The stored form of a data source: what clients see, less the derived counts, plus the sealed secret. */
export type DataSourceRecord = Omit<DataSourceView, 'hasSecret' | 'contactCount'> & { secretSealed: string };

export class DataSourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<DataSourceRecord[]> {
    const rows = await this.db.selectFrom('data_sources').selectAll().orderBy('priority', 'desc').orderBy('id').execute();
    return rows.map(fromRow);
  }

  async get(id: string): Promise<DataSourceRecord | undefined> {
    const row = await this.db.selectFrom('data_sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async insert(record: DataSourceRecord): Promise<void> {
    await this.db.insertInto('data_sources').values(toRow(record)).execute();
  }

  async update(record: DataSourceRecord): Promise<void> {
    const { id, ...row } = toRow(record);
    await this.db.updateTable('data_sources').set(row).where('id', '=', id).execute();
  }

  /** Removes the source; its contacts, sync state and slices go with it (foreign keys cascade). */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('data_sources').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function fromRow(row: DataSourceTable): DataSourceRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type as DataSourceType,
    priority: row.priority,
    enabled: row.enabled === 1,
    autoStart: row.auto_start === 1,
    tenantId: row.tenant_id,
    clientId: row.client_id,
    secretSealed: row.secret_sealed,
    schedule: JSON.parse(row.schedule) as SyncSchedule,
    // Profiles saved before a field existed get its default.
    dialling: diallingProfileSchema.parse(JSON.parse(row.dialling)),
    approximation: row.approximation === 1,
    access: sourceAccessSchema.parse(JSON.parse(row.access)),
    appObjectId: row.app_object_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(r: DataSourceRecord): DataSourceTable {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    type: r.type,
    priority: r.priority,
    enabled: r.enabled ? 1 : 0,
    auto_start: r.autoStart ? 1 : 0,
    tenant_id: r.tenantId,
    client_id: r.clientId,
    secret_sealed: r.secretSealed,
    schedule: JSON.stringify(r.schedule),
    dialling: JSON.stringify(r.dialling),
    approximation: r.approximation ? 1 : 0,
    access: JSON.stringify(r.access),
    app_object_id: r.appObjectId,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
