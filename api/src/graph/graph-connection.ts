import { AuthenticationHandler, Client, HTTPMessageHandler, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { appTokenSource } from './app-token.ts';
import { deltaPageSchema, orgContactSchema, removedSchema, type OrgContact } from './org-contact.ts';
import type { TenantGate } from './tenant-gate.ts';
import { ThrottledTransport, type TransportObserver } from './throttled-transport.ts';

export interface GraphConnectionOptions {
  authorityHost: string;
  graphBaseUrl: string;
  scope: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  gate: TenantGate;
  signal: AbortSignal;
  observer?: TransportObserver;
}

export interface DeltaPage {
  upserts: OrgContact[];
  removals: { id: string; reason: string }[];
  nextLink: string | null;
  deltaLink: string | null;
}

export interface ListPage {
  contacts: OrgContact[];
  nextLink: string | null;
}

/** The first request of a full delta round; query options go on it alone, later links carry them. */
export const INITIAL_DELTA_PATH = '/contacts/delta';

const listPageSchema = z.object({ value: z.array(orgContactSchema), '@odata.nextLink': z.string().optional() });
const latestSchema = z.object({ '@odata.deltaLink': z.string() });

/**
 * One data source's authenticated line to Graph. Where Graph and Entra live is configuration:
 * the same code reaches Microsoft's cloud, a national cloud, or a stand-in.
 */
export class GraphConnection {
  private readonly client: Client;

  constructor(options: GraphConnectionOptions) {
    const getAccessToken = appTokenSource(options);
    const authProvider: AuthenticationProvider = { getAccessToken };
    this.client = Client.initWithMiddleware({
      baseUrl: options.graphBaseUrl,
      customHosts: new Set([new URL(options.graphBaseUrl).hostname]),
      defaultVersion: 'v1.0',
      middleware: chain(
        new AuthenticationHandler(authProvider),
        new ThrottledTransport({ gate: options.gate, signal: options.signal, ...(options.observer ? { observer: options.observer } : {}) }),
        new HTTPMessageHandler(),
      ),
    });
  }

  /** A deltaLink for "changes from now on", without reading anything. */
  async latestDeltaLink(): Promise<string> {
    const body: unknown = await this.client.api(`${INITIAL_DELTA_PATH}?$deltatoken=latest`).get();
    return latestSchema.parse(body)['@odata.deltaLink'];
  }

  /** Reads one page of a delta round: the initial path, a nextLink or a deltaLink. */
  async readDeltaPage(link: string): Promise<DeltaPage> {
    const page = deltaPageSchema.parse(await this.client.api(link).get());
    const upserts: OrgContact[] = [];
    const removals: DeltaPage['removals'] = [];
    for (const item of page.value) {
      const removed = removedSchema.safeParse(item);
      if (removed.success) removals.push({ id: removed.data.id, reason: removed.data['@removed'].reason });
      else upserts.push(orgContactSchema.parse(item));
    }
    return { upserts, removals, nextLink: page['@odata.nextLink'] ?? null, deltaLink: page['@odata.deltaLink'] ?? null };
  }

  /** Reads one page of a `/contacts` listing; filtered listings are advanced queries. */
  async readListPage(link: string): Promise<ListPage> {
    const body: unknown = await this.client.api(link).header('ConsistencyLevel', 'eventual').get();
    const page = listPageSchema.parse(body);
    return { contacts: page.value, nextLink: page['@odata.nextLink'] ?? null };
  }

  async countContacts(): Promise<number> {
    const body: unknown = await this.client.api('/contacts/$count').header('ConsistencyLevel', 'eventual').get();
    const count = Number(typeof body === 'string' ? body.trim() : body);
    if (!Number.isInteger(count) || count < 0) throw new Error('Graph returned an unreadable $count');
    return count;
  }
}

function chain(auth: AuthenticationHandler, transport: ThrottledTransport, http: HTTPMessageHandler) {
  auth.setNext(transport);
  transport.setNext(http);
  return [auth, transport, http];
}
