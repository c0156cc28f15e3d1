import type { Contact, ContactPhone, SearchField } from '../../../contracts/index.ts';
import { foldText } from './fold.ts';
import { phoneDigitTerms } from './phone-digits.ts';
import { companyTokens, mailTokens, nameTokens, wordTokens, type Token } from './tokens.ts';

export interface FieldToken extends Token {
  field: Exclude<SearchField, 'phone'>;
  /** The word is all of its field (a surname "Mayer", not "Hoffmann & Mayer GmbH"). */
  whole: boolean;
}

/** Fields whose words are also indexed by how they sound. */
export const PHONETIC_FIELDS: ReadonlySet<SearchField> = new Set(['surname', 'givenName', 'displayName', 'companyName']);

/** The words a contact is found by, field by field. */
export function contactWords(contact: Contact): FieldToken[] {
  const words: FieldToken[] = [];
  const add = (field: FieldToken['field'], tokens: Token[], keep: (token: Token) => boolean = () => true) => {
    let start = Infinity;
    let end = -Infinity;
    for (const token of tokens) {
      start = Math.min(start, token.start);
      end = Math.max(end, token.end);
    }
    for (const token of tokens) if (keep(token)) words.push({ term: token.term, start: token.start, end: token.end, field, whole: token.start === start && token.end === end });
  };
  add('surname', nameTokens(contact.surname ?? ''));
  add('givenName', nameTokens(contact.givenName ?? ''));
  add('companyName', companyTokens(contact.companyName ?? ''));
  // The display name mostly repeats the fields above; only what it adds counts, as a name: a
  // title, or the whole name of a contact that has nothing else.
  const named = new Set(words.map((w) => w.term));
  const display = contact.displayName ?? '';
  add('displayName', display.includes('@') ? mailTokens(display) : wordTokens(display), (t) => !named.has(t.term));
  add('department', wordTokens(contact.department ?? ''));
  add('mail', mailTokens(contact.mail ?? ''));
  return words;
}

export interface PhoneTerms {
  phone: ContactPhone;
  terms: string[];
}

/** Each phone number with the digit strings it is found under. */
export function contactDigits(contact: Contact): PhoneTerms[] {
  return contact.phones.map((phone) => ({ phone, terms: phoneDigitTerms(phone) }));
}

/** Where a contact sorts among equally good hits: by surname, then given name, then whatever names it. */
export function sortKey(contact: Contact): string {
  return foldText([contact.surname, contact.givenName, contact.displayName, contact.companyName, contact.mail].filter((v) => v).join(' '));
}

/**
 * A 53-bit hash of everything search indexes of a contact: equal fingerprints mean the indexed
 * document is still current, so a restart or a full import re-indexes only what changed.
 */
export function fingerprint(contact: Contact): number {
  const phones = contact.phones.map((p) => `${p.e164 ?? p.original}\u0002${p.extension ?? ''}`).join('\u0003');
  const text = [contact.surname, contact.givenName, contact.displayName, contact.companyName, contact.department, contact.mail, phones].join('\u0001');
  // cyrb53 (public domain): two 32-bit multiplicative hashes combined.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
