import type { SearchResponse } from '../../../contracts/index.ts';
import { useApiQuery } from './use-api-query.ts';
import { useDebouncedValue } from './use-debounced-value.ts';
import { useSession } from './use-session.ts';

export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_LIMIT = 25;

export interface SearchState {
  /** The query being searched (trimmed, debounced). */
  query: string;
  /** The answer to `query`, or while that loads, the previous answer. */
  response: SearchResponse | null;
  error: unknown;
  /** Typing, or waiting for the answer to the latest query. */
  loading: boolean;
}

/** Search as you type: debounced, and a newer query cancels the request of an older one. */
export function useSearch(input: string): SearchState {
  const { api } = useSession();
  const query = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  const result = useApiQuery<SearchResponse>(query === '' ? null : `search:${query}`, (signal) =>
    api.search(query, SEARCH_LIMIT, signal),
  );
  return {
    query,
    response: query === '' ? null : (result.data ?? result.latest),
    error: result.error,
    loading: result.loading || input.trim() !== query,
  };
}
