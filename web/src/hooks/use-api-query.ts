import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { isAbortError } from '../api/client.ts';

export interface ApiQuery<T> {
  data: T | null;
  /** The last answer for any key: show it, dimmed, while the next one loads. */
  latest: T | null;
  error: unknown;
  /** True while the answer for the current key has not arrived. */
  loading: boolean;
  reload(): void;
}

interface Settled<T> {
  key: string;
  data: T | null;
  error: unknown;
}

/**
 * Loads `load()` whenever `key` changes (null: load nothing). A newer key aborts the request
 * of the older one, so a stale answer never overwrites a fresh one.
 */
export function useApiQuery<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiQuery<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const run = useEffectEvent((signal: AbortSignal) => load(signal));
  const fullKey = key === null ? null : `${String(version)}:${key}`;

  useEffect(() => {
    if (fullKey === null) return;
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => {
        setSettled({ key: fullKey, data, error: null });
      },
      (error: unknown) => {
        if (!isAbortError(error)) setSettled({ key: fullKey, data: null, error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [fullKey]);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);

  const current = settled !== null && settled.key === fullKey ? settled : null;
  return {
    data: current?.data ?? null,
    latest: settled?.data ?? null,
    error: current?.error ?? null,
    loading: fullKey !== null && current === null,
    reload,
  };
}
