import type { ClientConfig } from '../../../contracts/index.ts';

/** The Entra part of `/app-config.json`: which app signs in where, for which API scope. */
export type EntraSettings = Omit<Extract<ClientConfig['auth'], { mode: 'entra' }>, 'mode'>;

/** The MSAL v5 redirect bridge page (see auth-redirect.html); registered as an SPA redirect URI. */
export const REDIRECT_BRIDGE_PATH = '/auth-redirect.html';
