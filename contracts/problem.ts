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

/**
 * Steps of GENERATE APP and REMOVE APP in Microsoft Graph, named in `detailParams.step`, as
 * English sentences word them ("Entra refused to create the application: …").
 */
export const GRAPH_APP_STEP_WORDS = {
  read_graph_service_principal: 'read the Microsoft Graph service principal',
  create_application: 'create the application',
  create_service_principal: 'create the service principal',
  grant_permission: 'grant the application permission',
  add_secret: 'create a client secret',
  delete_application: 'delete the application',
} as const;
export type GraphAppStep = keyof typeof GRAPH_APP_STEP_WORDS;
export const GRAPH_APP_STEPS = Object.keys(GRAPH_APP_STEP_WORDS) as GraphAppStep[];

/**
 * Which sentence a problem's `detail` is, finer than `code` (one code has several reasons), with
 * the names of the `detailParams` the sentence mentions. The English `detail` stays for API
 * clients; the web words each of these itself, in every language it speaks.
 */
export const PROBLEM_DETAILS = {
  data_source_exists: ['sourceId'],
  data_source_not_found: ['sourceId'],
  generated_app_not_found: [],
  generated_app_other_tenant: ['appTenantId', 'tenantId'],
  source_has_no_app: [],
  app_entered_by_hand: [],
  app_replace_required: ['sourceId'],
  app_permission_missing: ['permission'],
  graph_search_failed: [],
  graph_permission_unknown: ['permission'],
  graph_service_principal_missing: [],
  graph_sign_in_not_a_token: [],
  graph_sign_in_other_tenant: ['signedInTenantId', 'tenantId'],
  graph_scopes_missing: ['scopes'],
  graph_unreachable: ['step'],
  graph_sign_in_rejected: ['step'],
  entra_roles_missing: ['step'],
  graph_object_missing: ['step'],
  graph_step_failed: ['step', 'status'],
} as const satisfies Record<string, readonly string[]>;
export type ProblemDetailCode = keyof typeof PROBLEM_DETAILS;
export const PROBLEM_DETAIL_CODES = Object.keys(PROBLEM_DETAILS) as ProblemDetailCode[];

/** One problem sentence by code, with exactly the parameters that code names. */
export type ProblemDetail = {
  [C in ProblemDetailCode]: { detailCode: C; detailParams: Record<(typeof PROBLEM_DETAILS)[C][number], string> };
}[ProblemDetailCode];

/** RFC 9457 problem details, as every API error is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  /** A sentence for people, in English. */
  detail?: string;
  errors?: { path: string; message: string }[];
  /** Extension: which sentence `detail` is (absent where the code alone says it). */
  detailCode?: ProblemDetailCode;
  /** Extension: the values `detail` mentions, by the names `PROBLEM_DETAILS` lists for `detailCode`. */
  detailParams?: Record<string, string>;
  /** Extension: what Microsoft Graph or Entra said when they refused, in their words (untranslated). */
  upstreamMessage?: string;
}
