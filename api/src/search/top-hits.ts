import type { Segment } from './segment.ts';

/** Above any data source priority (1..999): score and priority compare as one number. */
const PRIORITY_SPAN = 1024;

export interface TopHit {
  segment: Segment;
  doc: number;
  score: number;
}

/**
 * The best `limit` of all scored documents: higher score first, then the higher-priority data
 * source, then by sort key (surname, given name…). A min-heap of the `limit` best ranks so far
 * turns most documents away with one comparison; sort keys are only compared among documents
 * that tie with the last one taken, and within a segment by document number.
 */
export class TopHits {
  private readonly heap: Float64Array;
  private heapSize = 0;
  private readonly ranks: number[] = [];
  private readonly scores: number[] = [];
  private readonly segments: Segment[] = [];
  private readonly docs: number[] = [];

  constructor(private readonly limit: number) {
    this.heap = new Float64Array(limit);
  }

  add(segment: Segment, doc: number, score: number, priority: number): void {
    const rank = score * PRIORITY_SPAN + priority;
    if (this.heapSize < this.limit) this.push(rank);
    else if (rank > (this.heap[0] as number)) this.replaceLowest(rank);
    else if (rank < (this.heap[0] as number)) return;
    this.ranks.push(rank);
    this.scores.push(score);
    this.segments.push(segment);
    this.docs.push(doc);
  }

  best(): TopHit[] {
    const threshold = this.heapSize < this.limit ? -Infinity : (this.heap[0] as number);
    const taken: number[] = [];
    const tied: number[] = [];
    this.ranks.forEach((rank, i) => {
      if (rank > threshold) taken.push(i);
      else if (rank === threshold) tied.push(i);
    });
    taken.push(...this.firstByKey(tied, this.limit - taken.length));
    taken.sort((a, b) => (this.ranks[b] as number) - (this.ranks[a] as number) || this.compareKeys(a, b));
    return taken.map((i) => ({ segment: this.segments[i] as Segment, doc: this.docs[i] as number, score: this.scores[i] as number }));
  }

  /** The `count` first of `entries` by sort key; thousands may tie, so they are not all sorted. */
  private firstByKey(entries: number[], count: number): number[] {
    const first: number[] = [];
    if (count <= 0) return first;
    for (const entry of entries) {
      if (first.length === count && this.compareKeys(entry, first[count - 1] as number) >= 0) continue;
      let lo = 0;
      let hi = first.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compareKeys(first[mid] as number, entry) <= 0) lo = mid + 1;
        else hi = mid;
      }
      first.splice(lo, 0, entry);
      if (first.length > count) first.pop();
    }
    return first;
  }

  /** Documents of a segment are numbered in key order: only hits from different segments compare keys. */
  private compareKeys(a: number, b: number): number {
    const sa = this.segments[a] as Segment;
    const sb = this.segments[b] as Segment;
    const da = this.docs[a] as number;
    const db = this.docs[b] as number;
    if (sa === sb) return da - db;
    const ka = sa.key(da);
    const kb = sb.key(db);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }

  private push(rank: number): void {
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.heap[parent] as number) <= rank) break;
      this.heap[i] = this.heap[parent] as number;
      i = parent;
    }
    this.heap[i] = rank;
  }

  private replaceLowest(rank: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.heapSize) break;
      const right = left + 1;
      const child = right < this.heapSize && (this.heap[right] as number) < (this.heap[left] as number) ? right : left;
      if ((this.heap[child] as number) >= rank) break;
      this.heap[i] = this.heap[child] as number;
      i = child;
    }
    this.heap[i] = rank;
  }
}
