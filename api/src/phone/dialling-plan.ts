/**
 * Shared internals of the phone-number modules: per-country dialling facts taken from
 * libphonenumber's max metadata, the lexer that turns what people and PBXs write into digits,
 * and the validity rules (including the DACH direct-dial exception). Not part of the public API.
 */
import {
  Metadata,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { DiallingProfile } from '../../../contracts/datasource.ts';

export interface Plan {
  country: CountryCode;
  /** Country calling code, e.g. "49". */
  cc: string;
  /** National (trunk) prefix, e.g. "0"; null where there is none (IT, ES). */
  trunk: string | null;
  /** The trunk prefix must be dialled for national numbers (DE, GB, FR …); not in NANP, where "1" is optional. */
  trunkRequired: boolean;
  /** International call prefixes: the country's own ("00", "011") plus the widespread "00". */
  idd: string[];
  /** Shortest national significant number the plan knows. */
  minLength: number;
}

/** Countries whose open numbering plan lets a direct-dial extension make a number longer than the metadata allows. */
export const OPEN_PLAN_DIRECT_DIAL = new Set<CountryCode>(['DE', 'AT']);
/** Their calling codes as E.164 prefixes, so a number is placed without a libphonenumber parse. */
const OPEN_PLAN_PREFIXES = [...OPEN_PLAN_DIRECT_DIAL].map((country) => `+${getCountryCallingCode(country)}`);

function inOpenPlan(e164: string): boolean {
  return OPEN_PLAN_PREFIXES.some((prefix) => e164.startsWith(prefix));
}
/** Countries where a trailing "-digits" group conventionally marks a direct-dial extension (DIN 5008 style). */
export const DASH_EXTENSION_COUNTRIES = new Set(['DE', 'AT', 'CH', 'LI']);
/** The longest extension the DACH exception accepts (root numbers with at most 5 extension digits). */
export const MAX_DIRECT_DIAL_EXTENSION = 5;
/**
 * Closed numbering plans: the area code is always dialled, so no PBX or client ever presents a local
 * number there (CH since 2002, FR 1996, IT 1998, ES 1998, BE, PT, PL, GR; DK, NO, LU have no area codes).
 * Incoming local readings are not offered there; they would make every national number of a PBX with
 * outside-line prefix "0" ambiguous (Rome: "06…" = outside line + local "6…").
 */
export const CLOSED_PLANS = new Set(['CH', 'LI', 'FR', 'MC', 'IT', 'VA', 'SM', 'ES', 'BE', 'PT', 'PL', 'GR', 'DK', 'NO', 'LU']);
/** Upper bound on digits we ever accept in an E.164 string (E.164 allows 15; DE/AT direct dial goes beyond). */
const MAX_DIGITS = 20;

interface RawNumberingPlan {
  IDDPrefix(): string;
  defaultIDDPrefix(): string | undefined;
  nationalPrefix(): unknown;
}

const planCache = new Map<string, Plan | null>();

export function planFor(country: string | null | undefined): Plan | null {
  if (!country) return null;
  const code = country.toUpperCase();
  const cached = planCache.get(code);
  if (cached !== undefined) return cached;
  let plan: Plan | null = null;
  if (isSupportedCountry(code)) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(code);
    const raw = metadata.numberingPlan as unknown as RawNumberingPlan;
    const cc = getCountryCallingCode(code);
    const prefix = raw.nationalPrefix();
    const trunk = typeof prefix === 'string' && /^\d+$/.test(prefix) ? prefix : null;
    const idd = new Set<string>();
    const own = raw.IDDPrefix();
    if (/^\d+$/.test(own)) idd.add(own);
    const preferred = raw.defaultIDDPrefix();
    if (preferred && /^\d+$/.test(preferred)) idd.add(preferred);
    idd.add('00');
    const lengths = metadata.numberingPlan?.possibleLengths() ?? [];
    const minLength = lengths.length > 0 ? Math.min(...lengths) : 4;
    plan = { country: code, cc, trunk, trunkRequired: trunk !== null && trunk !== cc, idd: [...idd], minLength };
  }
  planCache.set(code, plan);
  return plan;
}

/** Strips a trunk prefix an administrator may have typed into a profile's area code or main number. */
export function profileDigits(value: string | null, plan: Plan): string | null {
  if (!value) return null;
  if (plan.trunkRequired && plan.trunk && value.startsWith(plan.trunk) && value.length > plan.trunk.length) {
    return value.slice(plan.trunk.length);
  }
  return value;
}

/** The profile's main number as E.164, or null when none is configured. */
export function profileMainE164(profile: DiallingProfile): string | null {
  const plan = planFor(profile.country);
  if (!plan) return null;
  const main = profileDigits(profile.mainNumber, plan);
  return main ? `+${plan.cc}${main}` : null;
}

export function parseE164(e164: string): PhoneNumber | undefined {
  const digits = e164.replace(/^\+/, '');
  if (!/^\d+$/.test(digits) || digits.length > MAX_DIGITS) return undefined;
  try {
    return parsePhoneNumberFromString(`+${digits}`);
  } catch {
    return undefined;
  }
}

/** Valid as exactly these digits: libphonenumber silently drops a national prefix written after the
 *  country code ("+1 1 212…", "+49 0 89…"), which would turn a wrong reading into a right-looking one. */
export function isValidE164(e164: string): boolean {
  let valid = validity.get(e164);
  if (valid === undefined) {
    const parsed = parseE164(e164);
    valid = parsed !== undefined && parsed.number === e164 && parsed.isValid();
    // Base numbers recur (every extension of a company checks its base): remember, within bounds.
    if (validity.size >= VALIDITY_CACHE_SIZE) validity.clear();
    validity.set(e164, valid);
  }
  return valid;
}

