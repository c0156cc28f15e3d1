import { isExpiredPageToken } from '../graph/graph-errors.ts';
import type { RoundRun } from './round-run.ts';

/**
 * Follows a delta round from the saved deltaLink (or the page it stopped at) to its new
 * deltaLink. Replays are idempotent upserts; `@removed` objects (changed or deleted) leave.
 */
export async function runDeltaRound(run: RoundRun): Promise<void> {
  const start = run.state.deltaLink;
  if (!start) throw new Error('a delta round needs a deltaLink');
  let link = run.state.resumeLink ?? start;
  for (;;) {
    let page;
    try {
      page = await run.reader.readDeltaPage(link);
    } catch (error) {
      // An expired page token mid-round: the round's start link still holds every change.
      if (!isExpiredPageToken(error) || link === start) throw error;
      link = start;
      continue;
    }
    const { upserts, removals, nextLink, deltaLink } = page;
    for (const c of upserts) run.touched.add(c.id);
    for (const r of removals) run.touched.add(r.id);
    run.state = { ...run.state, resumeLink: deltaLink ? null : nextLink, deltaLink: deltaLink ?? run.state.deltaLink };
    await run.commit(upserts.length + removals.length, async (tx) => {
      await tx.contacts.upsert(run.sourceId, upserts, run.stamp());
      await tx.contacts.remove(
        run.sourceId,
        removals.map((r) => r.id),
      );
    });
    if (deltaLink) return;
    if (!nextLink) throw new Error('Graph ended a delta page with neither a nextLink nor a deltaLink');
    link = nextLink;
  }
}
