/**
 * Entra sign-in through MSAL in a real browser, against the real API: nested app auth in Outlook's
 * side panel (the host's bridge, stubbed where Office.js would provide it) and the popup sign-in of
 * a plain browser window through the v5 redirect bridge page (the API's own authority, answered by
 * the test at the network: the page's CSP lets MSAL reach that authority and no other).
 * The tokens are real: issued by the stack's tenant and verified by the API. The page is told to use
 * Entra by replacing `/app-config.json`; the stack itself runs in demo mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { ClientConfig } from '../../contracts/index.ts';
import type { OfficeApi, OfficeEmailAddress } from '../../web/src/host/office.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { launchBrowser, screenshot, UI_TIMEOUT_MS, unsignedIdToken } from '../support/browser.ts';

const USER = { username: 'user@contoso.example', displayName: 'Uli User', oid: '5a1b2c3d-0000-4000-8000-00000000a11e' };
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let stack: Stack;
let browser: Browser;
let accessToken: string;

beforeAll(async () => {
  stack = await startStack({ contacts: 200 });
  browser = await launchBrowser();
  accessToken = await stack.signIn(USER.username);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function idToken(authority: string, clientId: string, nonce?: string): string {
  const now = Math.floor(Date.now() / 1000);
  return unsignedIdToken({
    ver: '2.0',
    iss: `${authority}/v2.0`,
    aud: clientId,
    tid: stack.emulator.tenantId,
    oid: USER.oid,
    sub: USER.oid,
    name: USER.displayName,
    preferred_username: USER.username,
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...(nonce === undefined ? {} : { nonce }),
  });
}

function entraConfig(authority: string): ClientConfig {
  const clientId = stack.emulator.apiApp.clientId;
  return { auth: { mode: 'entra', clientId, authority, scopes: [`api://${clientId}/access_as_user`] } };
}

async function newContext(authority: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'light', locale: 'en-US' });
  await context.route(`${stack.webUrl}/app-config.json`, (route) => route.fulfill({ json: entraConfig(authority) }));
  // Nothing may reach the real Microsoft cloud from a test.
  await context.route('https://login.microsoftonline.com/**', (route) => route.abort());
  return context;
}

/** The authority the API is configured with (the stack's tenant), as `/app-config.json` names it. */
const stackAuthority = (): string => `${stack.emulator.url}/${stack.emulator.tenantId}`;

