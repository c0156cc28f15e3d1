import type { SyncMode, SyncStatus } from '../../../contracts/index.ts';
import type { Directory } from '../directory/directory.ts';
import { isExpiredDeltaToken } from '../graph/graph-errors.ts';
import type { TenantGate } from '../graph/tenant-gate.ts';
import type { TransportObserver } from '../graph/throttled-transport.ts';
import type { Logger } from '../logger.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import type { SyncStateRecord } from '../store/sync-state-repository.ts';
import { runDeltaRound } from './delta-round.ts';
import { describeSyncError, SYNC_CANCELLED } from './describe-sync-error.ts';
import { runFullImport } from './full-import.ts';
import { RoundRun, type ContactsReader } from './round-run.ts';
import type { Metrics } from '../metrics.ts';

export type { ContactsReader } from './round-run.ts';

export type ReaderFactory = (source: DataSourceRecord, signal: AbortSignal, observer: TransportObserver) => ContactsReader;

export interface SyncEngineDeps {
  store: Store;
  directory: Directory;
  readerFor: ReaderFactory;
  gateFor: (tenantId: string) => TenantGate;
  logger: Logger;
  metrics?: Metrics;
  now?: () => Date;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
  /** Set once the round has read its state; absent for the few milliseconds before. */
  run?: RoundRun;
}

/**
 * Runs sync rounds, at most one per data source at a time. A source without a deltaLink gets a
 * full import followed by a delta round; one with a deltaLink gets a delta round, or a full
 * import again when Graph says the link has expired. Status is live while a round runs.
 */
export class SyncEngine {
  private readonly running = new Map<string, Running>();
  private readonly now: () => Date;

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  isRunning(sourceId: string): boolean {
    return this.running.has(sourceId);
  }

  /** Starts a round unless one is running for the source; resolves when that round ends. */
  sync(sourceId: string, options: { full?: boolean } = {}): Promise<void> {
    const current = this.running.get(sourceId);
    if (current) return current.done;
    const entry: Running = { controller: new AbortController(), done: Promise.resolve() };
    this.running.set(sourceId, entry);
    entry.done = this.round(sourceId, entry, options.full === true).finally(() => this.running.delete(sourceId));
    return entry.done;
  }

  /** Stops the source's running round at its next request and waits for it; what it committed stays. */
  async cancel(sourceId: string): Promise<void> {
    const running = this.running.get(sourceId);
    running?.controller.abort();
    await running?.done;
  }

  /** Stops running rounds at their next request and waits for them; what they committed stays. */
  async cancelAll(): Promise<void> {
    const rounds = [...this.running.values()];
    for (const r of rounds) r.controller.abort();
    await Promise.all(rounds.map((r) => r.done));
  }

  async status(source: DataSourceRecord, contactCount: number): Promise<SyncStatus> {
    const live = this.running.get(source.id);
    const state = live?.run?.state ?? (await this.deps.store.syncState.get(source.id));
    const pauseMs = live ? this.deps.gateFor(source.tenantId).pauseRemainingMs : 0;
    const throttledNow = pauseMs > 0;
    const elapsedMs = live && state.lastStartedAt ? this.now().getTime() - Date.parse(state.lastStartedAt) : state.lastDurationMs;
    const rate = elapsedMs && elapsedMs > 0 ? state.read / (elapsedMs / 1000) : null;
    const remaining = state.mode === 'full' && state.total !== null ? Math.max(0, state.total - state.read) : null;
    return {
      sourceId: source.id,
      phase: throttledNow ? 'throttled' : state.phase,
      running: live !== undefined,
      mode: state.mode,
      contactCount,
      read: state.read,
      total: state.total,
      requests: state.requests,
      throttledResponses: state.throttled,
      throttledWaitMs: state.throttledWaitMs,
      throttledUntil: throttledNow ? new Date(this.now().getTime() + pauseMs).toISOString() : null,
      ratePerSecond: rate === null ? null : Math.round(rate * 10) / 10,
      etaSeconds: live && remaining !== null && rate ? Math.ceil(remaining / rate) : null,
      lastStartedAt: state.lastStartedAt,
      lastSuccessAt: state.lastSuccessAt,
      lastDurationMs: state.lastDurationMs,
      lastError: state.lastError,
      lastErrorCode: state.lastErrorCode,
      lastErrorStatus: state.lastErrorStatus,
      nextRunAt: state.nextRunAt,
      hasDeltaLink: state.deltaLink !== null,
    };
  }

