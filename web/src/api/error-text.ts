import { ApiError, CLIENT_ERROR_CODES } from './client.ts';

export interface ErrorText {
  title: string;
  detail: string | null;
}

/** Words for an error, chosen by the problem `code` (and the status when there is no code). */
export function describeError(error: unknown): ErrorText {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', detail: error instanceof Error ? error.message : null };
  }
  switch (error.code) {
    case CLIENT_ERROR_CODES.network:
      return { title: 'Switchboard cannot be reached', detail: 'Check the connection and try again.' };
    case CLIENT_ERROR_CODES.unexpected:
      return { title: 'Unexpected answer from the server', detail: null };
    case CLIENT_ERROR_CODES.notSignedIn:
      return { title: 'You are signed out', detail: 'Sign in again to continue.' };
  }
  const detail = error.problem?.detail ?? null;
  switch (error.code) {
    case 'validation_failed': {
      const first = error.problem?.errors?.[0];
      return { title: 'Check the input', detail: first !== undefined ? first.message : detail };
    }
    case 'data_source_disabled':
      return { title: 'This data source is disabled', detail: 'Enable it to sync.' };
    case 'sign_in_failed':
      return { title: 'Sign-in failed', detail };
    case 'forbidden':
      return { title: 'You are not allowed to do this', detail };
  }
  if (error.status === 403) return { title: 'You are not allowed to do this', detail };
  if (error.status === 429) return { title: 'Too many requests', detail: detail ?? 'Wait a moment and try again.' };
  if (error.status >= 500) return { title: 'The server had a problem', detail };
  return { title: error.problem?.title ?? `Request failed (HTTP ${String(error.status)})`, detail };
}
