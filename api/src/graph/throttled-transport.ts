import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TenantGate } from './tenant-gate.ts';

/** What the transport tells whoever keeps score (sync status, metrics). */
export interface TransportObserver {
  onResponse?(status: number, durationMs: number): void;
  onThrottled?(waitMs: number): void;
  onRetry?(reason: string, attempt: number): void;
}

export interface TransportOptions {
  gate: TenantGate;
  signal: AbortSignal;
  observer?: TransportObserver;
  maxAttempts?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const DEFAULTS = { maxAttempts: 8, timeoutMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 60_000 };
const TRANSIENT = new Set([429, 500, 502, 503, 504]);

/**
 * Replaces the Graph SDK's RetryHandler: requests pass the tenant's shared gate; 429 pauses the
 * whole tenant for Retry-After (or exponential backoff with jitter when Graph sends none);
 * 5xx, timeouts and connections dropped mid-body are retried. The body is read here, inside the
 * attempt, so a reset while streaming it is retried like any other transient fault.
 */
export class ThrottledTransport implements Middleware {
  private next: Middleware | undefined;
  private readonly options: Required<Omit<TransportOptions, 'observer'>> & Pick<TransportOptions, 'observer'>;

  constructor(options: TransportOptions) {
    this.options = { ...DEFAULTS, ...options };
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const { gate, signal, observer, maxAttempts, timeoutMs } = this.options;
    if (!this.next) throw new Error('ThrottledTransport: no next middleware');
    for (let attempt = 1; ; attempt++) {
      const release = await gate.acquire(signal);
      const started = performance.now();
      let status: number | null = null;
      let failure: unknown = null;
      try {
        context.options = { ...context.options, signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) };
        await this.next.execute(context);
        const response = context.response;
        if (!response) throw new Error('no response');
        const body = await response.arrayBuffer();
        context.response = new Response(body.byteLength > 0 ? body : null, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        status = response.status;
        observer?.onResponse?.(status, performance.now() - started);
      } catch (error) {
        if (signal.aborted) throw error;
        failure = error;
      } finally {
        release();
      }
      if (status !== null && !TRANSIENT.has(status)) return;
      if (attempt >= maxAttempts) {
        if (failure) throw failure;
        return; // the caller turns the last error response into a GraphError
      }
      const retryAfter = context.response && status !== null ? retryAfterMs(context.response.headers.get('Retry-After')) : null;
      const wait = retryAfter ?? this.backoff(attempt);
      if (status === 429) {
        gate.pause(wait);
        observer?.onThrottled?.(wait);
      } else {
        observer?.onRetry?.(failure ? 'network' : `http ${status}`, attempt);
        await sleep(wait, undefined, { signal });
      }
    }
  }

  /** Full jitter: spreads retries of many requests instead of synchronising them. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
