/** Graph's answers that sync reacts to rather than reports. */

function statusAndCode(error: unknown): { status: number | null; code: string } {
  const e = error as { statusCode?: unknown; code?: unknown } | null;
  return {
    status: typeof e?.statusCode === 'number' ? e.statusCode : null,
    code: typeof e?.code === 'string' ? e.code : '',
  };
}

/** A deltaLink Graph no longer honours (documented in three forms): only a full resync helps. */
export function isExpiredDeltaToken(error: unknown): boolean {
  const { status, code } = statusAndCode(error);
  return status === 410 || code === 'syncStateNotFound' || code === 'resyncRequired';
}

/** A page token (skiptoken) that expired mid-listing: start that listing again. */
export function isExpiredPageToken(error: unknown): boolean {
  return statusAndCode(error).code === 'Directory_ExpiredPageToken';
}

/** Graph refused a query option (e.g. a filter a tenant does not support). */
export function isUnsupportedQuery(error: unknown): boolean {
  const { status, code } = statusAndCode(error);
  return status === 400 && (code === 'Request_UnsupportedQuery' || code === 'BadRequest');
}
