import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../contracts/index.ts';
import { isAbortError } from '../api/client.ts';
import { usePageVisible } from './use-page-visible.ts';
import { useSession } from './use-session.ts';

/** Poll every second while a round runs, so the progress moves visibly. */
const RUNNING_INTERVAL_MS = 1_000;
const IDLE_INTERVAL_MS = 10_000;
/** After a start, poll fast this long even before the status shows `running` (the round starts in the background). */
const STARTING_WINDOW_MS = 5_000;

export interface SyncStatusState {
  status: SyncStatus | null;
  error: unknown;
  /**
   * Replace the status with a fresher one (e.g. the answer of "Sync now"). `started` polls at
   * the running pace at once, as the answer may predate the round.
   */
  update(status: SyncStatus, options?: { started?: boolean }): void;
}

/**
 * The sync status of one data source: polled every second while a round runs, every ten
 * seconds when idle, and not at all while the page is hidden (it catches up when shown).
 */
export function useSyncStatus(sourceId: string): SyncStatusState {
  const { api } = useSession();
  const visible = usePageVisible();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Bumped by a start, to restart the loop at once. */
  const [kick, setKick] = useState(0);
  const fastUntil = useRef(0);
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
          const fast = next.running || Date.now() < fastUntil.current;
          timer = setTimeout(poll, fast ? RUNNING_INTERVAL_MS : IDLE_INTERVAL_MS);
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
    // `running` and `kick` restart the loop so a started round is polled at the faster pace at once.
  }, [api, sourceId, visible, running, kick]);

  const update = useCallback((next: SyncStatus, options: { started?: boolean } = {}) => {
    setStatus(next);
    setError(null);
    if (options.started === true) {
      fastUntil.current = Date.now() + STARTING_WINDOW_MS;
      setKick((k) => k + 1);
    }
  }, []);

  return { status, error, update };
}
