// Answers for the directory's object collections (users, groups, applications, ...): the query
// options Graph offers on them ($top, $select, $filter, $search, $orderby, $count), paging by
// skip token, and single objects with $select. Collections here are small, so a request
// filters and sorts the whole of one.

import type { Context } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from './context.ts';
import { expiredPageToken, GraphError, odataJson, type GraphEnv } from './graph-response.ts';
import { parseFilter, type FilterableType } from './odata-filter.ts';
import {
  contextUrl,
  nextPageLink,
  parseCount,
  parseSelect,
  parseTop,
  rejectUnsupportedOptions,
  requireAdvancedQuery,
  requireEventualConsistency,
  requireEventualForSearch,
} from './odata-query.ts';
import { parseSearch, type SearchableType } from './odata-search.ts';
import { openToken, sealToken } from './opaque-token.ts';

/** One entity type of a collection: what $select, $filter and $search may name. */
export interface EntityType extends FilterableType, SearchableType {
  /** Properties answered without $select (users: a few; most types: all). */
  defaultSelect?: readonly string[];
}

export type Row = Record<string, unknown> & { id: string };

export interface CollectionOptions {
  /** `@odata.context` fragment: an entity set (`groups`) or a path (`directoryObjects`). */
  context: string;
  filter?: boolean;
  search?: boolean;
  orderby?: boolean;
}

const pageTokenSchema = z.object({ k: z.literal('co'), o: z.number().int().min(0), t: z.number() });

export function collectionResponse(c: Context<GraphEnv>, ctx: EmulatorContext, rows: readonly Row[], type: EntityType, options: CollectionOptions): Response {
  rejectUnsupportedOptions(c, [
    '$top',
    '$select',
    '$skiptoken',
    '$count',
    ...(options.filter ? ['$filter'] : []),
    ...(options.search ? ['$search'] : []),
    ...(options.orderby ? ['$orderby'] : []),
  ]);
  const top = parseTop(c.req.query('$top'));
  const select = parseSelect(c.req.query('$select'), type);
  const count = parseCount(c.req.query('$count'));
  if (count) requireEventualConsistency(c);
  let matched = [...rows];
  const filterText = c.req.query('$filter');
  if (filterText !== undefined) {
    const filter = parseFilter(filterText, type);
    if (filter.advanced.length > 0) requireAdvancedQuery(c, filter.advanced[0] as string);
    matched = matched.filter((row) => filter.test(row));
  }
  const searchText = c.req.query('$search');
  if (searchText !== undefined) {
    requireEventualForSearch(c);
    const search = parseSearch(searchText, type);
    matched = matched.filter((row) => search.test(row));
  }
  const orderby = c.req.query('$orderby');
  if (orderby !== undefined) {
    // Sorting a filtered or searched result is an advanced query.
    if (filterText !== undefined || searchText !== undefined) requireAdvancedQuery(c, '$orderby');
    matched = sortRows(matched, orderby, type);
  }
  let offset = 0;
  const skiptoken = c.req.query('$skiptoken');
  if (skiptoken !== undefined) {
    const state = openToken(ctx.tokenSecret, skiptoken, pageTokenSchema);
    if (!state) throw new GraphError(400, 'Request_BadRequest', `Invalid skip token '${skiptoken}'.`);
    if (ctx.fidelity.pageTokenExpired(state.t)) throw expiredPageToken();
    offset = state.o;
  }
  const page = matched.slice(offset, offset + top);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx.baseUrl, options.context, select) };
  if (count) body['@odata.count'] = matched.length;
  if (offset + top < matched.length) {
    body['@odata.nextLink'] = nextPageLink(ctx, c, sealToken(ctx.tokenSecret, { k: 'co', o: offset + top, t: ctx.fidelity.now() }));
  }
  body.value = page.map((row) => project(row, select ?? type.defaultSelect));
  return odataJson(c, body, { objects: page.length });
}

/** One object, with `$select`. */
export function entityResponse(c: Context<GraphEnv>, ctx: EmulatorContext, row: Row, type: EntityType, entitySet: string): Response {
  rejectUnsupportedOptions(c, ['$select']);
  const select = parseSelect(c.req.query('$select'), type);
  return odataJson(c, { '@odata.context': contextUrl(ctx.baseUrl, entitySet, select, '/$entity'), ...project(row, select ?? type.defaultSelect) }, { objects: 1 });
}

/** Keeps `@odata.type` (mixed collections) and `id`, as Graph does whatever is selected. */
function project(row: Row, select: readonly string[] | undefined): Record<string, unknown> {
  if (!select) return row;
  const out: Record<string, unknown> = {};
  if (row['@odata.type'] !== undefined) out['@odata.type'] = row['@odata.type'];
  for (const p of select) if (p in row) out[p] = row[p];
  out.id = row.id;
  return out;
}

function sortRows(rows: Row[], orderby: string, type: EntityType): Row[] {
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderby);
  const prop = match ? type.properties.find((p) => p.toLowerCase() === (match[1] as string).toLowerCase()) : undefined;
  if (!match || !prop || type.filterable[prop] !== 'string') {
    throw new GraphError(400, 'Request_UnsupportedQuery', `Sorting by '${orderby}' is not supported on resource '${type.resource}'.`);
  }
  const direction = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  const text = (row: Row) => (typeof row[prop] === 'string' ? (row[prop] as string) : null);
  return rows.sort((a, b) => {
    const x = text(a);
    const y = text(b);
    // Objects without a value come last either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return direction * x.localeCompare(y, 'en', { sensitivity: 'base' });
  });
}
