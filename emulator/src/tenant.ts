// The live directory: orgContacts in memory plus a global change sequence, so that delta
// rounds can ask "what changed after sequence N". Stored objects are frozen; every
// mutation replaces the object, which lets readers hold on to them safely.

import { partitionPoint } from './binary-search.ts';
import { createContactFactory, type ContactFactory } from './synthetic/contact-factory.ts';
import {
  emptyAddress,
  emptyOrgContact,
  ORG_CONTACT_PROPERTIES,
  type OrgContact,
  type Phone,
  type PhysicalOfficeAddress,
} from './org-contact.ts';

export type RemovalReason = 'deleted' | 'changed';

/** What callers may set: any orgContact property; phones merge into their slot by type and
 * the address fields merge into the single address element. */
export type ContactInput = Partial<Omit<OrgContact, 'phones' | 'addresses'>> & {
  phones?: Phone[];
  addresses?: Partial<PhysicalOfficeAddress>[];
};

/** The state of one id as a delta round sees it. */
export type ContactState =
  | { kind: 'live'; contact: OrgContact; seq: number }
  | { kind: 'removed'; id: string; reason: RemovalReason; seq: number };

export class ContactNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`Contact '${id}' does not exist.`);
  }
}

export class ContactExistsError extends Error {
  constructor(readonly id: string) {
    super(`Contact '${id}' already exists.`);
  }
}

interface LiveEntry {
  contact: OrgContact;
  seq: number;
}

interface Tombstone {
  reason: RemovalReason;
  seq: number;
}

export interface TenantOptions {
  contacts: number;
  seed: number;
}

export class Tenant {
  private readonly live = new Map<string, LiveEntry>();
  private readonly tombstones = new Map<string, Tombstone>();
  /** Append-only (seq, id) pairs in sequence order: the source for "changes since". */
  private readonly log: { seq: number; id: string }[] = [];
  private sorted: string[] = [];
  private seq = 0;
  private readonly factory: ContactFactory;
  private readonly changedIdsCache = new Map<string, string[]>();

  constructor(options: TenantOptions) {
    const initial = createContactFactory(options.seed, options.contacts);
    for (let i = 0; i < options.contacts; i++) {
      const contact = deepFreeze(initial.next());
      // The initial population exists "before time": sequence 0, so a first full round covers it.
      this.live.set(contact.id, { contact, seq: 0 });
    }
    this.sorted = [...this.live.keys()].sort(compareIds);
    // Additions continue from a separate stream over the same companies, still deterministic.
    this.factory = createContactFactory(options.seed, options.contacts, 'add');
  }

  get count(): number {
    return this.live.size;
  }

  /** The last sequence number handed out; 0 before any mutation. */
  get sequence(): number {
    return this.seq;
  }

  get tombstoneCount(): number {
    return this.tombstones.size;
  }

  /** All live contacts in the stable listing order (by id). */
  list(): OrgContact[] {
    return this.sorted.map((id) => (this.live.get(id) as LiveEntry).contact);
  }

  get(id: string): OrgContact | undefined {
    return this.live.get(id)?.contact;
  }

  add(partial?: ContactInput): OrgContact {
    let contact: OrgContact;
    if (partial) {
      const id = partial.id ?? this.factory.nextId();
      if (this.live.has(id)) throw new ContactExistsError(id);
      contact = applyInput(emptyOrgContact(id), partial);
      if (contact.displayName === null) contact.displayName = deriveDisplayName(contact);
    } else {
      contact = this.factory.next();
      while (this.live.has(contact.id)) contact = this.factory.next();
    }
    const frozen = deepFreeze(contact);
    const seq = this.bump(frozen.id);
    this.live.set(frozen.id, { contact: frozen, seq });
    this.tombstones.delete(frozen.id);
    this.sorted.splice(lowerBound(this.sorted, frozen.id), 0, frozen.id);
    return frozen;
  }

  /** Applies `patch`; without one, makes a plausible edit (new job title, new mobile, ...). */
  update(id: string, patch?: ContactInput): OrgContact {
    const entry = this.live.get(id);
    if (!entry) throw new ContactNotFoundError(id);
    const input = patch ?? (this.factory.plausibleChange(entry.contact) as ContactInput);
    const next = deepFreeze(applyInput(structuredClone(entry.contact), { ...input, id }));
    this.live.set(id, { contact: next, seq: this.bump(id) });
    return next;
  }

  /** `deleted` is a hard delete; `changed` models a soft delete (restorable) as Graph reports it. */
  remove(id: string, reason: RemovalReason = 'deleted'): void {
    if (!this.live.has(id)) throw new ContactNotFoundError(id);
    this.live.delete(id);
    this.tombstones.set(id, { reason, seq: this.bump(id) });
    const at = lowerBound(this.sorted, id);
    if (this.sorted[at] === id) this.sorted.splice(at, 1);
  }

