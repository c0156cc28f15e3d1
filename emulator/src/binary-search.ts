/**
 * Index of the first element for which `before(element)` is false, in an array sorted so that
 * all elements with `before` true come first. Contacts are kept sorted by id and the change log
 * by sequence, and paging either one must not scan 250,000 entries.
 */
export function partitionPoint<T>(sorted: readonly T[], before: (element: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
