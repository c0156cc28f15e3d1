import { Dictionary, type DictionaryData } from './dictionary.ts';
import { Vocabulary } from './vocabulary.ts';

/** What a segment holds; immutable once built, and what is written to disk. */
export interface SegmentData {
  sourceId: string;
  /** Contact id of each document. */
  ids: string[];
  /** Sort key of each document, for hits that score the same (see sortKey). */
  keys: string[];
  /** Fingerprint of each document's indexed content (see fingerprint). */
  fingerprints: Float64Array;
  /** Folded words of the text fields. */
  words: DictionaryData;
  /** Phonetic codes of the name and company words (see phoneticCodes). */
  sounds: DictionaryData;
  /** Digit strings of the phone numbers (see phoneDigitTerms). */
  digits: DictionaryData;
}

/**
 * An immutable index of some contacts of one data source, plus the one mutable part: a
 * deletion mask for documents that a newer segment supersedes or that left the source.
 */
export class Segment {
  readonly words: Dictionary;
  readonly sounds: Dictionary;
  readonly digits: Dictionary;
  readonly deleted: Uint8Array;
  private deletedCount = 0;

  private constructor(
    readonly data: SegmentData,
    readonly vocabulary: Vocabulary,
  ) {
    this.words = new Dictionary(data.words);
    this.sounds = new Dictionary(data.sounds);
    this.digits = new Dictionary(data.digits);
    this.deleted = new Uint8Array(data.ids.length);
  }

  /** The segment of `data`, its vocabulary built in time slices (see slicer). */
  static async open(data: SegmentData, pause: () => Promise<void>): Promise<Segment> {
    return new Segment(data, await Vocabulary.build(data.words.terms, pause));
  }

  get sourceId(): string {
    return this.data.sourceId;
  }

  get size(): number {
    return this.data.ids.length;
  }

  get liveCount(): number {
    return this.size - this.deletedCount;
  }

  get deletedTotal(): number {
    return this.deletedCount;
  }

  id(doc: number): string {
    return this.data.ids[doc] ?? '';
  }

  key(doc: number): string {
    return this.data.keys[doc] ?? '';
  }

  fingerprint(doc: number): number {
    return this.data.fingerprints[doc] ?? 0;
  }

  delete(doc: number): void {
    if (this.deleted[doc] === 1) return;
    this.deleted[doc] = 1;
    this.deletedCount++;
  }
}
