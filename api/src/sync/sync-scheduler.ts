import type { Logger } from '../logger.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import type { SyncEngine } from './sync-engine.ts';

/**
 * Runs each enabled data source's delta rounds on its interval. "Sync now" goes through here
 * too, so a manual round also moves the next scheduled one.
 */
export class SyncScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly engine: SyncEngine,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /** Schedules every enabled source; those set to activate at start sync at once. */
  async start(syncOnStart: boolean): Promise<void> {
    for (const source of await this.store.dataSources.list()) {
      if (!source.enabled) continue;
      await this.plan(source, syncOnStart && source.autoStart ? 0 : source.syncIntervalMinutes * 60_000);
    }
  }

  /** Runs a round now and resolves when it has ended. */
  async runNow(sourceId: string): Promise<void> {
    const timer = this.timers.get(sourceId);
    if (timer) clearTimeout(timer);
    await this.engine.sync(sourceId);
    const source = await this.store.dataSources.get(sourceId);
    if (source?.enabled && !this.stopped) await this.plan(source, source.syncIntervalMinutes * 60_000);
  }

  private async plan(source: DataSourceRecord, delayMs: number): Promise<void> {
    const at = new Date(Date.now() + delayMs);
    const state = await this.store.syncState.get(source.id);
    await this.store.syncState.save({ ...state, nextRunAt: at.toISOString() });
    const timer = setTimeout(() => {
      this.runNow(source.id).catch((err: unknown) => this.logger.error({ err, sourceId: source.id }, 'scheduled sync failed'));
    }, delayMs);
    timer.unref();
    this.timers.set(source.id, timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
