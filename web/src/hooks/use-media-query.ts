import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, live (the system's colour scheme, forced colours, …). */
function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => {
        media.removeEventListener('change', onChange);
      };
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Follows the operating system's light/dark setting. */
export const usePrefersDark = () => useMediaQuery('(prefers-color-scheme: dark)');

/** Whether the system forces its own colours (Windows contrast themes). */
export const useForcedColors = () => useMediaQuery('(forced-colors: active)');
