// The OData query options of Graph's directory collections, validated like Graph validates them,
// and the links and context URLs of their answers.

import type { Context } from 'hono';
import type { EmulatorContext } from './context.ts';
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

/** Parses `$select` against a type's properties (matched regardless of case, as Graph does);
 * undefined means "the default properties". */
export function parseSelect<P extends string>(raw: string | undefined, type: { name: string; properties: readonly P[] }): P[] | undefined {
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return undefined;
  const out: P[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim();
    const prop = type.properties.find((p) => p.toLowerCase() === name.toLowerCase());
    if (!prop) {
      throw new GraphError(400, 'Request_BadRequest', `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${type.name}'.`);
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

function eventual(c: Context): boolean {
  return (c.req.header('consistencylevel') ?? '').trim().toLowerCase() === 'eventual';
}

/** Advanced queries ($count, $search) need `ConsistencyLevel: eventual`. */
export function requireEventualConsistency(c: Context): void {
  if (!eventual(c)) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
}

export function requireEventualForSearch(c: Context): void {
  if (!eventual(c)) {
    throw new GraphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
}

/** `ne`, `not`, `ge` and `le` in `$filter` are advanced queries: they need `ConsistencyLevel: eventual`
 * (real Graph often wants `$count=true` as well; the emulator asks only for the header). */
export function requireAdvancedQuery(c: Context, operator: string): void {
  if (!eventual(c)) {
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
    );
  }
}

/** `@odata.context` names the selected properties, like Graph: `$metadata#contacts(id,displayName)`. */
export function contextUrl(baseUrl: string, entitySet: string, select: readonly string[] | undefined, suffix = ''): string {
  const props = select && select.length > 0 ? `(${select.join(',')})` : '';
  return `${baseUrl}/v1.0/$metadata#${entitySet}${props}${suffix}`;
}

/** The next page's link: the caller's query options (Graph keeps them) with a new skip token. */
export function nextPageLink(ctx: EmulatorContext, c: Context, token: string): string {
  const url = new URL(c.req.url);
  const parts: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (name !== '$skiptoken') parts.push(`${name}=${encodeQueryValue(value)}`);
  }
  parts.push(`$skiptoken=${token}`);
  return `${ctx.baseUrl}${url.pathname}?${parts.join('&')}`;
}

/** Query-string encoding that keeps OData punctuation readable, as Graph's own links do. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%24/g, '$').replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%27/g, "'");
}
