import type { LookupResponse, LookupRule, PhoneType } from '../../../contracts/index.ts';
import type { Reading } from '../phone/incoming-number.ts';
import type { ContactEntry } from './contact-view.ts';
import { numberKey, type NumberEntry, type NumberIndex } from './number-index.ts';

export interface LookupSource {
  priority: number;
  approximation: boolean;
  contacts: ReadonlyMap<string, ContactEntry>;
}

const FIELD_RANK: Record<PhoneType, number> = { business: 0, mobile: 1, businessFax: 2 };
/** Longest extension the company fallback strips (estos matches company roots with at most 5). */
const MAX_EXTENSION_DIGITS = 5;
/** A main number shorter than this (country code plus a few digits) is no company's number. */
const MIN_MAIN_LENGTH = 7;

interface Candidate {
  reading: Reading;
  entry: NumberEntry;
  source: LookupSource;
}

/**
 * Names a caller: an exact match first; then, for sources that allow it, the company whose main
 * number the input extends by an unknown extension. Among matches the higher data source priority
 * wins, then the better field (business, mobile, fax). When different readings of the input name
 * different contacts, nobody is named: a wrong name is worse than none.
 */
export function identifyCaller(
  input: string,
  readings: readonly Reading[],
  index: NumberIndex,
  sources: ReadonlyMap<string, LookupSource>,
  visible: (sourceId: string) => boolean,
): LookupResponse {
  const base = { input, readings: readings.map((r) => r.e164), ambiguous: false };
  const usable = (entry: NumberEntry, approximating: boolean) => {
    const source = visible(entry.sourceId) ? sources.get(entry.sourceId) : undefined;
    return source && (!approximating || source.approximation) ? source : undefined;
  };

  for (const rule of ['exact', 'company'] as const satisfies readonly LookupRule[]) {
    const best: Candidate[] = [];
    for (const reading of readings) {
      const found = rule === 'exact' ? exactCandidates(reading, index) : companyCandidates(reading, index);
      const candidates = found.flatMap((entry) => {
        const source = usable(entry, rule === 'company');
        return source ? [{ reading, entry, source }] : [];
      });
      const top = pickBest(candidates);
      if (top) best.push(top);
    }
    if (best.length === 0) continue;
    const [first] = best;
    if (!first) continue;
    if (best.some((b) => b.entry.contactId !== first.entry.contactId)) return { ...base, normalized: null, ambiguous: true, match: null };
    const contact = first.source.contacts.get(first.entry.contactId)?.contact;
    if (!contact) continue;
    const phone = contact.phones.find((p) => p.type === first.entry.field);
    return {
      ...base,
      normalized: first.reading.e164,
      match: { contact, field: first.entry.field, rule, number: phone?.display ?? first.reading.e164 },
    };
  }
  return { ...base, normalized: readings.length === 1 ? (readings[0]?.e164 ?? null) : null, match: null };
}

function exactCandidates(reading: Reading, index: NumberIndex): readonly NumberEntry[] {
  const withExtension = index.matches(numberKey(reading.e164, reading.extension));
  // A suffix extension nobody has still reaches whoever holds the number itself.
  return withExtension.length > 0 || !reading.extension ? withExtension : index.matches(reading.e164);
}

function companyCandidates(reading: Reading, index: NumberIndex): readonly NumberEntry[] {
  for (let strip = 1; strip <= MAX_EXTENSION_DIGITS && reading.e164.length - strip >= MIN_MAIN_LENGTH; strip++) {
    const companies = index.companies(reading.e164.slice(0, -strip));
    if (companies.length > 0) return companies;
  }
  // tel:+498912345;ext=999: the company's main number with an extension nobody has.
  return reading.extension ? index.companies(reading.e164) : [];
}

function pickBest(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (
      !best ||
      c.source.priority > best.source.priority ||
      (c.source.priority === best.source.priority &&
        (FIELD_RANK[c.entry.field] < FIELD_RANK[best.entry.field] ||
          (FIELD_RANK[c.entry.field] === FIELD_RANK[best.entry.field] && c.entry.contactId < best.entry.contactId)))
    ) {
      best = c;
    }
  }
  return best;
}
