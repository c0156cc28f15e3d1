import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const PHONE_TYPES = ['business', 'mobile', 'businessFax'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface ContactPhone {
  type: PhoneType;
  /** The number as the directory holds it. */
  original: string;
  /** E.164 form, or null when the number could not be normalised. */
  e164: string | null;
  /** Extension dialled after `e164`, when the stored text names one (`x123`, `;ext=123`). */
  extension: string | null;
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

export interface SearchHit {
  contact: Contact;
  score: number;
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
});

export type LookupRule = 'exact';

export interface LookupResponse {
  input: string;
  /** The input in E.164, or null when it could not be read as a phone number. */
  normalized: string | null;
  match: { contact: Contact; field: PhoneType; rule: LookupRule } | null;
}
