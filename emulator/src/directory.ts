// Security principals of the emulated tenant: client-credential app registrations (with their
// Graph app roles) and the fixed demo users who sign in to the Switchboard API.

import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const DEFAULT_DOMAIN = 'contoso.example';
export const DEFAULT_API_CLIENT_ID = '5b1f7a9e-3c42-4d8b-9e61-2f0a7c4d8e15';

export interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  /** App roles on the Switchboard API app. */
  roles: string[];
  oid: string;
}

export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  Object.freeze({
    username: `admin@${DEFAULT_DOMAIN}`,
    password: 'demo',
    displayName: 'Ada Admin',
    roles: ['Directory.Admin'],
    oid: '0f6e2a1c-8d3b-4b7e-9a52-6c1d4e8f0a11',
  }),
  Object.freeze({
    username: `user@${DEFAULT_DOMAIN}`,
    password: 'demo',
    displayName: 'Uli User',
    roles: [],
    oid: '7c3b9d2e-1f4a-4c6d-8e0b-5a2f9c7d1e22',
  }),
]) as readonly DemoUser[];

export interface RegisteredApp {
  appId: string;
  /** Object id of the app's service principal: the `oid`/`sub` of its app-only tokens. */
  servicePrincipalId: string;
  displayName: string;
  roles: string[];
}

export interface ApiApp {
  clientId: string;
  identifierUri: string;
}

export class Directory {
  readonly domain = DEFAULT_DOMAIN;
  readonly apiApp: ApiApp;
  private readonly apps = new Map<string, RegisteredApp & { secret: string }>();
  private readonly users = new Map<string, DemoUser>();

  constructor(apiApp: { clientId: string; identifierUri?: string }) {
    this.apiApp = {
      clientId: apiApp.clientId,
      identifierUri: apiApp.identifierUri ?? `api://localhost/${apiApp.clientId}`,
    };
    for (const user of DEMO_USERS) this.users.set(user.username.toLowerCase(), { ...user, roles: [...user.roles] });
  }

  /** Registers an app and consents its Graph app roles; the secret is only returned here, as in Entra. */
  registerApp(input: { displayName: string; roles: string[] }): { appId: string; secret: string } {
    const appId = randomUUID();
    // Entra client secrets: 40 characters with a "~" at position 4.
    const secret = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(30).toString('base64url').slice(0, 34)}`;
    this.apps.set(appId, {
      appId,
      servicePrincipalId: randomUUID(),
      displayName: input.displayName,
      roles: [...input.roles],
      secret,
    });
    return { appId, secret };
  }

  removeApp(appId: string): boolean {
    return this.apps.delete(appId);
  }

  getApp(appId: string): RegisteredApp | undefined {
    const app = this.apps.get(appId);
    if (!app) return undefined;
    const { secret: _secret, ...rest } = app;
    return rest;
  }

  listApps(): RegisteredApp[] {
    return [...this.apps.keys()].map((id) => this.getApp(id) as RegisteredApp);
  }

  verifyAppSecret(appId: string, secret: string): boolean {
    const app = this.apps.get(appId);
    return app !== undefined && safeEqual(app.secret, secret);
  }

  findUser(username: string): DemoUser | undefined {
    return this.users.get(username.toLowerCase());
  }

  findUserByOid(oid: string): DemoUser | undefined {
    return [...this.users.values()].find((u) => u.oid === oid);
  }

  verifyUserPassword(username: string, password: string): boolean {
    const user = this.findUser(username);
    return user !== undefined && safeEqual(user.password, password);
  }

  /** Lets a deployment replace the well-known demo password. */
  setPassword(username: string, password: string): void {
    const user = this.findUser(username);
    if (!user) throw new Error(`Unknown user '${username}'.`);
    this.users.set(user.username.toLowerCase(), { ...user, password });
  }

  listUsers(): Omit<DemoUser, 'password'>[] {
    return [...this.users.values()].map(({ password: _password, ...rest }) => rest);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
