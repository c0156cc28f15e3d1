import { createNestablePublicClientApplication, createStandardPublicClientApplication, type Configuration } from '@azure/msal-browser';
import type { HostInfo } from '../host/host.ts';
import { REDIRECT_BRIDGE_PATH, type EntraSettings } from './entra-settings.ts';
import { MsalTokenProvider } from './msal-token-provider.ts';

/**
 * The MSAL client for where the page runs. Inside Teams and Outlook, nested app auth: the host's
 * signed-in user, no popup of our own (popups from the host's iframe fail). In a browser window,
 * a standard client that signs in by popup (or redirect) through the v5 redirect bridge page.
 */
export async function createMsalTokenProvider(settings: EntraSettings, host: HostInfo): Promise<MsalTokenProvider> {
  const configuration: Configuration = {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      // The authority comes from our own server's configuration (a national cloud, or a test
      // tenant): trust it as it is instead of asking the public cloud's instance discovery.
      knownAuthorities: [new URL(settings.authority).host],
      redirectUri: new URL(REDIRECT_BRIDGE_PATH, window.location.origin).href,
    },
    // A browser window keeps its sign-in across tabs and reloads; in hosts, the host keeps it.
    ...(host.kind === 'browser' ? { cache: { cacheLocation: 'localStorage' } } : {}),
  };
  if (host.kind === 'browser') {
    const client = await createStandardPublicClientApplication(configuration);
    // Back from a redirect sign-in: the bridge page left the answer for this call to pick up.
    const redirected = await client.handleRedirectPromise();
    if (redirected !== null) client.setActiveAccount(redirected.account);
    return new MsalTokenProvider(client, settings.scopes, 'browser');
  }
  // Falls back to a standard client by itself when the host offers no nested-auth bridge.
  const client = await createNestablePublicClientApplication(configuration);
  return new MsalTokenProvider(client, settings.scopes, 'nested');
}
