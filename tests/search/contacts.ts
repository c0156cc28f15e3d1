import { diallingProfileSchema, type Contact } from '../../contracts/index.ts';
import { toContactEntry } from '../../api/src/directory/contact-view.ts';
import { orgContactSchema } from '../../api/src/graph/org-contact.ts';
import { generateContacts } from '../../emulator/src/synthetic/contact-factory.ts';

/** Contacts as the directory holds them, made by the API's own code from Graph's shape. */
const MUNICH = diallingProfileSchema.parse({ country: 'DE', areaCode: '89' });

/** The emulator's synthetic tenant (names of ten countries, umlauts, phonetic families), read as a sync reads Graph. */
export function syntheticContacts(count: number, seed = 1, sourceId = 'synthetic'): Contact[] {
  return generateContacts(count, seed).map((raw) => toContactEntry(sourceId, orgContactSchema.parse(raw), MUNICH).contact);
}

export interface PersonFields {
  givenName?: string;
  surname?: string;
  displayName?: string;
  companyName?: string;
  department?: string;
  mail?: string;
  phones?: string[];
}

/** One contact; the display name is "given surname", or the company's name for a company entry. */
export function contact(sourceId: string, graphId: string, fields: PersonFields): Contact {
  const person = [fields.givenName, fields.surname].filter(Boolean).join(' ');
  return toContactEntry(
    sourceId,
    {
      id: graphId,
      displayName: fields.displayName ?? (person || fields.companyName || null),
      givenName: fields.givenName ?? null,
      surname: fields.surname ?? null,
      companyName: fields.companyName ?? null,
      department: fields.department ?? null,
      mail: fields.mail ?? null,
      phones: (fields.phones ?? []).map((number) => ({ number, type: 'business' })),
    },
    MUNICH,
  ).contact;
}
