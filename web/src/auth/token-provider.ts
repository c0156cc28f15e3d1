/**
 * The one seam between the app and whoever issues access tokens. The demo provider signs in
 * against the API's demo endpoint; the MSAL provider (Entra: nested app auth inside Teams and
 * Outlook, popup or redirect in a browser) implements the same interface, so callers never change.
 */
export interface TokenProvider {
  /** A valid access token for the API, or null when nobody is signed in. */
  getToken(): Promise<string | null>;
  /**
   * A delegated Microsoft Graph token of the signed-in administrator for these scopes (GENERATE
   * APP, REMOVE APP): the API uses it once and never stores it. May ask the user to consent, so
   * call it from a click. Rejects with a `SignInError` when the user cannot or does not consent.
   */
  getGraphToken(scopes: readonly string[]): Promise<GraphToken>;
  /** Forget the current session (sign-out, or the API said 401). */
  signOut(): void;
}

export interface GraphToken {
  accessToken: string;
  /** The tenant the administrator signed in to: where GENERATE APP registers the app. */
  tenantId: string;
}

/** Graph's delegated scopes are named on its resource URI. */
export const graphScopes = (scopes: readonly string[]): string[] => scopes.map((scope) => `https://graph.microsoft.com/${scope}`);

/**
 * A provider whose sign-in needs the user now and then: `getToken` renews silently and resolves
 * null once only an interactive `signIn` can go on.
 */
export interface InteractiveTokenProvider extends TokenProvider {
  /** Call from a click: browsers block popups that no user gesture opened. */
  signIn(): Promise<void>;
}

/** Why an interactive sign-in did not finish, in words for the user; the MSAL error is the cause. */
export class SignInError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SignInError';
  }
}
