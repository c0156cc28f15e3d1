import type { HostInfo } from '../host/host.ts';

/**
 * The language the user chose where the page runs: Teams' or Office's display language inside
 * those hosts (they may differ from the browser's), else the browser's.
 */
export function hostLanguageTag(host: HostInfo): string {
  const fromHost = host.kind === 'browser' ? null : host.locale;
  return fromHost !== null && fromHost !== '' ? fromHost : navigator.language;
}
