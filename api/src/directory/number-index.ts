import type { PhoneType } from '../../../contracts/index.ts';

export interface NumberEntry {
  contactId: string;
  field: PhoneType;
}

/** Exact number keys to the contacts that carry them. */
export class NumberIndex {
  private readonly entries = new Map<string, NumberEntry[]>();

  add(key: string, entry: NumberEntry): void {
    const list = this.entries.get(key);
    if (list) list.push(entry);
    else this.entries.set(key, [entry]);
  }

  get(key: string): readonly NumberEntry[] {
    return this.entries.get(key) ?? [];
  }
}
