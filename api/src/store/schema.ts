/**
 * Table shapes. Booleans are 0/1 integers, JSON and timestamps are text: the same columns work
 * on SQLite and PostgreSQL, so a second dialect needs no schema of its own.
 */
export interface Database {
  data_sources: DataSourceTable;
  contacts: ContactTable;
  sync_state: SyncStateTable;
}

export interface DataSourceTable {
  id: string;
  name: string;
  description: string;
  type: string;
  priority: number;
  enabled: number;
  auto_start: number;
  tenant_id: string;
  client_id: string;
  /** AES-GCM sealed client secret; never leaves the API. */
  secret_sealed: string;
  sync_interval_minutes: number;
  dialling: string;
  created_at: string;
  updated_at: string;
}

export interface ContactTable {
  source_id: string;
  graph_id: string;
  /** The orgContact exactly as Graph served it. */
  raw: string;
  updated_at: string;
}

export interface SyncStateTable {
  source_id: string;
  /** Saved `@odata.deltaLink` of the last complete round. */
  delta_link: string | null;
  /** `@odata.nextLink` of the round in progress: where a restarted process resumes. */
  resume_link: string | null;
  phase: string;
  read: number;
  total: number | null;
  requests: number;
  throttled: number;
  last_started_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  next_run_at: string | null;
}
