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
    const result = await msal.acquireTokenByClientCredential({ scopes: [credentials.scope] });
    if (!result) throw new Error('Entra returned no access token');
    return result.accessToken;
  };
}

/** The data source holds no app secret (REMOVE APP took it, or none was ever entered). */
export class MissingCredentialsError extends Error {
  static readonly errorName = 'MissingCredentialsError';

  constructor() {
    super('no app credentials');
    this.name = MissingCredentialsError.errorName;
  }
}
