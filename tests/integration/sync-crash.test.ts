import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { adminClient, expectStoreEqualsTenant, mutateTenant, storedSyncState, syncRound, syncStatus, waitForRound } from '../support/sync-checks.ts';

/**
 * The API process is killed with SIGKILL at random moments of a full import and of a delta
 * round, restarted, and must end with the store equal to the tenant, having resumed rather
 * than started over. The seed of the random moments is printed so a failure can be replayed.
 */
const CONCURRENCY = 3;
const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 100_000);
let random = seed;
/** mulberry32: reproducible kill moments from the printed seed. */
function nextRandom(): number {
  random = (random + 0x6d2b79f5) | 0;
  let t = random;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

let stack: Stack;
beforeAll(async () => {
  console.warn(`sync-crash: CRASH_SEED=${seed}`);
  stack = await startStack({
    contacts: 10_000,
    serveWeb: false,
    syncConcurrency: CONCURRENCY,
    behaviour: { latency: { minMs: 15, maxMs: 40, perObjectMs: 0.15 } },
  });
});
afterAll(() => stack?.stop());

/** Kills the API at a random moment of the round that `start` begins, `kills` times, then lets it finish. */
async function crashRepeatedly(start: () => Promise<void>, kills: number): Promise<{ killedAfterPlan: number }> {
  let killedAfterPlan = 0;
  const before = (await syncStatus(stack)).lastStartedAt;
  await start();
  for (let i = 0; i < kills; i++) {
    await new Promise((done) => setTimeout(done, 50 + nextRandom() * 600));
    await stack.killApi();
    if (storedSyncState(stack)?.['full_round']) killedAfterPlan++;
    // The data source activates at start, so the restarted API resumes the round by itself.
    await stack.startApi();
  }
  await waitForRound(stack, before);
  return { killedAfterPlan };
}

describe('a sync killed at any moment resumes without loss or duplicates', () => {
  it('during a full import', async () => {
    stack.emulator.resetStats();
    await syncRound(stack, { full: true });
    const uninterrupted = stack.emulator.stats().requests;

    stack.emulator.resetStats();
    const kills = 3;
    const admin = await adminClient(stack);
    await crashRepeatedly(async () => {
      expect((await admin.post(`/api/datasources/${stack.sourceId}/sync?full=true`)).status).toBe(202);
    }, kills);
    expectStoreEqualsTenant(stack);
    // Resuming, not starting over: each kill costs at most the pages in flight and a new plan.
    expect(stack.emulator.stats().requests).toBeLessThanOrEqual(uninterrupted + kills * (2 * CONCURRENCY + 4));
    expect(storedSyncState(stack)?.['full_round']).toBeNull();
  });

  it('during delta rounds', async () => {
    for (let round = 0; round < 3; round++) {
      mutateTenant(stack, 2_000);
      const admin = await adminClient(stack);
      await crashRepeatedly(async () => {
        expect((await admin.post(`/api/datasources/${stack.sourceId}/sync`)).status).toBe(202);
      }, 2);
      expectStoreEqualsTenant(stack);
    }
  });
});
