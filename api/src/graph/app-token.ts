import { setTimeout as sleep } from 'node:timers/promises';
import { ConfidentialClientApplication } from '@azure/msal-node';

export interface AppCredentials {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

/**
 * App-only access tokens for Graph (client credentials), cached and renewed by MSAL. Where Entra
 * lives is configuration: Microsoft's cloud, a national cloud, or a stand-in.
 */
export function appTokenSource(credentials: AppCredentials): () => Promise<string> {
  if (!credentials.clientSecret) return () => Promise.reject(new MissingCredentialsError());
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `${credentials.authorityHost}/${credentials.tenantId}`,
      // Declaring the host trusted skips Microsoft's instance discovery, which only knows
      // Microsoft's own hosts; the authority's OpenID metadata is still read from the host.
      knownAuthorities: [new URL(credentials.authorityHost).host],
    },
  });
  return async () => {
    for (const delay of [...NEW_APP_RETRY_DELAYS_MS, null]) {
      try {
        const result = await msal.acquireTokenByClientCredential({ scopes: [credentials.scope] });
        if (!result) throw new Error('Entra returned no access token');
        return result.accessToken;
      } catch (error) {
        if (delay === null || !(error instanceof Error) || !NOT_YET_REPLICATED.test(error.message)) throw error;
        await sleep(delay);
      }
    }
    throw new Error('unreachable');
  };
}

/**
 * A just-generated app or secret is unknown to Entra's token service for a moment (replication):
 * "invalid client secret" (7000215) or "application not found" (700016). Retried a few times, so a
 * data source saved right after GENERATE APP does not fail its first round; a secret that is
 * really wrong fails a few seconds later with the same error.
 */
const NOT_YET_REPLICATED = /AADSTS(7000215|700016)/;
const NEW_APP_RETRY_DELAYS_MS = [1000, 2000, 4000];

/** The data source holds no app secret (REMOVE APP took it, or none was ever entered). */
export class MissingCredentialsError extends Error {
  static readonly errorName = 'MissingCredentialsError';

  constructor() {
    super('no app credentials');
    this.name = MissingCredentialsError.errorName;
  }
}
