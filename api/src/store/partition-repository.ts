import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface PartitionRecord {
  idx: number;
  startLink: string;
  nextLink: string | null;
  done: boolean;
}

/** The slices of a full import in progress, each with the page it resumes at. */
export class PartitionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(sourceId: string): Promise<PartitionRecord[]> {
    const rows = await this.db.selectFrom('sync_partitions').selectAll().where('source_id', '=', sourceId).orderBy('idx').execute();
    return rows.map((r) => ({ idx: r.idx, startLink: r.start_link, nextLink: r.next_link, done: r.done === 1 }));
  }

  async replace(sourceId: string, startLinks: readonly string[]): Promise<void> {
    await this.clear(sourceId);
    if (startLinks.length === 0) return;
    await this.db
      .insertInto('sync_partitions')
      .values(startLinks.map((link, idx) => ({ source_id: sourceId, idx, start_link: link, next_link: null, done: 0 })))
      .execute();
  }

  async advance(sourceId: string, idx: number, nextLink: string | null): Promise<void> {
    await this.db
      .updateTable('sync_partitions')
      .set({ next_link: nextLink, done: nextLink === null ? 1 : 0 })
      .where('source_id', '=', sourceId)
      .where('idx', '=', idx)
      .execute();
  }

  async clear(sourceId: string): Promise<void> {
    await this.db.deleteFrom('sync_partitions').where('source_id', '=', sourceId).execute();
  }
}
