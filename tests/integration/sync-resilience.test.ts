import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEHAVIOUR, type Behaviour } from '../../emulator/src/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { expectStoreEqualsTenant, mutateTenant, syncRound } from '../support/sync-checks.ts';

/**
 * Each fault Graph can throw at a client, switched on in the emulator in turn: a full import and
 * then a delta round must each end with the store equal to the tenant, every contact, every field.
 */
let stack: Stack;
const OFF: Partial<Behaviour> = { ...DEFAULT_BEHAVIOUR };

beforeAll(async () => {
  stack = await startStack({ contacts: 3000, serveWeb: false, syncConcurrency: 4 });
});
afterAll(() => stack?.stop());
afterEach(() => {
  stack.emulator.configure(OFF);
});

async function fullThenDelta(behaviour: Partial<Behaviour>) {
  stack.emulator.configure({ ...OFF, ...behaviour });
  mutateTenant(stack, 40);
  const full = await syncRound(stack, { full: true });
  expect(full.mode).toBe('full');
  expectStoreEqualsTenant(stack);
  // Enough changes for several delta pages (200 objects each).
  mutateTenant(stack, 700);
  const delta = await syncRound(stack);
  expect(delta.mode).toBe('delta');
  expectStoreEqualsTenant(stack);
  return { full, delta };
}

describe('a sync survives what Graph does', () => {
  it('throttling with Retry-After: waits it out for the whole tenant', async () => {
    const { full, delta } = await fullThenDelta({ budget: 8, retryAfter: true });
    expect(full.throttledResponses + delta.throttledResponses).toBeGreaterThan(0);
    expect(full.throttledWaitMs + delta.throttledWaitMs).toBeGreaterThan(0);
  });

  it('throttling without Retry-After: backs off exponentially', async () => {
    const { full, delta } = await fullThenDelta({ budget: 8, retryAfter: false });
    expect(full.throttledResponses + delta.throttledResponses).toBeGreaterThan(0);
  });

  it('bursts of 503 and 504', async () => {
    await fullThenDelta({ transient: { probability: 0.25, burst: 2, statuses: [503, 504] } });
    expect(stack.emulator.stats().transientErrors).toBeGreaterThan(0);
  });

  it('connections reset mid-body', async () => {
    await fullThenDelta({ resetProbability: 0.2 });
    expect(stack.emulator.stats().resets).toBeGreaterThan(0);
  });

  it('replayed objects and empty pages that still carry a nextLink', async () => {
    await fullThenDelta({ replayProbability: 0.4, emptyPageProbability: 0.3 });
  });

  it('page tokens that expire mid-round', async () => {
    await fullThenDelta({ latency: { minMs: 5, maxMs: 40, perObjectMs: 0 }, pageTokenLifetimeMs: 60 });
  });

  it('all of them at once', async () => {
    await fullThenDelta({
      budget: 20,
      transient: { probability: 0.1, burst: 2, statuses: [503, 504] },
      resetProbability: 0.05,
      replayProbability: 0.2,
      emptyPageProbability: 0.1,
    });
  });

  it.each(['syncStateNotFound', 'resyncRequired', 'gone'] as const)('an expired delta token (%s) leads to a full resync', async (form) => {
    stack.emulator.configure({ ...OFF, deltaTokenExpiry: form });
    await syncRound(stack);
    mutateTenant(stack, 50);
    stack.emulator.expireDeltaTokens();
    const status = await syncRound(stack);
    expect(status.mode).toBe('full');
    expect(status.total).toBe(stack.emulator.tenant.count);
    expectStoreEqualsTenant(stack);
  });

  it('contacts changing while the import runs', async () => {
    stack.emulator.configure({ ...OFF, latency: { minMs: 20, maxMs: 60, perObjectMs: 0.2 }, mutations: { perSecond: 40 } });
    await syncRound(stack, { full: true });
    stack.emulator.configure({ mutations: null });
    // What changed after the round's last page is the next round's business.
    await syncRound(stack);
    expectStoreEqualsTenant(stack);
  });
});
