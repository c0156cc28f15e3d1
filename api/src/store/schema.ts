import type { Generated } from 'kysely';

/**
 * Table shapes. Booleans are 0/1 integers, JSON and timestamps are text: the same columns work
 * on SQLite and PostgreSQL, so a second dialect needs no schema of its own.
 */
export interface Database {
  data_sources: DataSourceTable;
  contacts: ContactTable;
  sync_state: SyncStateTable;
  sync_partitions: SyncPartitionTable;
  audit_log: AuditLogTable;
  generated_apps: GeneratedAppTable;
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
  schedule: string;
  dialling: string;
  approximation: number;
  /** SourceAccess as JSON. */
  access: string;
  /** The Entra application GENERATE APP created for the source; null for a manually entered app. */
  app_object_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactTable {
  source_id: string;
  graph_id: string;
  /** The orgContact exactly as Graph served it. */
  raw: string;
  updated_at: string;
  /** Id of the full import that last saw the contact: what a finished import did not see is gone. */
  seen_round: string | null;
}

export interface SyncStateTable {
  source_id: string;
  /** Saved `@odata.deltaLink` of the last complete round. */
  delta_link: string | null;
  /** `@odata.nextLink` of the round in progress: where a restarted process resumes. */
  resume_link: string | null;
  /** deltaLink taken before a full import's listing; its changes are applied once the listing ends. */
  pending_delta_link: string | null;
  full_round: string | null;
  mode: string | null;
  phase: string;
  read: number;
  total: number | null;
  requests: number;
  throttled: number;
  throttled_wait_ms: number;
  last_duration_ms: number | null;
  last_started_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_status: number | null;
  next_run_at: string | null;
}

/** One slice of a full import's listing, read page by page; `next_link` is where it resumes. */
export interface SyncPartitionTable {
  source_id: string;
  idx: number;
  start_link: string;
  next_link: string | null;
  done: number;
}

/** Administrative actions, appended only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_oid: string;
  actor_tenant: string;
  actor_name: string | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  outcome: string;
  status: number;
  code: string | null;
  /** JSON object. */
  details: string;
}

/** Apps GENERATE APP created that no data source has taken yet; the secret stays here, sealed. */
export interface GeneratedAppTable {
  credential_id: string;
  tenant_id: string;
  client_id: string;
  app_object_id: string;
  display_name: string;
  /** JSON: [{name, granted}]. */
  permissions: string;
  secret_sealed: string;
  secret_expires_at: string;
  created_at: string;
  /** Object id of the administrator who generated it. */
  created_by: string;
}
