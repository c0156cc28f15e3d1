import type { Kysely } from 'kysely';
import type { SyncPhase } from '../../../contracts/index.ts';
import type { Database, SyncStateTable } from './schema.ts';

export interface SyncStateRecord {
  sourceId: string;
  deltaLink: string | null;
  resumeLink: string | null;
  phase: SyncPhase;
  read: number;
  total: number | null;
  requests: number;
  throttled: number;
  lastStartedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  nextRunAt: string | null;
}

export const initialSyncState = (sourceId: string): SyncStateRecord => ({
  sourceId,
  deltaLink: null,
  resumeLink: null,
  phase: 'idle',
  read: 0,
  total: null,
  requests: 0,
  throttled: 0,
  lastStartedAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextRunAt: null,
});

export class SyncStateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(sourceId: string): Promise<SyncStateRecord> {
    const row = await this.db.selectFrom('sync_state').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
    return row ? fromRow(row) : initialSyncState(sourceId);
  }

  async save(state: SyncStateRecord): Promise<void> {
    const row = toRow(state);
    await this.db
      .insertInto('sync_state')
      .values(row)
      .onConflict((oc) => oc.column('source_id').doUpdateSet(row))
      .execute();
  }
}

function fromRow(r: SyncStateTable): SyncStateRecord {
  return {
    sourceId: r.source_id,
    deltaLink: r.delta_link,
    resumeLink: r.resume_link,
    phase: r.phase as SyncPhase,
    read: r.read,
    total: r.total,
    requests: r.requests,
    throttled: r.throttled,
    lastStartedAt: r.last_started_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    nextRunAt: r.next_run_at,
  };
}

function toRow(s: SyncStateRecord): SyncStateTable {
  return {
    source_id: s.sourceId,
    delta_link: s.deltaLink,
    resume_link: s.resumeLink,
    phase: s.phase,
    read: s.read,
    total: s.total,
    requests: s.requests,
    throttled: s.throttled,
    last_started_at: s.lastStartedAt,
    last_success_at: s.lastSuccessAt,
    last_error: s.lastError,
    next_run_at: s.nextRunAt,
  };
}
