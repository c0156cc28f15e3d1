// The OData query options the contacts endpoints accept, validated like Graph validates them.

import type { Context } from 'hono';
import { findProperty, type OrgContactProperty } from './org-contact.ts';
import { GraphError } from './graph-response.ts';

export const DEFAULT_PAGE_SIZE = 100;

const NOT_IMPLEMENTED = new Set(['$filter', '$orderby', '$search', '$expand', '$format', '$apply']);

/** Rejects options Graph does not support here, and ones the emulator does not implement. */
export function rejectUnsupportedOptions(c: Context, allowed: readonly string[]): void {
  for (const name of new URL(c.req.url).searchParams.keys()) {
    if (!name.startsWith('$') || allowed.includes(name)) continue;
    if (name === '$skip') throw new GraphError(400, 'Request_BadRequest', "'$skip' is not supported by the service.");
    if (NOT_IMPLEMENTED.has(name)) {
      throw new GraphError(501, 'NotImplemented', `The emulator does not implement the query option '${name}' on this resource.`);
    }
    throw new GraphError(400, 'Request_BadRequest', `The query specified in the URI is not valid. Query option '${name}' is not allowed.`);
  }
}

export function parseTop(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw new GraphError(400, 'Request_BadRequest', `Invalid value '${raw}' for $top query option found. The $top query option requires a non-negative integer value.`);
  }
  const top = Number(raw);
  if (top < 1 || top > 999) {
    throw new GraphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);
  }
  return top;
}

/** Parses `$select`; undefined means "all properties". */
export function parseSelect(raw: string | undefined): OrgContactProperty[] | undefined {
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return undefined;
  const out: OrgContactProperty[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim();
    const prop = findProperty(name);
    if (!prop) {
      throw new GraphError(400, 'Request_BadRequest', `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.orgContact'.`);
    }
    if (!out.includes(prop)) out.push(prop);
  }
  return out;
}

export function parseCount(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new GraphError(400, 'Request_BadRequest', `Invalid value '${raw}' for $count query option found. Valid values are 'true', 'false'.`);
}

/** Advanced queries ($count, $search) need `ConsistencyLevel: eventual`. */
export function requireEventualConsistency(c: Context): void {
  if ((c.req.header('consistencylevel') ?? '').trim().toLowerCase() !== 'eventual') {
    throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  }
}

/** `ne`, `not`, `ge` and `le` in `$filter` are advanced queries: they need `ConsistencyLevel: eventual`
 * (real Graph often wants `$count=true` as well; the emulator asks only for the header). */
export function requireAdvancedQuery(c: Context, operator: string): void {
  if ((c.req.header('consistencylevel') ?? '').trim().toLowerCase() !== 'eventual') {
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
    );
  }
}

/** `@odata.context` names the selected properties, like Graph: `$metadata#contacts(id,displayName)`. */
export function contextUrl(baseUrl: string, select: readonly string[] | undefined, suffix = ''): string {
  const props = select && select.length > 0 ? `(${select.join(',')})` : '';
  return `${baseUrl}/v1.0/$metadata#contacts${props}${suffix}`;
}

/** Query-string encoding that keeps OData punctuation readable, as Graph's own links do. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%24/g, '$').replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%27/g, "'");
}
