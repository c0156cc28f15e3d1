import { PHONE_TYPES, type Contact, type ContactPhone, type DiallingProfile, type PhoneType } from '../../../contracts/index.ts';
import type { OrgContact } from '../graph/org-contact.ts';
import { countryFromAddress } from '../phone/country-hint.ts';
import { formatNumber } from '../phone/format-number.ts';
import { normalizeStoredNumber, type StoredNumber } from '../phone/stored-number.ts';
import { isCompanyEntry } from './company-entry.ts';

/** Separates the data source from Graph's object id in a contact's public id. */
export const CONTACT_ID_SEPARATOR = ':';

export function contactId(sourceId: string, graphId: string): string {
  return `${sourceId}${CONTACT_ID_SEPARATOR}${graphId}`;
}

/** A phone number of a contact as caller identification indexes it. */
export interface IndexedNumber {
  field: PhoneType;
  number: StoredNumber;
}

/** A contact as clients see it, with what caller identification needs to index it. */
export interface ContactEntry {
  contact: Contact;
  numbers: IndexedNumber[];
  /** A company entry: its numbers are main numbers that unknown extensions fall back to. */
  company: boolean;
}

/** Shapes a stored orgContact for clients and for the number index, with its source's profile. */
export function toContactEntry(sourceId: string, raw: OrgContact, profile: DiallingProfile): ContactEntry {
  const address = raw.addresses?.[0];
  const hint = countryFromAddress(address?.countryOrRegion);
  const phones: ContactPhone[] = [];
  const numbers: IndexedNumber[] = [];
  for (const phone of raw.phones ?? []) {
    if (!phone.number || !isPhoneType(phone.type)) continue;
    const result = normalizeStoredNumber(phone.number, profile, hint);
    if (result.ok) {
      numbers.push({ field: phone.type, number: result.number });
      phones.push({
        type: phone.type,
        original: phone.number,
        e164: result.number.e164,
        extension: result.number.extension,
        display: formatNumber(result.number, profile.displayFormat, profile),
        problem: null,
      });
    } else {
      phones.push({ type: phone.type, original: phone.number, e164: null, extension: null, display: phone.number, problem: result.reason });
    }
  }
  return {
    contact: {
      id: contactId(sourceId, raw.id),
      sourceId,
      displayName: raw.displayName ?? null,
      givenName: raw.givenName ?? null,
      surname: raw.surname ?? null,
      companyName: raw.companyName ?? null,
      department: raw.department ?? null,
      jobTitle: raw.jobTitle ?? null,
      mail: raw.mail ?? null,
      phones,
      address: address
        ? {
            street: address.street ?? null,
            city: address.city ?? null,
            state: address.state ?? null,
            postalCode: address.postalCode ?? null,
            countryOrRegion: address.countryOrRegion ?? null,
            officeLocation: address.officeLocation ?? null,
          }
        : null,
    },
    numbers,
    company: isCompanyEntry(raw),
  };
}

function isPhoneType(type: string | null | undefined): type is PhoneType {
  return (PHONE_TYPES as readonly (string | null | undefined)[]).includes(type);
}
