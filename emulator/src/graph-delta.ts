// GET /contacts/delta: full rounds, incremental rounds from a deltatoken, and
// `$deltatoken=latest`. Paging within a round walks ids in listing order. Behaviour adds the
// real service's quirks: replayed objects, empty pages with a nextLink, expired page tokens
// and expired delta links (in the form configured).

import type { Context, Handler } from 'hono';
import { partitionPoint } from './binary-search.ts';
import type { EmulatorContext } from './context.ts';
import { openDeltaLink, openDeltaPage, sealDeltaLink, sealDeltaPage, type DeltaPageState } from './delta-tokens.ts';
import { expiredPageToken, GraphError, odataJson, type GraphEnv } from './graph-response.ts';
import { contextUrl, encodeQueryValue, parseSelect, rejectUnsupportedOptions } from './odata-query.ts';
import { ORG_CONTACT_ODATA_TYPE, ORG_CONTACT_TYPE, selectProperties, type OrgContact } from './org-contact.ts';

type DeltaItem = Partial<OrgContact> | { '@odata.type': string; id: string; '@removed': { reason: string } };

/** Most objects one replay re-sends. */
const MAX_REPLAY = 10;

function syncStateNotFound(): GraphError {
  return new GraphError(400, 'syncStateNotFound', 'The specified delta token or skip token is invalid or has expired. Start a new round of synchronization without a token.');
}

/** An expired deltaLink, answered in the configured form. */
function deltaTokenExpired(ctx: EmulatorContext, sel: readonly string[] | null): GraphError {
  const form = ctx.fidelity.behaviour.deltaTokenExpiry;
  if (form === 'syncStateNotFound') return syncStateNotFound();
  const message =
    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.";
  if (form === 'resyncRequired') return new GraphError(400, 'resyncRequired', message);
  const fresh = `${ctx.baseUrl}/v1.0/contacts/delta${sel && sel.length > 0 ? `?$select=${encodeQueryValue(sel.join(','))}` : ''}`;
  return new GraphError(410, 'resyncRequired', message, { Location: fresh });
}

export function deltaHandler(ctx: EmulatorContext): Handler<GraphEnv> {
  return (c) => {
    rejectUnsupportedOptions(c, ['$select', '$skiptoken', '$deltatoken', '$top']);
    const skiptoken = c.req.query('$skiptoken');
    const deltatoken = c.req.query('$deltatoken');
    const now = ctx.fidelity.now();
    let state: DeltaPageState;
    if (skiptoken !== undefined) {
      // Query options belong to the first request; later links carry them inside the token.
      const page = openDeltaPage(ctx.tokenSecret, skiptoken);
      if (!page) throw syncStateNotFound();
      // Same code as an expired list skiptoken: the directory reports page tokens alike.
      if (ctx.fidelity.pageTokenExpired(page.t)) throw expiredPageToken();
      state = page;
    } else if (deltatoken !== undefined) {
      if (deltatoken === 'latest') {
        const sel = parseSelect(c.req.query('$select'), ORG_CONTACT_TYPE) ?? null;
        return respond(c, ctx, sel, [], { deltaLink: sealDeltaLink(ctx.tokenSecret, ctx.tenant.sequence, sel, ctx.fidelity.deltaEpoch) });
      }
      const link = openDeltaLink(ctx.tokenSecret, deltatoken);
      if (!link) throw syncStateNotFound();
      if (link.e < ctx.fidelity.deltaEpoch) throw deltaTokenExpired(ctx, link.sel);
      state = { since: link.since, upTo: ctx.tenant.sequence, after: null, sel: link.sel, t: now };
    } else {
      state = { since: null, upTo: ctx.tenant.sequence, after: null, sel: parseSelect(c.req.query('$select'), ORG_CONTACT_TYPE) ?? null, t: now };
    }
    return page(c, ctx, state);
  };
}

