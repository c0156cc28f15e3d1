/**
 * The tab inside a stand-in for Teams: a parent page that speaks TeamsJS's postMessage protocol
 * (initialize, getContext, themeChange, executeDeepLink) around the real web app in an iframe,
 * as Teams on the web does. Needs `npm run build:web` and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { ClientConfig, Contact, SearchResponse } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { escapeRegExp, launchBrowser, screenshot, UI_TIMEOUT_MS, unsignedIdToken } from '../support/browser.ts';

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
  /** A nested-app-auth request, as JSON. */
  data?: string;
}

/** Teams' signed-in user, for a host that offers nested app auth: what its broker hands out. */
interface HostUser {
  accessToken: string;
  idToken: string;
  account: Record<string, string>;
}

/**
 * The host page: the app in an iframe, and a script that answers what the app asks TeamsJS for,
 * records every call, changes the theme the way Teams does (`setTeamsTheme`) and, given a user,
 * brokers tokens over TeamsJS's nested-app-auth channel. Plain script, as a real host's would be:
 * it runs in the browser, not in this test's process.
 */
function hostPage(initialTheme: string, user: HostUser | null): string {
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    ...(user === null ? {} : { isNAAChannelRecommended: true }),
    supports: {
      app: {},
      appEntity: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
      ...(user === null ? {} : { nestedAppAuth: {} }),
    },
  };
  const script = `
    let theme = ${JSON.stringify(initialTheme)};
    const runtime = ${JSON.stringify(JSON.stringify(runtime))};
    const user = ${JSON.stringify(user)};
    window.teamsCalls = [];
    window.rejectDeepLinks = false;
    window.naaRequests = [];
    const broker = (request) => {
      window.naaRequests.push(request.method);
      if (request.method === 'GetInitContext') {
        const { homeAccountId, environment, tenantId } = user.account;
        return { success: true, initContext: { sdkName: 'teams-stub', sdkVersion: '1.0.0', accountContext: { homeAccountId, environment, tenantId } } };
      }
      const token = { access_token: user.accessToken, id_token: user.idToken, expires_in: 3600, properties: null };
      return { success: true, token, account: user.account };
    };
    window.addEventListener('message', (event) => {
      const frame = document.querySelector('iframe');
      const message = event.data;
      if (event.source !== frame.contentWindow || typeof message?.func !== 'string') return;
      window.teamsCalls.push(message);
      const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
      switch (message.func) {
        // Current hosts send the runtime last; TeamsJS installs its NAA bridge only from there.
        case 'initialize': reply(['content', 'web', '2.58.0', runtime]); break;
        case 'getContext':
          reply([{ theme, hostName: 'Teams', hostClientType: 'web', frameContext: 'content', locale: 'en-us', entityId: 'directory' }]);
          break;
        // A host without deep-link support answers with a failure and its reason.
        case 'executeDeepLink': reply(window.rejectDeepLinks ? [false, 'Deep links are not supported'] : [true]); break;
        case 'nestedAppAuth.execute': {
          const request = JSON.parse(message.data);
          const response = { messageType: 'NestedAppAuthResponse', requestId: request.requestId, ...broker(request) };
          frame.contentWindow.postMessage({ args: [null, JSON.stringify(response)] }, location.origin);
          break;
        }
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

interface InTeams {
  page: Page;
  app: Frame;
  close: () => Promise<void>;
}

async function loadInTeams(theme: string, user: HostUser | null, config?: ClientConfig): Promise<InTeams> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: 'light', locale: 'en-US' });
  // TeamsJS fetches its list of host origins from a CDN the tests cannot reach; fail it fast.
  await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  if (config !== undefined) await context.route(`${stack.webUrl}/app-config.json`, (route) => route.fulfill({ json: config }));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.route(`${stack.webUrl}${HOST_PATH}`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(theme, user) }));
  await page.goto(`${stack.webUrl}${HOST_PATH}`);
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the app frame did not load');
  return { page, app: frame, close: () => context.close() };
}

/** The tab in a Teams without nested app auth, signed in through the stack's demo mode. */
async function openInTeams(theme = 'default'): Promise<InTeams> {
  const inTeams = await loadInTeams(theme, null);
  await inTeams.app.getByRole('button', { name: `Sign in as ${USER.displayName}` }).click();
  await inTeams.app.getByRole('banner').getByText(USER.displayName).waitFor();
  return inTeams;
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
  rejectDeepLinks: boolean;
  naaRequests: string[];
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

  /** A contact with a number Teams can call, the call link's accessible name, and its href. */
  async function callableContact(): Promise<{ contact: Contact; linkName: RegExp; href: string }> {
    const token = await stack.signIn(USER.username);
    const { body } = await apiClient(stack, token).get<SearchResponse>('/api/search?q=a&limit=100');
    const contact = body.hits
      .map((h) => h.contact)
      .find((c: Contact) => c.displayName !== null && c.surname !== null && c.phones.some((p) => p.e164 !== null && p.type !== 'businessFax'));
    if (contact === undefined) throw new Error('no callable contact found');
    const phone = contact.phones.find((p) => p.e164 !== null && p.type !== 'businessFax');
    const escaped = escapeRegExp(phone?.display ?? '');
    return { contact, linkName: new RegExp(`^Call .*${escaped} in Teams$`), href: `https://teams.microsoft.com/l/call/0/0?users=4:${phone?.e164 ?? ''}` };
  }

  async function clickCallLink(app: Frame, contact: Contact, linkName: RegExp): Promise<void> {
    await app.getByRole('searchbox', { name: /search people/i }).fill(contact.surname ?? '');
    const card = app.getByRole('group', { name: contact.displayName ?? '' }).first();
    await card.getByRole('link', { name: linkName }).first().click();
  }

  it('hands Teams call links to the host instead of opening a browser tab', async () => {
    const { contact, linkName, href } = await callableContact();
    const { page, app, close } = await openInTeams();
    try {
      await clickCallLink(app, contact, linkName);
      await expect.poll(async () => (await hostCalls(page)).filter((m) => m.func === 'executeDeepLink').map((m) => m.args?.[0])).toEqual([href]);
      expect(page.context().pages()).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('opens a call link in a new tab when the host cannot open deep links', async () => {
    const { contact, linkName, href } = await callableContact();
    const { page, app, close } = await openInTeams();
    try {
      await page.context().route('https://teams.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Teams</title>' }));
      await page.evaluate(() => {
        (globalThis as unknown as TeamsHostWindow).rejectDeepLinks = true;
      });
      const opened = page.context().waitForEvent('page');
      await clickCallLink(app, contact, linkName);
      const tab = await opened;
      await tab.waitForURL(href);
      expect((await hostCalls(page)).filter((m) => m.func === 'executeDeepLink').map((m) => m.args?.[0])).toEqual([href]);
    } finally {
      await close();
    }
  });
});

