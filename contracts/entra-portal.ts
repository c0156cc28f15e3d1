/** The app's page in the Entra admin center: GENERATE APP's answer links it, and the wizard links a saved source's app. */
export function entraAppPortalUrl(clientId: string): string {
  return `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/${encodeURIComponent(clientId)}`;
}
