import { SEARCH_FIELDS, type Contact, type SearchField } from '../../../contracts/index.ts';
import { contactDigits, contactWords, fingerprint, PHONETIC_FIELDS, sortKey } from './contact-analysis.ts';
import { DictionaryBuilder } from './dictionary.ts';
import { phoneticCodes } from './phonetic.ts';
import { Segment } from './segment.ts';

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

  add(contact: Contact): void {
    const doc = this.ids.length;
    this.ids.push(contact.id);
    this.keys.push(sortKey(contact));
    this.fingerprints.push(fingerprint(contact));
    for (const token of contactWords(contact)) {
      const field = FIELD_CODE[token.field];
      this.words.add(token.term, doc, field, token.whole);
      if (PHONETIC_FIELDS.has(token.field)) for (const code of this.codes(token.term)) this.sounds.add(code, doc, field, token.whole);
    }
    for (const { terms } of contactDigits(contact)) for (const term of terms) this.digits.add(term, doc, FIELD_CODE.phone, true);
  }

  finish(): Segment {
    return new Segment({
      sourceId: this.sourceId,
      ids: this.ids,
      keys: this.keys,
      fingerprints: Float64Array.from(this.fingerprints),
      words: this.words.build(),
      sounds: this.sounds.build(),
      digits: this.digits.build(),
    });
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

/** A segment built at once: for a delta round's few contacts. */
export function buildSegment(sourceId: string, contacts: readonly Contact[]): Segment {
  const builder = new SegmentBuilder(sourceId);
  for (const contact of contacts) builder.add(contact);
  return builder.finish();
}

/** A segment built in time slices (see slicer): for a whole data source. */
export async function buildSegmentInSlices(sourceId: string, contacts: readonly Contact[], pause: () => Promise<void>): Promise<Segment> {
  const builder = new SegmentBuilder(sourceId);
  for (let i = 0; i < contacts.length; i++) {
    builder.add(contacts[i] as Contact);
    if (i % BATCH === BATCH - 1) await pause();
  }
  await pause();
  return builder.finish();
}
