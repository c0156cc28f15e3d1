import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface NormalizedNumber {
  e164: string;
  extension: string | null;
}

/**
 * Reads a phone number as a directory or a PBX writes it. Issue #4 grows this into full
 * dialling profiles (area codes, main numbers, outside-line prefixes).
 */
export function normalizeNumber(text: string, country: string): NormalizedNumber | null {
  // `(0)` is a trunk prefix written inside an international number: dialled, it is wrong.
  const cleaned = text.replace(/\(0\)/g, ' ').trim();
  if (cleaned === '') return null;
  const parsed = parsePhoneNumberFromString(cleaned, country as CountryCode);
  if (!parsed?.isPossible()) return null;
  return { e164: parsed.number, extension: parsed.ext ?? null };
}

/** The key under which a number is indexed and looked up. */
export function numberKey(n: NormalizedNumber): string {
  return n.extension ? `${n.e164};ext=${n.extension}` : n.e164;
}
