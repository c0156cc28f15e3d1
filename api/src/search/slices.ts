import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long background work holds the event loop, by default, before letting requests in. */
export const SLICE_MS = 10;

/**
 * Long work (building, merging, reconciling segments) in slices: `pause()` yields to the event
 * loop once the current slice has run `sliceMs`, so searches and lookups are answered meanwhile.
 */
export function slicer(sliceMs: number): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < sliceMs) return;
    await nextTurn();
    started = performance.now();
  };
}
