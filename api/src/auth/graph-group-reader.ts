import type { Config } from '../config.ts';
import { appTokenSource } from '../graph/app-token.ts';
import { readTransitiveGroups } from '../graph/transitive-groups.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import type { GroupReader } from './group-membership.ts';

/**
 * Reads an overflowing user's groups with the app credentials of an enabled data source of the
 * user's tenant. Sources restricted to groups are asked first: their app was set up with a group
 * picker, so it holds GroupMember.Read.All (GENERATE APP grants it); the others are tried after.
 * Token sources are kept per credential so MSAL's token cache works.
 */
export function graphGroupReader(config: Config, store: Store, secrets: SecretBox): GroupReader {
  const tokenSources = new Map<string, () => Promise<string>>();
  const tokenFor = (source: DataSourceRecord) => {
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
    return token;
  };
  return async (principal) => {
    const candidates = (await store.dataSources.list())
      .filter((s) => s.enabled && s.secretSealed && s.tenantId.toLowerCase() === principal.tenantId.toLowerCase())
      .sort((a, b) => Number(b.access.mode === 'groups') - Number(a.access.mode === 'groups'));
    let failure: unknown = new Error(`no enabled data source of tenant ${principal.tenantId} has app credentials to read group memberships`);
    for (const source of candidates) {
      try {
        return await readTransitiveGroups(config.graph.baseUrl, tokenFor(source), principal.oid);
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  };
}
