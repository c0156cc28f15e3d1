/**
 * The app's page in the Entra admin center. Added for the web (issue #7), which links a saved data
 * source's app where `DataSourceView` carries no `portalUrl`; the API's own `entraPortalUrl` in
 * app-registration-service.ts builds the same address and can import this instead.
 */
export function entraAppPortalUrl(clientId: string): string {
  return `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/${encodeURIComponent(clientId)}`;
}
