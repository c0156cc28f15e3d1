import { z } from 'zod';

/** Administrative actions the audit log records. */
export const AUDIT_ACTIONS = [
  'datasource.create',
  'datasource.update',
  'datasource.delete',
  'datasource.sync',
  'app.generate',
  'app.check',
  'app.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which object, when, and how it ended; never values of settings or secrets. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { oid: string; tenantId: string; name: string | null; username: string | null };
  action: AuditAction;
  /** The object acted on, e.g. a data source id. */
  target: string | null;
  outcome: 'success' | 'failure';
  /** HTTP status of the answer, and the problem code when it failed. */
  status: number;
  code: string | null;
  /** What changed (field names), never what it changed to. */
  details: Record<string, unknown>;
}

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries older than this id (the `id` of the last entry of the previous page). */
  before: z.coerce.number().int().min(1).optional(),
});

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: number | null;
}
