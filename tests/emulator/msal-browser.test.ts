// MSAL Browser 5, as the web app will use it, against the emulator in headless Chromium: popup
// sign-in (the redirect page answers through MSAL's redirect bridge), the consent popup for the
// GENERATE APP scopes, silent renewal through the refresh token, and redirect sign-in.

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, UI_TIMEOUT_MS } from '../support/browser.ts';
import { startHarness, type Harness } from './helpers.ts';

const MSAL_DIR = resolve(import.meta.dirname, '../../node_modules/@azure/msal-browser/lib');
const GRAPH_SETUP = ['https://graph.microsoft.com/Application.ReadWrite.All', 'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All'];

/** The page: MSAL's UMD bundle and one client, which also finishes a redirect sign-in on load. */
function indexPage(config: object): string {
  return `<!doctype html><html><head><title>app</title><script src="/msal-browser.js"></script></head><body><script>
window.pca = new msal.PublicClientApplication(${JSON.stringify(config)});
window.ready = window.pca.initialize().then(() => window.pca.handleRedirectPromise());
</script></body></html>`;
}

const REDIRECT_PAGE = `<!doctype html><html><head><title>redirect</title><script src="/msal-redirect-bridge.js"></script></head>
<body><script>msalRedirectBridge.broadcastResponseToMainFrame();</script></body></html>`;

/** What the page puts on its global object (evaluated in the browser, so typed by hand). */
interface AppGlobals {
  ready: Promise<{ accessToken: string; account: { username: string } } | null>;
  pca: {
    loginPopup(request: object): Promise<{ accessToken: string; idToken: string; account: { username: string } }>;
    loginRedirect(request: object): Promise<void>;
    acquireTokenPopup(request: object): Promise<{ accessToken: string }>;
    acquireTokenSilent(request: object): Promise<{ accessToken: string }>;
    getAllAccounts(): object[];
  };
}

let h: Harness;
let app: Server;
let origin: string;
let browser: Browser;
let apiScope: string;

beforeAll(async () => {
  h = await startHarness({ contacts: 5 });
  apiScope = `${h.emulator.apiApp.identifierUri}/access_as_user`;
  app = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const config = {
      auth: {
        clientId: h.emulator.apiApp.clientId,
        authority: `${h.emulator.url}/${h.emulator.tenantId}`,
        knownAuthorities: [`localhost:${h.emulator.port}`],
        redirectUri: `${origin}/redirect.html`,
      },
      cache: { cacheLocation: 'sessionStorage' },
    };
    const files: Record<string, [string, string]> = {
      '/': ['text/html', indexPage(config)],
      '/redirect.html': ['text/html', REDIRECT_PAGE],
      '/msal-browser.js': ['text/javascript', readFileSync(join(MSAL_DIR, 'msal-browser.js'), 'utf8')],
      '/msal-redirect-bridge.js': ['text/javascript', readFileSync(join(MSAL_DIR, 'redirect-bridge', 'msal-redirect-bridge.js'), 'utf8')],
    };
    const file = files[path];
    res.writeHead(file ? 200 : 404, { 'Content-Type': file?.[0] ?? 'text/plain', 'Cache-Control': 'no-store' });
    res.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  h.emulator.directory.addRedirectUris(h.emulator.apiApp.clientId, { spa: [`${origin}/redirect.html`, `${origin}/`] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => app?.close(done));
  await h?.stop();
});

async function openApp(): Promise<{ context: BrowserContext; page: Page }> {
  // The emulator's certificate is self-signed; the app itself is plain http on loopback (a secure context).
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(`${origin}/`);
  await page.evaluate(() => (globalThis as unknown as AppGlobals).ready);
  return { context, page };
}

async function signInInPopup(popup: Page, username: string, shot?: string): Promise<void> {
  popup.setDefaultTimeout(UI_TIMEOUT_MS);
  await popup.getByLabel('Username').fill(username);
  await popup.getByLabel('Password').fill('demo');
  if (shot) await screenshot(popup, shot);
  await popup.getByRole('button', { name: 'Sign in' }).click();
}

describe('MSAL Browser against the emulator', () => {
  it('signs in with a popup, consents to the setup scopes in a second one, and renews silently', async () => {
    const { context, page } = await openApp();
    const popupOpened = context.waitForEvent('page');
    const login = page.evaluate(async (scopes) => {
      const result = await (globalThis as unknown as AppGlobals).pca.loginPopup({ scopes });
      return { accessToken: result.accessToken, idToken: result.idToken, username: result.account.username };
    }, [apiScope]);
    await signInInPopup(await popupOpened, 'admin@contoso.example', 'emulator-sign-in');
    const signedIn = await login;
    expect(signedIn.username).toBe('admin@contoso.example');
    expect(decodeJwt(signedIn.accessToken)).toMatchObject({ aud: h.emulator.apiApp.clientId, scp: 'access_as_user', roles: ['Directory.Admin'] });

    const consentOpened = context.waitForEvent('page');
    const setup = page.evaluate(async (scopes) => {
      const { pca } = globalThis as unknown as AppGlobals;
      return (await pca.acquireTokenPopup({ scopes, account: pca.getAllAccounts()[0] })).accessToken;
    }, GRAPH_SETUP);
    const consent = await consentOpened;
    consent.setDefaultTimeout(UI_TIMEOUT_MS);
    await consent.getByText('Read and write all applications').waitFor();
    await screenshot(consent, 'emulator-consent');
    await consent.getByRole('button', { name: 'Accept' }).click();
    const graphToken = await setup;
    expect(String(decodeJwt(graphToken).scp).split(' ')).toEqual(expect.arrayContaining(['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All']));
    expect((await h.graphSend('POST', '/v1.0/applications', graphToken, { displayName: 'from MSAL' })).status).toBe(201);

    // A forced renewal redeems the SPA refresh token from the page, cross-origin.
    const renewed = await page.evaluate(async (scopes) => {
      const { pca } = globalThis as unknown as AppGlobals;
      return (await pca.acquireTokenSilent({ scopes, account: pca.getAllAccounts()[0], forceRefresh: true })).accessToken;
    }, [apiScope]);
    expect(decodeJwt(renewed).preferred_username).toBe('admin@contoso.example');
    await context.close();
  });

  it('signs in with a redirect', async () => {
    const { context, page } = await openApp();
    await page.evaluate(
      ({ scopes, redirectUri }) => {
        void (globalThis as unknown as AppGlobals).pca.loginRedirect({ scopes, redirectUri });
      },
      { scopes: [apiScope], redirectUri: `${origin}/` },
    );
    await page.getByLabel('Username').waitFor();
    await signInInPopup(page, 'user@contoso.example');
    await page.waitForURL(`${origin}/**`);
    const result = await page.evaluate(async () => {
      const outcome = await (globalThis as unknown as AppGlobals).ready;
      return outcome && { accessToken: outcome.accessToken, username: outcome.account.username };
    });
    expect(result?.username).toBe('user@contoso.example');
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ scp: 'access_as_user', aud: h.emulator.apiApp.clientId });
    await context.close();
  });
});