describe('nested app auth in the Outlook side panel', () => {
  /**
   * Office.js as the page sees it, with the nested-app-auth bridge Outlook provides: the host answers
   * with its signed-in user's token, or asks for interaction until the user has signed in once.
   */
  function installOutlookWithBridge(args: {
    sender: OfficeEmailAddress;
    token: string;
    idToken: string;
    account: Record<string, string>;
    needsInteraction: boolean;
    /** The host's first token request fails for a reason the user cannot fix by signing in. */
    firstTokenFails: boolean;
  }): void {
    const { account } = args;
    const office: OfficeApi = {
      onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
      HostType: { Outlook: 'Outlook' },
      EventType: { ItemChanged: 'olkItemSelectedChanged' },
      context: { mailbox: { item: { from: args.sender }, addHandlerAsync: (_type, _handler, callback) => callback?.({ status: 'succeeded' }) } },
    };
    const listeners: Array<(response: string) => void> = [];
    const requests: string[] = [];
    let interactionNeeded = args.needsInteraction;
    let tokenFailure = args.firstTokenFails;
    const bridge = {
      addEventListener: (_name: string, listener: (response: string) => void) => listeners.push(listener),
      removeEventListener: () => undefined,
      postMessage(message: string) {
        const request = JSON.parse(message) as { method: string; requestId: string };
        requests.push(request.method);
        const respond = (body: object): void => {
          const response = JSON.stringify({ messageType: 'NestedAppAuthResponse', requestId: request.requestId, ...body });
          setTimeout(() => {
            for (const listener of listeners) listener(response);
          });
        };
        const token = { access_token: args.token, id_token: args.idToken, expires_in: 3600, properties: null };
        if (request.method === 'GetInitContext') {
          respond({ success: true, initContext: { sdkName: 'outlook-stub', sdkVersion: '1.0.0', capabilities: { queryAccount: false }, accountContext: account } });
        } else if (request.method === 'GetToken' && tokenFailure) {
          tokenFailure = false;
          respond({ success: false, error: { status: 'TRANSIENT_ERROR', code: 'temporarily_unavailable', description: 'Try again later' } });
        } else if (request.method === 'GetToken' && interactionNeeded) {
          respond({ success: false, error: { status: 'USER_INTERACTION_REQUIRED', code: 'interaction_required', description: 'Consent needed' } });
        } else {
          if (request.method === 'GetTokenPopup') interactionNeeded = false;
          respond({ success: true, token, account });
        }
      },
    };
    Object.assign(globalThis, { Office: office, nestedAppAuthBridge: bridge, naaRequests: requests });
  }

  async function openInOutlook(needsInteraction: boolean, firstTokenFails = false): Promise<{ context: BrowserContext; page: Page }> {
    const authority = stackAuthority();
    const context = await newContext(authority);
    // The host brokers every token: nothing may reach the authority from the page.
    await context.route(`${new URL(authority).origin}/**`, (route) => route.abort());
    await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await context.addInitScript(installOutlookWithBridge, {
      sender: { emailAddress: 'stranger@elsewhere.example', displayName: 'Sam Stranger' },
      token: accessToken,
      idToken: idToken(authority, stack.emulator.apiApp.clientId),
      // The host's signed-in user, as the bridge describes accounts.
      account: {
        homeAccountId: `${USER.oid}.${stack.emulator.tenantId}`,
        localAccountId: USER.oid,
        environment: 'login.microsoftonline.com',
        tenantId: stack.emulator.tenantId,
        username: USER.username,
        name: USER.displayName,
      },
      needsInteraction,
      firstTokenFails,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await page.goto(`${stack.webUrl}/taskpane.html`);
    return { context, page };
  }

  const bridgeRequests = (page: Page): Promise<string[]> => page.evaluate(() => (globalThis as unknown as { naaRequests: string[] }).naaRequests);

  it("signs in silently as Outlook's user, and the API accepts the token", async () => {
    const { context, page } = await openInOutlook(false);
    try {
      // The sender lookup went through the API with the host's token.
      await page.getByRole('region', { name: 'Sender' }).getByText('Not in the directory.').waitFor();
      const requests = await bridgeRequests(page);
      expect(requests[0]).toBe('GetInitContext');
      expect(requests).toContain('GetToken');
      expect(requests).not.toContain('GetTokenPopup');
      await expect(page.getByRole('button', { name: 'Sign in with Microsoft' }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('retries a failed token request with the same MSAL client', async () => {
    const { context, page } = await openInOutlook(false, true);
    try {
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('region', { name: 'Sender' }).getByText('Not in the directory.').waitFor();
      // Every MSAL client asks the host for its context once: one ask, one client.
      const requests = await bridgeRequests(page);
      expect(requests.filter((method) => method === 'GetInitContext')).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('shows the sign-in prompt when the host needs the user, and goes on after it', async () => {
    const { context, page } = await openInOutlook(true);
    try {
      const signIn = page.getByRole('button', { name: 'Sign in with Microsoft' });
      await signIn.waitFor();
      await screenshot(page, 'side-panel-sign-in-prompt');
      expect(await bridgeRequests(page)).not.toContain('GetTokenPopup');
      await signIn.click();
      await page.getByRole('region', { name: 'Sender' }).getByText('Not in the directory.').waitFor();
      expect(await bridgeRequests(page)).toContain('GetTokenPopup');
    } finally {
      await context.close();
    }
  });
});

describe('popup sign-in in a browser window', () => {
  /** Entra's endpoints as MSAL uses them: metadata, the authorize page in the popup, the token endpoint. */
  async function stubAuthority(context: BrowserContext, authority: string): Promise<{ authorizeRequests: URL[] }> {
    const clientId = stack.emulator.apiApp.clientId;
    const authorizeRequests: URL[] = [];
    const clientInfo = base64url({ uid: USER.oid, utid: stack.emulator.tenantId });
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    await context.route(`${new URL(authority).origin}/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      if (url.pathname.endsWith('/.well-known/openid-configuration')) {
        return route.fulfill({
          headers: cors,
          json: {
            issuer: `${authority}/v2.0`,
            authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
            token_endpoint: `${authority}/oauth2/v2.0/token`,
            end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
            jwks_uri: `${authority}/discovery/v2.0/keys`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
          },
        });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
        authorizeRequests.push(url);
        const answer = new URLSearchParams({ code: 'test-code', state: url.searchParams.get('state') ?? '', client_info: clientInfo });
        const separator = url.searchParams.get('response_mode') === 'query' ? '?' : '#';
        return route.fulfill({ status: 302, headers: { location: `${url.searchParams.get('redirect_uri') ?? ''}${separator}${answer.toString()}` } });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/token')) {
        const nonce = authorizeRequests.at(-1)?.searchParams.get('nonce') ?? undefined;
        return route.fulfill({
          headers: cors,
          json: {
            token_type: 'Bearer',
            scope: `api://${clientId}/access_as_user openid profile offline_access`,
            expires_in: 3600,
            ext_expires_in: 3600,
            access_token: accessToken,
            refresh_token: 'test-refresh-token',
            id_token: idToken(authority, clientId, nonce),
            client_info: clientInfo,
          },
        });
      }
      return route.fulfill({ status: 404, headers: cors, body: 'not stubbed' });
    });
    return { authorizeRequests };
  }

  it('signs in through the popup and the redirect bridge, then renews silently after a reload', async () => {
    const authority = stackAuthority();
    const context = await newContext(authority);
    const { authorizeRequests } = await stubAuthority(context, authority);
    // Outside Outlook, Office.js reports no host; the real library answers onReady the same way.
    await context.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Outlook: "Outlook" }, EventType: {}, context: {} };',
      }),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    try {
      await page.goto(`${stack.webUrl}/taskpane.html`);
      const signIn = page.getByRole('button', { name: 'Sign in with Microsoft' });
      await signIn.waitFor();
      await screenshot(page, 'browser-sign-in-prompt');

      const popup = context.waitForEvent('page');
      await signIn.click();
      // The popup ends on the bridge page, which hands the answer over and closes.
      await expect((await popup).waitForEvent('close')).resolves.toBeDefined();
      await page.getByText('Open Switchboard beside a message in Outlook to see its sender here.').waitFor();
      expect(authorizeRequests).toHaveLength(1);
      expect(authorizeRequests[0]?.searchParams.get('redirect_uri')).toBe(`${stack.webUrl}/auth-redirect.html`);
      expect(authorizeRequests[0]?.searchParams.get('code_challenge_method')).toBe('S256');

      // The account and its token are remembered: no prompt, no second visit to the authority.
      await page.reload();
      await page.getByText('Open Switchboard beside a message in Outlook to see its sender here.').waitFor();
      expect(authorizeRequests).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
