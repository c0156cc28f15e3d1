// GET /contacts/delta: full rounds, incremental rounds from a deltatoken, and
// `$deltatoken=latest`. Paging within a round walks ids in listing order.

import type { Context, Handler } from 'hono';
import { partitionPoint } from './binary-search.ts';
import type { EmulatorContext } from './context.ts';
import { openDeltaLink, openDeltaPage, sealDeltaLink, sealDeltaPage, type DeltaPageState } from './delta-tokens.ts';
import { GraphError, odataJson, type GraphEnv } from './graph-response.ts';
import { contextUrl, parseSelect, rejectUnsupportedOptions } from './odata-query.ts';
import { ORG_CONTACT_ODATA_TYPE, selectProperties, type OrgContact } from './org-contact.ts';

type DeltaItem = Partial<OrgContact> | { '@odata.type': string; id: string; '@removed': { reason: string } };

function syncStateNotFound(): GraphError {
  return new GraphError(400, 'syncStateNotFound', 'The specified delta token or skip token is invalid or has expired. Start a new round of synchronization without a token.');
}

export function deltaHandler(ctx: EmulatorContext): Handler<GraphEnv> {
  return (c) => {
    rejectUnsupportedOptions(c, ['$select', '$skiptoken', '$deltatoken', '$top']);
    const skiptoken = c.req.query('$skiptoken');
    const deltatoken = c.req.query('$deltatoken');
    let state: DeltaPageState;
    if (skiptoken !== undefined) {
      // Query options belong to the first request; later links carry them inside the token.
      const page = openDeltaPage(ctx.tokenSecret, skiptoken);
      if (!page) throw syncStateNotFound();
      state = page;
    } else if (deltatoken !== undefined) {
      if (deltatoken === 'latest') {
        const sel = parseSelect(c.req.query('$select')) ?? null;
        return respond(c, ctx, sel, [], { deltaLink: sealDeltaLink(ctx.tokenSecret, ctx.tenant.sequence, sel) });
      }
      const link = openDeltaLink(ctx.tokenSecret, deltatoken);
      if (!link) throw syncStateNotFound();
      state = { since: link.since, upTo: ctx.tenant.sequence, after: null, sel: link.sel };
    } else {
      state = { since: null, upTo: ctx.tenant.sequence, after: null, sel: parseSelect(c.req.query('$select')) ?? null };
    }
    return page(c, ctx, state);
  };
}

function page(c: Context, ctx: EmulatorContext, state: DeltaPageState): Response {
  const size = ctx.deltaPageSize;
  const sel = state.sel ?? undefined;
  const value: DeltaItem[] = [];
  let lastId: string | undefined;
  let more: boolean;
  if (state.since === null) {
    const { items, more: hasMore } = ctx.tenant.pageAfter(state.after ?? undefined, size);
    for (const item of items) value.push(selectProperties(item, sel));
    lastId = items.at(-1)?.id;
    more = hasMore;
  } else {
    const since = state.since;
    const ids = ctx.tenant.changedIds(since, state.upTo);
    const after = state.after;
    const start = after === null ? 0 : partitionPoint(ids, (id) => id <= after);
    const slice = ids.slice(start, start + size);
    for (const id of slice) {
      const current = ctx.tenant.stateOf(id);
      // Changed again after upTo: the next round reports its then-current state.
      if (!current || current.seq <= since || current.seq > state.upTo) continue;
      if (current.kind === 'live') value.push(selectProperties(current.contact, sel));
      else value.push({ '@odata.type': ORG_CONTACT_ODATA_TYPE, id, '@removed': { reason: current.reason } });
    }
    lastId = slice.at(-1);
    more = start + size < ids.length;
  }
  if (more && lastId !== undefined) {
    return respond(c, ctx, state.sel, value, { nextLink: sealDeltaPage(ctx.tokenSecret, { ...state, after: lastId }) });
  }
  return respond(c, ctx, state.sel, value, { deltaLink: sealDeltaLink(ctx.tokenSecret, state.upTo, state.sel) });
}

function respond(
  c: Context,
  ctx: EmulatorContext,
  sel: readonly string[] | null,
  value: DeltaItem[],
  link: { nextLink: string } | { deltaLink: string },
): Response {
  const base = `${ctx.baseUrl}/v1.0/contacts/delta`;
  return odataJson(c, {
    '@odata.context': contextUrl(ctx.baseUrl, sel ?? undefined),
    ...('nextLink' in link ? { '@odata.nextLink': `${base}?$skiptoken=${link.nextLink}` } : { '@odata.deltaLink': `${base}?$deltatoken=${link.deltaLink}` }),
    value,
  });
}
