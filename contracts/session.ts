import { z } from 'zod';

export const ADMIN_ROLE = 'Directory.Admin';

/** Served at `/app-config.json` so one web build runs against any deployment. */
export type ClientConfig =
  | { auth: { mode: 'demo'; users: DemoUser[] } }
  | { auth: { mode: 'entra'; clientId: string; authority: string; scopes: string[] } };

export interface DemoUser {
  username: string;
  displayName: string;
  isAdmin: boolean;
}

export const demoSignInSchema = z.object({ username: z.string().min(1).max(200) });

export interface DemoSignInResponse {
  accessToken: string;
  expiresOn: string;
}

export interface Me {
  name: string | null;
  username: string | null;
  roles: string[];
  isAdmin: boolean;
}

/** Demo mode only: a delegated Graph token of the signed-in demo user, standing in for the consent popup. */
export interface DemoGraphTokenResponse {
  accessToken: string;
  scopes: string[];
}
