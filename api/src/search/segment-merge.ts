import { WEIGHT_BITS, WEIGHT_MASK, type Dictionary, type DictionaryData } from './dictionary.ts';
import { Segment } from './segment.ts';

/** Terms merged between two checks of the time slice. */
const BATCH = 512;

/**
 * One segment holding the live documents of `segments`, without analysing a contact again:
 * documents are renumbered in sort key order (each segment is in that order already, so this
 * is a k-way merge), postings copied with the new numbers, deleted documents dropped.
 */
export async function mergeSegments(sourceId: string, segments: readonly Segment[], pause: () => Promise<void>): Promise<Segment> {
  const ids: string[] = [];
  const keys: string[] = [];
  const fingerprints: number[] = [];
  const renumbered = segments.map((segment) => new Int32Array(segment.size).fill(-1));
  const cursors = segments.map(() => 0);
  const nextLive = (s: number) => {
    const segment = segments[s] as Segment;
    let doc = cursors[s] ?? 0;
    while (doc < segment.size && segment.deleted[doc] === 1) doc++;
    cursors[s] = doc;
    return doc < segment.size ? doc : -1;
  };
  for (let step = 1; ; step++) {
    let from = -1;
    let fromDoc = -1;
    for (let s = 0; s < segments.length; s++) {
      const doc = nextLive(s);
      if (doc >= 0 && (from < 0 || (segments[s] as Segment).key(doc) < (segments[from] as Segment).key(fromDoc))) {
        from = s;
        fromDoc = doc;
      }
    }
    if (from < 0) break;
    const segment = segments[from] as Segment;
    (renumbered[from] as Int32Array)[fromDoc] = ids.length;
    ids.push(segment.id(fromDoc));
    keys.push(segment.key(fromDoc));
    fingerprints.push(segment.fingerprint(fromDoc));
    cursors[from] = fromDoc + 1;
    if (step % BATCH === 0) await pause();
  }
  await pause();
  const words = await mergeDictionaries(segments.map((s) => s.words), renumbered, pause);
  const sounds = await mergeDictionaries(segments.map((s) => s.sounds), renumbered, pause);
  const digits = await mergeDictionaries(segments.map((s) => s.digits), renumbered, pause);
  return Segment.open({ sourceId, ids, keys, fingerprints: Float64Array.from(fingerprints), words, sounds, digits }, pause);
}

/**
 * A k-way merge of sorted dictionaries; a term whose documents are all gone is dropped. A
 * term's postings come segment after segment, so they are not in document order: nothing
 * that reads them needs that.
 */
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
