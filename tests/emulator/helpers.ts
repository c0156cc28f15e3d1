// Shared set-up for emulator tests: a running emulator in a temp dir, an HTTPS client that
// trusts its certificate, and ready-made tokens.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src/index.ts';
import { httpsClient, type HttpClient, type HttpResponse } from './https-client.ts';

export interface Harness {
  emulator: RunningEmulator;
  http: HttpClient;
  tokenUrl: string;
  /** A client-credentials Graph token for a fresh app holding `roles`. */
  graphToken(roles?: string[]): Promise<string>;
  /** GET a Graph URL (absolute or /v1.0-relative) with a bearer token. */
  graph(url: string, token: string, headers?: Record<string, string>): Promise<HttpResponse>;
  /** Any method on a Graph URL with a bearer token and, if given, a JSON body. */
  graphSend(method: string, url: string, token: string, body?: unknown): Promise<HttpResponse>;
  stop(): Promise<void>;
}

export async function startHarness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-emulator-test-'));
  const emulator = await startEmulator({ dataDir, ...options });
  const http = httpsClient(emulator.certPath);
  const tokenUrl = `${emulator.url}/${emulator.tenantId}/oauth2/v2.0/token`;
  return {
    emulator,
    http,
    tokenUrl,
    async graphToken(roles = ['OrgContact.Read.All']) {
      const app = emulator.directory.registerApp({ displayName: 'test app', roles });
      const response = await http.postForm(tokenUrl, {
        grant_type: 'client_credentials',
        client_id: app.appId,
        client_secret: app.secret,
        scope: 'https://graph.microsoft.com/.default',
      });
      if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${response.text}`);
      return response.json<{ access_token: string }>().access_token;
    },
    graph(url, token, headers = {}) {
      const absolute = url.startsWith('https://') ? url : `${emulator.url}${url}`;
      return http.get(absolute, { Authorization: `Bearer ${token}`, ...headers });
    },
    graphSend(method, url, token, body) {
      const absolute = url.startsWith('https://') ? url : `${emulator.url}${url}`;
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      return http.request(method, absolute, { headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    },
    async stop() {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

export interface Page<T> {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: T[];
}
