import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';

let stack: Stack;
let userToken: string;
let userClaims: JWTPayload;

beforeAll(async () => {
  stack = await startStack({ contacts: 50, serveWeb: false });
  userToken = await stack.signIn('user@contoso.example');
  userClaims = decodeJwt(userToken);
});
afterAll(() => stack?.stop());

async function callWith(token: string | null, path = '/api/search?q=a') {
  const response = await fetch(`${stack.apiUrl}${path}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Problem };
}

const now = () => Math.floor(Date.now() / 1000);

describe('every route but health needs a valid access token', () => {
  it('serves health without a token', async () => {
    const response = await fetch(`${stack.apiUrl}/api/health`);
    expect(response.status).toBe(200);
  });

  it.each(['/api/search?q=a', '/api/lookup?number=123', '/api/contacts/x:y', '/api/datasources', '/api/me', '/api/openapi.json'])(
    'refuses %s without a token',
    async (path) => {
      const result = await callWith(null, path);
      expect(result.status).toBe(401);
      expect(result.type).toContain('application/problem+json');
      expect(result.body.code).toBe('unauthorized');
    },
  );

  it('refuses every route of the OpenAPI document without a token, whichever part of the app serves it', async () => {
    const response = await fetch(`${stack.apiUrl}/api/openapi.json`, { headers: { Authorization: `Bearer ${userToken}` } });
    const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x:y')] as const));
    expect(routes.length).toBeGreaterThan(15);
    for (const [method, path] of routes) {
      const answer = await fetch(`${stack.apiUrl}${path}`, { method, ...(method === 'GET' ? {} : { headers: { 'Content-Type': 'application/json' }, body: '{}' }) });
      const expected = path === '/api/health' || path === '/api/demo/sign-in' ? answer.status : 401;
      expect(answer.status, `${method} ${path}`).toBe(expected);
    }
  });

  it('accepts the demo user token', async () => {
    expect((await callWith(userToken)).status).toBe(200);
  });

  it('documents every route in the OpenAPI document', async () => {
    const response = await fetch(`${stack.apiUrl}/api/openapi.json`, { headers: { Authorization: `Bearer ${userToken}` } });
    const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [['/api/search', 'get'], ['/api/lookup', 'get'], ['/api/lookup', 'post'], ['/api/contacts/{id}', 'get'], ['/api/datasources', 'post'], ['/api/datasources/{id}', 'patch']]) {
      expect(doc.paths[path ?? '']?.[method ?? ''], `${method} ${path}`).toBeDefined();
    }
    expect(JSON.stringify(doc.paths['/api/lookup']?.['get'])).toContain('number');
  });
});

/** Authenticated by the app's middleware, and by LookupRoute before the app: each refuses what the other does. */
describe.each(['/api/search?q=a', '/api/lookup?number=123'])('a token on %s', (path) => {
  it('refuses a token whose signature was tampered with', async () => {
    const [header, payload, signature] = userToken.split('.');
    const flipped = `${signature?.[0] === 'A' ? 'B' : 'A'}${signature?.slice(1)}`;
    expect((await callWith(`${header}.${payload}.${flipped}`, path)).status).toBe(401);
  });

  it('refuses a token signed by another key under the same key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(userClaims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: stack.emulator.signingKeyId })
      .sign(privateKey);
    expect((await callWith(forged, path)).status).toBe(401);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect((await callWith(`${encode({ alg: 'none', typ: 'JWT' })}.${encode(userClaims)}.`, path)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = await stack.emulator.signToken({ ...userClaims, iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 });
    const result = await callWith(expired, path);
    expect(result.status).toBe(401);
    expect(result.body.detail).toMatch(/expired/i);
  });

  it('refuses a token that is not valid yet', async () => {
    const early = await stack.emulator.signToken({ ...userClaims, iat: now(), nbf: now() + 3600, exp: now() + 7200 });
    expect((await callWith(early, path)).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    const other = await stack.emulator.signToken({ ...userClaims, aud: 'a0c1d2e3-0000-4000-8000-000000000000' });
    const result = await callWith(other, path);
    expect(result.status).toBe(401);
    expect(result.body.detail).toMatch(/aud/);
  });

  it('refuses a token from another issuer', async () => {
    const other = await stack.emulator.signToken({ ...userClaims, iss: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0' });
    expect((await callWith(other, path)).status).toBe(401);
  });

  it('refuses a token without the access_as_user scope', async () => {
    const { scp: _scp, ...withoutScope } = userClaims;
    expect((await callWith(await stack.emulator.signToken(withoutScope), path)).status).toBe(401);
  });

  it("refuses a verified token's signature under another payload, once the real token is cached", async () => {
    expect((await callWith(userToken, path)).status).toBe(200);
    const [header, , signature] = userToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...userClaims, roles: ['Directory.Admin'] })).toString('base64url');
    expect((await callWith(`${header}.${payload}.${signature}`, path)).status).toBe(401);
  });

  it('the control: a token minted the same way with valid claims is accepted', async () => {
    // A token of its own (the uti claim names it): one the API verifies now rather than one it knows.
    expect((await callWith(await stack.emulator.signToken({ ...userClaims, uti: path }), path)).status).toBe(200);
  });
});

describe('every response carries the security headers and a request id', () => {
  it.each([
    ['a refusal', null],
    ['an answer', 'user'],
  ])('%s', async (_, who) => {
    const headers: Record<string, string> = who ? { Authorization: `Bearer ${userToken}` } : {};
    const response = await fetch(`${stack.apiUrl}/api/search?q=a`, { headers });
    expect(response.status).toBe(who ? 200 : 401);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('API answers are neither cached, framed nor run as a document; pages keep the page set', async () => {
    const api = await fetch(`${stack.apiUrl}/api/health`);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const page = await fetch(`${stack.apiUrl}/app-config.json`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).not.toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('keeps a request id the client sent, and replaces one that is not an id', async () => {
    const kept = await fetch(`${stack.apiUrl}/api/health`, { headers: { 'X-Request-Id': 'pbx-4711.call:9' } });
    expect(kept.headers.get('x-request-id')).toBe('pbx-4711.call:9');
    const replaced = await fetch(`${stack.apiUrl}/api/health`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('administrative routes need the Directory.Admin role', () => {
  it('refuses a normal user', async () => {
    const response = await fetch(`${stack.apiUrl}/api/datasources/${stack.sourceId}/sync`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${userToken}` },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Problem).code).toBe('forbidden');
  });
});
