// Public entry: starts a Microsoft 365 tenant emulator (Entra ID sign-in and token endpoints;
// Graph orgContacts, applications, service principals, users and groups) over HTTPS, backed by a
// deterministic synthetic tenant.

import { randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { z } from 'zod';
import { redirectUrisSchema, type RedirectUris } from './app-registrations.ts';
import { AuthorizationCodes } from './authorization-codes.ts';
import { behaviourPatchSchema, type Behaviour } from './behaviour.ts';
import { loadOrCreateCertificate } from './cert.ts';
import type { EmulatorContext } from './context.ts';
import { DEFAULT_API_CLIENT_ID } from './demo-tenant.ts';
import { issueUserToken, type UserTokenOptions } from './direct-tokens.ts';
import { Directory } from './directory.ts';
import { Fidelity, type EmulatorStats } from './fidelity.ts';
import { createApp, listen } from './server.ts';
import { createSigningKey } from './signing-keys.ts';
import { signClaims } from './tokens.ts';
import { Tenant } from './tenant.ts';

export { Directory, type RegisteredApp, type RegisteredAppCredentials } from './directory.ts';
export {
  DEMO_PASSWORD,
  DEMO_USERS,
  DEFAULT_DOMAIN,
  DIRECTORY_ADMIN_ROLE,
  PROJECT_GROUP_COUNT,
  TENANT_GROUPS,
  TENANT_USERS,
  groupId,
  type DemoUser,
  type GroupSeed,
  type TenantUserSeed,
} from './demo-tenant.ts';
export type { RedirectUris } from './app-registrations.ts';
export type { DirectoryRoleName } from './directory-roles.ts';
export type { UserTokenOptions } from './direct-tokens.ts';
export { Tenant, ContactNotFoundError, ContactExistsError, type ContactInput, type RemovalReason } from './tenant.ts';
export type { OrgContact, Phone, PhoneType, PhysicalOfficeAddress } from './org-contact.ts';
export { generateContacts } from './synthetic/contact-factory.ts';
export {
  BUDGET_RU_PER_10S,
  DEFAULT_BEHAVIOUR,
  HOSTILE_BEHAVIOUR,
  REALISTIC_BEHAVIOUR,
  type Behaviour,
  type BudgetSize,
} from './behaviour.ts';
export { resourceUnits, type EmulatorStats } from './fidelity.ts';

export const DEFAULT_TENANT_ID = '8f3c2a71-4b6e-4d0f-9a35-1e7c5b9d2f60';

export interface EmulatorOptions {
  port?: number;
  contacts?: number;
  seed?: number;
  tenantId?: string;
  dataDir: string;
  /** The Switchboard API's app registration; `redirectUris` lets the web app sign in through it. */
  apiApp?: { clientId: string; identifierUri?: string; redirectUris?: RedirectUris };
  deltaPageSize?: number;
  /** Fidelity switches; anything not given is off (see DEFAULT_BEHAVIOUR). */
  behaviour?: Partial<Behaviour>;
  /** Milliseconds since an epoch; drives the RU buckets and page-token ages. Tests pass a
   * controllable clock; latency and the mutation stream always use real timers. */
  clock?: () => number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  tenantId: string;
  certPath: string;
  tenant: Tenant;
  directory: Directory;
  /** The Switchboard API app registration (user tokens carry aud = clientId). */
  apiApp: { clientId: string; identifierUri: string };
  /** `kid` of the current token signing key (published in the JWKS). */
  signingKeyId: string;
  /** Signs exactly these claims with the emulator's key, for tests that need crafted tokens. */
  signToken(claims: JWTPayload): Promise<string>;
  /** A user's access token as Entra would issue it (roles, groups or overage from the directory),
   * without sign-in or consent: v2 or v1, for the API or Graph, or standing for another tenant. */
  issueUserToken(options: UserTokenOptions): Promise<string>;
  /** The behaviour in force now (a copy). */
  readonly behaviour: Behaviour;
  /** Changes behaviour at run time; nested objects are replaced whole. Throws a ZodError for invalid input. */
  configure(patch: Partial<Behaviour>): Behaviour;
  /** Every deltaLink issued so far expires now; answered per behaviour.deltaTokenExpiry. */
  expireDeltaTokens(): void;
  /** Traffic counters since start or the last resetStats(). */
  stats(): EmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  contacts: z.number().int().min(0).max(250_000).default(5000),
  seed: z.number().int().default(1),
  tenantId: guid.default(DEFAULT_TENANT_ID),
  dataDir: z.string().min(1),
  apiApp: z
    .object({
      clientId: guid,
      identifierUri: z.string().min(1).optional(),
      redirectUris: redirectUrisSchema.optional(),
    })
    .default({ clientId: DEFAULT_API_CLIENT_ID }),
  deltaPageSize: z.number().int().min(1).max(999).default(200),
});

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const opts = optionsSchema.parse(options);
  const behaviour = behaviourPatchSchema.parse(options.behaviour ?? {});
  const [tls, signingKey] = await Promise.all([loadOrCreateCertificate(opts.dataDir), createSigningKey()]);
  const tenant = new Tenant({ contacts: opts.contacts, seed: opts.seed });
  const directory = new Directory({ tenantId: opts.tenantId.toLowerCase(), apiApp: opts.apiApp });
  const fidelity = new Fidelity(tenant, options.clock);
  const ctx: EmulatorContext = {
    tenantId: opts.tenantId.toLowerCase(),
    tenant,
    directory,
    signingKey,
    tokenSecret: randomBytes(32),
    deltaPageSize: opts.deltaPageSize,
    baseUrl: '',
    fidelity,
    codes: new AuthorizationCodes(),
  };
  const server = await listen(createApp(ctx), tls, opts.port);
  // Only once listening: the mutation stream starts with the configuration.
  fidelity.configure(behaviour);
  ctx.baseUrl = `https://localhost:${server.port}`;
  return {
    url: ctx.baseUrl,
    port: server.port,
    tenantId: ctx.tenantId,
    certPath: tls.certPath,
    tenant,
    directory,
    apiApp: { ...directory.apiApp },
    signingKeyId: signingKey.kid,
    signToken: (claims) => signClaims(ctx, claims),
    issueUserToken: (tokenOptions) => issueUserToken(ctx, tokenOptions),
    get behaviour() {
      return fidelity.behaviour;
    },
    configure: (patch) => fidelity.configure(patch),
    expireDeltaTokens: () => fidelity.expireDeltaTokens(),
    stats: () => fidelity.stats(),
    resetStats: () => fidelity.resetStats(),
    close: async () => {
      fidelity.stop();
      await server.close();
    },
  };
}
