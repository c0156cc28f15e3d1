import type { LookupResponse, LookupRule, PhoneType } from '../../../contracts/index.ts';
import { isValidReading, type Candidate, type Reading } from '../phone/incoming-number.ts';
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

interface Match {
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
  candidates: readonly Candidate[],
  index: NumberIndex,
  sources: ReadonlyMap<string, LookupSource>,
  visible: (sourceId: string) => boolean,
): LookupResponse {
  // A reading equal to a stored number is valid (stored numbers were checked), so the exact rule
  // needs no dialling-plan check; the company rule extends a reading, so it must be a valid one.
  const exact = bestPerReading(candidates, 'exact', index, sources, visible);
  if (exact.length > 0) return answer(input, exact.map((c) => c.reading.e164), exact, 'exact');
  // One reading cannot be ambiguous, and the company rule only accepts stored main numbers within
  // a few digits of it: checking its validity would cost a dialling-plan parse for nothing.
  const valid = candidates.length === 1 ? candidates : candidates.filter(isValidReading);
  const readings = valid.map((r) => r.e164);
  const company = bestPerReading(valid, 'company', index, sources, visible);
  if (company.length > 0) return answer(input, readings, company, 'company');
  return { input, readings, ambiguous: false, normalized: readings.length === 1 ? (readings[0] ?? null) : null, match: null };
}

/** The best match of each reading that has one, under `rule`. Loops rather than closures: this is the lookup hot path. */
function bestPerReading(
  readings: readonly Reading[],
  rule: LookupRule,
  index: NumberIndex,
  sources: ReadonlyMap<string, LookupSource>,
  visible: (sourceId: string) => boolean,
): Match[] {
  const best: Match[] = [];
  for (const reading of readings) {
    const found = rule === 'exact' ? exactCandidates(reading, index) : companyCandidates(reading, index);
    let top: Match | undefined;
    for (const entry of found) {
      const source = visible(entry.sourceId) ? sources.get(entry.sourceId) : undefined;
      if (!source || (rule === 'company' && !source.approximation)) continue;
      const match = { reading, entry, source };
      if (!top || better(match, top)) top = match;
    }
    if (top) best.push(top);
  }
  return best;
}

/** One answer from the best candidate of each reading: nobody, when they name different contacts. */
function answer(input: string, readings: string[], best: readonly Match[], rule: LookupRule): LookupResponse {
  const [first] = best;
  const contact = first && first.source.contacts.get(first.entry.contactId)?.contact;
  if (!first || !contact || best.some((b) => b.entry.contactId !== first.entry.contactId)) {
    return { input, readings, ambiguous: best.length > 1, normalized: null, match: null };
  }
  const phone = contact.phones.find((p) => p.type === first.entry.field);
  return {
    input,
    readings,
    ambiguous: false,
    normalized: first.reading.e164,
    match: { contact, field: first.entry.field, rule, number: phone?.display ?? first.reading.e164 },
  };
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

/** Higher data source priority, then the better field; the contact id makes the choice stable. */
function better(c: Match, best: Match): boolean {
  if (c.source.priority !== best.source.priority) return c.source.priority > best.source.priority;
  const rank = FIELD_RANK[c.entry.field] - FIELD_RANK[best.entry.field];
  return rank !== 0 ? rank < 0 : c.entry.contactId < best.entry.contactId;
}
