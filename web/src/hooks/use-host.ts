import { useEffect, useState } from 'react';
import { detectHost, type HostInfo } from '../host/host.ts';

/** The host, once detected (null while TeamsJS is still being asked). */
export function useHost(): HostInfo | null {
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
