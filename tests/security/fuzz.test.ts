import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';

/**
 * Every documented route, fed malformed input by fast-check, as an administrator and as a user:
 * no answer is a 500, every refusal is a problem with a known code, a refused request leaves the
 * stored data exactly as it was, and the API is still up at the end.
 */
interface Operation {
  method: string;
  path: string;
}

let stack: Stack;
let operations: Operation[];
const tokens: Record<'admin' | 'user', string> = { admin: '', user: '' };

beforeAll(async () => {
  stack = await startStack({ contacts: 30, serveWeb: false, apiEnv: { RATE_LIMIT_SEARCH_PER_MINUTE: '1000000', RATE_LIMIT_LOOKUP_PER_MINUTE: '1000000' } });
  tokens.admin = await stack.signIn('admin@contoso.example');
  tokens.user = await stack.signIn('user@contoso.example');
  const doc = (await (await fetch(`${stack.apiUrl}/api/openapi.json`, { headers: { Authorization: `Bearer ${tokens.admin}` } })).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(() => stack?.stop());

/** What a refused request must not change: settings and contacts (the audit log records refusals on purpose). */
function storedData(): string {
  const db = new Database(stack.databaseFile, { readonly: true });
  try {
    const sources = db.prepare('select * from data_sources order by id').all();
    const contacts = db.prepare('select source_id, graph_id, raw from contacts order by source_id, graph_id').all();
    return createHash('sha256').update(JSON.stringify([sources, contacts])).digest('hex');
  } finally {
    db.close();
  }
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '../../etc/passwd', '%00', '\u0000', "' or 1=1 --", '<script>alert(1)</script>', 'x'.repeat(5000), '+49 (0) 89 1234-0', 'tel:+4989;ext=1', '-1', '1e309', 'NaN', 'null', '{}', '[]', 'contoso-contacts'),
);

const body = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc.record(
      { id: hostileText, name: hostileText, priority: fc.oneof(fc.integer(), fc.double(), hostileText), numbers: fc.array(hostileText, { maxLength: 5 }), access: fc.jsonValue({ maxDepth: 2 }), dialling: fc.jsonValue({ maxDepth: 2 }), clientSecret: hostileText },
      { requiredKeys: [] },
    ).map((v) => JSON.stringify(v)),
  },
  { weight: 1, arbitrary: fc.constantFrom('{', 'not json', '{"a":', '\u0000\u0001', '[1,2', '"'.repeat(100)) },
);

const request = fc.record({
  operation: fc.nat(),
  params: fc.array(hostileText, { minLength: 3, maxLength: 3 }),
  query: fc.dictionary(fc.constantFrom('q', 'number', 'limit', 'profile', 'full', 'address', 'before', fc.string({ maxLength: 8 }).toString()), hostileText, { maxKeys: 4 }),
  body,
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
  who: fc.constantFrom<'admin' | 'user'>('admin', 'user'),
});

type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

async function send(r: Request): Promise<{ status: number; type: string; text: string; method: string; url: string }> {
  const operation = operations[r.operation % operations.length] as Operation;
  let i = 0;
  // A real id now and then reaches past routing into the handlers; never for DELETE, which would succeed.
  const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.params[i++] ?? ''));
  if (operation.method === 'DELETE' && path.includes(stack.sourceId)) return { status: 0, type: '', text: '', method: 'DELETE', url: path };
  const query = new URLSearchParams(r.query).toString();
  const url = `${stack.apiUrl}${path}${query ? `?${query}` : ''}`;
  const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  const response = await fetch(url, {
    method: operation.method,
    headers: { Authorization: `Bearer ${tokens[r.who]}`, ...(hasBody && r.contentType ? { 'Content-Type': r.contentType } : {}) },
    ...(hasBody ? { body: r.body } : {}),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text(), method: operation.method, url };
}

describe('every route under malformed input', () => {
  it('never answers 500, refuses with known problems, and writes nothing when it refuses', { timeout: 240_000 }, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const before = storedData();
        const answer = await send(r);
        if (answer.status === 0) return;
        expect(answer.status, `${answer.method} ${answer.url}`).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.type, `${answer.method} ${answer.url}`).toContain('application/problem+json');
          const problem = JSON.parse(answer.text) as { code: string; detail?: string };
          expect(PROBLEM_CODES).toContain(problem.code);
          expect(problem.detail ?? '').not.toMatch(/\bat \w+ \(|node_modules|SQLITE|Error:/);
          expect(storedData(), `${answer.method} ${answer.url} changed stored data though refused`).toBe(before);
        }
      }),
      { numRuns: 1500, seed: Number(process.env['FUZZ_SEED'] ?? 20261129) },
    );
    expect((await fetch(`${stack.apiUrl}/api/health`)).status).toBe(200);
  });

  it('answers garbage credentials with 401 only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('/api/search?q=a', '/api/lookup?number=1', '/api/datasources', '/api/audit'), async (token, path) => {
        const header = `Bearer ${token}`.replace(/[^\t\x20-\x7e]/g, '');
        const response = await fetch(`${stack.apiUrl}${path}`, { headers: { Authorization: header } });
        expect(response.status).toBe(401);
        await response.body?.cancel();
      }),
      { numRuns: 300 },
    );
  });
});
