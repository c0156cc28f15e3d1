import type { Kysely } from 'kysely';
import { SYNC_ERROR_CODES, type SyncErrorCode, type SyncMode, type SyncPhase } from '../../../contracts/index.ts';
import type { Database, SyncStateTable } from './schema.ts';

export interface SyncStateRecord {
  sourceId: string;
  /** Saved `@odata.deltaLink` of the last complete round. */
  deltaLink: string | null;
  /** Link of the next page of the delta round in progress: where a restarted process resumes. */
  resumeLink: string | null;
  /** A full import in progress: its round id and the deltaLink taken before its listing. */
  fullRound: string | null;
  pendingDeltaLink: string | null;
  mode: SyncMode | null;
  phase: SyncPhase;
  read: number;
  total: number | null;
  requests: number;
  throttled: number;
  throttledWaitMs: number;
  lastStartedAt: string | null;
  lastSuccessAt: string | null;
  lastDurationMs: number | null;
  lastError: string | null;
  /** Which sentence `lastError` is; null for errors recorded before codes existed. */
  lastErrorCode: SyncErrorCode | null;
  /** Graph's HTTP status that `lastError` names (`graph_server_error`). */
  lastErrorStatus: number | null;
  nextRunAt: string | null;
}

export const initialSyncState = (sourceId: string): SyncStateRecord => ({
  sourceId,
  deltaLink: null,
  resumeLink: null,
  fullRound: null,
  pendingDeltaLink: null,
  mode: null,
  phase: 'idle',
  read: 0,
  total: null,
  requests: 0,
  throttled: 0,
  throttledWaitMs: 0,
  lastStartedAt: null,
  lastSuccessAt: null,
  lastDurationMs: null,
  lastError: null,
  lastErrorCode: null,
  lastErrorStatus: null,
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
    fullRound: r.full_round,
    pendingDeltaLink: r.pending_delta_link,
    mode: r.mode as SyncMode | null,
    phase: r.phase as SyncPhase,
    read: r.read,
    total: r.total,
    requests: r.requests,
    throttled: r.throttled,
    throttledWaitMs: r.throttled_wait_ms,
    lastStartedAt: r.last_started_at,
    lastSuccessAt: r.last_success_at,
    lastDurationMs: r.last_duration_ms,
    lastError: r.last_error,
    lastErrorCode: SYNC_ERROR_CODES.find((c) => c === r.last_error_code) ?? null,
    lastErrorStatus: r.last_error_status,
    nextRunAt: r.next_run_at,
  };
}

function toRow(s: SyncStateRecord): SyncStateTable {
  return {
    source_id: s.sourceId,
    delta_link: s.deltaLink,
    resume_link: s.resumeLink,
    full_round: s.fullRound,
    pending_delta_link: s.pendingDeltaLink,
    mode: s.mode,
    phase: s.phase,
    read: s.read,
    total: s.total,
    requests: s.requests,
    throttled: s.throttled,
    throttled_wait_ms: s.throttledWaitMs,
    last_started_at: s.lastStartedAt,
    last_success_at: s.lastSuccessAt,
    last_duration_ms: s.lastDurationMs,
    last_error: s.lastError,
    last_error_code: s.lastErrorCode,
    last_error_status: s.lastErrorStatus,
    next_run_at: s.nextRunAt,
  };
}
