/**
 * Mail addresses to contacts, kept up to date contact by contact like the number index. Exchange
 * compares addresses without regard to case, so keys are lower-cased.
 */
export class MailIndex {
  private readonly byAddress = new Map<string, Set<string>>();
  private readonly addressOf = new Map<string, string>();

  set(contactId: string, mail: string | null): void {
    this.delete(contactId);
    const key = mailKey(mail ?? '');
    if (key === '') return;
    const ids = this.byAddress.get(key);
    if (ids) ids.add(contactId);
    else this.byAddress.set(key, new Set([contactId]));
    this.addressOf.set(contactId, key);
  }

  delete(contactId: string): void {
    const key = this.addressOf.get(contactId);
    if (key === undefined) return;
    const ids = this.byAddress.get(key);
    ids?.delete(contactId);
    if (ids?.size === 0) this.byAddress.delete(key);
    this.addressOf.delete(contactId);
  }

  /** Ids of the contacts holding this address, in no particular order. */
  matches(address: string): Iterable<string> {
    return this.byAddress.get(mailKey(address)) ?? [];
  }
}

function mailKey(address: string): string {
  return address.trim().toLowerCase();
}
