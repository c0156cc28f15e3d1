// The run-time state behind Behaviour: seeded fault decisions, the resource-unit buckets,
// counters, the delta-token epoch and the live mutation stream; plus the two Graph
// middlewares that apply it (`envelope` around everything, `gate` after authentication).

import type { MiddlewareHandler } from 'hono';
import { applyBehaviourPatch, budgetCapacity, DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour.ts';
import { GraphError, type GraphEnv } from './graph-response.ts';
import { createRng, deriveSeed, type Rng } from './synthetic/prng.ts';
import type { Tenant } from './tenant.ts';

export interface EmulatorStats {
  /** Graph requests received (any outcome, token endpoints excluded). */
  requests: number;
  /** Answered 429 by the resource-unit budget. */
  throttled: number;
  /** Answered 503/504 by a transient burst. */
  transientErrors: number;
  /** 200 responses cut off mid-body. */
  resets: number;
  /** Resource units charged (throttled and transient answers are not charged). */
  ruConsumed: number;
  /** Requests per route, ids replaced by `{id}`: `GET /v1.0/contacts/delta`. */
  byPath: Record<string, number>;
  /** Changes made by the live mutation stream. */
  mutations: number;
}

type RngName = 'latency' | 'transient' | 'reset' | 'replay' | 'empty' | 'mutations';

const BUCKET_WINDOW_MS = 10_000;
const MUTATION_TICK_MS = 100;
const GUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

function emptyStats(): EmulatorStats {
  return { requests: 0, throttled: 0, transientErrors: 0, resets: 0, ruConsumed: 0, byPath: {}, mutations: 0 };
}

export class Fidelity {
  private current: Behaviour = { ...DEFAULT_BEHAVIOUR };
  private rngs = new Map<RngName, Rng>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private counters = emptyStats();
  private burstLeft = 0;
  private epoch = 0;
  private mutationTimer: NodeJS.Timeout | undefined;
  private mutationCredit = 0;
  private mutationTickAt = 0;

  constructor(
    private readonly tenant: Tenant,
    /** Milliseconds; drives the buckets and token ages (tests pass a controllable clock). */
    readonly now: () => number = Date.now,
  ) {}

  get behaviour(): Behaviour {
    return structuredClone(this.current);
  }

  /** Read on every directory write and user token, so without cloning the whole behaviour. */
  get replicationDelayMs(): number {
    return this.current.replicationDelayMs;
  }

  get groupsClaimLimit(): number {
    return this.current.groupsClaimLimit;
  }

  /** Validates and applies a patch (throws a ZodError for invalid input); returns the result. */
  configure(patch: unknown): Behaviour {
    const previous = this.current;
    this.current = applyBehaviourPatch(previous, patch);
    if (this.current.seed !== previous.seed || this.rngs.size === 0) this.rngs.clear();
    if (this.current.budget !== previous.budget) this.buckets.clear();
    if (!this.current.transient) this.burstLeft = 0;
    this.restartMutations();
    return this.behaviour;
  }

  rng(name: RngName): Rng {
    let rng = this.rngs.get(name);
    if (!rng) {
      rng = createRng(deriveSeed(this.current.seed, name));
      this.rngs.set(name, rng);
    }
    return rng;
  }

  stats(): EmulatorStats {
    return structuredClone(this.counters);
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  /** Delta links carry the epoch they were issued in; older epochs are expired. */
  get deltaEpoch(): number {
    return this.epoch;
  }

  expireDeltaTokens(): void {
    this.epoch += 1;
  }

  /** A skiptoken issued at `issuedAt` (clock ms) is past the configured page-token lifetime. */
  pageTokenExpired(issuedAt: number): boolean {
    const lifetime = this.current.pageTokenLifetimeMs;
    return lifetime !== null && this.now() - issuedAt > lifetime;
  }

  stop(): void {
    if (this.mutationTimer) clearInterval(this.mutationTimer);
    this.mutationTimer = undefined;
  }

  // ---- resource units ------------------------------------------------------------------

  /** Charges `cost` RU to the bucket of `key`; without a budget every request is admitted. */
  charge(key: string, cost: number): { ok: true; usedFraction: number } | { ok: false; retryAfterSeconds: number } {
    const capacity = budgetCapacity(this.current.budget);
    if (capacity === null) {
      this.counters.ruConsumed += cost;
      return { ok: true, usedFraction: 0 };
    }
    const now = this.now();
    const rate = capacity / BUCKET_WINDOW_MS;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < cost) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / rate / 1000)) };
    }
    bucket.tokens -= cost;
    this.counters.ruConsumed += cost;
    return { ok: true, usedFraction: (capacity - bucket.tokens) / capacity };
  }

  // ---- live mutations ------------------------------------------------------------------

  private restartMutations(): void {
    const perSecond = this.current.mutations?.perSecond ?? 0;
    if (perSecond > 0 && !this.mutationTimer) {
      this.mutationCredit = 0;
      this.mutationTickAt = performance.now();
      this.mutationTimer = setInterval(() => this.mutationTick(), MUTATION_TICK_MS);
      this.mutationTimer.unref();
    } else if (perSecond === 0) {
      this.stop();
    }
  }

  private mutationTick(): void {
    const perSecond = this.current.mutations?.perSecond ?? 0;
    const at = performance.now();
    this.mutationCredit += ((at - this.mutationTickAt) / 1000) * perSecond;
    this.mutationTickAt = at;
    // Catching up after a stalled event loop must not turn into a storm.
    this.mutationCredit = Math.min(this.mutationCredit, Math.max(1, perSecond));
    for (; this.mutationCredit >= 1; this.mutationCredit -= 1) this.mutateOnce();
  }

  /** One random change: add, plausible update, hard delete or soft ("changed") delete. */
  mutateOnce(): void {
    const rng = this.rng('mutations');
    const kind = rng.weighted([
      ['add', 25],
      ['update', 45],
      ['deleted', 15],
      ['changed', 15],
    ] as const);
    const count = this.tenant.count;
    const id = count > 0 ? this.tenant.idAt(rng.int(0, count - 1)) : undefined;
    if (kind === 'add' || id === undefined || (count <= 1 && kind !== 'update')) this.tenant.add();
    else if (kind === 'update') this.tenant.update(id);
    else this.tenant.remove(id, kind);
    this.counters.mutations += 1;
  }

  // ---- middlewares ---------------------------------------------------------------------

  /** Outermost Graph middleware: counts, delays the response (not the event loop) and
   * occasionally cuts a 200 off mid-body. */
  envelope(): MiddlewareHandler<GraphEnv> {
    return async (c, next) => {
      const url = new URL(c.req.url);
      const route = `${c.req.method} ${url.pathname.replace(GUID_SEGMENT, '/{id}')}`;
      this.counters.requests += 1;
      this.counters.byPath[route] = (this.counters.byPath[route] ?? 0) + 1;
      await next();
      const latency = this.current.latency;
      if (latency) {
        const jitter = latency.minMs + this.rng('latency').next() * (latency.maxMs - latency.minMs);
        const delay = Math.round(jitter + latency.perObjectMs * (c.get('objects') ?? 0));
        c.res.headers.set('x-emulator-delay-ms', String(delay));
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      }
      if (c.res.status === 200 && this.current.resetProbability > 0 && this.rng('reset').chance(this.current.resetProbability)) {
        this.counters.resets += 1;
        c.res = await this.cutOff(c.res, c.env.outgoing);
      }
    };
  }

  /** After authentication: transient bursts, then the resource-unit budget. */
  gate(): MiddlewareHandler<GraphEnv> {
    return async (c, next) => {
      const cost = resourceUnits(new URL(c.req.url));
      c.header('x-ms-resource-unit', String(cost));
      const transient = this.current.transient;
      if (transient) {
        const rng = this.rng('transient');
        let fire = false;
        if (this.burstLeft > 0) {
          this.burstLeft -= 1;
          fire = true;
        } else if (rng.chance(transient.probability)) {
          this.burstLeft = transient.burst - 1;
          fire = true;
        }
        if (fire) {
          this.counters.transientErrors += 1;
          const status = rng.pick(transient.statuses);
          const headers: Record<string, string> = rng.chance(transient.retryAfterChance ?? 0.5) ? { 'Retry-After': String(rng.int(1, 2)) } : {};
          if (status === 504) throw new GraphError(504, 'gatewayTimeout', 'The gateway did not receive a timely response from the upstream service.', headers);
          throw new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', headers);
        }
      }
      const key = `${c.get('tenantId') ?? ''}:${c.get('appId') ?? ''}`;
      const verdict = this.charge(key, cost);
      if (!verdict.ok) {
        this.counters.throttled += 1;
        c.header('x-ms-throttle-limit-percentage', '1.0');
        throw new GraphError(
          429,
          'TooManyRequests',
          'Please retry again later.',
          this.current.retryAfter ? { 'Retry-After': String(verdict.retryAfterSeconds) } : {},
          { code: '429', status: '429' },
        );
      }
      if (verdict.usedFraction > 0.8) c.header('x-ms-throttle-limit-percentage', Math.min(1, verdict.usedFraction).toFixed(2));
      await next();
    };
  }

  /** Sends the headers (with the full Content-Length) and part of the body, then kills the socket. */
  private async cutOff(res: Response, outgoing: GraphEnv['Bindings']['outgoing']): Promise<Response> {
    const body = Buffer.from(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers['content-length'] = String(body.length);
    outgoing.writeHead(res.status, headers);
    const part = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
    await new Promise<void>((resolve) => {
      outgoing.once('close', resolve);
      outgoing.write(part, () => resolve());
    });
    outgoing.socket?.destroy();
    outgoing.destroy();
    // Tells @hono/node-server that the response has been dealt with.
    return new Response(null, { headers: { 'x-hono-already-sent': 'true' } });
  }
}

/** Graph's identity cost rule for a GET that is not in Microsoft's cost table (all of /contacts):
 * base 1 RU, `$select` -1, `$top` under 20 -1, `$expand` +1, never below 1. */
export function resourceUnits(url: URL): number {
  const q = url.searchParams;
  let cost = 1;
  if (q.has('$select')) cost -= 1;
  const top = Number(q.get('$top'));
  if (q.has('$top') && Number.isFinite(top) && top < 20) cost -= 1;
  if (q.has('$expand')) cost += 1;
  return Math.max(1, cost);
}
