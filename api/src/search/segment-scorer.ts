import { WEIGHT_BITS, WEIGHT_MASK } from './dictionary.ts';
import type { Segment } from './segment.ts';
import type { Span } from './term-matchers.ts';

/**
 * Scratch space (`matched` counts terms per document in a byte: queries have at most MAX_TERMS) for scoring, sized to the largest segment seen and reused by every query (the
 * event loop runs one at a time): a query allocates nothing in proportion to the index.
 */
let best = new Float32Array(0);
let total = new Float32Array(0);
let matched = new Uint8Array(0);
let candidates = new Int32Array(0);
let touched = new Int32Array(0);

function ensureScratch(size: number): void {
  if (best.length >= size) return;
  best = new Float32Array(size);
  total = new Float32Array(size);
  matched = new Uint8Array(size);
  candidates = new Int32Array(size);
  touched = new Int32Array(size);
}

/**
 * Scores the live documents of a segment that match every term, calling `emit` for each. A
 * term counts with its best match in a document (the heaviest posting among its spans); the
 * score is the sum over terms. Terms are taken rarest first, so later ones only check the
 * documents still in the running.
 *
 * A single term (most searches as people type) goes through its spans heaviest first and stops
 * once `limit` live documents score more than any span left could give: "Schmidt" does not
 * read every Schmitt and every Schmidtke once enough Schmidts are found, nor "s" every word
 * that starts with it.
 */
export function scoreSegment(segment: Segment, spansByTerm: Span[][], limit: number, emit: (doc: number, score: number) => void): void {
  if (spansByTerm.length === 0) return;
  const order = spansByTerm.length === 1 ? [heaviestFirst(spansByTerm[0] ?? [])] : [...spansByTerm].sort((a, b) => postingCount(a) - postingCount(b));
  if (postingCount(order[0] ?? []) === 0) return;
  ensureScratch(segment.size);
  // Locals, not the module's bindings, in the loops below: V8 keeps them in registers.
  const bestOf = best;
  const totalOf = total;
  const matchedOf = matched;
  const { deleted } = segment;
  let candidateCount = 0;
  for (let t = 0; t < order.length; t++) {
    const list = t === 0 ? candidates : touched;
    const spans = order[t] as Span[];
    let touchedCount = 0;
    for (let s = 0; s < spans.length; s++) {
      const { postings, from, to, weights } = spans[s] as Span;
      if (order.length === 1 && touchedCount >= limit && s > 0) {
        const bound = heaviest(weights);
        if (bound < heaviest((spans[s - 1] as Span).weights) && liveAbove(list, touchedCount, bound, limit, deleted)) break;
      }
      for (let i = from; i < to; i++) {
        const entry = postings[i] as number;
        const doc = entry >>> WEIGHT_BITS;
        // Every document is in the running for the first term: no need to look.
        if (t > 0 && matchedOf[doc] !== t) continue;
        const weight = weights[entry & WEIGHT_MASK] as number;
        const previous = bestOf[doc] as number;
        if (weight <= previous) continue;
        if (previous === 0) list[touchedCount++] = doc;
        bestOf[doc] = weight;
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const doc = list[i] as number;
      totalOf[doc] = (totalOf[doc] as number) + (bestOf[doc] as number);
      bestOf[doc] = 0;
      matchedOf[doc] = t + 1;
    }
    if (t === 0) candidateCount = touchedCount;
    if (touchedCount === 0) break;
  }
  const terms = order.length;
  for (let i = 0; i < candidateCount; i++) {
    const doc = candidates[i] as number;
    if (matchedOf[doc] === terms && deleted[doc] === 0) emit(doc, totalOf[doc] as number);
    totalOf[doc] = 0;
    matchedOf[doc] = 0;
  }
}

/** Whether at least `limit` live documents of `list` score more than `bound` so far. */
function liveAbove(list: Int32Array, count: number, bound: number, limit: number, deleted: Uint8Array): boolean {
  let above = 0;
  for (let i = 0; i < count && above < limit; i++) {
    const doc = list[i] as number;
    if ((best[doc] as number) > bound && deleted[doc] === 0) above++;
  }
  return above >= limit;
}

/** The most a posting of a span can weigh. */
function heaviest(weights: Float32Array): number {
  let max = 0;
  for (const weight of weights) max = Math.max(max, weight);
  return max;
}

function heaviestFirst(spans: Span[]): Span[] {
  return spans
    .map((span) => ({ span, weight: heaviest(span.weights) }))
    .sort((a, b) => b.weight - a.weight)
    .map((e) => e.span);
}

function postingCount(spans: Span[]): number {
  let count = 0;
  for (const { from, to } of spans) count += to - from;
  return count;
}
