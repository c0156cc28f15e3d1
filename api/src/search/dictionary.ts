import { sortInSlices } from './slices.ts';

/**
 * A posting is one number: the document, whether the word is all of its field, and the field's
 * code (its index in SEARCH_FIELDS). The low bits index a query term's weight table directly.
 */
export const WHOLE_FIELD = 1 << 3;
export const WEIGHT_BITS = 4;
export const WEIGHT_MASK = (1 << WEIGHT_BITS) - 1;

const posting = (doc: number, field: number, whole: boolean): number => (doc << WEIGHT_BITS) | (whole ? WHOLE_FIELD : 0) | field;

/**
 * Sorted terms and their postings in one flat array: the postings of term i are
 * `postings[offsets[i]] … postings[offsets[i + 1] - 1]`. All terms that start with a prefix
 * are neighbours, so their postings are one contiguous range.
 */
export interface DictionaryData {
  terms: string[];
  offsets: Int32Array;
  postings: Int32Array;
}

export class Dictionary {
  constructor(readonly data: DictionaryData) {}

  /** The index of `term`, or -1. */
  find(term: string): number {
    const i = this.lowerBound(term);
    return this.data.terms[i] === term ? i : -1;
  }

  /** Indexes [from, to) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    return [this.lowerBound(prefix), this.lowerBound(`${prefix}\uffff`)];
  }

  term(i: number): string {
    return this.data.terms[i] ?? '';
  }

  /** Where the postings of terms [from, to) are in `data.postings`. */
  postingRange(from: number, to: number): [number, number] {
    return [this.data.offsets[from] ?? 0, this.data.offsets[to] ?? 0];
  }

  private lowerBound(value: string): number {
    const { terms } = this.data;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((terms[mid] ?? '') < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Terms laid out between two checks of the time slice. */
const BATCH = 4096;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Collects postings document by document (ascending), then lays them out as DictionaryData. */
export class DictionaryBuilder {
  private readonly lists = new Map<string, number[]>();

  add(term: string, doc: number, field: number, whole: boolean): void {
    const entry = posting(doc, field, whole);
    const list = this.lists.get(term);
    if (list === undefined) this.lists.set(term, [entry]);
    // Documents arrive in order, so a repeat of the same word in the same field is the last entry.
    else if (list[list.length - 1] !== entry) list.push(entry);
  }

  /** In time slices (see slicer): a source's phone numbers alone are hundreds of thousands of terms. */
  async build(pause: () => Promise<void>): Promise<DictionaryData> {
    const terms = await sortInSlices([...this.lists.keys()], byCodeUnits, pause);
    const offsets = new Int32Array(terms.length + 1);
    let total = 0;
    for (let i = 0; i < terms.length; i++) {
      offsets[i] = total;
      total += this.lists.get(terms[i] as string)?.length ?? 0;
    }
    offsets[terms.length] = total;
    const postings = new Int32Array(total);
    for (let i = 0; i < terms.length; i++) {
      postings.set(this.lists.get(terms[i] as string) ?? [], offsets[i]);
      if (i % BATCH === BATCH - 1) await pause();
    }
    return { terms, offsets, postings };
  }
}
