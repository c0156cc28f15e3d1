// The authorization code flow with PKCE, driven like a browser would with plain requests: the
// authorize redirect, the sign-in and consent pages, the session cookie, and the token endpoint's
// rules for single-page apps.

import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupId } from '../../emulator/src/index.ts';
import type { EntraErrorBody } from '../../emulator/src/entra-errors.ts';
import { startHarness, type Harness } from './helpers.ts';
import type { HttpResponse } from './https-client.ts';

const SPA_REDIRECT = 'https://switchboard.example/auth-redirect.html';
const WEB_REDIRECT = 'https://switchboard.example/signin-oidc';
const ORIGIN = 'https://switchboard.example';
const GRAPH_SETUP = 'https://graph.microsoft.com/Application.ReadWrite.All https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All';

let h: Harness;
let clientId: string;
let apiScope: string;

beforeAll(async () => {
  h = await startHarness({ contacts: 5, apiApp: { clientId: '5b1f7a9e-3c42-4d8b-9e61-2f0a7c4d8e15', redirectUris: { spa: [SPA_REDIRECT] } } });
  clientId = h.emulator.apiApp.clientId;
  apiScope = `${h.emulator.apiApp.identifierUri}/access_as_user`;
});
afterAll(() => h?.stop());

/** A browser: one cookie jar, no automatic redirects. */
class Browser {
  private cookie = '';

  async get(url: string): Promise<HttpResponse> {
    return this.keep(await h.http.request('GET', url, { headers: this.cookie ? { Cookie: this.cookie } : {} }));
  }

  async post(url: string, form: Record<string, string>): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (this.cookie) headers.Cookie = this.cookie;
    return this.keep(await h.http.request('POST', url, { headers, body: new URLSearchParams(form).toString() }));
  }

  private keep(response: HttpResponse): HttpResponse {
    const set = response.headers['set-cookie'];
    if (set?.startsWith('ESTSAUTH=')) this.cookie = /Max-Age=0/i.test(set) ? '' : (set.split(';')[0] as string);
    return response;
  }
}

interface Pkce {
  verifier: string;
  challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>): string {
  return `${h.emulator.url}/${h.emulator.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: SPA_REDIRECT,
    response_mode: 'fragment',
    client_info: '1',
    ...params,
  }).toString()}`;
}

/** The form on a sign-in or consent page: where it posts and its hidden state. */
function formOf(page: HttpResponse): { action: string; ctx: string } {
  const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
  const ctx = /name="ctx" value="([^"]+)"/.exec(page.text)?.[1];
  if (!action || !ctx) throw new Error(`no form in page: ${page.text.slice(0, 500)}`);
  const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return { action: `${h.emulator.url}${unescape(action)}`, ctx: unescape(ctx) };
}

function signIn(browser: Browser, page: HttpResponse, username: string, password = 'demo'): Promise<HttpResponse> {
  const form = formOf(page);
  return browser.post(form.action, { ctx: form.ctx, loginfmt: username, passwd: password });
}

function consent(browser: Browser, page: HttpResponse, choice: 'accept' | 'cancel', organization = false): Promise<HttpResponse> {
  const form = formOf(page);
  return browser.post(form.action, { ctx: form.ctx, consent: choice, ...(organization ? { organization: 'true' } : {}) });
}

/** The parameters an authorize answer carries to the redirect URI. */
function answered(response: HttpResponse, redirectUri = SPA_REDIRECT): URLSearchParams {
  expect(response.status, response.text.slice(0, 300)).toBe(302);
  const location = response.headers.location ?? '';
  expect(location.startsWith(redirectUri)).toBe(true);
  const rest = location.slice(redirectUri.length);
  return new URLSearchParams(rest.slice(1));
}

function redeem(code: string, verifier: string | undefined, extra: Record<string, string> = {}, origin: string | null = ORIGIN): Promise<HttpResponse> {
  const form: Record<string, string> = { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: SPA_REDIRECT, client_info: '1', ...extra };
  if (verifier !== undefined) form.code_verifier = verifier;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (origin) headers.Origin = origin;
  return h.http.request('POST', h.tokenUrl, { headers, body: new URLSearchParams(form).toString() });
}

interface TokenBody {
  access_token: string;
  id_token: string;
  refresh_token: string;
  client_info: string;
  scope: string;
}

/** Signs `username` in from a fresh browser and returns the redirect's parameters. */
async function codeFor(username: string, scope: string, challenge: Pkce, extra: Record<string, string> = {}): Promise<{ browser: Browser; params: URLSearchParams }> {
  const browser = new Browser();
  const page = await browser.get(authorizeUrl({ scope, code_challenge: challenge.challenge, code_challenge_method: 'S256', state: 'st-1', nonce: 'n-1', ...extra }));
  expect(page.status).toBe(200);
  expect(page.text).toContain('Sign in');
  return { browser, params: answered(await signIn(browser, page, username)) };
}

