import { ApiError } from '../problem.ts';

export interface RateLimit {
  /** Sustained requests per minute per user. */
  perMinute: number;
  /** Requests a user may make at once after a quiet spell (search as you type comes in bursts). */
  burst: number;
}

const IDLE_ENTRY_MS = 10 * 60_000;
const MAX_TRACKED_USERS = 100_000;

/**
 * Per-user token buckets. Written here rather than taken from hono-rate-limiter: that runs as a
 * middleware over an asynchronous store, a promise per request on the lookup path; this is a map
 * lookup and some arithmetic inside the handler.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private lastSweep = Date.now();

  constructor(
    private readonly name: string,
    private readonly limit: RateLimit,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes `cost` tokens from the user's bucket, or throws 429 with the seconds until they are there. */
  take(user: string, cost = 1): void {
    const now = Date.now();
    const bucket = this.buckets.get(user);
    const tokens = bucket ? Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * this.perMs) : this.limit.burst;
    if (tokens < cost) {
      const retryAfter = Math.max(1, Math.ceil((cost - tokens) / this.perMs / 1000));
      throw new ApiError(429, 'rate_limited', `Too many ${this.name} requests; try again in ${retryAfter} s.`, undefined, { 'Retry-After': String(retryAfter) });
    }
    if (bucket) {
      bucket.tokens = tokens - cost;
      bucket.at = now;
    } else {
      this.buckets.set(user, { tokens: tokens - cost, at: now });
    }
    if (now - this.lastSweep > IDLE_ENTRY_MS || this.buckets.size > MAX_TRACKED_USERS) this.sweep(now);
  }

  /** Users idle long enough are back at a full bucket anyway: forget them. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [user, bucket] of this.buckets) if (now - bucket.at > IDLE_ENTRY_MS) this.buckets.delete(user);
    if (this.buckets.size > MAX_TRACKED_USERS) this.buckets.clear();
  }
}
