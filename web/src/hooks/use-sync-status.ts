import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../contracts/index.ts';
import { isAbortError } from '../api/client.ts';
import { usePageVisible } from './use-page-visible.ts';
import { useSession } from './use-session.ts';

/** Poll faster while a round runs, so the counts move visibly. */
const RUNNING_INTERVAL_MS = 2_000;
const IDLE_INTERVAL_MS = 5_000;

export interface SyncStatusState {
  status: SyncStatus | null;
  error: unknown;
  /** Replace the status with a fresher one (e.g. the answer of "Sync now"). */
  update(status: SyncStatus): void;
}

/** The sync status of one data source, polled every few seconds while the page is visible. */
export function useSyncStatus(sourceId: string): SyncStatusState {
  const { api } = useSession();
  const visible = usePageVisible();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = status?.running ?? false;

  useEffect(() => {
    if (!visible) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      api.syncStatus(sourceId, controller.signal).then(
        (next) => {
          setStatus(next);
          setError(null);
          timer = setTimeout(poll, next.running ? RUNNING_INTERVAL_MS : IDLE_INTERVAL_MS);
        },
        (cause: unknown) => {
          if (isAbortError(cause)) return;
          setError(cause);
          timer = setTimeout(poll, IDLE_INTERVAL_MS);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `running` restarts the loop so a started round is polled at the faster pace at once.
  }, [api, sourceId, visible, running]);

  const update = useCallback((next: SyncStatus) => {
    setStatus(next);
    setError(null);
  }, []);

  return { status, error, update };
}
