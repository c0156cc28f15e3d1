import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Graph meters resource units per app and tenant, so everything one app does in one tenant
 * must share one budget: a bounded number of requests in flight, and one pause that every
 * request waits out once Graph has said 429 (rather than each retrying on its own).
 */
export class TenantGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;

  constructor(readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('TenantGate: concurrency must be a positive integer');
  }

  /** Milliseconds until requests may go again (0 when not paused). */
  get pauseRemainingMs(): number {
    return Math.max(0, this.pausedUntil - Date.now());
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Waits for the pause to pass and a free slot; resolves with the function that frees it. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted();
      const pause = this.pauseRemainingMs;
      if (pause > 0) await sleep(pause, undefined, { signal });
      else if (this.active < this.concurrency) break;
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

/** One gate per tenant, shared by every data source that reads that tenant. */
export class TenantGates {
  private readonly gates = new Map<string, TenantGate>();

  constructor(private readonly concurrency: number) {}

  for(tenantId: string): TenantGate {
    const key = tenantId.toLowerCase();
    let gate = this.gates.get(key);
    if (!gate) {
      gate = new TenantGate(this.concurrency);
      this.gates.set(key, gate);
    }
    return gate;
  }
}
