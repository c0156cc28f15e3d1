import { WEIGHT_BITS, WEIGHT_MASK, type Dictionary, type DictionaryData } from './dictionary.ts';
import { Segment } from './segment.ts';

/** Terms merged between two checks of the time slice. */
const BATCH = 512;

/**
 * One segment holding the live documents of `segments` (oldest first), without analysing a
 * contact again: postings are copied with their documents renumbered, deleted ones dropped.
 */
export async function mergeSegments(sourceId: string, segments: readonly Segment[], pause: () => Promise<void>): Promise<Segment> {
  const ids: string[] = [];
  const keys: string[] = [];
  const fingerprints: number[] = [];
  const renumbered = segments.map((segment) => {
    const to = new Int32Array(segment.size).fill(-1);
    for (let doc = 0; doc < segment.size; doc++) {
      if (segment.deleted[doc] === 1) continue;
      to[doc] = ids.length;
      ids.push(segment.id(doc));
      keys.push(segment.key(doc));
      fingerprints.push(segment.fingerprint(doc));
    }
    return to;
  });
  await pause();
  const words = await mergeDictionaries(segments.map((s) => s.words), renumbered, pause);
  const sounds = await mergeDictionaries(segments.map((s) => s.sounds), renumbered, pause);
  const digits = await mergeDictionaries(segments.map((s) => s.digits), renumbered, pause);
  return new Segment({ sourceId, ids, keys, fingerprints: Float64Array.from(fingerprints), words, sounds, digits });
}

/** A k-way merge of sorted dictionaries; a term whose documents are all gone is dropped. */
async function mergeDictionaries(dictionaries: Dictionary[], renumbered: Int32Array[], pause: () => Promise<void>): Promise<DictionaryData> {
  const cursors = dictionaries.map(() => 0);
  const terms: string[] = [];
  const offsets: number[] = [];
  const postings = new Int32Array(dictionaries.reduce((sum, d) => sum + d.data.postings.length, 0));
  let written = 0;
  for (let step = 1; ; step++) {
    let next: string | undefined;
    for (let s = 0; s < dictionaries.length; s++) {
      const term = dictionaries[s]?.data.terms[cursors[s] ?? 0];
      if (term !== undefined && (next === undefined || term < next)) next = term;
    }
    if (next === undefined) break;
    const start = written;
    for (let s = 0; s < dictionaries.length; s++) {
      const dictionary = dictionaries[s] as Dictionary;
      const cursor = cursors[s] ?? 0;
      if (dictionary.data.terms[cursor] !== next) continue;
      const [from, to] = dictionary.postingRange(cursor, cursor + 1);
      const renumber = renumbered[s] as Int32Array;
      for (let i = from; i < to; i++) {
        const entry = dictionary.data.postings[i] as number;
        const doc = renumber[entry >>> WEIGHT_BITS] as number;
        if (doc >= 0) postings[written++] = (doc << WEIGHT_BITS) | (entry & WEIGHT_MASK);
      }
      cursors[s] = cursor + 1;
    }
    if (written > start) {
      terms.push(next);
      offsets.push(start);
    }
    if (step % BATCH === 0) await pause();
  }
  offsets.push(written);
  return { terms, offsets: Int32Array.from(offsets), postings: postings.slice(0, written) };
}
