import type { TFunction } from 'i18next';
import { GRAPH_APP_STEPS, type Problem } from '../../../contracts/index.ts';
import { i18n } from '../i18n/i18n.ts';
import { ApiError, CLIENT_ERROR_CODES } from './client.ts';

export interface ErrorText {
  title: string;
  detail: string | null;
}

type ErrorsT = TFunction<'errors'>;

const isListed = <T extends string>(list: readonly T[], value: string | undefined): value is T => list.some((item) => item === value);

/** Graph's or Entra's own words, after ours. */
export function withUpstream(sentence: string, upstreamMessage: string | undefined): string {
  if (upstreamMessage === undefined || upstreamMessage === '') return sentence;
  return `${sentence} ${i18n.getFixedT(null, 'errors')('upstreamSaid', { message: upstreamMessage })}`;
}

/** Our sentence for a problem's `detailCode` (the API's, for a code this build does not know); null without one. */
function codedDetail(t: ErrorsT, problem: Problem): string | null {
  const { detailCode } = problem;
  if (detailCode === undefined) return null;
  const params = { ...problem.detailParams };
  // The step reads as part of the sentence, so it is worded in the sentence's language too.
  if (isListed(GRAPH_APP_STEPS, params['step'])) params['step'] = t(`graphStep.${params['step']}`);
  return withUpstream(t(`detail.${detailCode}`, { ...params, defaultValue: problem.detail ?? '' }), problem.upstreamMessage);
}

/** Our sentence for codes that the API words one way only, where no `detailCode` says more. */
function codeDetail(t: ErrorsT, error: ApiError): string | null {
  switch (error.code) {
    case 'validation_failed': {
      const fields = (error.problem?.errors ?? []).map((issue) => issue.path).filter((path) => path !== '');
      return fields.length > 0 ? t('invalidFields', { fields: fields.join(', ') }) : t('validationDetail');
    }
    case 'unauthorized':
      return t('unauthorizedDetail');
    case 'forbidden':
      return t('forbiddenDetail');
    case 'not_found':
      return t('notFoundDetail');
    case 'sign_in_failed':
      return t('signInFailedDetail');
    case 'body_too_large':
      return t('tooLargeDetail');
    case 'rate_limited':
      return t('rateLimitedDetail');
    case 'internal_error':
      return t('serverDetail');
  }
  return null;
}

function titleOf(t: ErrorsT, error: ApiError): string {
  switch (error.code) {
    case 'validation_failed':
      return t('validation');
    case 'data_source_disabled':
      return t('disabled');
    case 'sign_in_failed':
      return t('signInFailed');
    case 'forbidden':
      return t('forbidden');
    case 'not_found':
      return t('notFound');
    case 'data_source_exists':
      return t('exists');
  }
  if (error.status === 403) return t('forbidden');
  if (error.status === 429) return t('rateLimited');
  if (error.status >= 500) return t('server');
  return t('requestFailed', { status: error.status });
}

/**
 * Words for an error, in the page's language: the title by the problem `code` (and the status),
 * the detail by its `detailCode`, else by the code. The API's English `detail` shows only for a
 * problem this build has no words for.
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
    case 'data_source_disabled':
      return { title: t('disabled'), detail: t('disabledDetail') };
  }
  const { problem } = error;
  const detail = (problem === null ? null : codedDetail(t, problem)) ?? codeDetail(t, error) ?? problem?.detail ?? null;
  return { title: titleOf(t, error), detail };
}
