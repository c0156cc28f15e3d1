// The tenant's app registrations: applications, their service principals, client secrets and
// app role assignments, beside Microsoft Graph's service principal. Every object written carries
// the clock time from which other requests see it, because Entra's directory replicas catch up
// with a write only after a while; readers pass the time they read at (the programmatic API
// reads at Infinity and sees everything).

import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GRAPH_APP_ID } from './context.ts';
import { GRAPH_APP_ROLES, GRAPH_DISPLAY_NAME, GRAPH_SCOPES, GRAPH_SERVICE_PRINCIPAL_NAMES, MICROSOFT_SERVICES_TENANT_ID } from './microsoft-graph-app.ts';
import { stableGuid } from './stable-guid.ts';
import { compareById } from './tenant.ts';

export interface AppRole {
  allowedMemberTypes: string[];
  description: string;
  displayName: string;
  id: string;
  isEnabled: boolean;
  origin: string;
  value: string;
}

export interface PermissionScope {
  adminConsentDescription: string;
  adminConsentDisplayName: string;
  id: string;
  isEnabled: boolean;
  type: 'User' | 'Admin';
  userConsentDescription: string | null;
  userConsentDisplayName: string | null;
  value: string;
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: { id: string; type: 'Role' | 'Scope' }[];
}

export type SignInAudience = 'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount' | 'PersonalMicrosoftAccount';
export type GroupMembershipClaims = 'None' | 'SecurityGroup' | 'All' | 'DirectoryRole' | 'ApplicationGroup';
/** The platforms a redirect URI is registered for; they decide how a code may be redeemed. */
export type RedirectType = 'spa' | 'web' | 'publicClient';
export type RedirectUris = Partial<Record<RedirectType, readonly string[]>>;

/** Redirect URIs as the programmatic API and the admin endpoint take them. */
export const redirectUrisSchema = z.object({ spa: z.array(z.url()), web: z.array(z.url()), publicClient: z.array(z.string().min(1)) }).partial();

interface Replicated {
  /** Clock time (ms) from which requests other than the writing one see the object. */
  visibleAt: number;
}

export interface PasswordCredential extends Replicated {
  keyId: string;
  displayName: string | null;
  /** The first three characters of the secret, which Entra keeps to tell secrets apart. */
  hint: string;
  startDateTime: string;
  endDateTime: string;
  /** Never serialised after addPassword answered. */
  secretText: string;
}

export interface Application extends Replicated {
  id: string;
  appId: string;
  displayName: string;
  description: string | null;
  notes: string | null;
  signInAudience: SignInAudience;
  createdDateTime: string;
  identifierUris: string[];
  tags: string[];
  groupMembershipClaims: GroupMembershipClaims | null;
  isFallbackPublicClient: boolean | null;
  requiredResourceAccess: RequiredResourceAccess[];
  redirectUris: Record<RedirectType, string[]>;
  api: { requestedAccessTokenVersion: number | null; oauth2PermissionScopes: PermissionScope[] };
  appRoles: AppRole[];
  passwordCredentials: PasswordCredential[];
}

export interface ServicePrincipal extends Replicated {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string;
  accountEnabled: boolean;
  appRoleAssignmentRequired: boolean;
  appRoles: AppRole[];
  oauth2PermissionScopes: PermissionScope[];
  servicePrincipalNames: string[];
  signInAudience: SignInAudience;
  tags: string[];
}

export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal';

export interface AppRoleAssignment extends Replicated {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  principalDisplayName: string;
  principalId: string;
  principalType: PrincipalType;
  resourceDisplayName: string;
  resourceId: string;
}

export interface ApplicationInput {
  displayName: string;
  description?: string | null;
  notes?: string | null;
  signInAudience?: SignInAudience;
  identifierUris?: string[];
  tags?: string[];
  groupMembershipClaims?: GroupMembershipClaims | null;
  isFallbackPublicClient?: boolean | null;
  requiredResourceAccess?: RequiredResourceAccess[];
  redirectUris?: RedirectUris;
  api?: { requestedAccessTokenVersion?: number | null; oauth2PermissionScopes?: PermissionScope[] };
  appRoles?: AppRole[];
  /** The client id; Entra makes one up, the emulator lets its own API app keep a configured one. */
  appId?: string;
}

export type SecretCheck = 'ok' | 'invalid' | 'expired';

/** Entra's default lifetime for a client secret added without an end date. */
const DEFAULT_SECRET_LIFETIME_MS = 2 * 365 * 86_400_000;

