import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
  type PopupRequest,
} from '@azure/msal-browser';
import { i18n } from '../i18n/i18n.ts';
import { graphScopes, SignInError, type GraphToken, type InteractiveTokenProvider } from './token-provider.ts';

/**
 * `nested`: inside Teams or Outlook, where the host signs the user in (nested app auth) and owns
 * the account. `browser`: a top-level window, where this app keeps its own account and opens the
 * Entra sign-in itself.
 */
export type MsalMode = 'nested' | 'browser';

function isPopupBlocked(error: unknown): boolean {
  return (
    error instanceof BrowserAuthError &&
    (error.errorCode === BrowserAuthErrorCodes.popupWindowError || error.errorCode === BrowserAuthErrorCodes.emptyWindowError)
  );
}

/** Entra tokens for the API through MSAL: silent whenever possible, interactive only on request. */
export class MsalTokenProvider implements InteractiveTokenProvider {
  constructor(
    private readonly client: IPublicClientApplication,
    private readonly scopes: string[],
    private readonly mode: MsalMode,
  ) {}

  async getToken(): Promise<string | null> {
    const account = this.client.getActiveAccount() ?? this.client.getAllAccounts()[0] ?? null;
    // Nested: the host knows the user even before MSAL's cache does, so ask anyway.
    if (account === null && this.mode === 'browser') return null;
    try {
      const result = await this.client.acquireTokenSilent({ scopes: this.scopes, ...(account === null ? {} : { account }) });
      this.client.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) return null;
      throw error;
    }
  }

  async signIn(): Promise<void> {
    const request: PopupRequest = { scopes: this.scopes };
    try {
      const result = await this.client.acquireTokenPopup(request);
      this.client.setActiveAccount(result.account);
    } catch (error) {
      // Nested hosts show their own sign-in; only a browser may fall back to a full-page redirect.
      if (this.mode === 'browser' && isPopupBlocked(error)) return this.client.acquireTokenRedirect(request);
      throw new SignInError(signInFailure(error), { cause: error });
    }
  }

  /**
   * Silent when the administrator consented before; else Entra's consent prompt in a popup (the
   * host's, nested). Never a redirect: it would lose the wizard's unsaved settings.
   */
  async getGraphToken(scopes: readonly string[]): Promise<GraphToken> {
    const account = this.client.getActiveAccount() ?? this.client.getAllAccounts()[0];
    const request = { scopes: graphScopes(scopes), ...(account === undefined ? {} : { account }) };
    try {
      const result = await this.client.acquireTokenSilent(request).catch((error: unknown) => {
        if (error instanceof InteractionRequiredAuthError) return this.client.acquireTokenPopup(request);
        throw error;
      });
      return { accessToken: result.accessToken, tenantId: result.tenantId };
    } catch (error) {
      throw new SignInError(signInFailure(error), { cause: error });
    }
  }

  /**
   * Forgets this app's tokens only, so the next call asks again; the user's Microsoft 365 session
   * (and Teams, Outlook, other tabs) stays signed in.
   */
  signOut(): void {
    this.client.setActiveAccount(null);
    // Without an active account the page is signed out already; a cache MSAL could not clear
    // must not keep the UI from showing it.
    this.client.clearCache().catch((error: unknown) => {
      console.warn('Could not clear the MSAL token cache', error);
    });
  }
}

function signInFailure(error: unknown): string {
  if (error instanceof BrowserAuthError) {
    switch (error.errorCode) {
      case BrowserAuthErrorCodes.userCancelled:
        return i18n.t('signIn:cancelled');
      case BrowserAuthErrorCodes.interactionInProgress:
        return i18n.t('signIn:inProgress');
      case BrowserAuthErrorCodes.popupWindowError:
      case BrowserAuthErrorCodes.emptyWindowError:
        return i18n.t('signIn:popupBlocked');
    }
  }
  return error instanceof Error ? error.message : i18n.t('signIn:failed');
}
