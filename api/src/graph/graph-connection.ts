import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { deltaPageSchema, orgContactSchema, removedSchema, type OrgContact } from './org-contact.ts';

export interface GraphConnectionOptions {
  authorityHost: string;
  graphBaseUrl: string;
  scope: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export interface DeltaPage {
  upserts: OrgContact[];
  removals: { id: string; reason: string }[];
  nextLink: string | null;
  deltaLink: string | null;
}

/** The first request of a full round; query options go on it alone, later links carry them. */
export const INITIAL_DELTA_PATH = '/contacts/delta';

/**
 * One data source's authenticated line to Graph. Where Graph and Entra live is configuration:
 * the same code reaches Microsoft's cloud, a national cloud, or a stand-in.
 */
export class GraphConnection {
  private readonly client: Client;
  private readonly msal: ConfidentialClientApplication;

  constructor(private readonly options: GraphConnectionOptions) {
    const authorityUrl = new URL(options.authorityHost);
    this.msal = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: `${options.authorityHost}/${options.tenantId}`,
        // Declaring the host trusted skips Microsoft's instance discovery, which only knows
        // Microsoft's own hosts; the authority's OpenID metadata is still read from the host.
        knownAuthorities: [authorityUrl.host],
      },
    });
    const authProvider: AuthenticationProvider = { getAccessToken: () => this.accessToken() };
    const graphUrl = new URL(options.graphBaseUrl);
    this.client = Client.initWithMiddleware({
      authProvider,
      baseUrl: options.graphBaseUrl,
      customHosts: new Set([graphUrl.hostname]),
      defaultVersion: 'v1.0',
    });
  }

  private async accessToken(): Promise<string> {
    const result = await this.msal.acquireTokenByClientCredential({ scopes: [this.options.scope] });
    if (!result) throw new Error('Entra returned no access token');
    return result.accessToken;
  }

  /** Reads one page of a delta round: the initial path, a nextLink or a deltaLink. */
  async readDeltaPage(link: string): Promise<DeltaPage> {
    const body: unknown = await this.client.api(link).get();
    const page = deltaPageSchema.parse(body);
    const upserts: OrgContact[] = [];
    const removals: DeltaPage['removals'] = [];
    for (const item of page.value) {
      const removed = removedSchema.safeParse(item);
      if (removed.success) removals.push({ id: removed.data.id, reason: removed.data['@removed'].reason });
      else upserts.push(orgContactSchema.parse(item));
    }
    return {
      upserts,
      removals,
      nextLink: page['@odata.nextLink'] ?? null,
      deltaLink: page['@odata.deltaLink'] ?? null,
    };
  }

  async countContacts(): Promise<number> {
    const body: unknown = await this.client.api('/contacts/$count').header('ConsistencyLevel', 'eventual').get();
    return Number(typeof body === 'string' ? body : String(body));
  }
}
