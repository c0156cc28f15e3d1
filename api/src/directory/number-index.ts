import type { PhoneType } from '../../../contracts/index.ts';
import type { ContactEntry } from './contact-view.ts';

export interface NumberEntry {
  contactId: string;
  sourceId: string;
  field: PhoneType;
}

/** The key a number is matched under: a suffix extension (`x123`) is part of who is called. */
export function numberKey(e164: string, suffixExtension: string | null): string {
  return suffixExtension ? `${e164};ext=${suffixExtension}` : e164;
}

/**
 * Numbers to contacts, kept up to date contact by contact (no rebuild when a sync changes a few).
 * `exact` holds every readable number; `mains` holds the main numbers of company entries, which
 * unknown extensions of that company fall back to.
 */
export class NumberIndex {
  private readonly exact = new Map<string, NumberEntry[]>();
  private readonly mains = new Map<string, NumberEntry[]>();
  private readonly keysOf = new Map<string, { exact: string[]; mains: string[] }>();

  set(sourceId: string, entry: ContactEntry): void {
    this.delete(entry.contact.id);
    const keys = { exact: [] as string[], mains: [] as string[] };
    for (const { field, number } of entry.numbers) {
      const e = { contactId: entry.contact.id, sourceId, field };
      const key = numberKey(number.e164, number.directDial ? null : number.extension);
      add(this.exact, key, e);
      keys.exact.push(key);
      if (entry.company) {
        // "+49 89 12345-0" stands for the main number +498912345: a call from it is the company's
        // (exact), and so is one from an extension nobody has (approximation).
        const main = number.main ?? number.e164;
        add(this.mains, main, e);
        keys.mains.push(main);
        if (main !== key) {
          add(this.exact, main, e);
          keys.exact.push(main);
        }
      }
    }
    this.keysOf.set(entry.contact.id, keys);
  }

  delete(contactId: string): void {
    const keys = this.keysOf.get(contactId);
    if (!keys) return;
    for (const key of keys.exact) remove(this.exact, key, contactId);
    for (const key of keys.mains) remove(this.mains, key, contactId);
    this.keysOf.delete(contactId);
  }

  matches(key: string): readonly NumberEntry[] {
    return this.exact.get(key) ?? NONE;
  }

  companies(main: string): readonly NumberEntry[] {
    return this.mains.get(main) ?? NONE;
  }
}

const NONE: readonly NumberEntry[] = Object.freeze([]);

function add(map: Map<string, NumberEntry[]>, key: string, entry: NumberEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function remove(map: Map<string, NumberEntry[]>, key: string, contactId: string): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((e) => e.contactId !== contactId);
  if (kept.length === 0) map.delete(key);
  else map.set(key, kept);
}