function page(c: Context<GraphEnv>, ctx: EmulatorContext, state: DeltaPageState): Response {
  const behaviour = ctx.fidelity.behaviour;
  if (behaviour.emptyPageProbability > 0 && ctx.fidelity.rng('empty').chance(behaviour.emptyPageProbability)) {
    // Nothing this time; the same position follows on the nextLink.
    return respond(c, ctx, state.sel, [], { nextLink: sealDeltaPage(ctx.tokenSecret, { ...state, t: ctx.fidelity.now() }) });
  }
  const size = ctx.deltaPageSize;
  const sel = state.sel ?? undefined;
  const value: DeltaItem[] = [];
  let lastId: string | undefined;
  let more: boolean;
  /** Ids this round has already sent (a prefix of its order): where replays come from. */
  let sentBefore: { count: number; idAt: (i: number) => string | undefined };
  const itemFor = (id: string): DeltaItem | undefined => {
    const current = ctx.tenant.stateOf(id);
    if (state.since === null) return current?.kind === 'live' ? selectProperties(current.contact, sel) : undefined;
    // Changed again after upTo: the next round reports its then-current state.
    if (!current || current.seq <= state.since || current.seq > state.upTo) return undefined;
    if (current.kind === 'live') return selectProperties(current.contact, sel);
    return { '@odata.type': ORG_CONTACT_ODATA_TYPE, id, '@removed': { reason: current.reason } };
  };
  if (state.since === null) {
    const { items, more: hasMore } = ctx.tenant.pageAfter(state.after ?? undefined, size);
    for (const item of items) value.push(selectProperties(item, sel));
    lastId = items.at(-1)?.id;
    more = hasMore;
    const upTo = state.after === null ? 0 : ctx.tenant.positionAfter(state.after);
    sentBefore = { count: upTo, idAt: (i) => ctx.tenant.idAt(i) };
  } else {
    const ids = ctx.tenant.changedIds(state.since, state.upTo);
    const after = state.after;
    const start = after === null ? 0 : partitionPoint(ids, (id) => id <= after);
    const slice = ids.slice(start, start + size);
    for (const id of slice) {
      const item = itemFor(id);
      if (item) value.push(item);
    }
    lastId = slice.at(-1);
    more = start + size < ids.length;
    sentBefore = { count: start, idAt: (i) => ids[i] };
  }
  if (behaviour.replayProbability > 0 && sentBefore.count > 0) {
    const rng = ctx.fidelity.rng('replay');
    if (rng.chance(behaviour.replayProbability)) {
      const picked = new Set<string>();
      const want = rng.int(1, Math.min(MAX_REPLAY, sentBefore.count));
      for (let tries = 0; picked.size < want && tries < want * 3; tries++) {
        const id = sentBefore.idAt(rng.int(0, sentBefore.count - 1));
        if (id !== undefined) picked.add(id);
      }
      const replayed = [...picked].map(itemFor).filter((item): item is DeltaItem => item !== undefined);
      value.unshift(...replayed);
    }
  }
  if (more && lastId !== undefined) {
    return respond(c, ctx, state.sel, value, { nextLink: sealDeltaPage(ctx.tokenSecret, { ...state, after: lastId, t: ctx.fidelity.now() }) });
  }
  return respond(c, ctx, state.sel, value, { deltaLink: sealDeltaLink(ctx.tokenSecret, state.upTo, state.sel, ctx.fidelity.deltaEpoch) });
}

function respond(
  c: Context<GraphEnv>,
  ctx: EmulatorContext,
  sel: readonly string[] | null,
  value: DeltaItem[],
  link: { nextLink: string } | { deltaLink: string },
): Response {
  const base = `${ctx.baseUrl}/v1.0/contacts/delta`;
  return odataJson(
    c,
    {
      '@odata.context': contextUrl(ctx.baseUrl, 'contacts', sel ?? undefined),
      ...('nextLink' in link ? { '@odata.nextLink': `${base}?$skiptoken=${link.nextLink}` } : { '@odata.deltaLink': `${base}?$deltatoken=${link.deltaLink}` }),
      value,
    },
    { objects: value.length },
  );
}
