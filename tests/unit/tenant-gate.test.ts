import { describe, expect, it } from 'vitest';
import { TenantGate, TenantGates } from '../../api/src/graph/tenant-gate.ts';
import { retryAfterMs } from '../../api/src/graph/throttled-transport.ts';

describe('TenantGate', () => {
  it('never lets more than `concurrency` requests run at once', async () => {
    const gate = new TenantGate(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const release = await gate.acquire();
        active++;
        peak = Math.max(peak, active);
        await new Promise((done) => setTimeout(done, 2));
        active--;
        release();
      }),
    );
    expect(peak).toBe(3);
  });

  it('holds every request of the tenant while paused', async () => {
    const gate = new TenantGate(4);
    gate.pause(60);
    const started = Date.now();
    const release = await gate.acquire();
    release();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(gate.pauseRemainingMs).toBe(0);
  });

  it('gives up waiting when the caller is cancelled', async () => {
    const gate = new TenantGate(1);
    gate.pause(10_000);
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });

  it('a release frees exactly one slot, however often it is called', async () => {
    const gate = new TenantGate(1);
    const release = await gate.acquire();
    release();
    release();
    const a = await gate.acquire();
    let secondGot = false;
    const b = gate.acquire().then((r) => {
      secondGot = true;
      return r;
    });
    await new Promise((done) => setTimeout(done, 5));
    expect(secondGot).toBe(false);
    a();
    (await b)();
  });

  it('is shared per tenant, whatever the id\'s case', () => {
    const gates = new TenantGates(2);
    expect(gates.for('ABC')).toBe(gates.for('abc'));
    expect(gates.for('abc')).not.toBe(gates.for('def'));
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('10')).toBe(10_000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});
