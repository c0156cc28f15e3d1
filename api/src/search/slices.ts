import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long background work holds the event loop before letting requests in. */
const SLICE_MS = 10;

/**
 * Long work (building, merging, reconciling segments) in slices: `pause()` yields to the event
 * loop once the current slice has run SLICE_MS, so searches and lookups are answered meanwhile.
 */
export function slicer(): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < SLICE_MS) return;
    await nextTurn();
    started = performance.now();
  };
}
