import { createRoute } from '@hono/zod-openapi';
import { auditQuerySchema, type AuditPage } from '../../../contracts/index.ts';
import { requireAdmin } from '../auth/require-auth.ts';
import type { Store } from '../store/store.ts';
import { BEARER, createRouter } from './openapi-app.ts';

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'Administrative actions, newest first (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { query: auditQuerySchema },
  responses: { 200: { description: 'One page of the audit log' } },
});

export function auditRoutes(store: Store) {
  return createRouter().openapi(list, async (c) => {
    const { limit, before } = c.req.valid('query');
    const entries = await store.audit.list(limit, before);
    const body: AuditPage = { entries, next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
    return c.json(body, 200);
  });
}
