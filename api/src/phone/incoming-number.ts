/**
 * Incoming numbers: what a PBX, softphone or client presents for a caller, read with the caller's
 * (the viewing user's) dialling profile into every valid E.164 reading. Never guesses a country code
 * that was not written with "+" or an international prefix; several readings mean "ambiguous".
 */
import type { DiallingProfile } from '../../../contracts/datasource.ts';
import {
  CLOSED_PLANS,
  digitsOf,
  directDialValid,
  isValidE164,
  lexNumber,
  planFor,
  profileDigits,
  profileMainE164,
  routes,
  validWithDirectDial,
} from './dialling-plan.ts';

export interface Reading {
  /** The full number as it would be stored (DACH extension digits included). */
  e164: string;
  /** Only for a suffix extension: explicit (tel: ;ext=, "x123"), or an internal extension of a main number
   *  that cannot be dialled directly (closed plans such as NANP), matching how such entries are stored. */
  extension: string | null;
  how: 'international' | 'national' | 'local' | 'extension' | 'outside-line';
}

/** Every distinct VALID reading (libphonenumber isValid) of what a PBX or client sent, with the caller's profile.
 *  Empty array = not a number we can read. Several readings = ambiguous (the caller decides what to do).
 *  Readings come most plausible first: as written, then as an internal extension, then behind the outside-line prefix.
 *  Local readings (completed with the area code) are offered only in open numbering plans (not CH, FR, IT, …),
 *  and not for inputs as short as an internal extension. */
export function readIncomingNumber(text: string, profile: DiallingProfile): Reading[] {
  return incomingCandidates(text, profile).filter(isValidReading);
}

/** A reading not yet checked against the numbering plan (`checked` when it was built from valid parts). */
export interface Candidate extends Reading {
  checked: boolean;
}

/**
 * The readings of `readIncomingNumber` before the validity check, which is the expensive part
 * (libphonenumber metadata). Caller identification checks validity only where it matters: a
 * candidate equal to a stored number is valid by construction, since stored numbers were checked.
 */
export function incomingCandidates(text: string, profile: DiallingProfile): Candidate[] {
  try {
    return candidates(typeof text === 'string' ? text : '', profile);
  } catch {
    return [];
  }
}

export function isValidReading(c: Candidate): boolean {
  try {
    return c.checked || (c.extension === null ? validWithDirectDial(c.e164) : isValidE164(c.e164));
  } catch {
    return false;
  }
}

/** Readings in the order found, each once. A class, not a closure: closures created per call cost more on the lookup path. */
class CandidateList {
  readonly items: Candidate[] = [];
  private readonly seen = new Set<string>();

  add(e164: string, extension: string | null, how: Reading['how'], checked = false): void {
    const key = extension === null ? e164 : `${e164};${extension}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ e164, extension, how, checked });
  }
}

function candidates(text: string, profile: DiallingProfile): Candidate[] {
  const lexed = lexNumber(text);
  if (typeof lexed === 'string') return [];
  const out = new CandidateList();
  const plan = planFor(profile.country);
  for (const body of lexed.bodies) {
    const digits = digitsOf(body);
    if (digits.length === 0) continue;
    if (lexed.intl) {
      out.add(`+${digits}`, lexed.extension, 'international');
      continue;
    }
    if (!plan) continue;
    const areaCode = CLOSED_PLANS.has(plan.country) ? null : profileDigits(profile.areaCode, plan);
    const extensionLength = profile.extensionLength ?? 0;
    const internal = lexed.extension === null && digits.length <= extensionLength;
    // An input as short as an internal extension is one; it is not also read as a local number.
    for (const route of routes(digits, plan, internal ? null : areaCode)) out.add(route.e164, lexed.extension, route.how);
    if (internal) {
      const main = profileMainE164(profile);
      if (main && directDialValid(main, digits)) out.add(main + digits, null, 'extension', true);
      else if (main && isValidE164(main)) out.add(main, digits, 'extension', true);
    }
    const prefix = profile.outsideLinePrefix;
    if (prefix && digits.startsWith(prefix) && digits.length > prefix.length) {
      const rest = digits.slice(prefix.length);
      const local = rest.length > extensionLength ? areaCode : null;
      for (const route of routes(rest, plan, local)) out.add(route.e164, lexed.extension, 'outside-line');
    }
  }
  return out.items;
}
