import type { Contact } from '../../contracts/index.ts';

/**
 * The name the UI should show for a contact: displayName, else given name and surname, else the
 * company. Written out here, not imported from the web, so that the browser tests check the web's
 * choice against the rule rather than against itself.
 */
export function shownName(contact: Contact): string {
  const person = [contact.givenName, contact.surname].filter((part) => part !== null && part !== '').join(' ');
  return contact.displayName ?? (person !== '' ? person : (contact.companyName ?? ''));
}
