import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Problem } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';

/** Headers, CORS, rate limits, body limits and the audit trail, over the real API on a real port. */
const PARTNER = 'https://pbx.partner.example';
let stack: Stack;
let admin: ReturnType<typeof apiClient>;
let user: ReturnType<typeof apiClient>;
let userToken: string;

beforeAll(async () => {
  stack = await startStack({
    contacts: 30,
    serveWeb: false,
    // Search: 8 a minute, so a burst of 2; lookups stay at the default.
    apiEnv: { RATE_LIMIT_SEARCH_PER_MINUTE: '8', CORS_ORIGINS: PARTNER },
  });
  admin = apiClient(stack, await stack.signIn('admin@contoso.example'));
  userToken = await stack.signIn('user@contoso.example');
  user = apiClient(stack, userToken);
});
afterAll(() => stack?.stop());

describe('pages may be framed by Microsoft 365 hosts only', () => {
  it('sends a CSP with frame-ancestors for Teams and Outlook, and no X-Frame-Options that would block them', async () => {
    const page = await fetch(`${stack.apiUrl}/app-config.json`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(ancestors).toEqual(expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://*.cloud.microsoft', 'https://outlook.office.com']));
    expect(ancestors).not.toContain('*');
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(csp).toContain(`connect-src 'self' ${stack.emulator.url}`);
    expect(page.headers.get('x-frame-options')).toBeNull();
  });
});

describe("MSAL's redirect bridge page", () => {
  it('is not cached and has no opener policy; other pages keep theirs', async () => {
    const bridge = await fetch(`${stack.apiUrl}/auth-redirect.html`);
    expect(bridge.headers.get('cache-control')).toBe('no-store');
    expect(bridge.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(bridge.headers.get('content-security-policy')).toContain('frame-ancestors');
    const page = await fetch(`${stack.apiUrl}/app-config.json`);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
  });
});

describe('response headers', () => {
  /** The header names of an answer as sent on the wire, in order (fetch would fold repeated ones). */
  const rawHeaderNames = (path: string, headers: Record<string, string>, method = 'GET') =>
    new Promise<string[]>((resolve, reject) => {
      request(`${stack.apiUrl}${path}`, { method, headers }, (response) => {
        response.resume();
        resolve(response.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase()));
      })
        .on('error', reject)
        .end();
    });

  it('are each sent once, with the request id, on lookups, other API routes, pages, refusals and preflights', async () => {
    const bearer = { Authorization: `Bearer ${userToken}` };
    const answers = [
      await rawHeaderNames('/api/lookup?number=1', { ...bearer, Origin: PARTNER }),
      await rawHeaderNames('/api/datasources', { ...bearer, Origin: PARTNER }),
      await rawHeaderNames('/api/lookup?number=1', {}),
      await rawHeaderNames('/api/nothing-here', bearer),
      await rawHeaderNames('/app-config.json', {}),
      await rawHeaderNames('/api/lookup', { Origin: PARTNER, 'Access-Control-Request-Method': 'GET' }, 'OPTIONS'),
      await rawHeaderNames('/api/datasources', { Origin: PARTNER, 'Access-Control-Request-Method': 'GET' }, 'OPTIONS'),
    ];
    for (const names of answers) {
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
      expect(names).toEqual(expect.arrayContaining(['x-request-id', 'content-security-policy', 'strict-transport-security']));
    }
    // The API's answers carry its CORS labels, from whichever part of the app answered.
    expect(answers[0]).toContain('access-control-allow-origin');
    expect(answers[1]).toContain('access-control-allow-origin');
  });
});

describe('CORS', () => {
  it('answers the preflight of a configured origin, and not of another', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.apiUrl}/api/lookup?number=1`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      });
    const allowed = await preflight(PARTNER);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('labels answers to the configured origin only', async () => {
    const answer = await fetch(`${stack.apiUrl}/api/lookup?number=1`, { headers: { Origin: PARTNER, Authorization: `Bearer ${userToken}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(PARTNER);
    const other = await fetch(`${stack.apiUrl}/api/lookup?number=1`, { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${userToken}` } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('labels lookups, answered before the app, as the app labels its own answers', async () => {
    const labels = async (path: string, origin: string) => {
      const answer = await fetch(`${stack.apiUrl}${path}`, { headers: { Origin: origin, Authorization: `Bearer ${userToken}` } });
      await answer.body?.cancel();
      return Object.fromEntries([...answer.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
    };
    for (const origin of [PARTNER, 'https://evil.example']) {
      const app = await labels('/api/datasources', origin);
      expect(Object.keys(app).length, origin).toBeGreaterThan(0);
      expect(await labels('/api/lookup?number=1', origin), origin).toEqual(app);
      expect(await labels('/api/lookup', origin), `${origin}, refused`).toEqual(app);
    }
  });
});

describe('per-user rate limits', () => {
  it('refuses a user over the search limit with 429 and Retry-After, and leaves other users alone', async () => {
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${stack.apiUrl}/api/search?q=a`, { headers: { Authorization: `Bearer ${userToken}` } });
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
      else await response.body?.cancel();
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refusal?.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refusal?.json()) as Problem).code).toBe('rate_limited');
    expect((await admin.get('/api/search?q=a')).status).toBe(200);
    // Lookups have their own allowance.
    expect((await user.get('/api/lookup?number=1')).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('are limited in size, with a problem that says so, before anything reads them', async () => {
    const numbers = Array.from({ length: 5000 }, (_, i) => `+49 89 ${String(i).padStart(8, '0')}`);
    const response = await user.post<Problem>('/api/lookup', { numbers });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('body_too_large');
  });
});

describe('the audit log', () => {
  it('records who changed what on which data source, and refused attempts, without values', async () => {
    expect((await admin.call('PATCH', `/api/datasources/${stack.sourceId}`, { description: 'secret-free note', priority: 300 })).status).toBe(200);
    expect((await user.call('PATCH', `/api/datasources/${stack.sourceId}`, { priority: 1 })).status).toBe(403);
    const { status, body } = await admin.get<AuditPage>('/api/audit?limit=10');
    expect(status).toBe(200);
    const [refused, changed] = body.entries;
    expect(refused).toMatchObject({ action: 'datasource.update', target: stack.sourceId, outcome: 'failure', status: 403, code: 'forbidden' });
    expect(refused?.actor.username).toBe('user@contoso.example');
    expect(changed).toMatchObject({ action: 'datasource.update', target: stack.sourceId, outcome: 'success', status: 200, code: null });
    expect(changed?.actor.username).toBe('admin@contoso.example');
    expect(changed?.details).toEqual({ fields: ['description', 'priority'] });
    expect(JSON.stringify(body)).not.toContain('secret-free note');
  });

  it('pages from newest to oldest', async () => {
    for (let i = 0; i < 3; i++) await admin.post(`/api/datasources/${stack.sourceId}/sync`);
    const first = await admin.get<AuditPage>('/api/audit?limit=2');
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.next).not.toBeNull();
    const second = await admin.get<AuditPage>(`/api/audit?limit=2&before=${first.body.next}`);
    const ids = [...first.body.entries, ...second.body.entries].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is for administrators only', async () => {
    expect((await user.get('/api/audit')).status).toBe(403);
  });
});
