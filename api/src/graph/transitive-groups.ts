import { z } from 'zod';
import { graphRequest } from './graph-request.ts';

const pageSchema = z.object({
  value: z.array(z.object({ id: z.string() })),
  '@odata.nextLink': z.string().optional(),
});

/** Bounds the work for one user (20 pages of 999). Groups past it are not counted: access fails closed. */
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
    const body = pageSchema.parse(await graphRequest({ url, token: await accessToken() }));
    groups.push(...body.value.map((g) => g.id));
    url = body['@odata.nextLink'];
  }
  return groups;
}
