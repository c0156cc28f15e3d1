/**
 * Splits a full listing into slices that can be read in parallel. `/contacts` pages only
 * forward (skiptoken, no `$skip`), so parallelism needs disjoint filters. Graph orders listings
 * by object id, which is random with respect to names, so the first page is a fair sample of
 * the display names: its quantiles give slices of about equal size.
 *
 * Slices are `not(displayName ge b1)`, `displayName ge b1 and not(displayName ge b2)`, …,
 * `displayName ge bn`: complementary by construction whatever collation the directory uses.
 * Contacts without a display name get a slice of their own (`eq null`); if the directory also
 * counts them into the first slice, reading them twice is harmless (upserts).
 */
export function partitionFilters(sampleNames: readonly (string | null | undefined)[], slices: number): string[] {
  const names = sampleNames
    .filter((n): n is string => typeof n === 'string' && n !== '')
    .map((n) => n.toLowerCase())
    .sort();
  const bounds: string[] = [];
  for (let i = 1; i < slices; i++) {
    const bound = names[Math.floor((i * names.length) / slices)];
    if (bound !== undefined && bound !== bounds.at(-1)) bounds.push(bound);
  }
  const ge = (b: string) => `displayName ge ${literal(b)}`;
  const filters = ['displayName eq null'];
  if (bounds.length === 0) return [...filters, 'not(displayName eq null)'];
  filters.push(`not(${ge(bounds[0] as string)})`);
  for (let i = 1; i < bounds.length; i++) filters.push(`${ge(bounds[i - 1] as string)} and not(${ge(bounds[i] as string)})`);
  filters.push(ge(bounds.at(-1) as string));
  return filters;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export const LIST_PAGE_SIZE = 999;

export function listLink(filter: string | null): string {
  // Range filters are advanced queries: Graph wants `$count=true` beside the ConsistencyLevel header.
  const query = [`$top=${LIST_PAGE_SIZE}`, ...(filter ? [`$filter=${encodeURIComponent(filter)}`, '$count=true'] : [])];
  return `/contacts?${query.join('&')}`;
}
