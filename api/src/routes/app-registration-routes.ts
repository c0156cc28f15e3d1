import { createRoute, z } from '@hono/zod-openapi';
import { checkAccessSchema, directoryObjectSearchSchema, generateAppSchema, LIMITS, removeAppSchema, replaceAppSchema, type ReplaceAppResponse } from '../../../contracts/index.ts';
import type { AppRegistrationService } from '../app-registration/app-registration-service.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import { requireAdmin } from '../auth/require-auth.ts';
import type { DataSourceService } from '../data-sources/data-source-service.ts';
import { BEARER, createRouter } from './openapi-app.ts';

const generate = createRoute({
  method: 'post',
  path: '/api/app-registrations',
  summary: 'GENERATE APP: create an Entra app that may read mail contacts, with the administrator\'s delegated Graph token (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { body: { content: { 'application/json': { schema: generateAppSchema } }, required: true } },
  responses: { 201: { description: 'The app; its secret stays sealed in the API under `credentialId`' }, 403: { description: 'Entra refused: the missing right is named' } },
});

const check = createRoute({
  method: 'post',
  path: '/api/app-registrations/check',
  summary: 'CHECK ACCESS: token, permissions and one contact read, for typed, generated or saved credentials (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { body: { content: { 'application/json': { schema: checkAccessSchema } }, required: true } },
  responses: { 200: { description: 'One result per check' } },
});

const credentialParam = z.object({ credentialId: z.string().uuid() });
const sourceParam = z.object({ id: z.string().regex(LIMITS.sourceIdPattern) });

const removeGenerated = createRoute({
  method: 'post',
  path: '/api/app-registrations/{credentialId}/remove',
  summary: 'REMOVE APP for a generated app no data source has taken yet (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: credentialParam, body: { content: { 'application/json': { schema: removeAppSchema } }, required: true } },
  responses: { 204: { description: 'Deleted in Entra and here' } },
});

const removeFromSource = createRoute({
  method: 'post',
  path: '/api/datasources/{id}/app/remove',
  summary: "REMOVE APP: delete the data source's generated app in Entra and its stored credentials (administrators)",
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: sourceParam, body: { content: { 'application/json': { schema: removeAppSchema } }, required: true } },
  responses: { 200: { description: 'The data source, without credentials' } },
});

const replaceOnSource = createRoute({
  method: 'post',
  path: '/api/datasources/{id}/app/replace',
  summary:
    "A generated app takes the data source's place of its current app, which is then deleted in Entra if Switchboard generated it (one entered by hand never is). The replacement stands even when Entra refuses the deletion; the answer says so (administrators)",
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: sourceParam, body: { content: { 'application/json': { schema: replaceAppSchema } }, required: true } },
  responses: { 200: { description: 'The data source with its new app, and what became of the old one' } },
});

const directoryKind = z.object({ kind: z.enum(['groups', 'users']) });
const searchDirectory = createRoute({
  method: 'get',
  path: '/api/directory-objects/{kind}',
  summary: 'Groups or users of the tenant by display name, for the authorization step (administrators)',
  security: BEARER,
  middleware: [requireAdmin] as const,
  request: { params: directoryKind, query: directoryObjectSearchSchema },
  responses: { 200: { description: 'Up to 20 matches' } },
});

export function appRegistrationRoutes(apps: AppRegistrationService, dataSources: DataSourceService, audit: AuditTrail) {
  const router = createRouter();
  router.post('/api/app-registrations', audit.record('app.generate', (_, body) => ({ target: typeof body?.['tenantId'] === 'string' ? body['tenantId'] : null, details: { displayName: body?.['displayName'] ?? null } })));
  router.post('/api/app-registrations/check', audit.record('app.check', (_, body) => ({ target: checkedTarget(body) })));
  router.post('/api/app-registrations/:credentialId/remove', audit.record('app.remove', (c) => ({ target: c.req.param('credentialId') ?? null })));
  router.post('/api/datasources/:id/app/remove', audit.record('app.remove'));
  router.post('/api/datasources/:id/app/replace', audit.record('datasource.update', () => ({ details: { fields: ['credentialId'] } })));
  return router
    .openapi(generate, async (c) => c.json(await apps.generate(c.req.valid('json'), c.get('principal')), 201))
    .openapi(check, async (c) => c.json(await apps.checkAccess(c.req.valid('json')), 200))
    .openapi(removeGenerated, async (c) => {
      await apps.removeGenerated(c.req.valid('param').credentialId, c.req.valid('json').graphToken);
      return c.body(null, 204);
    })
    .openapi(removeFromSource, async (c) => {
      const { id } = c.req.valid('param');
      await apps.removeFromSource(id, c.req.valid('json').graphToken);
      return c.json(await dataSources.view(id), 200);
    })
    .openapi(replaceOnSource, async (c) => {
      const { credentialId, graphToken } = c.req.valid('json');
      const { source, previous } = await dataSources.replaceApp(c.req.valid('param').id, credentialId);
      const replaced = previous === null ? null : await apps.removeReplaced(previous, graphToken);
      if (replaced !== null) {
        const { problem } = replaced;
        await audit.append(c, 'app.remove', {
          target: replaced.clientId,
          status: problem?.status ?? 204,
          code: problem?.code ?? null,
          details: { sourceId: source.id, replacedBy: source.clientId },
        });
      }
      const body: ReplaceAppResponse = { source, replaced };
      return c.json(body, 200);
    })
    .openapi(searchDirectory, async (c) => {
      const { search, credentialId, sourceId } = c.req.valid('query');
      // The schema lets exactly one of them through.
      const app = credentialId ? { credentialId } : { sourceId: sourceId ?? '' };
      return c.json(await apps.searchDirectory(c.req.valid('param').kind, search, app), 200);
    });
}

/** Which app was checked, without the secret a manual check carries. */
function checkedTarget(body: Record<string, unknown> | null): string | null {
  const named = body?.['sourceId'] ?? body?.['credentialId'] ?? body?.['clientId'];
  return typeof named === 'string' ? named : null;
}
