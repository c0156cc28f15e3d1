import { z } from 'zod';

const REQUEST_TIMEOUT_MS = 15_000;
const graphErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/** Graph refused (`status` its HTTP status, `code` and `graphMessage` from its error body), or could not be reached (`status` 0). */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly graphMessage: string,
  ) {
    super(status === 0 ? 'Microsoft Graph could not be reached' : `Microsoft Graph answered ${status} ${code}`);
    this.name = 'GraphRequestError';
  }
}

export interface GraphRequest {
  /** Absolute: `${graphBaseUrl}/v1.0/...`, or an `@odata.nextLink`. */
  url: string;
  token: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One JSON request to Graph with a bearer token and a timeout, for the calls made outside the
 * sync's Graph client (app management, pickers, group membership, CHECK ACCESS). Graph's error
 * body is read into a GraphRequestError so callers can say what was refused.
 */
export async function graphRequest({ url, token, method = 'GET', body, headers = {} }: GraphRequest): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    throw new GraphRequestError(0, 'unreachable', '');
  }
  if (response.ok) return response.status === 204 ? null : ((await response.json()) as unknown);
  const parsed = graphErrorSchema.safeParse(await response.json().catch(() => null));
  throw new GraphRequestError(response.status, parsed.success ? parsed.data.error.code : 'unknown', parsed.success ? (parsed.data.error.message ?? '') : '');
}
