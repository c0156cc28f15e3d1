import { z } from 'zod';

const pageSchema = z.object({
  value: z.array(z.object({ id: z.string() })),
  '@odata.nextLink': z.string().optional(),
});

const REQUEST_TIMEOUT_MS = 10_000;
/** A user in more groups than this is read no further: the rest cannot change an access decision much, and it bounds the work. */
const MAX_PAGES = 20;

/**
 * The ids of every group a user belongs to, directly or through nested groups
 * (`/users/{id}/transitiveMemberOf/microsoft.graph.group`), as Entra points to when a token's
 * groups claim overflowed. Needs an app-only token with GroupMember.Read.All (or Directory.Read.All).
 */
export async function readTransitiveGroups(graphBaseUrl: string, accessToken: () => Promise<string>, userId: string): Promise<string[]> {
  const groups: string[] = [];
  let url: string | undefined = `${graphBaseUrl}/v1.0/users/${encodeURIComponent(userId)}/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${await accessToken()}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Graph answered ${response.status} reading the user's groups`);
    const body = pageSchema.parse(await response.json());
    groups.push(...body.value.map((g) => g.id));
    url = body['@odata.nextLink'];
  }
  return groups;
}
