import type { OrgContact } from '../graph/org-contact.ts';

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/**
 * Whether a contact stands for a company rather than a person (the incumbents' rule): company
 * set with no given name or surname; or a surname with no company or given name; or a surname
 * equal to the company with no given name. Its numbers are the company's main numbers.
 */
export function isCompanyEntry(c: Pick<OrgContact, 'givenName' | 'surname' | 'companyName'>): boolean {
  const { givenName, surname, companyName } = c;
  if (filled(givenName)) return false;
  if (filled(companyName) && !filled(surname)) return true;
  if (filled(surname) && !filled(companyName)) return true;
  return filled(surname) && filled(companyName) && surname.trim().toLowerCase() === companyName.trim().toLowerCase();
}
