import type { SyncStatus } from '../../../contracts/index.ts';
import type { Directory } from '../directory/directory.ts';
import type { DeltaPage } from '../graph/graph-connection.ts';
import { INITIAL_DELTA_PATH } from '../graph/graph-connection.ts';
import type { Logger } from '../logger.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import type { SyncStateRecord } from '../store/sync-state-repository.ts';
import { describeSyncError } from './describe-sync-error.ts';

/** What sync needs of Graph: the seam tests and other transports plug into. */
export interface ContactsReader {
  readDeltaPage(link: string): Promise<DeltaPage>;
  countContacts(): Promise<number>;
}

export type ReaderFactory = (source: DataSourceRecord) => ContactsReader;

export interface SyncEngineDeps {
  store: Store;
  directory: Directory;
  readerFor: ReaderFactory;
  logger: Logger;
  now?: () => Date;
}

/**
 * Runs delta rounds: the first round reads everything and ends with a deltaLink, later rounds
 * read only changes. Each page is written in one transaction together with the link that
 * follows it, so a process killed at any point resumes at the page it had not yet committed.
 */
export class SyncEngine {
  private readonly running = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  isRunning(sourceId: string): boolean {
    return this.running.has(sourceId);
  }

  /** Starts a round unless one is already running for the source; resolves when it ends. */
  sync(sourceId: string): Promise<void> {
    const current = this.running.get(sourceId);
    if (current) return current;
    const round = this.round(sourceId).finally(() => this.running.delete(sourceId));
    this.running.set(sourceId, round);
    return round;
  }

  async status(source: DataSourceRecord, contactCount: number): Promise<SyncStatus> {
    const state = await this.deps.store.syncState.get(source.id);
    return {
      sourceId: source.id,
      phase: state.phase,
      running: this.isRunning(source.id),
      contactCount,
      read: state.read,
      total: state.total,
      requests: state.requests,
      throttledResponses: state.throttled,
      lastStartedAt: state.lastStartedAt,
      lastSuccessAt: state.lastSuccessAt,
      lastError: state.lastError,
      nextRunAt: state.nextRunAt,
      hasDeltaLink: state.deltaLink !== null,
    };
  }

  private async round(sourceId: string): Promise<void> {
    const { store, logger } = this.deps;
    const source = await store.dataSources.get(sourceId);
    if (!source) return;
    const log = logger.child({ sourceId });
    const saved = await store.syncState.get(sourceId);
    const resuming = saved.resumeLink !== null;
    let state: SyncStateRecord = {
      ...saved,
      phase: saved.deltaLink ? 'delta' : 'initial',
      read: resuming ? saved.read : 0,
      requests: resuming ? saved.requests : 0,
      throttled: resuming ? saved.throttled : 0,
      lastStartedAt: this.now().toISOString(),
      lastError: null,
    };
    await store.syncState.save(state);
    log.info({ phase: state.phase, resuming }, 'sync round started');
    try {
      const reader = this.deps.readerFor(source);
      if (state.phase === 'initial' && !resuming) {
        state = { ...state, total: await reader.countContacts(), requests: state.requests + 1 };
      }
      let link = state.resumeLink ?? state.deltaLink ?? INITIAL_DELTA_PATH;
      for (;;) {
        const page = await reader.readDeltaPage(link);
        state = await this.commitPage(sourceId, state, page);
        if (page.deltaLink || !page.nextLink) break;
        link = page.nextLink;
      }
      state = { ...state, phase: 'idle', lastSuccessAt: this.now().toISOString() };
      await store.syncState.save(state);
      log.info({ read: state.read, requests: state.requests }, 'sync round finished');
    } catch (error) {
      log.error({ err: error }, 'sync round failed');
      state = { ...state, phase: 'error', lastError: describeSyncError(error) };
      await store.syncState.save(state);
    }
    await this.deps.directory.reloadSource(sourceId);
  }

  private async commitPage(sourceId: string, state: SyncStateRecord, page: DeltaPage): Promise<SyncStateRecord> {
    const next: SyncStateRecord = {
      ...state,
      read: state.read + page.upserts.length + page.removals.length,
      requests: state.requests + 1,
      resumeLink: page.deltaLink ? null : page.nextLink,
      deltaLink: page.deltaLink ?? state.deltaLink,
    };
    const stamp = this.now().toISOString();
    await this.deps.store.transaction(async (tx) => {
      await tx.contacts.upsert(sourceId, page.upserts, stamp);
      await tx.contacts.remove(
        sourceId,
        page.removals.map((r) => r.id),
      );
      await tx.syncState.save(next);
    });
    return next;
  }
}