const VALIDITY_CACHE_SIZE = 100_000;
const validity = new Map<string, boolean>();

/** ISO country of a number, '001' for non-geographic ones (libphonenumber's convention). */
export function countryOf(e164: string): string {
  return parseE164(e164)?.country ?? '001';
}

/**
 * A base number plus direct-dial digits is acceptable when libphonenumber accepts the whole digit
 * string, or, in open numbering plans (DE, AT), when the base is valid and the extension has at most
 * five digits (German and Austrian numbers with Durchwahl may exceed the metadata's lengths).
 */
export function directDialValid(main: string, extension: string): boolean {
  const full = main + extension;
  if (full.length - 1 > MAX_DIGITS) return false;
  if (isValidE164(full)) return true;
  return extension.length <= MAX_DIRECT_DIAL_EXTENSION && inOpenPlan(main) && isValidE164(main);
}

/** Validity of a full digit string whose extension split is unknown (incoming numbers). */
export function validWithDirectDial(e164: string): boolean {
  if (isValidE164(e164)) return true;
  // Elsewhere no split can help, and trying each would parse the number five more times.
  if (!inOpenPlan(e164)) return false;
  for (let k = 1; k <= MAX_DIRECT_DIAL_EXTENSION && e164.length - k > 4; k++) {
    if (directDialValid(e164.slice(0, -k), e164.slice(-k))) return true;
  }
  return false;
}

export interface Lexed {
  /** Written with a leading "+". */
  intl: boolean;
  /** The number part without the suffix extension, separators still in place. Several variants when "(0)" is ambiguous. */
  bodies: string[];
  /** A suffix extension ("x123", "ext. 123", ";ext=123", "#123"). */
  extension: string | null;
}

const SUFFIX_EXTENSION = /^(.*\d\)?)\s*(?:;\s*ext\s*=\s*|,?\s*(?:extension|extn|ext|durchwahl|dw|x|#)\s*[.:]?\s*)(\d{1,7})$/i;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const NUMBER_BODY = /^\+?[\d\s\-./()[\]]*$/;

/** Turns written text into a number body; never throws. */
export function lexNumber(text: string): Lexed | 'empty' | 'unreadable' {
  // What PBXs send is plain ASCII; only other text needs Unicode folding (full-width digits, dashes, spaces).
  let s = (PLAIN_ASCII.test(text) ? text : text.normalize('NFKC').replace(/[\u2010-\u2015\u2212\uFE63\uFF0D]/g, '-'))
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .trim();
  if (s === '') return 'empty';
  let extension: string | null = null;
  if (/^tel:/i.test(s)) {
    const [number = '', ...params] = s.slice(4).split(';');
    s = number.trim();
    for (const param of params) {
      const [name = '', value = ''] = param.split('=');
      const key = name.trim().toLowerCase();
      if (key === 'ext') {
        const digits = value.replace(/[\s\-.()]/g, '');
        if (!/^\d{1,7}$/.test(digits)) return 'unreadable';
        extension = digits;
      } else if (key === 'phone-context' && value.trim().startsWith('+') && !s.startsWith('+')) {
        s = `${value.trim()}${s}`;
      }
    }
    if (s === '') return 'unreadable';
  }
  if (extension === null) {
    const match = SUFFIX_EXTENSION.exec(s);
    if (match) {
      s = (match[1] ?? '').trim();
      extension = match[2] ?? null;
    }
  }
  // "(+49) 89 …" and "+ 49 …"
  s = s.replace(/^\(\s*\+\s*(\d+)\s*\)/, '+$1 ').replace(/^\+\s+/, '+');
  if (!NUMBER_BODY.test(s) || !/\d/.test(s) || s.indexOf('+') > 0) return 'unreadable';
  const intl = s.startsWith('+');
  const bodies = [s];
  // "+49 (0)89 …": the (0) is a trunk prefix that must not be dialled; keep the literal reading as a
  // fallback for plans where a leading 0 belongs to the number (Italy: "+39 (0)6 …").
  if (/\(\s*0\s*\)/.test(s) && (intl || /^\(?\s*00/.test(s))) bodies.unshift(s.replace(/\(\s*0\s*\)/, ' '));
  return { intl, bodies, extension };
}

export function digitsOf(body: string): string {
  return body.replace(/\D/g, '');
}

export type RouteKind = 'international' | 'national' | 'local';
export interface Route {
  e164: string;
  how: RouteKind;
}

/**
 * The ways a digit string without "+" can be dialled in a plan: international after an IDD prefix
 * (then nothing else), national (with the trunk prefix where one is required, with or without it in
 * NANP, as-is where there is none), and local (completed with the area code) when `areaCode` is given.
 */
export function routes(digits: string, plan: Plan, areaCode: string | null): Route[] {
  for (const idd of plan.idd) {
    if (digits.startsWith(idd) && digits.length > idd.length) {
      return [{ e164: `+${digits.slice(idd.length)}`, how: 'international' }];
    }
  }
  const out: Route[] = [];
  if (plan.trunkRequired && plan.trunk) {
    if (digits.startsWith(plan.trunk)) {
      out.push({ e164: `+${plan.cc}${digits.slice(plan.trunk.length)}`, how: 'national' });
    } else if (areaCode) {
      out.push({ e164: `+${plan.cc}${areaCode}${digits}`, how: 'local' });
    }
    return out;
  }
  out.push({ e164: `+${plan.cc}${digits}`, how: 'national' });
  if (plan.trunk && digits.startsWith(plan.trunk) && digits.length > plan.trunk.length) {
    out.push({ e164: `+${plan.cc}${digits.slice(plan.trunk.length)}`, how: 'national' });
  }
  if (areaCode) out.push({ e164: `+${plan.cc}${areaCode}${digits}`, how: 'local' });
  return out;
}
