// Interactive sign-in: the authorization endpoint (authorization code flow with PKCE; answers by
// query, fragment or form_post), the sign-in and consent pages behind it, the session that spares
// a second password (and lets prompt=none work), and sign-out.

import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Application, RedirectType } from './app-registrations.ts';
import type { CodeChallenge } from './authorization-codes.ts';
import { isOwnTenant, type EmulatorContext } from './context.ts';
import { ALL_PRINCIPALS } from './consent-grants.ts';
import { CONSENT_GRANTERS, holdsAnyRole } from './directory-roles.ts';
import { consentRequiredDescription, entraErrorFields, unknownClientDescription } from './entra-errors.ts';
import { openToken, sealToken } from './opaque-token.ts';
import { readScopes, requestedScopes, unconsented, type ResourcePermissions } from './scope-request.ts';
import { adminApprovalPage, consentPage, errorPage, formPostPage, signInPage, type ScopeLine } from './sign-in-pages.ts';
import { endSession, readSession, startSession, type SignInSession } from './sign-in-session.ts';
import { clientInfo } from './user-tokens.ts';
import type { User } from './users.ts';

const RESPONSE_MODES = ['query', 'fragment', 'form_post'] as const;
const PROMPTS = ['none', 'login', 'consent', 'select_account'] as const;
/** How long a sign-in or consent page may stay open before its form is refused. */
const PAGE_LIFETIME_MS = 60 * 60_000;

const paramsSchema = z.object({
  clientId: z.string(),
  redirectUri: z.string(),
  redirectType: z.enum(['spa', 'web', 'publicClient']),
  responseMode: z.enum(RESPONSE_MODES),
  scope: z.string(),
  state: z.string().optional(),
  nonce: z.string().optional(),
  challenge: z.object({ value: z.string(), method: z.enum(['S256', 'plain']) }).optional(),
  prompt: z.enum(PROMPTS).optional(),
  loginHint: z.string().optional(),
  clientInfo: z.boolean(),
});

type AuthorizeParams = z.infer<typeof paramsSchema>;

const signInStateSchema = z.object({ k: z.literal('si'), p: paramsSchema, t: z.number() });
const consentStateSchema = z.object({ k: z.literal('cs'), p: paramsSchema, uid: z.string(), sid: z.string(), t: z.number() });

/** A refusal that goes back to the app (once the redirect URI is known to be the app's). */
interface AuthorizeError {
  error: string;
  code: number;
  description: string;
}

type ReadResult = { ok: true; params: AuthorizeParams } | { ok: false; page: { code: number; description: string } } | { ok: false; params: AuthorizeParams; error: AuthorizeError };

