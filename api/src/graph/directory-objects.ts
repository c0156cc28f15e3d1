import { z } from 'zod';
import type { DirectoryObjectHit } from '../../../contracts/index.ts';
import { graphRequest } from './graph-request.ts';

const PICKER_RESULTS = 20;
const pageSchema = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string().nullable().optional(), mail: z.string().nullable().optional(), userPrincipalName: z.string().nullable().optional() })),
});

/**
 * Groups or users whose display name matches, for the authorization step's pickers. `$search`
 * needs `ConsistencyLevel: eventual` in Graph; quotes in the term are dropped, since they would
 * end Graph's search expression.
 */
export async function readDirectoryObjects(graphBaseUrl: string, accessToken: () => Promise<string>, kind: 'groups' | 'users', term: string): Promise<DirectoryObjectHit[]> {
  const clean = term.replace(/["\\]/g, ' ').trim();
  const select = kind === 'groups' ? 'id,displayName,mail' : 'id,displayName,mail,userPrincipalName';
  const url = `${graphBaseUrl}/v1.0/${kind}?$search=${encodeURIComponent(`"displayName:${clean}"`)}&$select=${select}&$top=${PICKER_RESULTS}`;
  const body = pageSchema.parse(await graphRequest({ url, token: await accessToken(), headers: { ConsistencyLevel: 'eventual' } }));
  return body.value.map((o) => ({ id: o.id, displayName: o.displayName ?? o.id, secondary: o.mail ?? o.userPrincipalName ?? null }));
}
