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

/** Items sorted and merged this many at a time between two checks of the time slice. */
const SORT_RUN = 4096;

/**
 * `items` sorted by `compare`, in time slices: runs sorted natively, then merged pairwise,
 * pausing between runs and within long merges. A stable merge sort, like Array.prototype.sort.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, pause: () => Promise<void>): Promise<T[]> {
  let from = [...items];
  for (let start = 0; start < from.length; start += SORT_RUN) {
    const run = from.slice(start, start + SORT_RUN).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i] as T;
    await pause();
  }
  let to = new Array<T>(from.length);
  for (let width = SORT_RUN; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      for (let k = left; k < end; k++) {
        to[k] = (j >= end || (i < middle && compare(from[i] as T, from[j] as T) <= 0) ? from[i++] : from[j++]) as T;
        if (k % SORT_RUN === SORT_RUN - 1) await pause();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