describe('sign-in of a single-page app with PKCE', () => {
  it('signs the administrator in and redeems the code cross-origin for API, ID and refresh tokens', async () => {
    const challenge = pkce();
    const { params } = await codeFor('admin@contoso.example', `${apiScope} openid profile offline_access`, challenge);
    expect(params.get('state')).toBe('st-1');
    expect(params.get('session_state')).toMatch(/^[0-9a-f-]{36}$/);
    const code = params.get('code') ?? '';
    const users = h.emulator.directory.findUser('admin@contoso.example');
    expect(JSON.parse(Buffer.from(params.get('client_info') ?? '', 'base64url').toString())).toEqual({ uid: users?.id, utid: h.emulator.tenantId });

    const response = await redeem(code, challenge.verifier);
    expect(response.status, response.text).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const body = response.json<TokenBody>();
    const keys = createLocalJWKSet((await h.http.get(`${h.emulator.url}/${h.emulator.tenantId}/discovery/v2.0/keys`)).json<JSONWebKeySet>());
    const { payload } = await jwtVerify(body.access_token, keys, { issuer: `${h.emulator.url}/${h.emulator.tenantId}/v2.0`, audience: clientId });
    expect(payload).toMatchObject({ scp: 'access_as_user', roles: ['Directory.Admin'], azp: clientId, azpacr: '0', oid: users?.id, ver: '2.0' });
    expect(payload.groups).toContain(groupId('Switchboard Administrators'));
    expect(payload.groups).not.toContain(groupId('All Contoso'));
    const id = decodeJwt(body.id_token);
    expect(id).toMatchObject({ aud: clientId, nonce: 'n-1', preferred_username: 'admin@contoso.example', sid: params.get('session_state') });
    expect(body.refresh_token).toBeTruthy();
    expect(body.scope.split(' ')).toEqual(expect.arrayContaining([apiScope, 'openid', 'profile', 'offline_access']));

    const replay = await redeem(code, challenge.verifier);
    expect(replay.json<EntraErrorBody>().error_codes).toEqual([54005]);
  });

  it('answers a CORS preflight on the token endpoint and on discovery', async () => {
    const preflight = await h.http.request('OPTIONS', h.tokenUrl, {
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-client-sku' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/x-client-sku/);
    const discovery = await h.http.get(`${h.emulator.url}/${h.emulator.tenantId}/v2.0/.well-known/openid-configuration`, { Origin: ORIGIN });
    expect(discovery.headers['access-control-allow-origin']).toBe('*');
  });

  it('keeps the single-page app rules of the token endpoint', async () => {
    const challenge = pkce();
    const scope = `${apiScope} openid offline_access`;
    const noOrigin = await redeem((await codeFor('user@contoso.example', scope, challenge)).params.get('code') ?? '', challenge.verifier, {}, null);
    expect(noOrigin.json<EntraErrorBody>().error_codes).toEqual([9002327]);
    const wrongVerifier = await redeem((await codeFor('user@contoso.example', scope, challenge)).params.get('code') ?? '', pkce().verifier);
    expect(wrongVerifier.json<EntraErrorBody>()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    const wrongRedirect = await redeem((await codeFor('user@contoso.example', scope, challenge)).params.get('code') ?? '', challenge.verifier, { redirect_uri: `${SPA_REDIRECT}?x` });
    expect(wrongRedirect.json<EntraErrorBody>().error_codes).toEqual([500112]);
    const withSecret = await redeem((await codeFor('user@contoso.example', scope, challenge)).params.get('code') ?? '', challenge.verifier, { client_secret: 'x' });
    expect(withSecret.json<EntraErrorBody>().error_codes).toEqual([700025]);
    const browser = new Browser();
    const page = await browser.get(authorizeUrl({ scope }));
    const noPkce = answered(await signIn(browser, page, 'user@contoso.example')).get('code') ?? '';
    expect((await redeem(noPkce, undefined)).json<EntraErrorBody>().error_codes).toEqual([9002325]);
  });

  it('renews through the refresh token, cross-origin only, for another resource once consented', async () => {
    const challenge = pkce();
    const { params } = await codeFor('user@contoso.example', `${apiScope} openid offline_access`, challenge);
    const { refresh_token: refreshToken } = (await redeem(params.get('code') ?? '', challenge.verifier)).json<TokenBody>();
    const refresh = (scope: string, origin: string | null = ORIGIN) =>
      h.http.request('POST', h.tokenUrl, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, scope }).toString(),
      });
    const graph = await refresh('https://graph.microsoft.com/User.Read openid offline_access');
    expect(graph.status, graph.text).toBe(200);
    const claims = decodeJwt(graph.json<TokenBody>().access_token);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', upn: 'user@contoso.example', ver: '1.0' });
    expect(String(claims.scp).split(' ')).toContain('User.Read');
    expect(graph.json<{ refresh_token_expires_in: number }>().refresh_token_expires_in).toBe(86_400);
    const setup = await refresh(`${GRAPH_SETUP} offline_access`);
    expect(setup.json<EntraErrorBody & { suberror: string }>()).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
    expect((await refresh(apiScope, null)).json<EntraErrorBody>().error_codes).toEqual([9002327]);
  });

  it('answers by query and by form_post when asked', async () => {
    const challenge = pkce();
    const query = await codeFor('user@contoso.example', `${apiScope} openid`, challenge, { response_mode: 'query' });
    expect(query.params.get('code')).toMatch(/^1\./);
    const page = await query.browser.get(authorizeUrl({ scope: `${apiScope} openid`, response_mode: 'form_post', state: 'fp' }));
    expect(page.status).toBe(200);
    expect(page.text).toContain(`action="${SPA_REDIRECT}"`);
    expect(page.text).toMatch(/name="code" value="1\.[^"]+"/);
    expect(page.text).toContain('name="state" value="fp"');
  });
});

