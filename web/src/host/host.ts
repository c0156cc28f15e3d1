import type { MailHost } from './mail-host.ts';
import { outlookMailHost } from './mail-host.ts';
import { officeApi, type OfficeApi } from './office.ts';

/**
 * Where the page runs: as an Outlook add-in (the side panel, through Office.js), inside a
 * Microsoft 365 host through TeamsJS (Teams, and Outlook / Microsoft 365 app when they host the
 * tab), or in a plain browser window. Everything host-specific is behind this module.
 */
export type HostThemeName = 'light' | 'dark' | 'contrast';

export type HostInfo =
  | { kind: 'browser' }
  | {
      kind: 'teams';
      /** `app.locale` of the Teams context, e.g. "de-de": the language the user chose in the host. */
      locale: string;
      /** `app.host.name`: Teams, TeamsModern, Outlook, OutlookWin32, Office, … */
      hostName: string;
      theme: HostThemeName;
      /** Registers the one theme-change handler (TeamsJS keeps a single handler). */
      onThemeChange(handler: (theme: HostThemeName) => void): void;
      /** Opens a Teams deep link (a call, a chat) in the host instead of a browser tab, where the host can. */
      openLink(url: string): void;
    }
  | {
      kind: 'outlook-addin';
      mail: MailHost;
      /** `Office.context.displayLanguage`, e.g. "de-DE"; absent in old Office.js. */
      locale: string | null;
    };

/** TeamsJS hangs inside foreign iframes instead of rejecting; give up after this long. */
export const HOST_DETECTION_TIMEOUT_MS = 1_500;

/** TeamsJS theme names: `default`, `dark`, `contrast` (and newer ones such as `glass`). */
export function toHostTheme(theme: string | undefined): HostThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`timed out after ${String(ms)} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Office.onReady resolves with `host: null` when the page with Office.js is not in Office. */
async function detectOutlook(office: OfficeApi): Promise<HostInfo | null> {
  const { host } = await office.onReady();
  if (host !== office.HostType.Outlook || !office.context.mailbox) return null;
  return { kind: 'outlook-addin', mail: outlookMailHost(office), locale: office.context.displayLanguage ?? null };
}

async function detectTeams(): Promise<HostInfo> {
  const { app } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  return {
    kind: 'teams',
    hostName: context.app.host.name,
    locale: context.app.locale,
    theme: toHostTheme(context.app.theme),
    onThemeChange(handler) {
      app.registerOnThemeChangeHandler((theme) => {
        handler(toHostTheme(theme));
      });
    },
    openLink(url) {
      // A host without deep-link support rejects: open the link as the browser would, or the
      // click does nothing at all.
      app.openLink(url).catch((error: unknown) => {
        console.warn('The host could not open the link; opening it in a new tab', error);
        window.open(url, '_blank', 'noreferrer');
      });
    },
  };
}

async function findHost(timeoutMs: number): Promise<HostInfo> {
  const office = officeApi();
  if (office !== undefined) {
    const outlook = await withTimeout(detectOutlook(office), timeoutMs).catch(() => null);
    if (outlook !== null) return outlook;
  }
  // A top-level window without an opener cannot be a Teams/Outlook web host; TeamsJS would
  // only reject with "No Parent window found". Native hosts (mobile/desktop webviews) expose
  // `nativeInterface`, so those still go through TeamsJS.
  const framed = window.parent !== window || window.opener !== null;
  const native = 'nativeInterface' in window;
  if (!framed && !native) return { kind: 'browser' };
  try {
    return await withTimeout(detectTeams(), timeoutMs);
  } catch {
    return { kind: 'browser' };
  }
}

let detection: Promise<HostInfo> | undefined;

/**
 * Finds the host once per page (TeamsJS and Office.js initialise once); resolves, never rejects,
 * within about twice `timeoutMs`.
 */
export function detectHost(timeoutMs = HOST_DETECTION_TIMEOUT_MS): Promise<HostInfo> {
  detection ??= findHost(timeoutMs);
  return detection;
}
