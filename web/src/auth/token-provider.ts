/**
 * The one seam between the app and whoever issues access tokens. The demo provider signs in
 * against the API's demo endpoint; an MSAL / Nested App Authentication provider (issue #8)
 * implements the same interface, so callers never change.
 */
export interface TokenProvider {
  /** A valid access token for the API, or null when nobody is signed in. */
  getToken(): Promise<string | null>;
  /** Forget the current session (sign-out, or the API said 401). */
  signOut(): void;
}
