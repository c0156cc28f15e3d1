import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntry } from '../../../contracts/index.ts';
import type { AuditLogTable, Database } from './schema.ts';

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: entry.at,
        actor_oid: entry.actor.oid,
        actor_tenant: entry.actor.tenantId,
        actor_name: entry.actor.name,
        actor_username: entry.actor.username,
        action: entry.action,
        target: entry.target,
        outcome: entry.outcome,
        status: entry.status,
        code: entry.code,
        details: JSON.stringify(entry.details),
      })
      .execute();
  }

  /** Newest first, `limit` entries older than `before` (an id). */
  async list(limit: number, before?: number): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
    if (before !== undefined) query = query.where('id', '<', before);
    return (await query.execute()).map(fromRow);
  }
}

function fromRow(row: Omit<AuditLogTable, 'id'> & { id: number }): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { oid: row.actor_oid, tenantId: row.actor_tenant, name: row.actor_name, username: row.actor_username },
    action: row.action as AuditAction,
    target: row.target,
    outcome: row.outcome === 'success' ? 'success' : 'failure',
    status: row.status,
    code: row.code,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}
