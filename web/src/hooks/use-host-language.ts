import { useEffect, useState } from 'react';
import type { HostInfo } from '../host/host.ts';
import { hostLanguageTag } from '../i18n/host-language.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * Switches the texts to the host's language once the host is known, and marks the document with
 * it for screen readers and hyphenation. True once applied, so nothing renders in the wrong one.
 */
export function useHostLanguage(host: HostInfo | null): boolean {
  const [applied, setApplied] = useState<HostInfo | null>(null);
  useEffect(() => {
    if (host === null) return;
    let active = true;
    void i18n.changeLanguage(hostLanguageTag(host)).then(() => {
      document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
      if (active) setApplied(host);
    });
    return () => {
      active = false;
    };
  }, [host]);
  return host !== null && applied === host;
}