export function authorizeRoutes(ctx: EmulatorContext): Hono {
  const app = new Hono();

  app.get('/:tenant/oauth2/v2.0/authorize', (c) => {
    const tenant = c.req.param('tenant');
    if (!isOwnTenant(ctx, tenant)) return html(c, errorPage(90002, `Tenant '${tenant}' not found.`), 400);
    const read = readAuthorizeRequest(ctx, new URL(c.req.url).searchParams);
    if (!read.ok) return 'page' in read ? html(c, errorPage(read.page.code, read.page.description), 400) : answer(c, read.params, errorFields(ctx, read.params, read.error));
    const { params } = read;
    const session = readSession(c, ctx);
    if (params.prompt === 'none') {
      if (!session) return answer(c, params, errorFields(ctx, params, { error: 'login_required', code: 50058, description: 'A silent sign-in request was sent but no user is signed in.' }));
      return proceed(c, ctx, params, session);
    }
    const otherUser = params.loginHint !== undefined && session !== undefined && session.user.userPrincipalName.toLowerCase() !== params.loginHint.toLowerCase();
    if (!session || params.prompt === 'login' || params.prompt === 'select_account' || otherUser) return showSignIn(c, ctx, params);
    return proceed(c, ctx, params, session);
  });

  app.post('/:tenant/login', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const state = openToken(ctx.tokenSecret, form.get('ctx') ?? '', signInStateSchema);
    if (!state || ctx.fidelity.now() - state.t > PAGE_LIFETIME_MS) return html(c, errorPage(50058, 'Your sign-in page has expired. Go back to the application and sign in again.'), 400);
    const username = form.get('loginfmt') ?? '';
    if (!ctx.directory.users.byUserPrincipalName(username)) {
      return showSignIn(c, ctx, state.p, username, 'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.');
    }
    const user = ctx.directory.users.verifyPassword(username, form.get('passwd') ?? '');
    if (!user) return showSignIn(c, ctx, state.p, username, "Your account or password is incorrect. If you don't remember your password, reset it now.");
    return proceed(c, ctx, state.p, startSession(c, ctx, user));
  });

  app.post('/:tenant/consent', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const state = openToken(ctx.tokenSecret, form.get('ctx') ?? '', consentStateSchema);
    const user = state ? ctx.directory.users.get(state.uid) : undefined;
    if (!state || !user || ctx.fidelity.now() - state.t > PAGE_LIFETIME_MS) {
      return html(c, errorPage(50058, 'Your consent page has expired. Go back to the application and sign in again.'), 400);
    }
    const params = state.p;
    if (form.get('consent') !== 'accept') {
      return answer(c, params, { ...errorFields(ctx, params, { error: 'access_denied', code: 65004, description: 'User declined to consent to access the app.' }), error_subcode: 'cancel' });
    }
    const pending = pendingConsent(ctx, params, user);
    if ('error' in pending) return pending.error(c);
    if (pending.scopes.length > 0) {
      const canGrantForAll = holdsAnyRole(user.directoryRoles, CONSENT_GRANTERS);
      if (!canGrantForAll && needsAdmin(pending.scopes)) return adminApproval(c, ctx, params, user, state.sid, pending.client, pending.scopes);
      const principal = canGrantForAll && form.get('organization') === 'true' ? ALL_PRINCIPALS : user.id;
      for (const { resource, scopes } of pending.scopes) ctx.directory.consents.grant(pending.client.appId, resource.appId, principal, scopes.map((s) => s.value));
    }
    return issueCode(c, ctx, params, user, state.sid);
  });

  app.get('/:tenant/oauth2/v2.0/logout', (c) => {
    endSession(c);
    const target = c.req.query('post_logout_redirect_uri');
    // Entra only sends people back to an address some app registered.
    const known = target !== undefined && ctx.directory.apps.listApplications(Infinity).some((a) => Object.values(a.redirectUris).some((uris) => uris.includes(target)));
    return known ? c.redirect(target, 302) : html(c, '<!doctype html><title>Sign out</title><p>You signed out of your account. It\'s a good idea to close all browser windows.</p>');
  });

  return app;
}

function html(c: Context, body: string, status: 200 | 400 = 200): Response {
  c.header('Cache-Control', 'no-store, no-cache');
  // Entra's pages refuse to be framed; silent sign-in in an iframe only ever gets redirects.
  c.header('X-Frame-Options', 'DENY');
  return c.html(body, status);
}

