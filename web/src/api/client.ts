import type {
  CheckAccessRequest,
  CheckAccessResponse,
  ClientConfig,
  Contact,
  ContactsByMailResponse,
  CreateDataSource,
  DataSourceView,
  DemoGraphTokenResponse,
  DemoSignInResponse,
  DiallingProfile,
  DirectoryObjectHit,
  GeneratedApp,
  GenerateAppRequest,
  LookupResponse,
  Me,
  PhonePreview,
  Problem,
  ReplaceAppRequest,
  ReplaceAppResponse,
  SearchResponse,
  SyncStatus,
  UpdateDataSource,
} from '../../../contracts/index.ts';
import type { TokenProvider } from '../auth/token-provider.ts';

/** An API error, with the RFC 9457 problem when the server sent one. Branch on `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${String(status)}`);
    this.name = 'ApiError';
  }
}

/** Codes the client itself produces when there is no problem document. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  unexpected: 'unexpected_response',
  notSignedIn: 'not_signed_in',
} as const;

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['code'] === 'string' && typeof record['status'] === 'number';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) return new ApiError(response.status, body.code, body);
    } catch {
      // Fall through to a generic error.
    }
  }
  return new ApiError(response.status, `http_${String(response.status)}`, null);
}

async function fetchOk(input: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, null);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(response.status, CLIENT_ERROR_CODES.unexpected, null);
  }
}

async function send<T>(input: string, init: RequestInit): Promise<T> {
  return readJson<T>(await fetchOk(input, init));
}

/** `GET /app-config.json`: how this deployment signs people in. */
export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return send<ClientConfig>('/app-config.json', { signal, headers: { accept: 'application/json' } });
}

/** `POST /api/demo/sign-in` (demo mode only). */
export function demoSignIn(username: string): Promise<DemoSignInResponse> {
  return send<DemoSignInResponse>('/api/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username }),
  });
}

/**
 * `POST /api/demo/graph-token` (demo mode only): the signed-in demo user's delegated Graph token,
 * where Entra mode would show the administrator's consent popup.
 */
export function demoGraphToken(accessToken: string): Promise<DemoGraphTokenResponse> {
  return send<DemoGraphTokenResponse>('/api/demo/graph-token', {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
}

const sourcePath = (id: string): string => `/datasources/${encodeURIComponent(id)}`;

/** The authenticated API. Every call carries the bearer token; a 401 ends the session. */
export class ApiClient {
  constructor(
    private readonly tokens: TokenProvider,
    private readonly onUnauthorized: () => void,
    private readonly baseUrl = '/api',
  ) {}

  private async call(method: Method, path: string, { body, signal }: RequestOptions): Promise<Response> {
    const token = await this.tokens.getToken();
    if (token === null) {
      this.onUnauthorized();
      throw new ApiError(401, CLIENT_ERROR_CODES.notSignedIn, null);
    }
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetchOk(`${this.baseUrl}${path}`, {
        method,
        signal,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.tokens.signOut();
        this.onUnauthorized();
      }
      throw error;
    }
  }

  private async request<T>(method: Method, path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
    return readJson<T>(await this.call(method, path, { body, signal }));
  }

  /** For answers without a body (204). */
  private async command(method: Method, path: string, body?: unknown): Promise<void> {
    await this.call(method, path, { body });
  }

  me(signal?: AbortSignal): Promise<Me> {
    return this.request('GET', '/me', signal);
  }

  search(q: string, limit: number, signal?: AbortSignal): Promise<SearchResponse> {
    const params = new URLSearchParams({ q, limit: String(limit) });
    return this.request('GET', `/search?${params.toString()}`, signal);
  }

  lookup(number: string, signal?: AbortSignal): Promise<LookupResponse> {
    const params = new URLSearchParams({ number });
    return this.request('GET', `/lookup?${params.toString()}`, signal);
  }

  contact(id: string, signal?: AbortSignal): Promise<Contact> {
    return this.request('GET', `/contacts/${encodeURIComponent(id)}`, signal);
  }

  /** Who holds this mail address (Outlook's side panel: the sender of the open message). */
  contactsByMail(address: string, signal?: AbortSignal): Promise<ContactsByMailResponse> {
    const params = new URLSearchParams({ address });
    return this.request('GET', `/contacts/by-email?${params.toString()}`, signal);
  }

  dataSources(signal?: AbortSignal): Promise<DataSourceView[]> {
    return this.request('GET', '/datasources', signal);
  }

  syncStatus(id: string, signal?: AbortSignal): Promise<SyncStatus> {
    return this.request('GET', `${sourcePath(id)}/status`, signal);
  }

  /**
   * Admins only; the API answers 202 with the status as the round starts (it may not show
   * `running` yet). `full` reads every contact again instead of only the changes.
   */
  startSync(id: string, options: { full?: boolean } = {}, signal?: AbortSignal): Promise<SyncStatus> {
    const query = options.full === true ? '?full=true' : '';
    return this.request('POST', `${sourcePath(id)}/sync${query}`, signal);
  }

  /** Administrators: a new data source; its first sync starts when it is enabled. */
  createDataSource(source: CreateDataSource): Promise<DataSourceView> {
    return this.request('POST', '/datasources', undefined, source);
  }

  /** Administrators: change settings; only the fields sent change (the id never does). */
  updateDataSource(id: string, changes: UpdateDataSource): Promise<DataSourceView> {
    return this.request('PATCH', sourcePath(id), undefined, changes);
  }

  /** Administrators: the data source and its contacts leave the index. */
  deleteDataSource(id: string): Promise<void> {
    return this.command('DELETE', sourcePath(id));
  }

  /** GENERATE APP: registers and consents the sync app with the administrator's Graph token. */
  generateApp(request: GenerateAppRequest): Promise<GeneratedApp> {
    return this.request('POST', '/app-registrations', undefined, request);
  }

  /** CHECK ACCESS for typed, generated or saved credentials. */
  checkAccess(request: CheckAccessRequest): Promise<CheckAccessResponse> {
    return this.request('POST', '/app-registrations/check', undefined, request);
  }

  /** REMOVE APP of a generated app no data source has taken yet. */
  removeGeneratedApp(credentialId: string, graphToken: string): Promise<void> {
    return this.command('POST', `/app-registrations/${encodeURIComponent(credentialId)}/remove`, { graphToken });
  }

  /** REMOVE APP of a saved data source: deleted in Entra, its credentials cleared. */
  removeSourceApp(id: string, graphToken: string): Promise<DataSourceView> {
    return this.request('POST', `${sourcePath(id)}/app/remove`, undefined, { graphToken });
  }

  /** A generated app takes a saved data source's place of its current one; the old one is deleted in Entra if Switchboard generated it. */
  replaceSourceApp(id: string, request: ReplaceAppRequest): Promise<ReplaceAppResponse> {
    return this.request('POST', `${sourcePath(id)}/app/replace`, undefined, request);
  }

  /** Groups or users of the tenant by name, read with a generated app's or a saved source's credentials. */
  searchDirectory(
    kind: 'groups' | 'users',
    search: string,
    credentials: { credentialId: string } | { sourceId: string },
    signal?: AbortSignal,
  ): Promise<DirectoryObjectHit[]> {
    const params = new URLSearchParams({ search, ...credentials });
    return this.request('GET', `/directory-objects/${kind}?${params.toString()}`, signal);
  }

  /** How a stored number reads and shows with a dialling profile, before anything is saved. */
  previewNumber(number: string, dialling: DiallingProfile, signal?: AbortSignal): Promise<PhonePreview> {
    return this.request('POST', '/phone/preview', signal, { number, dialling });
  }
}
