/** Every `code` the API sends in a problem; clients branch on these, never on `title` or `detail`. */
export const PROBLEM_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'data_source_exists',
  'data_source_disabled',
  'sign_in_failed',
  'body_too_large',
  'rate_limited',
  'graph_permission_denied',
  'graph_token_rejected',
  'graph_error',
  'http_error',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** RFC 9457 problem details, as every API error is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  errors?: { path: string; message: string }[];
}
