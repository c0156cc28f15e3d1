import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import type { ContactPhone } from '../../../contracts/index.ts';

/** Country calling codes form a prefix code: at most one of a number's first 1-3 digits is one. */
const CALLING_CODES = new Set<string>(getCountries().map((country) => getCountryCallingCode(country)));
const NON_DIGITS = /\D/g;
/** Extensions are kept apart from numbers, so "089" does not find extension 89 of anyone. */
const EXTENSION = 'x';
/** Typed digits this short, without a leading 0 or +, may be an extension. */
const EXTENSION_MAX_LENGTH = 6;

/**
 * The strings a phone number is found under as someone types it: international (E.164 without
 * "+"), national significant number, and the extension (marked); a number that could not be
 * read, by its digits as written.
 */
export function phoneDigitTerms(phone: ContactPhone): string[] {
  const terms = new Set<string>();
  if (phone.e164) {
    const international = phone.e164.slice(1);
    terms.add(international);
    for (let length = 1; length <= 3; length++) {
      if (CALLING_CODES.has(international.slice(0, length))) {
        terms.add(international.slice(length));
        break;
      }
    }
  } else {
    const written = phone.original.replace(NON_DIGITS, '');
    terms.add(written);
    terms.add(written.replace(/^0+/, ''));
  }
  if (phone.extension) terms.add(EXTENSION + phone.extension);
  terms.delete('');
  return [...terms];
}

/**
 * What typed digits may stand for: "+49 89…" and "0049 89…" are international, "089…" national
 * with the trunk 0 (or digits as written: Italy keeps its 0), anything else as typed or, when
 * short, an extension.
 */
export function typedDigitVariants(typed: string): string[] {
  const digits = typed.replace(NON_DIGITS, '');
  if (typed.trimStart().startsWith('+')) return [digits];
  if (digits.startsWith('00')) return [digits.slice(2)];
  if (digits.startsWith('0')) return digits.length > 1 ? [digits.slice(1), digits] : [digits];
  return digits.length <= EXTENSION_MAX_LENGTH ? [digits, EXTENSION + digits] : [digits];
}
