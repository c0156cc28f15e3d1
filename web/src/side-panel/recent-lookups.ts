import { useCallback, useSyncExternalStore } from 'react';

/** A lookup typed or pasted into the side panel, and whom it found. */
export interface RecentLookup {
  query: string;
  /** The contact it named; null when nobody matched. */
  name: string | null;
}

const STORAGE_KEY = 'switchboard.recent-lookups';
/** Enough to find the last few calls again; the list is a convenience, not a call log. */
const RECENT_LOOKUPS_MAX = 8;

const listeners = new Set<() => void>();
let cached: { raw: string | null; list: RecentLookup[] } = { raw: null, list: [] };

function isRecentLookup(value: unknown): value is RecentLookup {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['query'] === 'string' && (record['name'] === null || typeof record['name'] === 'string');
}

/** localStorage, or nothing where an iframe's storage is blocked (the list then lives per page). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let memory: string | null = null;

function readRaw(): string | null {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

/** The stored list, the same array until it changes (a `useSyncExternalStore` snapshot). */
function snapshot(): RecentLookup[] {
  const raw = readRaw();
  if (raw === cached.raw) return cached.list;
  let list: RecentLookup[] = [];
  try {
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    list = Array.isArray(parsed) ? parsed.filter(isRecentLookup).slice(0, RECENT_LOOKUPS_MAX) : [];
  } catch {
    // A damaged entry starts the list afresh.
  }
  cached = { raw, list };
  return list;
}

function write(list: RecentLookup[]): void {
  const raw = JSON.stringify(list);
  memory = raw;
  try {
    storage()?.setItem(STORAGE_KEY, raw);
  } catch {
    // Full or blocked: the in-memory copy still serves this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  // Another side panel (a second Outlook window) shares the list.
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The newest lookups first, and a way to add one (a repeated query moves to the top). */
export function useRecentLookups(): { recent: RecentLookup[]; remember: (lookup: RecentLookup) => void } {
  const recent = useSyncExternalStore(subscribe, snapshot, () => []);
  const remember = useCallback((lookup: RecentLookup) => {
    const others = snapshot().filter((entry) => entry.query.toLowerCase() !== lookup.query.toLowerCase());
    write([lookup, ...others].slice(0, RECENT_LOOKUPS_MAX));
  }, []);
  return { recent, remember };
}
