import type { TFunction } from 'i18next';
import { GRAPH_APP_STEPS, type Problem, type ProblemCode } from '../../../contracts/index.ts';
import type { errors } from '../i18n/en/errors.ts';
import { i18n } from '../i18n/i18n.ts';
import { ApiError, CLIENT_ERROR_CODES } from './client.ts';
import { fieldLabel } from './field-label.ts';

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

/** Texts of the `errors` namespace that take no parameters. */
type PlainKey = Exclude<keyof typeof errors, 'detail' | 'graphStep' | 'invalidFields' | 'requestFailed' | 'upstreamSaid'>;

interface CodeWords {
  title?: PlainKey;
  detail?: PlainKey;
}

/**
 * Our title for a problem code, and our detail where the API words the code one way only (used
 * when no `detailCode` says more). Keyed by any string, since a newer API may send codes this
 * build does not know; checked against ours.
 */
const CODE_WORDS: Readonly<Record<string, CodeWords | undefined>> = {
  validation_failed: { title: 'validation', detail: 'validationDetail' },
  data_source_disabled: { title: 'disabled', detail: 'disabledDetail' },
  data_source_exists: { title: 'exists' },
  sign_in_failed: { title: 'signInFailed', detail: 'signInFailedDetail' },
  forbidden: { title: 'forbidden', detail: 'forbiddenDetail' },
  not_found: { title: 'notFound', detail: 'notFoundDetail' },
  unauthorized: { detail: 'unauthorizedDetail' },
  body_too_large: { detail: 'tooLargeDetail' },
  rate_limited: { detail: 'rateLimitedDetail' },
  internal_error: { detail: 'serverDetail' },
} satisfies Partial<Record<ProblemCode, CodeWords>>;

const wordsOf = (error: ApiError): CodeWords => CODE_WORDS[error.code] ?? {};

function codeDetail(t: ErrorsT, error: ApiError): string | null {
  // Field-level messages are the schema's English: name the fields by their labels instead (the wizard links to their steps).
  const paths = (error.problem?.errors ?? []).map((issue) => issue.path).filter((path) => path !== '');
  const wizardT = i18n.getFixedT(null, 'wizard');
  const fields = [...new Set(paths.map((path) => fieldLabel(wizardT, path)))];
  if (fields.length > 0) return t('invalidFields', { fields: fields.join(', ') });
  const key = wordsOf(error).detail;
  return key === undefined ? null : t(key);
}

function titleOf(t: ErrorsT, error: ApiError): string {
  const key = wordsOf(error).title;
  if (key !== undefined) return t(key);
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
  }
  const { problem } = error;
  const detail = (problem === null ? null : codedDetail(t, problem)) ?? codeDetail(t, error) ?? problem?.detail ?? null;
  return { title: titleOf(t, error), detail };
}
