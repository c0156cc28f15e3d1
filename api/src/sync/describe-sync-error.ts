import type { SyncErrorCode } from '../../../contracts/index.ts';
import { MissingCredentialsError } from '../graph/app-token.ts';

/** Why a round failed: a stable code (clients word it themselves) and the English sentence. */
export interface SyncError {
  code: SyncErrorCode;
  sentence: string;
  /** Graph's HTTP status, where the sentence names it. */
  status?: number;
}

export const SYNC_CANCELLED: SyncError = {
  code: 'cancelled',
  sentence: 'The sync was stopped before it finished; the next round continues where it stopped.',
};

/**
 * Turns whatever a sync round failed with into one sentence an administrator can act on.
 * The raw error goes to the log; this goes to the status tooltip.
 */
export function describeSyncError(error: unknown): SyncError {
  const e = error as { statusCode?: unknown; code?: unknown; errorCode?: unknown; message?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.errorCode === 'string' ? e.errorCode : '';
  const message = typeof e?.message === 'string' ? e.message : '';

  // The Graph client rewraps errors of the token provider, keeping the error's name as its code.
  if (error instanceof MissingCredentialsError || code === MissingCredentialsError.errorName) {
    return {
      code: 'app_removed',
      sentence: 'The data source has no app credentials: its app was removed. Generate an app, or enter the credentials of an existing one.',
    };
  }

  if (code === 'invalid_client' || /AADSTS7000215|AADSTS7000222/.test(message)) {
    return {
      code: 'secret_rejected',
      sentence: 'Microsoft Entra rejected the app credentials: the client secret is wrong or has expired. Generate the app again or enter a new secret.',
    };
  }
  if (code === 'unauthorized_client' || /AADSTS700016/.test(message)) {
    return { code: 'app_unknown', sentence: 'Microsoft Entra does not know this app in the tenant: it may have been removed. Generate the app again.' };
  }
  if (/AADSTS90002|tenant .* not found/i.test(message)) return { code: 'tenant_not_found', sentence: 'The tenant id was not found in Microsoft Entra. Check the tenant id.' };
  if (status === 403 || code === 'Authorization_RequestDenied') {
    return {
      code: 'permission_missing',
      sentence: 'The app may not read mail contacts: it lacks the OrgContact.Read.All permission or admin consent. Use CHECK ACCESS.',
    };
  }
  if (status === 401) return { code: 'token_rejected', sentence: 'Microsoft Graph did not accept the app\'s token. Check the app registration.' };
  if (status === 429) return { code: 'throttled', sentence: 'Microsoft Graph kept throttling requests; the next round continues where this one stopped.' };
  if (status !== null && status >= 500) {
    return { code: 'graph_server_error', status, sentence: `Microsoft Graph answered with an error (HTTP ${status}); the next round continues where this one stopped.` };
  }
  if (/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|network/i.test(message)) {
    return { code: 'network', sentence: 'Microsoft 365 could not be reached (network). The next round continues where this one stopped.' };
  }
  return { code: 'unexpected', sentence: 'The sync stopped with an unexpected error; details are in the server log.' };
}
