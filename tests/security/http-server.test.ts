import { once } from 'node:events';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type DirectRoute } from '../../api/src/http-server.ts';
import { API_HEADERS } from '../../api/src/security-headers.ts';

/** The server's own headers against an app that sets some of the same, on a real port. */
let server: ReturnType<typeof createHttpServer>;
let base: string;

beforeAll(async () => {
  const app = new Hono()
    .get('/api/plain', (c) => c.json({ ok: true }))
    .get('/api/cached', (c) => c.body('{}', 200, { 'Content-Type': 'application/json', 'cache-control': 'max-age=60', 'X-Request-Id': 'from-the-app' }))
    .get('/page', (c) => c.html('<p>hi</p>'));
  // A route answered before the app, as LookupRoute is: it writes its own head, without the fixed headers.
  const direct: DirectRoute = {
    answer: (req, res) => {
      if (req.url !== '/api/direct') return false;
      res.writeHead(200, ['Content-Type', 'application/json', 'Cache-Control', 'private']).end('{"direct":true}');
      return true;
    },
  };
  server = createHttpServer(app, { pages: [['Content-Security-Policy', "default-src 'self'"]], redirectBridge: [['Cache-Control', 'no-store']] }, [direct]);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Name and value pairs as sent on the wire, names in lower case. */
const rawHeaders = (path: string, headers: Record<string, string> = {}) =>
  new Promise<[string, string][]>((resolve, reject) => {
    request(`${base}${path}`, { headers }, (response) => {
      response.resume();
      const raw = response.rawHeaders;
      resolve(raw.flatMap((name, i) => (i % 2 === 0 ? [[name.toLowerCase(), raw[i + 1] ?? ''] as [string, string]] : [])));
    })
      .on('error', reject)
      .end();
  });
const valuesOf = (headers: [string, string][], name: string) => headers.filter(([n]) => n === name).map(([, v]) => v);

describe('the HTTP server', () => {
  it('sends the API set on API answers, the page set on pages, and the bridge set on the redirect bridge', async () => {
    const api = await rawHeaders('/api/plain');
    for (const [name, value] of API_HEADERS) expect(valuesOf(api, name.toLowerCase())).toEqual([value]);
    expect(valuesOf(await rawHeaders('/page'), 'content-security-policy')).toEqual(["default-src 'self'"]);
    const bridge = await rawHeaders('/auth-redirect.html?state=1');
    expect(valuesOf(bridge, 'cache-control')).toEqual(['no-store']);
    expect(valuesOf(bridge, 'content-security-policy')).toEqual([]);
  });

  it("lets a header the app sets win over its own of the same name, sent once", async () => {
    const headers = await rawHeaders('/api/cached');
    expect(valuesOf(headers, 'cache-control')).toEqual(['max-age=60']);
    expect(valuesOf(headers, 'x-request-id')).toEqual(['from-the-app']);
    expect(valuesOf(headers, 'x-content-type-options')).toEqual(['nosniff']);
  });

  it("gives a direct route's answers the API set and a request id, its own headers winning, and hands every other request to the app", async () => {
    const direct = await rawHeaders('/api/direct', { 'X-Request-Id': 'pbx-4711.call:9' });
    expect(valuesOf(direct, 'cache-control')).toEqual(['private']);
    expect(valuesOf(direct, 'x-content-type-options')).toEqual(['nosniff']);
    expect(valuesOf(direct, 'x-request-id')).toEqual(['pbx-4711.call:9']);
    expect(valuesOf(await rawHeaders('/api/plain'), 'content-type')).toEqual(['application/json']);
  });

  it('keeps a well-formed request id a client sent, and replaces another', async () => {
    expect(valuesOf(await rawHeaders('/api/plain', { 'X-Request-Id': 'pbx-4711.call:9' }), 'x-request-id')).toEqual(['pbx-4711.call:9']);
    const replaced = valuesOf(await rawHeaders('/api/plain', { 'X-Request-Id': 'no spaces <please>' }), 'x-request-id');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
