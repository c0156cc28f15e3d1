import { createRoute, z } from '@hono/zod-openapi';
import { createDataSourceSchema, LIMITS, updateDataSourceSchema } from '../../../contracts/index.ts';
import { requireAdmin } from '../auth/require-auth.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { DataSourceService } from '../data-sources/data-source-service.ts';
import type { Context } from 'hono';
import type { SourceFilter } from '../directory/directory.ts';
import { BEARER, createRouter, type AppEnv } from './openapi-app.ts';

const idParam = z.object({ id: z.string().regex(LIMITS.sourceIdPattern) });

const list = createRoute({
  method: 'get',
  path: '/api/datasources',
  summary: 'Data sources, highest priority first',
  security: BEARER,
  responses: { 200: { description: 'Data sources (never with secrets)' } },
});

const create = createRoute({
  method: 'post',
  path: '/api/datasources',
  summary: 'Add a data source (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { body: { content: { 'application/json': { schema: createDataSourceSchema } }, required: true } },
  responses: { 201: { description: 'Created' }, 409: { description: 'The id is taken' } },
});

const status = createRoute({
  method: 'get',
  path: '/api/datasources/{id}/status',
  summary: 'Sync status of a data source',
  security: BEARER,
  request: { params: idParam },
  responses: { 200: { description: 'Sync status' } },
});

const sync = createRoute({
  method: 'post',
  path: '/api/datasources/{id}/sync',
  summary: 'Start a sync round now; `full=true` reads everything again (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: idParam, query: z.object({ full: z.enum(['true', 'false']).default('false') }) },
  responses: { 202: { description: 'Sync started' } },
});

const update = createRoute({
  method: 'patch',
  path: '/api/datasources/{id}',
  summary: 'Change a data source; disabling stops its running sync (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: idParam, body: { content: { 'application/json': { schema: updateDataSourceSchema } }, required: true } },
  responses: { 200: { description: 'The changed data source' }, 404: { description: 'No such data source' } },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/datasources/{id}',
  summary: 'Delete a data source and its contacts (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, 404: { description: 'No such data source' } },
});

const unreadable = createRoute({
  method: 'get',
  path: '/api/datasources/{id}/unreadable-numbers',
  summary: 'Stored numbers that could not be normalised, to fix at the source (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: idParam },
  responses: { 200: { description: 'Contact, field, number as written, and why' } },
});

/** Administrators see every data source; everyone else the ones they may search. */
function viewerOf(c: Context<AppEnv>): SourceFilter {
  return c.get('principal').isAdmin ? () => true : c.get('visible');
}

export function dataSourceRoutes(service: DataSourceService, audit: AuditTrail) {
  const router = createRouter();
  // In front of each route's role check, so that refused attempts are recorded as well.
  router.post('/api/datasources', audit.record('datasource.create', (_, body) => ({ target: typeof body?.['id'] === 'string' ? body['id'] : null })));
  router.patch('/api/datasources/:id', audit.record('datasource.update', (_, body) => ({ details: { fields: Object.keys(body ?? {}) } })));
  router.delete('/api/datasources/:id', audit.record('datasource.delete'));
  router.post('/api/datasources/:id/sync', audit.record('datasource.sync', (c) => ({ details: { full: c.req.query('full') === 'true' } })));
  return router
    .openapi(list, async (c) => c.json(await service.list(viewerOf(c)), 200))
    .openapi(create, async (c) => c.json(await service.create(c.req.valid('json')), 201))
    .openapi(update, async (c) => c.json(await service.update(c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(remove, async (c) => {
      await service.remove(c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(unreadable, async (c) => c.json(await service.unreadableNumbers(c.req.valid('param').id), 200))
    .openapi(status, async (c) => c.json(await service.status(c.req.valid('param').id, viewerOf(c)), 200))
    .openapi(sync, async (c) => c.json(await service.syncNow(c.req.valid('param').id, { full: c.req.valid('query').full === 'true' }), 202));
}
