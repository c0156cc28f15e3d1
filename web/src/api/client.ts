import type {
  ClientConfig,
  Contact,
  ContactsByMailResponse,
  DataSourceView,
  DemoSignInResponse,
  LookupResponse,
  Me,
  Problem,
  SearchResponse,
  SyncStatus,
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

async function send<T>(input: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, null);
  }
  if (!response.ok) throw await toApiError(response);
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(response.status, CLIENT_ERROR_CODES.unexpected, null);
  }
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

/** The authenticated API. Every call carries the bearer token; a 401 ends the session. */
export class ApiClient {
  constructor(
    private readonly tokens: TokenProvider,
    private readonly onUnauthorized: () => void,
    private readonly baseUrl = '/api',
  ) {}

  private async request<T>(method: 'GET' | 'POST', path: string, signal?: AbortSignal): Promise<T> {
    const token = await this.tokens.getToken();
    if (token === null) {
      this.onUnauthorized();
      throw new ApiError(401, CLIENT_ERROR_CODES.notSignedIn, null);
    }
    try {
      return await send<T>(`${this.baseUrl}${path}`, {
        method,
        signal,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.tokens.signOut();
        this.onUnauthorized();
      }
      throw error;
    }
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
    return this.request('GET', `/datasources/${encodeURIComponent(id)}/status`, signal);
  }

  /**
   * Admins only; the API answers 202 with the status as the round starts (it may not show
   * `running` yet). `full` reads every contact again instead of only the changes.
   */
  startSync(id: string, options: { full?: boolean } = {}, signal?: AbortSignal): Promise<SyncStatus> {
    const query = options.full === true ? '?full=true' : '';
    return this.request('POST', `/datasources/${encodeURIComponent(id)}/sync${query}`, signal);
  }
}