function readAuthorizeRequest(ctx: EmulatorContext, q: URLSearchParams): ReadResult {
  const clientId = q.get('client_id');
  if (!clientId) return { ok: false, page: { code: 900144, description: "The request body must contain the following parameter: 'client_id'." } };
  const client = ctx.directory.apps.applicationByAppId(clientId, ctx.fidelity.now());
  if (!client) return { ok: false, page: { code: 700016, description: unknownClientDescription(ctx, clientId) } };
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return { ok: false, page: { code: 900144, description: "The request body must contain the following parameter: 'redirect_uri'." } };
  const redirectType = redirectTypeOf(client, redirectUri);
  if (!redirectType) {
    return {
      ok: false,
      page: {
        code: 50011,
        description: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${client.appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
      },
    };
  }
  const responseMode = q.get('response_mode') ?? 'query';
  const prompt = q.get('prompt') ?? undefined;
  const challengeValue = q.get('code_challenge') ?? undefined;
  const challengeMethod = q.get('code_challenge_method') ?? (challengeValue === undefined ? undefined : 'plain');
  const params: AuthorizeParams = {
    clientId: client.appId,
    redirectUri,
    redirectType,
    responseMode: (RESPONSE_MODES as readonly string[]).includes(responseMode) ? (responseMode as AuthorizeParams['responseMode']) : 'query',
    scope: q.get('scope') ?? '',
    ...optional('state', q.get('state')),
    ...optional('nonce', q.get('nonce')),
    ...optional('loginHint', q.get('login_hint')),
    clientInfo: q.get('client_info') === '1',
  };
  const refuse = (error: AuthorizeError): ReadResult => ({ ok: false, params, error });
  const invalid = (name: string, value: string) => refuse({ error: 'invalid_request', code: 90023, description: `Invalid STS request. The value '${value}' of the parameter '${name}' is not supported.` });
  if (params.responseMode !== responseMode) return invalid('response_mode', responseMode);
  const responseType = q.get('response_type');
  if (!responseType) return refuse({ error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'response_type'." });
  if (responseType !== 'code') return refuse({ error: 'unsupported_response_type', code: 700054, description: `response_type '${responseType}' is not enabled for the application.` });
  if (prompt !== undefined) {
    if (!(PROMPTS as readonly string[]).includes(prompt)) return invalid('prompt', prompt);
    params.prompt = prompt as AuthorizeParams['prompt'];
  }
  if (challengeMethod !== undefined) {
    if (challengeValue === undefined) return refuse({ error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'code_challenge'." });
    if (challengeMethod !== 'S256' && challengeMethod !== 'plain') return invalid('code_challenge_method', challengeMethod);
    params.challenge = { value: challengeValue, method: challengeMethod } satisfies CodeChallenge;
  }
  if (!params.scope.trim()) return refuse({ error: 'invalid_request', code: 900144, description: "The request body must contain the following parameter: 'scope'." });
  const scopes = readScopes(ctx, params.scope, ctx.fidelity.now());
  if (!scopes.ok) return refuse(scopes.problem);
  return { ok: true, params };
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value === null ? {} : ({ [key]: value } as Record<K, string>);
}

function redirectTypeOf(client: Application, uri: string): RedirectType | undefined {
  for (const type of ['spa', 'web', 'publicClient'] as const) if (client.redirectUris[type].includes(uri)) return type;
  // RFC 8252: a native app's loopback redirect matches whatever port the app listens on.
  const loopback = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/.*)?$/i;
  const strip = (u: string) => u.replace(/^(http:\/\/[^/:]+)(:\d+)?/i, '$1');
  if (loopback.test(uri) && client.redirectUris.publicClient.some((u) => loopback.test(u) && strip(u) === strip(uri))) return 'publicClient';
  return undefined;
}

function showSignIn(c: Context, ctx: EmulatorContext, params: AuthorizeParams, username?: string, error?: string): Response {
  const client = ctx.directory.apps.applicationByAppId(params.clientId, Infinity);
  return html(
    c,
    signInPage({
      action: `/${ctx.tenantId}/login`,
      state: sealToken(ctx.tokenSecret, { k: 'si', p: params, t: ctx.fidelity.now() }),
      appName: client?.displayName ?? params.clientId,
      ...optional('username', username ?? params.loginHint ?? null),
      ...optional('error', error ?? null),
    }),
  );
}

/** The signed-in user's way on: consent where needed, then the code. */
function proceed(c: Context, ctx: EmulatorContext, params: AuthorizeParams, session: SignInSession): Response {
  const pending = pendingConsent(ctx, params, session.user);
  if ('error' in pending) return pending.error(c);
  if (pending.scopes.length === 0) return issueCode(c, ctx, params, session.user, session.sid);
  if (params.prompt === 'none') {
    return answer(c, params, errorFields(ctx, params, { error: 'consent_required', code: 65001, description: consentRequiredDescription(pending.client.appId, pending.client.displayName) }));
  }
  const canGrantForAll = holdsAnyRole(session.user.directoryRoles, CONSENT_GRANTERS);
  if (!canGrantForAll && needsAdmin(pending.scopes)) return adminApproval(c, ctx, params, session.user, session.sid, pending.client, pending.scopes);
  return html(
    c,
    consentPage({
      action: `/${ctx.tenantId}/consent`,
      state: consentState(ctx, params, session.user, session.sid),
      appName: pending.client.displayName,
      username: session.user.userPrincipalName,
      scopes: scopeLines(pending.scopes),
      canConsentForOrganization: canGrantForAll,
    }),
  );
}

/** What the user would consent to now: everything asked for on prompt=consent, else what is missing. */
function pendingConsent(
  ctx: EmulatorContext,
  params: AuthorizeParams,
  user: User,
): { client: Application; scopes: ResourcePermissions[] } | { error: (c: Context) => Response } {
  const asOf = ctx.fidelity.now();
  const client = ctx.directory.apps.applicationByAppId(params.clientId, asOf);
  if (!client) return { error: (c) => html(c, errorPage(700016, unknownClientDescription(ctx, params.clientId)), 400) };
  const scopes = readScopes(ctx, params.scope, asOf);
  if (!scopes.ok) return { error: (c) => answer(c, params, errorFields(ctx, params, scopes.problem)) };
  return {
    client,
    scopes: params.prompt === 'consent' ? requestedScopes(ctx, client, scopes.request) : unconsented(ctx, client, user, scopes.request),
  };
}

function adminApproval(c: Context, ctx: EmulatorContext, params: AuthorizeParams, user: User, sid: string, client: Application, scopes: ResourcePermissions[]): Response {
  return html(c, adminApprovalPage({ action: `/${ctx.tenantId}/consent`, state: consentState(ctx, params, user, sid), appName: client.displayName, scopes: scopeLines(scopes) }));
}

function consentState(ctx: EmulatorContext, params: AuthorizeParams, user: User, sid: string): string {
  return sealToken(ctx.tokenSecret, { k: 'cs', p: params, uid: user.id, sid, t: ctx.fidelity.now() });
}

function needsAdmin(pending: readonly ResourcePermissions[]): boolean {
  return pending.some((r) => r.scopes.some((s) => s.type === 'Admin'));
}

function scopeLines(pending: readonly ResourcePermissions[]): ScopeLine[] {
  return pending.flatMap(({ resource, scopes }) =>
    scopes.map((s) => ({ displayName: s.userConsentDisplayName ?? s.adminConsentDisplayName, description: `${resource.displayName}: ${s.userConsentDescription ?? s.adminConsentDescription}` })),
  );
}

function issueCode(c: Context, ctx: EmulatorContext, params: AuthorizeParams, user: User, sid: string): Response {
  const code = ctx.codes.issue(
    {
      clientId: params.clientId,
      redirectUri: params.redirectUri,
      redirectType: params.redirectType,
      userId: user.id,
      scope: params.scope,
      ...(params.nonce === undefined ? {} : { nonce: params.nonce }),
      ...(params.challenge === undefined ? {} : { challenge: params.challenge }),
      sid,
    },
    ctx.fidelity.now(),
  );
  return answer(c, params, {
    code,
    ...(params.clientInfo ? { client_info: clientInfo(ctx, user) } : {}),
    ...(params.state === undefined ? {} : { state: params.state }),
    session_state: sid,
  });
}

/** A refusal as the app's redirect URI receives it: Entra sends only the error and its AADSTS line. */
function errorFields(ctx: EmulatorContext, params: AuthorizeParams, error: AuthorizeError): Record<string, string> {
  const { error: name, error_description } = entraErrorFields(ctx.baseUrl, error.error, error.code, error.description, randomUUID());
  return {
    error: name,
    error_description,
    ...(params.state === undefined ? {} : { state: params.state }),
  };
}

/** Sends the answer to the app's redirect URI the way it asked for. */
function answer(c: Context, params: AuthorizeParams, fields: Record<string, string>): Response {
  if (params.responseMode === 'form_post') return html(c, formPostPage(params.redirectUri, fields));
  const encoded = new URLSearchParams(fields).toString();
  const target = params.responseMode === 'fragment' ? `${params.redirectUri}#${encoded}` : `${params.redirectUri}${params.redirectUri.includes('?') ? '&' : '?'}${encoded}`;
  c.header('Cache-Control', 'no-store, no-cache');
  return c.redirect(target, 302);
}
