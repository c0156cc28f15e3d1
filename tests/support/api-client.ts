import type { Stack } from '../../scripts/stack.ts';

/** A thin authenticated client for the API under test. */
export function apiClient(stack: Stack, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    call: <T>(method: string, path: string, body?: unknown) => call(method, path, body).then((r) => ({ ...r, body: r.body as T })),
    get: <T>(path: string) => call('GET', path).then((r) => ({ ...r, body: r.body as T })),
    post: <T>(path: string, body?: unknown) => call('POST', path, body).then((r) => ({ ...r, body: r.body as T })),
  };
}
