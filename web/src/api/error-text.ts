import { i18n } from '../i18n/i18n.ts';
import { ApiError, CLIENT_ERROR_CODES } from './client.ts';

export interface ErrorText {
  title: string;
  detail: string | null;
}

/**
 * Words for an error, chosen by the problem `code` (and the status when there is no code). The
 * titles are ours and translated; a problem's `detail` is the API's sentence and stays as sent.
 */
export function describeError(error: unknown): ErrorText {
  const t = i18n.getFixedT(null, 'errors');
  if (!(error instanceof ApiError)) {
    return { title: t('generic'), detail: error instanceof Error ? error.message : null };
  }
  switch (error.code) {
    case CLIENT_ERROR_CODES.network:
      return { title: t('network'), detail: t('networkDetail') };
    case CLIENT_ERROR_CODES.unexpected:
      return { title: t('unexpected'), detail: null };
    case CLIENT_ERROR_CODES.notSignedIn:
      return { title: t('signedOut'), detail: t('signedOutDetail') };
  }
  const detail = error.problem?.detail ?? null;
  switch (error.code) {
    case 'validation_failed': {
      const first = error.problem?.errors?.[0];
      return { title: t('validation'), detail: first !== undefined ? first.message : detail };
    }
    case 'data_source_disabled':
      return { title: t('disabled'), detail: t('disabledDetail') };
    case 'sign_in_failed':
      return { title: t('signInFailed'), detail };
    case 'forbidden':
      return { title: t('forbidden'), detail };
    case 'not_found':
      return { title: t('notFound'), detail };
    case 'data_source_exists':
      return { title: t('exists'), detail };
  }
  if (error.status === 403) return { title: t('forbidden'), detail };
  if (error.status === 429) return { title: t('rateLimited'), detail: detail ?? t('rateLimitedDetail') };
  if (error.status >= 500) return { title: t('server'), detail };
  return { title: error.problem?.title ?? t('requestFailed', { status: error.status }), detail };
}
