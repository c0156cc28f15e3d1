import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem, ProblemCode, ProblemDetail } from '../../contracts/index.ts';

/** What a problem tells beyond its sentence: which sentence it is, and what Graph or Entra said. */
export type ProblemExplanation = ProblemDetail & { upstreamMessage?: string };

/**
 * The one error type routes and services throw. `code` is stable and documented; `detail`
 * is for people and must never carry internals (paths, SQL, stack traces, secrets).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    message: string,
    readonly errors?: Problem['errors'],
    readonly headers?: Record<string, string>,
    readonly explanation?: ProblemExplanation,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A problem whose sentence clients can word themselves: `detail` stays English, `explanation` names it. */
export const explainedError = (status: ContentfulStatusCode, code: ProblemCode, explanation: ProblemExplanation, detail: string): ApiError =>
  new ApiError(status, code, detail, undefined, undefined, explanation);

export const dataSourceNotFound = (sourceId: string): ApiError =>
  explainedError(404, 'not_found', { detailCode: 'data_source_not_found', detailParams: { sourceId } }, `The data source "${sourceId}" was not found.`);

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
export const unauthorized = (detail: string) =>
  new ApiError(401, 'unauthorized', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail: string) => new ApiError(403, 'forbidden', detail);

export function validationFailed(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError {
  return new ApiError(
    400,
    'validation_failed',
    'The request is not valid.',
    issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

/**
 * The problem an error thrown while answering a request is answered with. Anything but an ApiError
 * or Hono's HTTPException is a fault of ours: handed to `logUnexpected`, and answered without its
 * details.
 */
export function problemFor(error: unknown, logUnexpected: (error: unknown) => void): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) return new ApiError(error.status, 'http_error', error.message || 'Request failed.');
  logUnexpected(error);
  return new ApiError(500, 'internal_error', 'Something went wrong on the server; it has been logged.');
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The problem document of an error: sent as the answer, or reported inside one (a step that failed after the request's main work succeeded). */
export function problemOf(error: ApiError): Problem {
  return {
    type: `https://switchboard.dev/problems/${error.code}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.explanation,
  };
}

/** The media type of every problem answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.body(JSON.stringify(problemOf(error)), error.status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}
