// How faithfully (and how unkindly) the emulator behaves: latency, the resource-unit budget,
// transient faults, resets, delta quirks, token expiry, a live mutation stream, and two properties
// of the real directory. The faults are off by default, so tests that do not ask for them stay
// fast and deterministic; the directory's replication delay and group-claim limit are on, because
// clients must cope with them against any real tenant.

import { z } from 'zod';

export type BudgetSize = 'S' | 'M' | 'L';

export interface Behaviour {
  /** Added to every Graph response (never blocks the event loop): uniform in [minMs, maxMs]
   * plus perObjectMs for each object in the page, as a real directory's page time grows. */
  latency: { minMs: number; maxMs: number; perObjectMs: number } | null;
  /** Resource-unit token bucket per app (appid claim) + tenant: S 3500, M 5000, L 8000 RU per
   * 10 s, refilling continuously; a number is a custom RU-per-10-s size (handy in tests). */
  budget: BudgetSize | number | null;
  /** Whether 429s carry `Retry-After` (seconds until the bucket can pay again, ceil, min 1). */
  retryAfter: boolean;
  /** Chance that a request starts a burst of `burst` consecutive transient answers, each with a
   * status drawn from `statuses` (503/504), a Graph error body and, at `retryAfterChance` (default
   * one in two), `Retry-After` of 1-2 s. */
  transient: { probability: number; burst: number; statuses: number[]; retryAfterChance?: number } | null;
  /** Chance that a 200 response sends its headers and part of the body, then destroys the socket. */
  resetProbability: number;
  /** Chance that a delta page (after the first of a round) re-sends objects sent earlier in the round. */
  replayProbability: number;
  /** Chance that a delta page comes back as `value: []` plus a nextLink (the real page follows). */
  emptyPageProbability: number;
  /** List and delta skiptokens older than this answer 400 `Directory_ExpiredPageToken`. */
  pageTokenLifetimeMs: number | null;
  /** The answer to an expired deltaLink (see RunningEmulator.expireDeltaTokens). */
  deltaTokenExpiry: 'syncStateNotFound' | 'resyncRequired' | 'gone';
  /** Live random add / update / remove(deleted) / remove(changed) while the emulator runs. */
  mutations: { perSecond: number } | null;
  /** Seeds every fault decision, so a failing run reproduces (for one sequential client). */
  seed: number;
  /** How long an application, service principal, secret or app role assignment written through
   * Graph stays invisible to every other request (Graph answers 404/400 for it, the token endpoint
   * does not know it): Entra's directory replicas catch up with a write after a while. */
  replicationDelayMs: number;
  /** Most groups a user token lists in its `groups` claim; above it the token carries the overage
   * indicator instead (Entra's limit for JWTs is 200). */
  groupsClaimLimit: number;
}

export const BUDGET_RU_PER_10S: Readonly<Record<BudgetSize, number>> = Object.freeze({ S: 3500, M: 5000, L: 8000 });

export const DEFAULT_BEHAVIOUR: Readonly<Behaviour> = Object.freeze({
  latency: null,
  budget: null,
  retryAfter: true,
  transient: null,
  resetProbability: 0,
  replayProbability: 0,
  emptyPageProbability: 0,
  pageTokenLifetimeMs: null,
  deltaTokenExpiry: 'syncStateNotFound',
  mutations: null,
  seed: 1,
  replicationDelayMs: 1000,
  groupsClaimLimit: 200,
});

/** What the demo and benchmarks use: a real directory's pace and the budget of a tenant with more than 500 users. */
export const REALISTIC_BEHAVIOUR: Readonly<Partial<Behaviour>> = Object.freeze({
  latency: { minMs: 40, maxMs: 120, perObjectMs: 0.4 },
  budget: 'L',
  retryAfter: true,
});

/** Realistic plus the faults a robust client must survive, at rates that still let a sync finish. */
export const HOSTILE_BEHAVIOUR: Readonly<Partial<Behaviour>> = Object.freeze({
  ...REALISTIC_BEHAVIOUR,
  transient: { probability: 0.02, burst: 3, statuses: [503, 504] },
  resetProbability: 0.01,
  replayProbability: 0.1,
  emptyPageProbability: 0.05,
});

const probability = z.number().min(0).max(1);

export const behaviourPatchSchema = z
  .object({
    latency: z
      .object({ minMs: z.number().min(0).max(60_000), maxMs: z.number().min(0).max(60_000), perObjectMs: z.number().min(0).max(100) })
      .strict()
      .refine((l) => l.maxMs >= l.minMs, 'latency.maxMs must be >= latency.minMs')
      .nullable(),
    budget: z.union([z.enum(['S', 'M', 'L']), z.number().int().min(1).max(10_000_000)]).nullable(),
    retryAfter: z.boolean(),
    transient: z
      .object({
        probability,
        burst: z.number().int().min(1).max(100),
        statuses: z.array(z.union([z.literal(503), z.literal(504)])).min(1),
        retryAfterChance: probability.optional(),
      })
      .strict()
      .nullable(),
    resetProbability: probability,
    replayProbability: probability,
    // Below 1, so that a round always ends.
    emptyPageProbability: z.number().min(0).max(0.9),
    pageTokenLifetimeMs: z.number().int().min(0).nullable(),
    deltaTokenExpiry: z.enum(['syncStateNotFound', 'resyncRequired', 'gone']),
    mutations: z.object({ perSecond: z.number().min(0).max(10_000) }).strict().nullable(),
    seed: z.number().int(),
    replicationDelayMs: z.number().int().min(0).max(600_000),
    groupsClaimLimit: z.number().int().min(0).max(10_000),
  })
  .partial()
  .strict();

/** Validates a patch (throws a ZodError) and applies it; nested objects are replaced whole. */
export function applyBehaviourPatch(current: Behaviour, patch: unknown): Behaviour {
  const parsed = behaviourPatchSchema.parse(patch) as Partial<Behaviour>;
  const next: Behaviour = { ...current };
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = structuredClone(value);
  }
  return next;
}

export function budgetCapacity(budget: Behaviour['budget']): number | null {
  if (budget === null) return null;
  return typeof budget === 'number' ? budget : BUDGET_RU_PER_10S[budget];
}
