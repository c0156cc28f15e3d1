import type { DeltaPage, ListPage } from '../graph/graph-connection.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import type { SyncStateRecord } from '../store/sync-state-repository.ts';

/** What sync needs of Graph: the seam between the engine and the transport. */
export interface ContactsReader {
  latestDeltaLink(): Promise<string>;
  readDeltaPage(link: string): Promise<DeltaPage>;
  readListPage(link: string): Promise<ListPage>;
  countContacts(): Promise<number>;
}

/**
 * One running round of one data source: its state as it advances, and the one way to persist
 * it — together with the data of the page that advanced it, in a single transaction.
 */
export class RoundRun {
  /** Graph ids a delta round wrote or removed: what the directory must read again. */
  readonly touched = new Set<string>();
  /** A full import ran: the directory re-reads the whole source. */
  replacedAll = false;

  constructor(
    readonly source: DataSourceRecord,
    readonly reader: ContactsReader,
    private readonly store: Store,
    readonly concurrency: number,
    public state: SyncStateRecord,
    private readonly now: () => Date,
  ) {}

  get sourceId(): string {
    return this.source.id;
  }

  stamp(): string {
    return this.now().toISOString();
  }

  /** Writes `data` and the state (with `read` objects more) atomically. */
  async commit(read: number, data: (tx: Store) => Promise<void> = async () => undefined): Promise<void> {
    this.state = { ...this.state, read: this.state.read + read };
    const snapshot = this.state;
    await this.store.transaction(async (tx) => {
      await data(tx);
      await tx.syncState.save(snapshot);
    });
  }

  partitions() {
    return this.store.partitions.list(this.sourceId);
  }
}
