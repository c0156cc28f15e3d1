import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const PHONE_TYPES = ['business', 'mobile', 'businessFax'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface ContactPhone {
  type: PhoneType;
  /** The number as the directory holds it. */
  original: string;
  /** What a caller's network presents, E.164; null when the number could not be read (see `problem`). */
  e164: string | null;
  /** Extension, when the number names one: dialled as part of the number (DACH `-678`) or after it (`x123`). */
  extension: string | null;
  /** The number as people read it, in the data source's display format. */
  display: string;
  /** Why the number could not be read; it is kept as written and listed for administrators. */
  problem: string | null;
}

/** A contact as the API presents it. `id` is `<sourceId>:<graph object id>`. */
export interface Contact {
  id: string;
  sourceId: string;
  displayName: string | null;
  givenName: string | null;
  surname: string | null;
  companyName: string | null;
  department: string | null;
  jobTitle: string | null;
  mail: string | null;
  phones: ContactPhone[];
  address: {
    street: string | null;
    city: string | null;
    state: string | null;
    postalCode: string | null;
    countryOrRegion: string | null;
    officeLocation: string | null;
  } | null;
}

/** Where a query term was found: a name field, company, department, mail address or phone number. */
export const SEARCH_FIELDS = ['surname', 'givenName', 'displayName', 'companyName', 'department', 'mail', 'phone'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * How a query term matched, best first: the word itself (case, accents and umlaut spellings
 * aside), the start of a word (the last term, as people type), a word that sounds the same, or a
 * word one or two typing errors away.
 */
export const MATCH_KINDS = ['exact', 'prefix', 'phonetic', 'typo'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Why a contact is a hit, one per query term. */
export interface SearchMatch {
  /** The query term as typed. */
  term: string;
  field: SearchField;
  kind: MatchKind;
  /**
   * What matched, as the contact holds it: the word (`Meyer` for a phonetic `Maier`), the part of
   * it typed so far for a prefix (`Schm` of `Schmidt`), or the phone number's display form.
   */
  text: string;
}

export interface SearchHit {
  contact: Contact;
  score: number;
  matches: SearchMatch[];
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(LIMITS.queryMaxLength),
  limit: z.coerce.number().int().min(1).max(LIMITS.searchMaxResults).default(LIMITS.searchDefaultResults),
});

export const lookupQuerySchema = z.object({
  number: z.string().trim().min(1).max(LIMITS.numberMaxLength),
  /** Read the number with this data source's dialling profile (the caller's location); else the default. */
  profile: z.string().regex(LIMITS.sourceIdPattern).optional(),
});

export const lookupBatchSchema = z.object({
  numbers: z.array(z.string().trim().min(1).max(LIMITS.numberMaxLength)).min(1).max(LIMITS.lookupBatchMax),
  profile: z.string().regex(LIMITS.sourceIdPattern).optional(),
});

/** RFC 5321: a path is at most 256 octets, angle brackets included. */
export const MAIL_MAX_LENGTH = 254;

export const contactsByMailQuerySchema = z.object({
  /** Compared without regard to case, as Exchange does. */
  address: z
    .string()
    .trim()
    .min(3)
    .max(MAIL_MAX_LENGTH)
    .regex(/^[^\s@]+@[^\s@]+$/, 'Expected a mail address such as name@example.com'),
});

/** The contacts holding a mail address (usually one; several when data sources overlap). */
export interface ContactsByMailResponse {
  address: string;
  contacts: Contact[];
}

/** `exact`: the number belongs to the contact; `company`: an unknown extension of a company's main number. */
export type LookupRule = 'exact' | 'company';

export interface LookupResponse {
  input: string;
  /**
   * E.164 readings of the input under the caller's profile: those that name someone when any do,
   * else every valid reading. Several that name different contacts make the input ambiguous.
   */
  readings: string[];
  /** The reading that matched, or the only reading. */
  normalized: string | null;
  /** True when different readings name different contacts: then nobody is named. */
  ambiguous: boolean;
  match: { contact: Contact; field: PhoneType; rule: LookupRule; number: string } | null;
}

export interface LookupBatchResponse {
  results: LookupResponse[];
}

/** A stored number that could not be read: kept as written, listed for administrators. */
export interface UnreadableNumber {
  contactId: string;
  name: string | null;
  field: PhoneType;
  original: string;
  problem: string;
}