describe('the sign-in and consent pages', () => {
  it('says what is wrong with the username or the password, and keeps the username', async () => {
    const browser = new Browser();
    const page = await browser.get(authorizeUrl({ scope: apiScope, login_hint: 'admin@contoso.example' }));
    expect(page.text).toContain('value="admin@contoso.example"');
    const wrong = await signIn(browser, page, 'admin@contoso.example', 'wrong');
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('Your account or password is incorrect');
    expect(wrong.text).toContain('value="admin@contoso.example"');
    const unknown = await signIn(browser, wrong, 'nobody@contoso.example');
    expect(unknown.text).toContain('This username may be incorrect');
    expect(answered(await signIn(browser, unknown, 'admin@contoso.example')).get('code')).toBeTruthy();
  });

  it('asks an administrator to consent to Graph scopes once, remembers it, and the token creates apps', async () => {
    const { browser } = await codeFor('admin@contoso.example', `${apiScope} openid`, pkce());
    const challenge = pkce();
    // The session spares the password; the new scopes need consent.
    const page = await browser.get(authorizeUrl({ scope: `${GRAPH_SETUP} openid profile offline_access`, code_challenge: challenge.challenge, code_challenge_method: 'S256', state: 'c1' }));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Permissions requested');
    expect(page.text).toContain('Read and write all applications');
    expect(page.text).toContain('Manage app permission grants and app role assignments');
    expect(page.text).toContain('Consent on behalf of your organization');
    const params = answered(await consent(browser, page, 'accept'));
    expect(params.get('state')).toBe('c1');
    const token = (await redeem(params.get('code') ?? '', challenge.verifier)).json<TokenBody>();
    const claims = decodeJwt(token.access_token);
    expect(String(claims.scp).split(' ')).toEqual(expect.arrayContaining(['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All']));
    expect(claims.wids).toContain('62e90394-69f5-4237-9190-012177145e10');
    const created = await h.graphSend('POST', '/v1.0/applications', token.access_token, { displayName: 'from the popup' });
    expect(created.status).toBe(201);

    const again = pkce();
    const remembered = await browser.get(authorizeUrl({ scope: `${GRAPH_SETUP} openid`, code_challenge: again.challenge, code_challenge_method: 'S256' }));
    expect(answered(remembered).get('code')).toBeTruthy();
    // Consent was the administrator's own, not the organisation's.
    const other = await codeFor('cloudadmin@contoso.example', `${apiScope} openid`, pkce());
    const cleo = await other.browser.get(authorizeUrl({ scope: GRAPH_SETUP }));
    expect(cleo.text).toContain('Permissions requested');
  });

  it('shows "Need admin approval" to a user who cannot consent to admin scopes, and returns access_denied', async () => {
    const { browser } = await codeFor('user@contoso.example', apiScope, pkce());
    const page = await browser.get(authorizeUrl({ scope: GRAPH_SETUP, state: 'denied' }));
    expect(page.text).toContain('Need admin approval');
    // The page offers no "Accept"; a forged one changes nothing.
    expect(page.text).not.toContain('value="accept"');
    expect((await consent(browser, page, 'accept')).text).toContain('Need admin approval');
    const cancelled = answered(await consent(browser, await browser.get(authorizeUrl({ scope: GRAPH_SETUP, state: 'denied' })), 'cancel'));
    expect(cancelled.get('error')).toBe('access_denied');
    expect(cancelled.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(cancelled.get('state')).toBe('denied');
  });

  it('lets an administrator consent for the whole organisation', async () => {
    const { browser } = await codeFor('admin@contoso.example', apiScope, pkce());
    const page = await browser.get(authorizeUrl({ scope: 'https://graph.microsoft.com/GroupMember.Read.All', prompt: 'consent' }));
    expect(answered(await consent(browser, page, 'accept', true)).get('code')).toBeTruthy();
    const { browser: uli } = await codeFor('user@contoso.example', apiScope, pkce());
    expect(answered(await uli.get(authorizeUrl({ scope: 'https://graph.microsoft.com/GroupMember.Read.All' }))).get('code')).toBeTruthy();
  });

  it('handles prompt=none silently: login_required without a session, a code with one', async () => {
    const fresh = answered(await new Browser().get(authorizeUrl({ scope: apiScope, prompt: 'none', state: 's' })));
    expect(fresh.get('error')).toBe('login_required');
    // The redirect carries Entra's AADSTS line, not the JSON body's further fields.
    expect([...fresh.keys()]).toEqual(['error', 'error_description', 'state']);
    expect(fresh.get('error_description')).toMatch(/^AADSTS50058: .+ Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(fresh.get('state')).toBe('s');
    const { browser } = await codeFor('user@contoso.example', apiScope, pkce());
    expect(answered(await browser.get(authorizeUrl({ scope: apiScope, prompt: 'none' }))).get('code')).toBeTruthy();
    expect(answered(await browser.get(authorizeUrl({ scope: GRAPH_SETUP, prompt: 'none' }))).get('error')).toBe('consent_required');
    const logout = await browser.get(`${h.emulator.url}/${h.emulator.tenantId}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(SPA_REDIRECT)}`);
    expect(logout.status).toBe(302);
    expect(logout.headers.location).toBe(SPA_REDIRECT);
    expect(answered(await browser.get(authorizeUrl({ scope: apiScope, prompt: 'none' }))).get('error')).toBe('login_required');
  });

  it('refuses unregistered redirect URIs and unknown clients on a page, without redirecting', async () => {
    const mismatch = await new Browser().get(authorizeUrl({ scope: apiScope, redirect_uri: 'https://evil.example/steal' }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.headers.location).toBeUndefined();
    expect(mismatch.text).toContain('AADSTS50011');
    const unknown = await new Browser().get(authorizeUrl({ scope: apiScope, client_id: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.text).toContain('AADSTS700016');
    const badScope = answered(await new Browser().get(authorizeUrl({ scope: `${h.emulator.apiApp.identifierUri}/nothing` })));
    expect(badScope.get('error')).toBe('invalid_scope');
    const implicit = answered(await new Browser().get(authorizeUrl({ scope: apiScope, response_type: 'token' })));
    expect(implicit.get('error')).toBe('unsupported_response_type');
  });
});

describe('a confidential web app', () => {
  it('redeems its code with its secret, server to server', async () => {
    const app = h.emulator.directory.registerApp({ displayName: 'web app', roles: [], redirectUris: { web: [WEB_REDIRECT] } });
    h.emulator.directory.grantConsent({ clientId: app.appId, scopes: ['openid', 'User.Read'] });
    const browser = new Browser();
    const url = authorizeUrl({ client_id: app.appId, redirect_uri: WEB_REDIRECT, response_mode: 'form_post', scope: 'openid User.Read' });
    const posted = await signIn(browser, await browser.get(url), 'user@contoso.example');
    const code = /name="code" value="([^"]+)"/.exec(posted.text)?.[1] ?? '';
    const form = { grant_type: 'authorization_code', client_id: app.appId, code, redirect_uri: WEB_REDIRECT };
    expect((await h.http.postForm(h.tokenUrl, form)).json<EntraErrorBody>().error_codes).toEqual([7000218]);
    const fresh = /name="code" value="([^"]+)"/.exec((await browser.get(url)).text)?.[1] ?? '';
    const crossOrigin = await h.http.request('POST', h.tokenUrl, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: new URLSearchParams({ ...form, code: fresh, client_secret: app.secret }).toString(),
    });
    expect(crossOrigin.json<EntraErrorBody>().error_codes).toEqual([9002326]);
    const last = /name="code" value="([^"]+)"/.exec((await browser.get(url)).text)?.[1] ?? '';
    const token = await h.http.postForm(h.tokenUrl, { ...form, code: last, client_secret: app.secret });
    expect(token.status, token.text).toBe(200);
    expect(decodeJwt(token.json<TokenBody>().access_token)).toMatchObject({ aud: 'https://graph.microsoft.com', appidacr: '1', scp: expect.stringContaining('User.Read') });
  });
});
