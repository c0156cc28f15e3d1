/**
 * The tab inside a stand-in for Teams: a parent page that speaks TeamsJS's postMessage protocol
 * (initialize, getContext, themeChange, executeDeepLink) around the real web app in an iframe,
 * as Teams on the web does. Needs `npm run build:web` and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { Contact, SearchResponse } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { launchBrowser, screenshot, UI_TIMEOUT_MS } from '../support/browser.ts';

const USER = { username: 'user@contoso.example', displayName: 'Uli User' };
/** Served by the test on the app's own origin: TeamsJS accepts its own origin as a host. */
const HOST_PATH = '/__teams-host__.html';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ contacts: 300 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface HostMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/**
 * The host page: the app in an iframe, and a script that answers what the app asks TeamsJS for,
 * records every call, and changes the theme the way Teams does (`setTeamsTheme`). Plain script,
 * as a real host's would be: it runs in the browser, not in this test's process.
 */
function hostPage(initialTheme: string): string {
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: { app: {}, appEntity: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
  };
  const script = `
    let theme = ${JSON.stringify(initialTheme)};
    const runtime = ${JSON.stringify(JSON.stringify(runtime))};
    window.teamsCalls = [];
    window.addEventListener('message', (event) => {
      const frame = document.querySelector('iframe');
      const message = event.data;
      if (event.source !== frame.contentWindow || typeof message?.func !== 'string') return;
      window.teamsCalls.push(message);
      const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
      switch (message.func) {
        case 'initialize': reply(['content', 'web', runtime, '2.58.0']); break;
        case 'getContext':
          reply([{ theme, hostName: 'Teams', hostClientType: 'web', frameContext: 'content', locale: 'en-us', entityId: 'directory' }]);
          break;
        case 'executeDeepLink': reply([true]); break;
        // Everything else the app sends (registerHandler, ...) is one-way.
      }
    });
    window.setTeamsTheme = (name) => {
      theme = name;
      document.querySelector('iframe').contentWindow.postMessage({ func: 'themeChange', args: [name] }, location.origin);
    };`;
  return `<!doctype html><html><head><title>Teams (test host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style>
<script>${script}</script></head>
<body><iframe src="/" title="Switchboard"></iframe></body></html>`;
}

async function openInTeams(theme = 'default'): Promise<{ page: Page; app: Frame; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: 'light', locale: 'en-US' });
  // TeamsJS fetches its list of host origins from a CDN the tests cannot reach; fail it fast.
  await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.route(`${stack.webUrl}${HOST_PATH}`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(theme) }));
  await page.goto(`${stack.webUrl}${HOST_PATH}`);
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the app frame did not load');
  await frame.getByRole('button', { name: `Sign in as ${USER.displayName}` }).click();
  await frame.getByRole('banner').getByText(USER.displayName).waitFor();
  return { page, app: frame, close: () => context.close() };
}

/** The background the app paints, as the theme's token (Fluent writes tokens as CSS variables). */
function pageBackground(app: Frame): Promise<string> {
  return app
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((provider) => {
      const page = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(name: string): string } };
      return page.getComputedStyle(provider).getPropertyValue('--colorNeutralBackground2').trim();
    });
}

interface TeamsHostWindow {
  teamsCalls: HostMessage[];
  setTeamsTheme(theme: string): void;
}

// The callbacks run in the browser: everything they use must be inside them.
const hostCalls = (page: Page): Promise<HostMessage[]> => page.evaluate(() => (globalThis as unknown as TeamsHostWindow).teamsCalls);
const setTheme = (page: Page, theme: string): Promise<void> =>
  page.evaluate((name) => {
    (globalThis as unknown as TeamsHostWindow).setTeamsTheme(name);
  }, theme);

describe('Teams tab', () => {
  it('starts in the host theme and re-themes on dark and high contrast', async () => {
    const { page, app, close } = await openInTeams();
    try {
      expect(await pageBackground(app)).toBe(teamsLightTheme.colorNeutralBackground2);
      await screenshot(page, 'teams-tab-light');

      await setTheme(page, 'dark');
      await expect.poll(() => pageBackground(app)).toBe(teamsDarkTheme.colorNeutralBackground2);
      await screenshot(page, 'teams-tab-dark');

      await setTheme(page, 'contrast');
      await expect.poll(() => pageBackground(app)).toBe(teamsHighContrastTheme.colorNeutralBackground2);
      await screenshot(page, 'teams-tab-contrast');

      const funcs = (await hostCalls(page)).map((m) => m.func);
      expect(funcs.slice(0, 2)).toEqual(['initialize', 'getContext']);
      expect(funcs).toContain('registerHandler');
    } finally {
      await close();
    }
  });

  it('opens in dark when Teams is dark', async () => {
    const { app, close } = await openInTeams('dark');
    try {
      expect(await pageBackground(app)).toBe(teamsDarkTheme.colorNeutralBackground2);
    } finally {
      await close();
    }
  });

  it('hands Teams call links to the host instead of opening a browser tab', async () => {
    const token = await stack.signIn(USER.username);
    const { body } = await apiClient(stack, token).get<SearchResponse>('/api/search?q=a&limit=100');
    const contact = body.hits
      .map((h) => h.contact)
      .find((c: Contact) => c.displayName !== null && c.surname !== null && c.phones.some((p) => p.e164 !== null && p.type !== 'businessFax'));
    if (contact === undefined) throw new Error('no callable contact found');
    const phone = contact.phones.find((p) => p.e164 !== null && p.type !== 'businessFax');

    const { page, app, close } = await openInTeams();
    try {
      await app.getByRole('searchbox', { name: /search people/i }).fill(contact.surname ?? '');
      const card = app.getByRole('group', { name: contact.displayName ?? '' }).first();
      const escaped = (phone?.display ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await card.getByRole('link', { name: new RegExp(`^Call .*${escaped} in Teams$`) }).first().click();
      const href = `https://teams.microsoft.com/l/call/0/0?users=4:${phone?.e164 ?? ''}`;
      await expect.poll(async () => (await hostCalls(page)).filter((m) => m.func === 'executeDeepLink').map((m) => m.args?.[0])).toEqual([href]);
      expect(page.context().pages()).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
