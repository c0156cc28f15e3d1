import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations.ts';
import { DataSourceRepository } from './data-source-repository.ts';
import { ContactRepository } from './contact-repository.ts';
import { SyncStateRepository } from './sync-state-repository.ts';
import { PartitionRepository } from './partition-repository.ts';
import { AuditRepository } from './audit-repository.ts';
import { GeneratedAppRepository } from './generated-app-repository.ts';

/**
 * The one way into persistent state. Sync and API code see repositories, never SQL or the
 * dialect, so PostgreSQL can be added by giving `openStore` a second dialect.
 */
export class Store {
  readonly dataSources: DataSourceRepository;
  readonly contacts: ContactRepository;
  readonly syncState: SyncStateRepository;
  readonly partitions: PartitionRepository;
  readonly audit: AuditRepository;
  readonly generatedApps: GeneratedAppRepository;

  private constructor(private readonly db: Kysely<Database> | Transaction<Database>) {
    this.dataSources = new DataSourceRepository(db);
    this.contacts = new ContactRepository(db);
    this.syncState = new SyncStateRepository(db);
    this.partitions = new PartitionRepository(db);
    this.audit = new AuditRepository(db);
    this.generatedApps = new GeneratedAppRepository(db);
  }

  static async open(file: string): Promise<Store> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets readers (search, status) proceed while a sync page commits.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) {
      await db.destroy();
      throw error;
    }
    return new Store(db);
  }

  /** Runs `work` atomically: everything it writes lands, or nothing does. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db.transaction().execute((trx) => work(new Store(trx)));
  }

  async close(): Promise<void> {
    if (!this.db.isTransaction) await (this.db as Kysely<Database>).destroy();
  }
}
