import { SEARCH_FIELDS, type Contact, type SearchField } from '../../../contracts/index.ts';
import { contactDigits, contactWords, fingerprint, PHONETIC_FIELDS, sortKey } from './contact-analysis.ts';
import { DictionaryBuilder } from './dictionary.ts';
import { phoneticCodes } from './phonetic.ts';
import { Segment, type SegmentData } from './segment.ts';
import { sortInSlices } from './slices.ts';

const FIELD_CODE = Object.fromEntries(SEARCH_FIELDS.map((field, code) => [field, code])) as Record<SearchField, number>;
/** Contacts analysed between two checks of the time slice. */
const BATCH = 256;

/** Analyses contacts into a new segment of one data source. */
class SegmentBuilder {
  private readonly ids: string[] = [];
  private readonly keys: string[] = [];
  private readonly fingerprints: number[] = [];
  private readonly words = new DictionaryBuilder();
  private readonly sounds = new DictionaryBuilder();
  private readonly digits = new DictionaryBuilder();
  /** Names repeat a lot; their codes are computed once per build. */
  private readonly codesOf = new Map<string, string[]>();

  constructor(private readonly sourceId: string) {}

  /** Adds the next document; contacts come in sort key order (see inKeyOrder). */
  add(contact: Contact, key: string): void {
    const doc = this.ids.length;
    this.ids.push(contact.id);
    this.keys.push(key);
    this.fingerprints.push(fingerprint(contact));
    for (const token of contactWords(contact)) {
      const field = FIELD_CODE[token.field];
      this.words.add(token.term, doc, field, token.whole);
      if (PHONETIC_FIELDS.has(token.field)) for (const code of this.codes(token.term)) this.sounds.add(code, doc, field, token.whole);
    }
    for (const { terms } of contactDigits(contact)) for (const term of terms) this.digits.add(term, doc, FIELD_CODE.phone, true);
  }

  async finish(pause: () => Promise<void>): Promise<SegmentData> {
    return {
      sourceId: this.sourceId,
      ids: this.ids,
      keys: this.keys,
      fingerprints: Float64Array.from(this.fingerprints),
      words: await this.words.build(pause),
      sounds: await this.sounds.build(pause),
      digits: await this.digits.build(pause),
    };
  }

  private codes(term: string): string[] {
    let codes = this.codesOf.get(term);
    if (codes === undefined) {
      codes = phoneticCodes(term);
      this.codesOf.set(term, codes);
    }
    return codes;
  }
}

interface Keyed {
  contact: Contact;
  key: string;
}

const byKey = (a: Keyed, b: Keyed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A segment of some contacts of a data source, built in time slices (see slicer): a delta
 * round's few contacts take no slice at all, a whole source many. Documents are numbered in
 * sort key order, so hits that score the same within a segment rank by document number (see
 * TopHits).
 */
export async function buildSegment(sourceId: string, contacts: readonly Contact[], pause: () => Promise<void>): Promise<Segment> {
  const keyed: Keyed[] = [];
  for (const contact of contacts) {
    keyed.push({ contact, key: sortKey(contact) });
    if (keyed.length % BATCH === 0) await pause();
  }
  const ordered = await sortInSlices(keyed, byKey, pause);
  const builder = new SegmentBuilder(sourceId);
  for (let i = 0; i < ordered.length; i++) {
    const { contact, key } = ordered[i] as Keyed;
    builder.add(contact, key);
    if (i % BATCH === BATCH - 1) await pause();
  }
  return Segment.open(await builder.finish(pause), pause);
}
