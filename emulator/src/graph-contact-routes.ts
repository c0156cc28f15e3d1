// Graph v1.0: the read-only orgContact endpoints (list, $count, get by id) plus delta.

import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from './context.ts';
import { deltaHandler } from './graph-delta.ts';
import { READ_ORG_CONTACTS, requirePermission } from './graph-permissions.ts';
import { expiredPageToken, GraphError, odataJson, resourceNotFound, type GraphEnv } from './graph-response.ts';
import {
  contextUrl,
  nextPageLink,
  parseCount,
  parseSelect,
  parseTop,
  rejectUnsupportedOptions,
  requireAdvancedQuery,
  requireEventualConsistency,
} from './odata-query.ts';
import { parseFilter, type CompiledFilter } from './odata-filter.ts';
import { openToken, sealToken } from './opaque-token.ts';
import { ORG_CONTACT_TYPE, selectProperties } from './org-contact.ts';
import type { Tenant } from './tenant.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listTokenSchema = z.object({ k: z.literal('ls'), after: z.string(), t: z.number(), f: z.string().nullable() });

/** Counting a filter walks the whole tenant and a partitioned reader asks on every page, so
 * counts are kept per tenant object and version. */
const countCache = new WeakMap<Tenant, Map<string, number>>();

function countMatching(ctx: EmulatorContext, filter: CompiledFilter): number {
  let perTenant = countCache.get(ctx.tenant);
  if (!perTenant) countCache.set(ctx.tenant, (perTenant = new Map()));
  const key = `${ctx.tenant.sequence}:${filter.text}`;
  let n = perTenant.get(key);
  if (n === undefined) {
    n = ctx.tenant.countMatching(filter.test);
    if (perTenant.size >= 64) perTenant.delete(perTenant.keys().next().value as string);
    perTenant.set(key, n);
  }
  return n;
}

const readContacts: MiddlewareHandler<GraphEnv> = async (c, next) => {
  requirePermission(c, READ_ORG_CONTACTS);
  await next();
};

export function contactRoutes(ctx: EmulatorContext): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();

  app.get('/contacts', readContacts, (c) => {
    rejectUnsupportedOptions(c, ['$top', '$select', '$count', '$skiptoken', '$filter']);
    const top = parseTop(c.req.query('$top'));
    const select = parseSelect(c.req.query('$select'), ORG_CONTACT_TYPE);
    const count = parseCount(c.req.query('$count'));
    if (count) requireEventualConsistency(c);
    let after: string | undefined;
    let filterText = c.req.query('$filter');
    const skiptoken = c.req.query('$skiptoken');
    if (skiptoken !== undefined) {
      const state = openToken(ctx.tokenSecret, skiptoken, listTokenSchema);
      if (!state) throw new GraphError(400, 'Request_BadRequest', `Invalid skip token '${skiptoken}'.`);
      if (ctx.fidelity.pageTokenExpired(state.t)) throw expiredPageToken();
      // The token carries the filter its listing started with; a different one is a different listing.
      if (filterText !== undefined && filterText !== (state.f ?? undefined)) {
        throw new GraphError(400, 'Request_BadRequest', 'The $filter of a page request must be the one the skip token was issued for.');
      }
      filterText = state.f ?? undefined;
      after = state.after;
    }
    const filter = filterText === undefined ? undefined : parseFilter(filterText, ORG_CONTACT_TYPE);
    if (filter && filter.advanced.length > 0) requireAdvancedQuery(c, filter.advanced[0] as string);
    const page = filter ? ctx.tenant.pageAfterMatching(after, top, filter.test) : ctx.tenant.pageAfter(after, top);
    const last = page.items.at(-1);
    const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx.baseUrl, 'contacts', select) };
    if (count) body['@odata.count'] = filter ? countMatching(ctx, filter) : ctx.tenant.count;
    if (page.more && last) {
      const token = sealToken(ctx.tokenSecret, { k: 'ls', after: last.id, t: ctx.fidelity.now(), f: filter?.text ?? null });
      body['@odata.nextLink'] = nextPageLink(ctx, c, token);
    }
    body.value = page.items.map((item) => selectProperties(item, select));
    return odataJson(c, body, { objects: page.items.length });
  });

  app.get('/contacts/$count', readContacts, (c) => {
    rejectUnsupportedOptions(c, []);
    requireEventualConsistency(c);
    return c.text(String(ctx.tenant.count), 200, { 'Content-Type': 'text/plain;charset=utf-8' });
  });

  const delta = deltaHandler(ctx);
  app.get('/contacts/delta', readContacts, delta);
  app.get('/contacts/delta()', readContacts, delta);

  app.get('/contacts/:id', readContacts, (c) => {
    rejectUnsupportedOptions(c, ['$select']);
    const id = c.req.param('id');
    if (!GUID.test(id)) throw new GraphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);
    const select = parseSelect(c.req.query('$select'), ORG_CONTACT_TYPE);
    const contact = ctx.tenant.get(id);
    if (!contact) throw resourceNotFound(id);
    return odataJson(c, { '@odata.context': contextUrl(ctx.baseUrl, 'contacts', select, '/$entity'), ...selectProperties(contact, select) }, { objects: 1 });
  });

  // orgContacts are read-only in Graph: they are managed in Exchange Online.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], ['/contacts', '/contacts/*'], () => {
    throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  });

  return app;
}
