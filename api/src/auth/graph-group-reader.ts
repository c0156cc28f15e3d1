import type { Config } from '../config.ts';
import { appTokenSource } from '../graph/app-token.ts';
import { readTransitiveGroups } from '../graph/transitive-groups.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { Store } from '../store/store.ts';
import type { GroupReader } from './group-membership.ts';

/**
 * Reads an overflowing user's groups with the app credentials of an enabled data source of the
 * user's tenant: the app GENERATE APP created for it, which holds GroupMember.Read.All when the
 * source is restricted to groups. Token sources are kept per credential so MSAL's cache works.
 */
export function graphGroupReader(config: Config, store: Store, secrets: SecretBox): GroupReader {
  const tokenSources = new Map<string, () => Promise<string>>();
  return async (principal) => {
    const sources = await store.dataSources.list();
    const source = sources.find((s) => s.enabled && s.secretSealed && s.tenantId.toLowerCase() === principal.tenantId.toLowerCase());
    if (!source) throw new Error(`no enabled data source of tenant ${principal.tenantId} has app credentials to read group memberships`);
    const key = `${source.tenantId}/${source.clientId}/${source.secretSealed}`;
    let token = tokenSources.get(key);
    if (!token) {
      token = appTokenSource({
        authorityHost: config.auth.authorityHost,
        tenantId: source.tenantId,
        clientId: source.clientId,
        clientSecret: secrets.open(source.secretSealed),
        scope: config.graph.scope,
      });
      tokenSources.set(key, token);
    }
    return readTransitiveGroups(config.graph.baseUrl, token, principal.oid);
  };
}
