import type { Kysely, Migration, MigrationProvider } from 'kysely';

/** Migrations live in code (not files) so they ship inside whatever bundle runs the API. */
const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('data_sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('auto_start', 'integer', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('dialling', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('contacts')
        .addColumn('source_id', 'text', (c) => c.notNull().references('data_sources.id').onDelete('cascade'))
        .addColumn('graph_id', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('seen_round', 'text')
        .addPrimaryKeyConstraint('contacts_pk', ['source_id', 'graph_id'])
        .execute();
      await db.schema
        .createTable('sync_state')
        .addColumn('source_id', 'text', (c) => c.primaryKey().references('data_sources.id').onDelete('cascade'))
        .addColumn('delta_link', 'text')
        .addColumn('resume_link', 'text')
        .addColumn('pending_delta_link', 'text')
        .addColumn('full_round', 'text')
        .addColumn('mode', 'text')
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('read', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer')
        .addColumn('requests', 'integer', (c) => c.notNull())
        .addColumn('throttled', 'integer', (c) => c.notNull())
        .addColumn('throttled_wait_ms', 'integer', (c) => c.notNull())
        .addColumn('last_duration_ms', 'integer')
        .addColumn('last_started_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('next_run_at', 'text')
        .execute();
      await db.schema
        .createTable('sync_partitions')
        .addColumn('source_id', 'text', (c) => c.notNull().references('data_sources.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('start_link', 'text', (c) => c.notNull())
        .addColumn('next_link', 'text')
        .addColumn('done', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_partitions_pk', ['source_id', 'idx'])
        .execute();
    },
  },
  '0002-approximation': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('data_sources').addColumn('approximation', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
  '0003-access': {
    async up(db: Kysely<unknown>) {
      // Sources created before authorization existed stay visible to everyone, as they were.
      await db.schema.alterTable('data_sources').addColumn('access', 'text', (c) => c.notNull().defaultTo('{"mode":"everyone"}')).execute();
    },
  },
  '0004-audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_oid', 'text', (c) => c.notNull())
        .addColumn('actor_tenant', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text')
        .addColumn('actor_username', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0005-generated-apps': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('data_sources').addColumn('app_object_id', 'text').execute();
      await db.schema
        .createTable('generated_apps')
        .addColumn('credential_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('app_object_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('secret_expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0006-sync-error-code': {
    async up(db: Kysely<unknown>) {
      // Errors recorded before have no code; clients show their English sentence as it is.
      await db.schema.alterTable('sync_state').addColumn('last_error_code', 'text').execute();
    },
  },
  '0007-sync-error-status': {
    async up(db: Kysely<unknown>) {
      // Graph's status of a server error, for clients that word the sentence themselves; null before.
      await db.schema.alterTable('sync_state').addColumn('last_error_status', 'integer').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
