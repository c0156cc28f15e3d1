import type { Contact, DiallingProfile, LookupResponse, SearchHit, UnreadableNumber } from '../../../contracts/index.ts';
import { incomingCandidates } from '../phone/incoming-number.ts';
import type { Store } from '../store/store.ts';
import { identifyCaller, type LookupSource } from './caller-lookup.ts';
import { contactId, toContactEntry, type ContactEntry } from './contact-view.ts';
import { MailIndex } from './mail-index.ts';
import { NumberIndex } from './number-index.ts';
import { SearchIndex, type SourceScope } from '../search/search-index.ts';
import { serialQueue } from '../search/serial-queue.ts';

/** Decides which data sources a caller may see; applied before anything is ranked or counted. */
export type SourceFilter = (sourceId: string) => boolean;

interface SourceEntry extends LookupSource {
  profile: DiallingProfile;
  contacts: Map<string, ContactEntry>;
}

/**
 * The in-memory directory that search and caller identification read. It is built from the
 * store (never from Graph directly): a whole source after a full import or a settings change,
 * and only the changed contacts after a delta round.
 */
export class Directory {
  private readonly sources = new Map<string, SourceEntry>();
  private readonly numbers = new NumberIndex();
  private readonly mails = new MailIndex();
  /** Changes apply one at a time: a source's reload waits for its search segments, and a delta round must not interleave. */
  private readonly serially = serialQueue();

  constructor(
    private readonly store: Store,
    private readonly defaultProfile: DiallingProfile,
    private readonly searchIndex: SearchIndex = new SearchIndex(),
  ) {}

  async loadAll(): Promise<void> {
    await this.serially(async () => {
      const sources = await this.store.dataSources.list();
      for (const source of sources) await this.readSource(source.id);
      await this.searchIndex.retainSources(sources.map((s) => s.id));
    });
  }

  /** Re-reads a whole source (after a full import, a settings change, or its deletion). */
  async reloadSource(sourceId: string): Promise<void> {
    await this.serially(() => this.readSource(sourceId));
  }

  /** Applies a delta round: only the contacts it touched are read again, and only they are indexed anew. */
  async refreshContacts(sourceId: string, graphIds: readonly string[]): Promise<void> {
    await this.serially(async () => {
      const source = this.sources.get(sourceId);
      if (!source) return this.readSource(sourceId);
      const stored = new Map((await this.store.contacts.getMany(sourceId, graphIds)).map((c) => [c.id, c]));
      const changed: Contact[] = [];
      const removed: string[] = [];
      for (const graphId of graphIds) {
        const raw = stored.get(graphId);
        const id = contactId(sourceId, graphId);
        if (raw) {
          const entry = toContactEntry(sourceId, raw, source.profile);
          source.contacts.set(entry.contact.id, entry);
          this.numbers.set(sourceId, entry);
          this.mails.set(entry.contact.id, entry.contact.mail);
          changed.push(entry.contact);
        } else {
          source.contacts.delete(id);
          this.numbers.delete(id);
          this.mails.delete(id);
          removed.push(id);
        }
      }
      await this.searchIndex.update(sourceId, changed, removed);
    });
  }

  /**
   * The source's contacts are read and indexed for search first; lookups and search answer from
   * the previous state until both are ready, then switch together.
   */
  private async readSource(sourceId: string): Promise<void> {
    const source = await this.store.dataSources.get(sourceId);
    const contacts = new Map<string, ContactEntry>();
    if (source) {
      for (const raw of await this.store.contacts.listBySource(sourceId)) {
        const entry = toContactEntry(sourceId, raw, source.dialling);
        contacts.set(entry.contact.id, entry);
      }
      await this.searchIndex.replaceSource(sourceId, [...contacts.values()].map((e) => e.contact));
    } else await this.searchIndex.removeSource(sourceId);
    for (const id of this.sources.get(sourceId)?.contacts.keys() ?? []) {
      this.numbers.delete(id);
      this.mails.delete(id);
    }
    this.sources.delete(sourceId);
    if (!source) return;
    for (const entry of contacts.values()) {
      this.numbers.set(sourceId, entry);
      this.mails.set(entry.contact.id, entry.contact.mail);
    }
    this.sources.set(sourceId, { priority: source.priority, approximation: source.approximation, profile: source.dialling, contacts });
  }

  /**
   * Contacts of a source that search and lookup answer from. Status pages poll this every second,
   * so it is counted here rather than with a scan of the store.
   */
  contactCount(sourceId: string): number {
    return this.sources.get(sourceId)?.contacts.size ?? 0;
  }

  get(id: string, visible: SourceFilter): Contact | undefined {
    for (const [sourceId, source] of this.sources) {
      if (!visible(sourceId)) continue;
      const entry = source.contacts.get(id);
      if (entry) return entry.contact;
    }
    return undefined;
  }

  /** Searches only the data sources `visible` admits; equal scores go to the higher-priority source. */
  search(query: string, limit: number, visible: SourceFilter): SearchHit[] {
    const scopes: SourceScope[] = [];
    for (const [sourceId, source] of this.sources) if (visible(sourceId)) scopes.push({ sourceId, priority: source.priority });
    return this.searchIndex.search(query, limit, scopes, (sourceId, id) => this.sources.get(sourceId)?.contacts.get(id)?.contact);
  }

  /** Contacts holding this mail address (any case), the higher-priority data source first. */
  findByMail(address: string, visible: SourceFilter): Contact[] {
    const found: Contact[] = [];
    for (const id of this.mails.matches(address)) {
      const contact = this.get(id, visible);
      if (contact) found.push(contact);
    }
    return found.sort((a, b) => this.priorityOf(b) - this.priorityOf(a));
  }

  /** Identifies a caller, reading the number with the profile of `profileSourceId` or the default. */
  lookup(input: string, visible: SourceFilter, profileSourceId?: string): LookupResponse {
    const profile = (profileSourceId && this.sources.get(profileSourceId)?.profile) || this.defaultProfile;
    return identifyCaller(input, incomingCandidates(input, profile), this.numbers, this.sources, visible);
  }

  /** Stored numbers of a source that could not be read, for the administrator to fix at the source. */
  unreadableNumbers(sourceId: string): UnreadableNumber[] | undefined {
    const source = this.sources.get(sourceId);
    if (!source) return undefined;
    return [...source.contacts.values()].flatMap(({ contact }) =>
      contact.phones.flatMap((p) =>
        p.problem ? [{ contactId: contact.id, name: contact.displayName, field: p.type, original: p.original, problem: p.problem }] : [],
      ),
    );
  }

  private priorityOf(contact: Contact): number {
    return this.sources.get(contact.sourceId)?.priority ?? 0;
  }
}
