import { PHONE_TYPES, type Contact, type ContactPhone, type PhoneType } from '../../../contracts/index.ts';
import type { OrgContact } from '../graph/org-contact.ts';
import { normalizeNumber } from '../phone/normalize-number.ts';

/** Separates the data source from Graph's object id in a contact's public id. */
export const CONTACT_ID_SEPARATOR = ':';

export function contactId(sourceId: string, graphId: string): string {
  return `${sourceId}${CONTACT_ID_SEPARATOR}${graphId}`;
}

export function splitContactId(id: string): { sourceId: string; graphId: string } | null {
  const at = id.indexOf(CONTACT_ID_SEPARATOR);
  if (at <= 0 || at === id.length - 1) return null;
  return { sourceId: id.slice(0, at), graphId: id.slice(at + 1) };
}

/** Shapes a stored orgContact into what clients see; phones get their E.164 form. */
export function toContact(sourceId: string, raw: OrgContact, country: string): Contact {
  const phones: ContactPhone[] = [];
  for (const phone of raw.phones ?? []) {
    if (!phone.number || !isPhoneType(phone.type)) continue;
    const normalized = normalizeNumber(phone.number, country);
    phones.push({
      type: phone.type,
      original: phone.number,
      e164: normalized?.e164 ?? null,
      extension: normalized?.extension ?? null,
    });
  }
  const address = raw.addresses?.[0];
  return {
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
  };
}

function isPhoneType(type: string | null | undefined): type is PhoneType {
  return (PHONE_TYPES as readonly (string | null | undefined)[]).includes(type);
}
