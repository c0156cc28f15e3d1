import { createContext, useContext, useEffect, useState } from 'react';
import { detectHost, type HostInfo } from '../host/host.ts';

/** The detected host, provided by `HostThemeProvider` once detection has finished. */
export const HostContext = createContext<HostInfo | null>(null);

/** The host, once detected (null while Office.js / TeamsJS are still being asked). */
export function useHostDetection(): HostInfo | null {
  const [host, setHost] = useState<HostInfo | null>(null);
  useEffect(() => {
    let active = true;
    void detectHost().then((found) => {
      if (active) setHost(found);
    });
    return () => {
      active = false;
    };
  }, []);
  return host;
}

/** The host the page runs in; only below `HostThemeProvider`, which renders nothing else first. */
export function useHost(): HostInfo {
  const host = useContext(HostContext);
  if (host === null) throw new Error('useHost() outside <HostThemeProvider>');
  return host;
}