  /** Up to `limit` live contacts with id greater than `afterId`, in listing order. */
  pageAfter(afterId: string | undefined, limit: number): { items: OrgContact[]; more: boolean } {
    const start = afterId === undefined ? 0 : upperBound(this.sorted, afterId);
    const ids = this.sorted.slice(start, start + limit);
    return {
      items: ids.map((id) => (this.live.get(id) as LiveEntry).contact),
      more: start + limit < this.sorted.length,
    };
  }

  /** Like pageAfter, but only contacts for which `matches` holds; `more` is true when another
   * match exists after the page (found by scanning, so a selective filter scans the rest). */
  pageAfterMatching(afterId: string | undefined, limit: number, matches: (contact: OrgContact) => boolean): { items: OrgContact[]; more: boolean } {
    const items: OrgContact[] = [];
    let i = afterId === undefined ? 0 : upperBound(this.sorted, afterId);
    for (; i < this.sorted.length; i++) {
      const contact = (this.live.get(this.sorted[i] as string) as LiveEntry).contact;
      if (!matches(contact)) continue;
      if (items.length === limit) return { items, more: true };
      items.push(contact);
    }
    return { items, more: false };
  }

  /** How many live contacts satisfy `matches`. */
  countMatching(matches: (contact: OrgContact) => boolean): number {
    let n = 0;
    for (const entry of this.live.values()) if (matches(entry.contact)) n += 1;
    return n;
  }

  /** How many live ids sort at or before `afterId` (the index where a page after it starts). */
  positionAfter(afterId: string): number {
    return upperBound(this.sorted, afterId);
  }

  /** The id at `index` in listing order (for picking a random contact cheaply). */
  idAt(index: number): string | undefined {
    return this.sorted[index];
  }

  /** Ids touched by mutations with since < seq <= upTo, sorted like the listing. */
  changedIds(since: number, upTo: number): string[] {
    const key = `${since}:${upTo}`;
    const cached = this.changedIdsCache.get(key);
    if (cached) return cached;
    const ids = new Set<string>();
    for (let i = lowerBoundSeq(this.log, since + 1); i < this.log.length; i++) {
      const entry = this.log[i] as { seq: number; id: string };
      if (entry.seq > upTo) break;
      ids.add(entry.id);
    }
    const result = [...ids].sort(compareIds);
    // The log below upTo never changes, so the answer can be kept; a few rounds at a time is plenty.
    if (upTo <= this.seq) {
      if (this.changedIdsCache.size >= 16) this.changedIdsCache.delete(this.changedIdsCache.keys().next().value as string);
      this.changedIdsCache.set(key, result);
    }
    return result;
  }

  stateOf(id: string): ContactState | undefined {
    const entry = this.live.get(id);
    if (entry) return { kind: 'live', contact: entry.contact, seq: entry.seq };
    const tomb = this.tombstones.get(id);
    if (tomb) return { kind: 'removed', id, reason: tomb.reason, seq: tomb.seq };
    return undefined;
  }

  private bump(id: string): number {
    this.seq += 1;
    this.log.push({ seq: this.seq, id });
    return this.seq;
  }
}

/** Plain code-unit order: what "stable order by id" means here, and cheap to binary-search. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same order for directory objects, as Graph lists them. */
export function compareById(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

const lowerBound = (sorted: readonly string[], id: string) => partitionPoint(sorted, (x) => x < id);
const upperBound = (sorted: readonly string[], id: string) => partitionPoint(sorted, (x) => x <= id);
const lowerBoundSeq = (log: readonly { seq: number }[], seq: number) => partitionPoint(log, (x) => x.seq < seq);

function applyInput(target: OrgContact, input: ContactInput): OrgContact {
  const record = target as unknown as Record<string, unknown>;
  const source = input as Record<string, unknown>;
  for (const key of ORG_CONTACT_PROPERTIES) {
    if (key === 'id' || key === 'phones' || key === 'addresses') continue;
    if (key in source && source[key] !== undefined) record[key] = structuredClone(source[key]);
  }
  for (const phone of input.phones ?? []) {
    const slot = target.phones.find((p) => p.type === phone.type);
    if (slot) slot.number = phone.number;
  }
  const address = input.addresses?.[0];
  if (address) target.addresses = [{ ...(target.addresses[0] ?? emptyAddress()), ...address }];
  return target;
}

function deriveDisplayName(c: OrgContact): string | null {
  const person = [c.givenName, c.surname].filter((s) => s).join(' ');
  return person || c.companyName || c.mail || null;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
