import type { ContactsByMailResponse, LookupResponse } from '../../../contracts/index.ts';
import type { ApiClient } from '../api/client.ts';
import { contactName } from '../format.ts';

/** What the side panel's box found: a caller by number, or contacts by mail address. */
export type LookupOutcome =
  | { kind: 'number'; query: string; response: LookupResponse }
  | { kind: 'mail'; query: string; response: ContactsByMailResponse };

/** People paste either; a mail address always has an '@', a phone number never. */
function isMailQuery(query: string): boolean {
  return query.includes('@');
}

export async function runLookup(api: ApiClient, query: string, signal: AbortSignal): Promise<LookupOutcome> {
  if (isMailQuery(query)) return { kind: 'mail', query, response: await api.contactsByMail(query, signal) };
  return { kind: 'number', query, response: await api.lookup(query, signal) };
}

/** The name to list under recent lookups; null when nobody matched. */
export function foundName(outcome: LookupOutcome): string | null {
  if (outcome.kind === 'number') return outcome.response.match === null ? null : contactName(outcome.response.match.contact);
  const first = outcome.response.contacts[0];
  return first === undefined ? null : contactName(first);
}
