import type { Logger } from '../logger.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import { nextRunAt } from './schedule.ts';
import type { SyncEngine } from './sync-engine.ts';

/**
 * Runs each enabled data source's rounds on its schedule. "Sync now" goes through here too,
 * so a manual round also moves the next scheduled one.
 */
export class SyncScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly engine: SyncEngine,
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Schedules every enabled source; those set to activate at start sync at once. */
  async start(syncOnStart: boolean): Promise<void> {
    for (const source of await this.store.dataSources.list()) {
      if (!source.enabled) continue;
      await this.plan(source, syncOnStart && source.autoStart ? this.now() : nextRunAt(this.now(), source.schedule));
    }
  }

  /** Runs a round now and resolves when it has ended. */
  async runNow(sourceId: string, options: { full?: boolean } = {}): Promise<void> {
    clearTimeout(this.timers.get(sourceId));
    await this.engine.sync(sourceId, options);
    const source = await this.store.dataSources.get(sourceId);
    if (source) await this.schedule(source);
  }

  /** Plans the source's next round by its schedule (a newly enabled or rescheduled source). */
  async schedule(source: DataSourceRecord): Promise<void> {
    if (source.enabled && !this.stopped) await this.plan(source, nextRunAt(this.now(), source.schedule));
  }

  /** Stops planning rounds for the source and ends a running one. */
  async unschedule(sourceId: string): Promise<void> {
    clearTimeout(this.timers.get(sourceId));
    this.timers.delete(sourceId);
    await this.engine.cancel(sourceId);
  }

  private async plan(source: DataSourceRecord, at: Date): Promise<void> {
    clearTimeout(this.timers.get(source.id));
    await this.engine.setNextRun(source.id, at);
    const timer = setTimeout(() => {
      this.runNow(source.id).catch((err: unknown) => this.logger.error({ err, sourceId: source.id }, 'scheduled sync failed'));
    }, Math.max(0, at.getTime() - this.now().getTime()));
    timer.unref();
    this.timers.set(source.id, timer);
  }

  /** Stops scheduling and ends running rounds at their next request. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.engine.cancelAll();
  }
}
