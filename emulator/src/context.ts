// State shared by all routes of one running emulator.

import type { AuthorizationCodes } from './authorization-codes.ts';
import type { Directory } from './directory.ts';
import type { Fidelity } from './fidelity.ts';
import type { SigningKey } from './signing-keys.ts';
import type { Tenant } from './tenant.ts';

export interface EmulatorContext {
  tenantId: string;
  tenant: Tenant;
  directory: Directory;
  signingKey: SigningKey;
  /** HMAC key for page, delta and refresh tokens; new per start, so old tokens stop working. */
  tokenSecret: Buffer;
  deltaPageSize: number;
  /** `https://localhost:PORT`; set once the server listens, read per request. */
  baseUrl: string;
  /** Behaviour switches and their run-time state (budgets, fault PRNGs, counters). */
  fidelity: Fidelity;
  /** Authorization codes handed out by the sign-in pages, until redeemed. */
  codes: AuthorizationCodes;
}

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** The v2 issuer, as published in the emulator's openid-configuration (another tenant's for
 * tokens that stand for one). */
export function entraIssuer(ctx: EmulatorContext, tenantId = ctx.tenantId): string {
  return `${ctx.baseUrl}/${tenantId}/v2.0`;
}

/** The v1 issuer that Graph access tokens carry. */
export function stsIssuer(ctx: EmulatorContext, tenantId = ctx.tenantId): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** The clock time a write made now becomes visible to other requests, and now itself. */
export function writeStamp(ctx: EmulatorContext): { now: number; visibleAt: number } {
  const now = ctx.fidelity.now();
  return { now, visibleAt: now + ctx.fidelity.replicationDelayMs };
}

/** Accepts the tenant id and the tenant's domain, like Entra does in authority paths. */
export function isOwnTenant(ctx: EmulatorContext, tenant: string): boolean {
  return tenant.toLowerCase() === ctx.tenantId.toLowerCase() || tenant.toLowerCase() === ctx.directory.domain;
}
