import type { Kysely } from 'kysely';
import type { OrgContact } from '../graph/org-contact.ts';
import type { Database } from './schema.ts';

export interface StoredContact {
  sourceId: string;
  raw: OrgContact;
}

export class ContactRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replays are normal in delta: an upsert keyed by id makes them harmless. */
  async upsert(sourceId: string, contacts: readonly OrgContact[], now: string, round: string | null = null): Promise<void> {
    if (contacts.length === 0) return;
    // SQLite caps bound parameters; 5 per row keeps a 999-object page well inside the limit.
    for (let i = 0; i < contacts.length; i += 200) {
      const rows = contacts.slice(i, i + 200).map((c) => ({
        source_id: sourceId,
        graph_id: c.id,
        raw: JSON.stringify(c),
        updated_at: now,
        seen_round: round,
      }));
      await this.db
        .insertInto('contacts')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['source_id', 'graph_id']).doUpdateSet((eb) => ({
            raw: eb.ref('excluded.raw'),
            updated_at: eb.ref('excluded.updated_at'),
            // A delta upsert must not un-see a contact that the running full import already saw.
            seen_round: eb.fn.coalesce('excluded.seen_round', 'contacts.seen_round'),
          })),
        )
        .execute();
    }
  }

  async remove(sourceId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('contacts').where('source_id', '=', sourceId).where('graph_id', 'in', ids).execute();
  }

  /** Deletes what the finished full import `round` did not see: gone from the directory. */
  async sweep(sourceId: string, round: string): Promise<number> {
    const result = await this.db
      .deleteFrom('contacts')
      .where('source_id', '=', sourceId)
      .where((eb) => eb.or([eb('seen_round', 'is', null), eb('seen_round', '!=', round)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async get(sourceId: string, graphId: string): Promise<StoredContact | undefined> {
    const row = await this.db
      .selectFrom('contacts')
      .select(['source_id', 'raw'])
      .where('source_id', '=', sourceId)
      .where('graph_id', '=', graphId)
      .executeTakeFirst();
    return row && { sourceId: row.source_id, raw: JSON.parse(row.raw) as OrgContact };
  }

  async getMany(sourceId: string, graphIds: readonly string[]): Promise<OrgContact[]> {
    const found: OrgContact[] = [];
    // Bound parameters are capped; chunks keep any round's change set within the limit.
    for (let i = 0; i < graphIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('contacts')
        .select('raw')
        .where('source_id', '=', sourceId)
        .where('graph_id', 'in', graphIds.slice(i, i + 500))
        .execute();
      for (const r of rows) found.push(JSON.parse(r.raw) as OrgContact);
    }
    return found;
  }

  async listBySource(sourceId: string): Promise<OrgContact[]> {
    const rows = await this.db.selectFrom('contacts').select('raw').where('source_id', '=', sourceId).execute();
    return rows.map((r) => JSON.parse(r.raw) as OrgContact);
  }
}
