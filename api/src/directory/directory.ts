import type { Contact, LookupResponse, PhoneType, SearchHit } from '../../../contracts/index.ts';
import type { Store } from '../store/store.ts';
import { toContact } from './contact-view.ts';
import { NumberIndex } from './number-index.ts';
import { SearchIndex } from './search-index.ts';
import { normalizeNumber, numberKey } from '../phone/normalize-number.ts';

/** Decides which data sources a caller may see; applied before anything is ranked or counted. */
export type SourceFilter = (sourceId: string) => boolean;

interface SourceEntry {
  priority: number;
  country: string;
  contacts: Map<string, Contact>;
}

const FIELD_RANK: Record<PhoneType, number> = { business: 0, mobile: 1, businessFax: 2 };

/**
 * The in-memory directory that search and caller identification read. It is built from the
 * store (never from Graph directly) and reloaded per data source after each sync round.
 */
export class Directory {
  private readonly sources = new Map<string, SourceEntry>();
  private searchIndex = SearchIndex.build([]);
  private numberIndex = new NumberIndex();

  constructor(private readonly store: Store) {}

  async loadAll(): Promise<void> {
    const sources = await this.store.dataSources.list();
    this.sources.clear();
    for (const source of sources) await this.readSource(source.id);
    this.rebuild();
  }

  async reloadSource(sourceId: string): Promise<void> {
    await this.readSource(sourceId);
    this.rebuild();
  }

  private async readSource(sourceId: string): Promise<void> {
    const source = await this.store.dataSources.get(sourceId);
    if (!source) {
      this.sources.delete(sourceId);
      return;
    }
    const contacts = new Map<string, Contact>();
    for (const raw of await this.store.contacts.listBySource(sourceId)) {
      const contact = toContact(sourceId, raw, source.dialling.country);
      contacts.set(contact.id, contact);
    }
    this.sources.set(sourceId, { priority: source.priority, country: source.dialling.country, contacts });
  }

  // Issue #5 replaces the whole-index rebuild with segments that follow each change.
  private rebuild(): void {
    const all = [...this.sources.values()].flatMap((s) => [...s.contacts.values()]);
    this.searchIndex = SearchIndex.build(all);
    const numbers = new NumberIndex();
    for (const contact of all) {
      for (const phone of contact.phones) {
        if (phone.e164) numbers.add(numberKey({ e164: phone.e164, extension: phone.extension }), { contactId: contact.id, field: phone.type });
      }
    }
    this.numberIndex = numbers;
  }

  get(id: string, visible: SourceFilter): Contact | undefined {
    for (const [sourceId, source] of this.sources) {
      if (!visible(sourceId)) continue;
      const contact = source.contacts.get(id);
      if (contact) return contact;
    }
    return undefined;
  }

  search(query: string, limit: number, visible: SourceFilter): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const { ref, score } of this.searchIndex.search(query)) {
      const contact = this.get(ref, visible);
      if (contact) hits.push({ contact, score });
    }
    // Equal scores: the higher-priority data source ranks first.
    hits.sort((a, b) => b.score - a.score || this.priorityOf(b.contact) - this.priorityOf(a.contact));
    return hits.slice(0, limit);
  }

  lookup(input: string, visible: SourceFilter): LookupResponse {
    let normalized: string | null = null;
    let best: { contact: Contact; field: PhoneType; priority: number } | null = null;
    for (const [sourceId, source] of this.sources) {
      if (!visible(sourceId)) continue;
      const number = normalizeNumber(input, source.country);
      if (!number) continue;
      normalized ??= number.e164;
      for (const entry of this.numberIndex.get(numberKey(number))) {
        const contact = source.contacts.get(entry.contactId);
        if (!contact) continue;
        const better =
          !best ||
          source.priority > best.priority ||
          (source.priority === best.priority && FIELD_RANK[entry.field] < FIELD_RANK[best.field]);
        if (better) best = { contact, field: entry.field, priority: source.priority };
      }
    }
    return {
      input,
      normalized,
      match: best && { contact: best.contact, field: best.field, rule: 'exact' },
    };
  }

  private priorityOf(contact: Contact): number {
    return this.sources.get(contact.sourceId)?.priority ?? 0;
  }
}