describe('Teams tab with Entra sign-in', () => {
  it("signs in silently as Teams' user through nested app auth, and the API accepts the token", async () => {
    const oid = '5a1b2c3d-0000-4000-8000-00000000a11e';
    const tenantId = stack.emulator.tenantId;
    const clientId = stack.emulator.apiApp.clientId;
    const authority = `${stack.emulator.url}/${tenantId}`;
    const now = Math.floor(Date.now() / 1000);
    const user: HostUser = {
      // A real token from the stack's tenant: the API verifies it as it would Entra's.
      accessToken: await stack.signIn(USER.username),
      idToken: unsignedIdToken({
        ver: '2.0',
        iss: `${authority}/v2.0`,
        aud: clientId,
        tid: tenantId,
        oid,
        sub: oid,
        name: USER.displayName,
        preferred_username: USER.username,
        iat: now,
        nbf: now,
        exp: now + 3600,
      }),
      account: {
        homeAccountId: `${oid}.${tenantId}`,
        localAccountId: oid,
        environment: new URL(authority).host,
        tenantId,
        username: USER.username,
        name: USER.displayName,
      },
    };
    const config: ClientConfig = { auth: { mode: 'entra', clientId, authority, scopes: [`api://${clientId}/access_as_user`] } };
    const { page, app, close } = await loadInTeams('default', user, config);
    try {
      // /api/me answered with the host's token: the banner shows who the API says signed in.
      await app.getByRole('banner').getByText(USER.displayName).waitFor();
      // The host owns the account: no sign-out of our own, and no prompt.
      await expect(app.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(0);
      const requests = await page.evaluate(() => (globalThis as unknown as TeamsHostWindow).naaRequests);
      expect(requests[0]).toBe('GetInitContext');
      expect(requests).toContain('GetToken');
      expect(requests).not.toContain('GetTokenPopup');
      await screenshot(page, 'teams-tab-entra-naa');
    } finally {
      await close();
    }
  });
});