  /** Records when the scheduler will run the source next. */
  async setNextRun(sourceId: string, at: Date | null): Promise<void> {
    const run = this.running.get(sourceId)?.run;
    if (run) run.state = { ...run.state, nextRunAt: at?.toISOString() ?? null };
    const state = await this.deps.store.syncState.get(sourceId);
    await this.deps.store.syncState.save({ ...state, nextRunAt: at?.toISOString() ?? null });
  }

  private async round(sourceId: string, entry: Running, full: boolean): Promise<void> {
    const { store, logger, metrics } = this.deps;
    const source = await store.dataSources.get(sourceId);
    if (!source) return;
    let saved = await store.syncState.get(sourceId);
    if (full) {
      // One transaction: a crash in between must not leave an old import's round id without its slices.
      saved = restartFull(saved);
      const cleared = saved;
      await store.transaction(async (tx) => {
        await tx.partitions.clear(sourceId);
        await tx.syncState.save(cleared);
      });
    }
    const mode: SyncMode = saved.deltaLink ? 'delta' : 'full';
    const resuming = saved.resumeLink !== null || saved.fullRound !== null;
    const started = this.now();
    const initial: SyncStateRecord = {
      ...saved,
      mode,
      phase: mode === 'full' ? 'initial' : 'delta',
      ...(resuming ? {} : { read: 0, requests: 0, throttled: 0, throttledWaitMs: 0, total: mode === 'full' ? null : saved.total }),
      lastStartedAt: started.toISOString(),
      lastError: null,
      lastErrorCode: null,
      lastErrorStatus: null,
    };
    // The reader reports to the round it serves, which exists only once the reader does.
    const observer: TransportObserver = {
      onResponse: (status, ms) => {
        const r = entry.run;
        if (r) r.state = { ...r.state, requests: r.state.requests + 1 };
        metrics?.graphResponse(status, ms);
      },
      onThrottled: (waitMs) => {
        const r = entry.run;
        if (r) r.state = { ...r.state, throttled: r.state.throttled + 1, throttledWaitMs: r.state.throttledWaitMs + waitMs };
        metrics?.throttled(waitMs);
      },
    };
    const gate = this.deps.gateFor(source.tenantId);
    const run = new RoundRun(source, this.deps.readerFor(source, entry.controller.signal, observer), store, gate.concurrency, initial, this.now);
    entry.run = run;
    await this.execute(run, entry.controller.signal, logger.child({ sourceId }), resuming);
    metrics?.roundFinished(run.state.mode ?? mode, (this.now().getTime() - started.getTime()) / 1000, run.state.phase === 'idle', run.state.read);
  }

  private async execute(run: RoundRun, signal: AbortSignal, log: Logger, resuming: boolean): Promise<void> {
    const { store } = this.deps;
    await store.syncState.save(run.state);
    log.info({ mode: run.state.mode, resuming }, 'sync round started');
    try {
      if (run.state.mode === 'delta') {
        try {
          await runDeltaRound(run);
        } catch (error) {
          if (!isExpiredDeltaToken(error)) throw error;
          log.warn('delta token expired: starting a full import');
          run.state = { ...restartFull(run.state), mode: 'full', phase: 'initial', read: 0, total: null };
          await run.commit(0, (tx) => tx.partitions.clear(run.sourceId));
          await runFullImport(run);
        }
      } else {
        await runFullImport(run);
      }
      // Changes made while the listing ran, or since the last round: applied from the deltaLink.
      run.state = { ...run.state, phase: 'delta' };
      await runDeltaRound(run);
      const finished = this.now();
      run.state = {
        ...run.state,
        phase: 'idle',
        lastSuccessAt: finished.toISOString(),
        lastDurationMs: finished.getTime() - Date.parse(run.state.lastStartedAt ?? finished.toISOString()),
      };
      log.info({ read: run.state.read, requests: run.state.requests, throttled: run.state.throttled }, 'sync round finished');
    } catch (error) {
      const cancelled = signal.aborted;
      if (cancelled) log.info('sync round cancelled');
      else log.error({ err: error }, 'sync round failed');
      const failure = cancelled ? SYNC_CANCELLED : describeSyncError(error);
      run.state = { ...run.state, phase: cancelled ? 'idle' : 'error', lastError: failure.sentence, lastErrorCode: failure.code, lastErrorStatus: failure.status ?? null };
    }
    await store.syncState.save(run.state);
    if (run.replacedAll) await this.deps.directory.reloadSource(run.sourceId);
    else await this.deps.directory.refreshContacts(run.sourceId, [...run.touched]);
  }
}

function restartFull(state: SyncStateRecord): SyncStateRecord {
  return { ...state, deltaLink: null, resumeLink: null, fullRound: null, pendingDeltaLink: null };
}
