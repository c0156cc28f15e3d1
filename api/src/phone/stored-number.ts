/**
 * Stored numbers: what a data source holds for a contact, turned into canonical E.164 with the
 * data source's dialling profile (product step 3). Never throws; unreadable input comes back with a
 * reason the administrator sees in a list.
 */
import type { DiallingProfile } from '../../../contracts/datasource.ts';
import { countryFromAddress } from './country-hint.ts';
import {
  DASH_EXTENSION_COUNTRIES,
  countryOf,
  digitsOf,
  directDialValid,
  isValidE164,
  lexNumber,
  planFor,
  profileDigits,
  profileMainE164,
  routes,
  type Plan,
  type Route,
} from './dialling-plan.ts';

export interface StoredNumber {
  original: string;
  /** What a caller's network presents: for direct-dial extensions (DACH "-678", extension-only entries
   *  completed with the main number) the main number's digits followed by the extension; for suffix
   *  extensions ("x123", "ext. 123", ";ext=123", "#123") the main number itself. */
  e164: string;
  /** E.164 of the base number when an extension is known ("+49 89 12345-678" → "+498912345"), else null. */
  main: string | null;
  extension: string | null;
  /** True when the extension is dialled as part of the number (DACH style), false for suffix extensions. */
  directDial: boolean;
  /** ISO country of the number. */
  country: string;
}

export type StoredNumberFailure = 'empty' | 'unreadable' | 'invalid' | 'needs-main-number' | 'needs-area-code';

export type StoredNumberResult =
  | { ok: true; number: StoredNumber }
  | { ok: false; original: string; reason: StoredNumberFailure };

type Found = Omit<StoredNumber, 'original' | 'country'>;

/** `hintCountry`: the contact's own country (from its address), used for numbers written in national form. */
export function normalizeStoredNumber(text: string, profile: DiallingProfile, hintCountry?: string | null): StoredNumberResult {
  // Data sources are untyped at runtime: anything but text is not a number we read.
  if (typeof text !== 'string') return { ok: false, original: String(text ?? ''), reason: text == null ? 'empty' : 'unreadable' };
  const original = text;
  try {
    return normalize(original, profile, hintCountry ?? null);
  } catch {
    return { ok: false, original, reason: 'unreadable' };
  }
}

function normalize(original: string, profile: DiallingProfile, hintCountry: string | null): StoredNumberResult {
  const fail = (reason: StoredNumberFailure): StoredNumberResult => ({ ok: false, original, reason });
  const done = (found: Found): StoredNumberResult => ({
    ok: true,
    number: { original, ...found, country: countryOf(found.main ?? found.e164) },
  });

  const lexed = lexNumber(original);
  if (lexed === 'empty') return fail('empty');
  if (lexed === 'unreadable') return fail('unreadable');
  const profilePlan = planFor(profile.country);
  if (!profilePlan) return fail('invalid');
  const hintPlan = hintPlanFor(hintCountry);
  const readingPlan = hintPlan ?? profilePlan;

  // Extension-only entries: "-123", or bare digits no longer than an internal extension.
  const first = lexed.bodies[0] ?? '';
  if (!lexed.intl && lexed.extension === null) {
    const dashOnly = /^-\s*(\d{1,6})$/.exec(first);
    const bare = first.replace(/\s/g, '');
    const shortDigits = /^\d+$/.test(bare) && profile.extensionLength !== null && bare.length <= profile.extensionLength;
    const extension = dashOnly?.[1] ?? (shortDigits ? bare : null);
    if (extension !== null) {
      const main = profileMainE164(profile);
      if (!main) return fail('needs-main-number');
      const found = withMain(main, extension);
      return found ? done(found) : fail('invalid');
    }
  }

  // National forms are read in the contact's country first, then in the data source's; only the
  // data source's own country is completed with its area code (a local number of a contact abroad
  // cannot be completed with our area code).
  const plans: Plan[] = hintPlan && hintPlan.country !== profilePlan.country ? [hintPlan, profilePlan] : [profilePlan];
  for (const body of lexed.bodies) {
    const digits = digitsOf(body);
    if (digits.length === 0) return fail('unreadable');
    const dash = lexed.extension === null ? /^(.*\d)\s*-\s*(\d{1,5})$/.exec(body) : null;
    const tail = dash?.[2] ?? null;
    const candidates: Route[] = lexed.intl
      ? [{ e164: `+${digits}`, how: 'international' }]
      : plans.flatMap((plan) => routes(digits, plan, plan.country === readingPlan.country && plan.country === profilePlan.country ? profileDigits(profile.areaCode, plan) : null));
    for (const candidate of candidates) {
      const found = accept(candidate.e164, tail, lexed.extension);
      if (found) return done(found);
    }
  }

  const digits = digitsOf(first);
  if (!lexed.intl && digits.length >= 3 && !readingPlan.idd.some((idd) => digits.startsWith(idd)) && clearlyLocal(digits, readingPlan)) {
    const completable = readingPlan.country === profilePlan.country && profile.areaCode !== null;
    if (!completable) return fail('needs-area-code');
  }
  return fail('invalid');
}

/** A candidate full number, with a "-digits" tail or a suffix extension if the text had one. */
function accept(full: string, tail: string | null, suffix: string | null): Found | null {
  if (suffix !== null) {
    return isValidE164(full) ? { e164: full, main: full, extension: suffix, directDial: false } : null;
  }
  if (tail !== null && full.length - tail.length > 4) {
    const main = full.slice(0, -tail.length);
    if (isValidE164(main)) {
      if (DASH_EXTENSION_COUNTRIES.has(countryOf(main)) && directDialValid(main, tail)) {
        return { e164: full, main, extension: tail, directDial: true };
      }
      // The digits together are no number (a closed plan such as CH or NANP): an extension dialled after connecting.
      if (!isValidE164(full)) return { e164: main, main, extension: tail, directDial: false };
    }
  }
  return isValidE164(full) ? { e164: full, main: null, extension: null, directDial: false } : null;
}

/** The company's main number with an extension: direct dial where the plan allows it, else a suffix extension. */
function withMain(main: string, extension: string): Found | null {
  if (directDialValid(main, extension)) return { e164: main + extension, main, extension, directDial: true };
  if (isValidE164(main)) return { e164: main, main, extension, directDial: false };
  return null;
}

/** Too short to be national: no trunk prefix where one is required, or shorter than any national number. */
function clearlyLocal(digits: string, plan: Plan): boolean {
  if (plan.trunkRequired && plan.trunk) return !digits.startsWith(plan.trunk);
  return digits.length < plan.minLength;
}

function hintPlanFor(hint: string | null): Plan | null {
  if (!hint) return null;
  const trimmed = hint.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const plan = planFor(trimmed);
    if (plan) return plan;
  }
  return planFor(countryFromAddress(trimmed));
}