const visible = (asOf: number) => (o: Replicated) => o.visibleAt <= asOf;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class AppRegistrations {
  private readonly applications = new Map<string, Application>();
  private readonly principals = new Map<string, ServicePrincipal>();
  private readonly assignments = new Map<string, AppRoleAssignment>();
  /** Microsoft Graph's service principal: its object id differs per tenant, its app id never. */
  readonly graph: ServicePrincipal;

  constructor(private readonly tenantId: string) {
    this.graph = {
      id: stableGuid(`${tenantId}:service-principal:${GRAPH_APP_ID}`),
      appId: GRAPH_APP_ID,
      displayName: GRAPH_DISPLAY_NAME,
      appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT_ID,
      accountEnabled: true,
      appRoleAssignmentRequired: false,
      appRoles: structuredClone([...GRAPH_APP_ROLES]),
      oauth2PermissionScopes: structuredClone([...GRAPH_SCOPES]),
      servicePrincipalNames: [...GRAPH_SERVICE_PRINCIPAL_NAMES],
      signInAudience: 'AzureADMultipleOrgs',
      tags: [],
      visibleAt: 0,
    };
    this.principals.set(this.graph.id, this.graph);
  }

  createApplication(input: ApplicationInput, now: number, visibleAt: number): Application {
    const application: Application = {
      id: randomUUID(),
      appId: (input.appId ?? randomUUID()).toLowerCase(),
      displayName: input.displayName,
      description: input.description ?? null,
      notes: input.notes ?? null,
      signInAudience: input.signInAudience ?? 'AzureADandPersonalMicrosoftAccount',
      createdDateTime: iso(now),
      identifierUris: [...(input.identifierUris ?? [])],
      tags: [...(input.tags ?? [])],
      groupMembershipClaims: input.groupMembershipClaims ?? null,
      isFallbackPublicClient: input.isFallbackPublicClient ?? null,
      requiredResourceAccess: structuredClone(input.requiredResourceAccess ?? []),
      redirectUris: { spa: [], web: [], publicClient: [] },
      api: {
        requestedAccessTokenVersion: input.api?.requestedAccessTokenVersion ?? null,
        oauth2PermissionScopes: structuredClone(input.api?.oauth2PermissionScopes ?? []),
      },
      appRoles: structuredClone(input.appRoles ?? []),
      passwordCredentials: [],
      visibleAt,
    };
    this.addRedirectUris(application, input.redirectUris ?? {});
    this.applications.set(application.id, application);
    return application;
  }

  application(id: string, asOf: number): Application | undefined {
    const application = this.applications.get(id);
    return application && application.visibleAt <= asOf ? application : undefined;
  }

  applicationByAppId(appId: string, asOf: number): Application | undefined {
    const wanted = appId.toLowerCase();
    return [...this.applications.values()].find((a) => a.appId === wanted && a.visibleAt <= asOf);
  }

  listApplications(asOf: number): Application[] {
    return [...this.applications.values()].filter(visible(asOf)).sort(compareById);
  }

  /** Deletes the application with its service principal and every app role assignment made to
   * or by it: its secrets die with it, so no token is issued for it any more. */
  deleteApplication(id: string): Application | undefined {
    const application = this.applications.get(id);
    if (!application) return undefined;
    this.applications.delete(id);
    const principal = this.servicePrincipalByAppId(application.appId, Infinity);
    if (principal) this.deleteServicePrincipal(principal.id);
    return application;
  }

  /** Deletes a service principal and every app role assignment made to or by it. */
  deleteServicePrincipal(id: string): void {
    this.principals.delete(id);
    for (const [key, a] of this.assignments) if (a.principalId === id || a.resourceId === id) this.assignments.delete(key);
  }

  addRedirectUris(application: Application, uris: RedirectUris): void {
    for (const type of ['spa', 'web', 'publicClient'] as const) {
      for (const uri of uris[type] ?? []) if (!application.redirectUris[type].includes(uri)) application.redirectUris[type].push(uri);
    }
  }

  /** Adds a client secret; `secretText` is Entra's shape: 40 characters with "~" at position 4. */
  addPassword(
    application: Application,
    input: { displayName?: string | null; startDateTime?: string; endDateTime?: string },
    now: number,
    visibleAt: number,
  ): PasswordCredential {
    const secretText = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(30).toString('base64url').slice(0, 34)}`;
    const start = input.startDateTime ?? iso(now);
    const credential: PasswordCredential = {
      keyId: randomUUID(),
      displayName: input.displayName ?? null,
      hint: secretText.slice(0, 3),
      startDateTime: start,
      endDateTime: input.endDateTime ?? iso(Date.parse(start) + DEFAULT_SECRET_LIFETIME_MS),
      secretText,
      visibleAt,
    };
    application.passwordCredentials.push(credential);
    return credential;
  }

  /** Whether `secret` is one of the app's client secrets that the token service knows at `asOf`. */
  checkSecret(application: Application, secret: string, asOf: number): SecretCheck {
    const given = Buffer.from(secret);
    const match = application.passwordCredentials.find((p) => {
      const known = Buffer.from(p.secretText);
      return p.visibleAt <= asOf && known.length === given.length && timingSafeEqual(known, given);
    });
    if (!match) return 'invalid';
    return Date.parse(match.endDateTime) <= asOf ? 'expired' : 'ok';
  }

  createServicePrincipal(application: Application, input: { tags?: string[]; appRoleAssignmentRequired?: boolean }, visibleAt: number): ServicePrincipal {
    const principal: ServicePrincipal = {
      id: randomUUID(),
      appId: application.appId,
      displayName: application.displayName,
      appOwnerOrganizationId: this.tenantId,
      accountEnabled: true,
      appRoleAssignmentRequired: input.appRoleAssignmentRequired ?? false,
      appRoles: structuredClone(application.appRoles),
      oauth2PermissionScopes: structuredClone(application.api.oauth2PermissionScopes),
      servicePrincipalNames: [application.appId, ...application.identifierUris],
      signInAudience: application.signInAudience,
      tags: [...(input.tags ?? [])],
      visibleAt,
    };
    this.principals.set(principal.id, principal);
    return principal;
  }

  servicePrincipal(id: string, asOf: number): ServicePrincipal | undefined {
    const principal = this.principals.get(id);
    return principal && principal.visibleAt <= asOf ? principal : undefined;
  }

  servicePrincipalByAppId(appId: string, asOf: number): ServicePrincipal | undefined {
    const wanted = appId.toLowerCase();
    return [...this.principals.values()].find((p) => p.appId === wanted && p.visibleAt <= asOf);
  }

  /** The service principal a scope's resource part names: an app id or one of its service principal names. */
  resourceNamed(resource: string, asOf: number): ServicePrincipal | undefined {
    const wanted = resource.replace(/\/$/, '').toLowerCase();
    return [...this.principals.values()].find(
      (p) => p.visibleAt <= asOf && (p.appId === wanted || p.servicePrincipalNames.some((n) => n.replace(/\/$/, '').toLowerCase() === wanted)),
    );
  }

  listServicePrincipals(asOf: number): ServicePrincipal[] {
    return [...this.principals.values()].filter(visible(asOf)).sort(compareById);
  }

  assignAppRole(
    input: { principalId: string; principalType: PrincipalType; principalDisplayName: string; resource: ServicePrincipal; appRoleId: string },
    now: number,
    visibleAt: number,
  ): AppRoleAssignment {
    const assignment: AppRoleAssignment = {
      id: randomBytes(32).toString('base64url').slice(0, 43),
      appRoleId: input.appRoleId,
      createdDateTime: iso(now),
      principalDisplayName: input.principalDisplayName,
      principalId: input.principalId,
      principalType: input.principalType,
      resourceDisplayName: input.resource.displayName,
      resourceId: input.resource.id,
      visibleAt,
    };
    this.assignments.set(assignment.id, assignment);
    return assignment;
  }

  /** Assignments of `resourceId`'s app roles, optionally only those held by one of `principalIds`. */
  assignmentsTo(resourceId: string, asOf: number, principalIds?: ReadonlySet<string>): AppRoleAssignment[] {
    return [...this.assignments.values()]
      .filter((a) => a.resourceId === resourceId && a.visibleAt <= asOf && (!principalIds || principalIds.has(a.principalId)))
      .sort(compareById);
  }

  /** App role values of `resource` held by one of `principalIds` (a service principal, or a user
   * and their groups): what the `roles` claim of a token for `resource` lists. */
  roleValuesHeld(resource: ServicePrincipal, principalIds: ReadonlySet<string>, asOf: number): string[] {
    const ids = new Set(this.assignmentsTo(resource.id, asOf, principalIds).map((a) => a.appRoleId));
    return resource.appRoles.filter((r) => ids.has(r.id)).map((r) => r.value);
  }

  /** Revokes one assignment of `resourceId`'s app roles; false if there is none with that id. */
  deleteAssignment(resourceId: string, assignmentId: string): boolean {
    const assignment = this.assignments.get(assignmentId);
    return assignment?.resourceId === resourceId && this.assignments.delete(assignmentId);
  }

  assignmentsOf(principalId: string, asOf: number): AppRoleAssignment[] {
    return [...this.assignments.values()].filter((a) => a.principalId === principalId && a.visibleAt <= asOf).sort(compareById);
  }
}
