// The tenant's directory: users, groups, app registrations and consent grants, seeded with the
// demo tenant and the Switchboard API's own app registration. Graph and Entra routes work on the
// stores; scripts and tests use the methods here, which see every object at once (no replication).

import { GRAPH_APP_ID } from './context.ts';
import { AppRegistrations, type Application, type PermissionScope, type RedirectUris, type ServicePrincipal } from './app-registrations.ts';
import { ALL_PRINCIPALS, ConsentGrants } from './consent-grants.ts';
import {
  DEFAULT_DOMAIN,
  DEMO_PASSWORD,
  DIRECTORY_ADMIN_ROLE,
  groupId,
  TENANT_GROUPS,
  TENANT_USERS,
} from './demo-tenant.ts';
import { findDirectoryRole, type DirectoryRoleName, type DirectoryRoleTemplate } from './directory-roles.ts';
import { Groups, type Group, type GroupInput } from './groups.ts';
import { GRAPH_SCOPES, OIDC_SCOPES } from './microsoft-graph-app.ts';
import { stableGuid } from './stable-guid.ts';
import { Users, type User, type UserInput } from './users.ts';

export interface ApiApp {
  clientId: string;
  identifierUri: string;
}

/** An app registration as scripts see it: the Graph app roles its service principal holds. */
export interface RegisteredApp {
  appId: string;
  /** Object id of the app's service principal (the `oid`/`sub` of its app-only tokens), if it has one. */
  servicePrincipalId: string | null;
  displayName: string;
  roles: string[];
}

export interface RegisteredAppCredentials {
  appId: string;
  /** Shown once, as Entra shows it once. */
  secret: string;
  objectId: string;
  servicePrincipalId: string;
}

export interface DirectoryOptions {
  tenantId: string;
  apiApp: { clientId: string; identifierUri?: string; redirectUris?: RedirectUris };
}

/** Everything requested through the Switchboard app is consented for the organisation, as an
 * administrator does once after provisioning. */
const API_APP_ORG_CONSENT = { graph: ['openid', 'profile', 'email', 'offline_access', 'User.Read'], api: ['access_as_user'] };

export class Directory {
  readonly domain = DEFAULT_DOMAIN;
  readonly apiApp: ApiApp;
  readonly users = new Users();
  readonly groups = new Groups();
  readonly apps: AppRegistrations;
  readonly consents = new ConsentGrants();

  constructor(options: DirectoryOptions) {
    const clientId = options.apiApp.clientId.toLowerCase();
    this.apiApp = { clientId, identifierUri: options.apiApp.identifierUri ?? `api://localhost/${clientId}` };
    this.apps = new AppRegistrations(options.tenantId);
    for (const seed of TENANT_USERS) {
      this.addUser({
        id: seed.oid,
        userPrincipalName: seed.username,
        password: DEMO_PASSWORD,
        displayName: seed.displayName,
        givenName: seed.givenName,
        surname: seed.surname,
        jobTitle: seed.jobTitle,
        department: seed.department,
        officeLocation: seed.officeLocation,
        businessPhones: seed.businessPhones,
        directoryRoles: seed.directoryRoles,
      });
    }
    for (const seed of TENANT_GROUPS) {
      this.groups.add({
        id: groupId(seed.displayName),
        displayName: seed.displayName,
        description: seed.description,
        mail: seed.mail ?? null,
        mailEnabled: seed.mail !== undefined,
        securityEnabled: !seed.unified,
        groupTypes: seed.unified ? ['Unified'] : [],
        visibility: seed.unified ? 'Public' : null,
      });
    }
    for (const seed of TENANT_GROUPS) for (const member of seed.members) this.addGroupMember(groupId(seed.displayName), member);
    this.seedApiApp(options.apiApp.redirectUris ?? {});
  }

  private seedApiApp(redirectUris: RedirectUris): void {
    const { clientId, identifierUri } = this.apiApp;
    const accessAsUser: PermissionScope = {
      adminConsentDescription: 'Allows Teams, Outlook and the Switchboard web app to call the Switchboard API as the signed-in user, to search the company directory and identify callers.',
      adminConsentDisplayName: 'Use the Switchboard directory as the signed-in user',
      id: stableGuid(`${clientId}:access_as_user`),
      isEnabled: true,
      type: 'User',
      userConsentDescription: 'Allows Switchboard to search the company directory and identify callers on your behalf.',
      userConsentDisplayName: 'Use the Switchboard directory as you',
      value: 'access_as_user',
    };
    const userRead = GRAPH_SCOPES.find((s) => s.value === 'User.Read') as PermissionScope;
    const application = this.apps.createApplication(
      {
        appId: clientId,
        displayName: 'Switchboard',
        signInAudience: 'AzureADMyOrg',
        identifierUris: [...new Set([identifierUri, `api://${clientId}`])],
        // The demo signs users in with the password grant, a public client flow.
        isFallbackPublicClient: true,
        groupMembershipClaims: 'SecurityGroup',
        requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: [{ id: userRead.id, type: 'Scope' }] }],
        redirectUris,
        api: { requestedAccessTokenVersion: 2, oauth2PermissionScopes: [accessAsUser] },
        appRoles: [
          {
            allowedMemberTypes: ['User'],
            description: 'Switchboard administrators connect directory data sources, generate the Graph app registration and watch sync status.',
            displayName: 'Switchboard administrator',
            id: DIRECTORY_ADMIN_ROLE.id,
            isEnabled: true,
            origin: 'Application',
            value: DIRECTORY_ADMIN_ROLE.value,
          },
        ],
      },
      Date.now(),
      0,
    );
    const principal = this.apps.createServicePrincipal(application, {}, 0);
    for (const seed of TENANT_USERS) {
      for (const value of seed.apiRoles) {
        const role = principal.appRoles.find((r) => r.value === value);
        if (!role) throw new Error(`The Switchboard API has no app role '${value}'.`);
        this.apps.assignAppRole(
          { principalId: seed.oid, principalType: 'User', principalDisplayName: seed.displayName, resource: principal, appRoleId: role.id },
          Date.now(),
          0,
        );
      }
    }
    this.consents.grant(clientId, GRAPH_APP_ID, ALL_PRINCIPALS, API_APP_ORG_CONSENT.graph);
    this.consents.grant(clientId, clientId, ALL_PRINCIPALS, API_APP_ORG_CONSENT.api);
  }

  /** The Switchboard API's app registration. */
  get apiApplication(): Application {
    return this.apps.applicationByAppId(this.apiApp.clientId, Infinity) as Application;
  }

  // ---- app registrations --------------------------------------------------------------

  /** Registers an app with a client secret and grants it these Microsoft Graph app roles
   * (admin consent), all visible at once; the secret is only returned here, as in Entra. */
  registerApp(input: { displayName: string; roles: string[]; redirectUris?: RedirectUris }): RegisteredAppCredentials {
    const graph = this.apps.graph;
    const roles = input.roles.map((value) => {
      const role = graph.appRoles.find((r) => r.value === value);
      if (!role) throw new Error(`Microsoft Graph has no app role '${value}' (known: ${graph.appRoles.map((r) => r.value).join(', ')}).`);
      return role;
    });
    const now = Date.now();
    const application = this.apps.createApplication(
      {
        displayName: input.displayName,
        signInAudience: 'AzureADMyOrg',
        requiredResourceAccess: roles.length > 0 ? [{ resourceAppId: GRAPH_APP_ID, resourceAccess: roles.map((r) => ({ id: r.id, type: 'Role' as const })) }] : [],
        ...(input.redirectUris ? { redirectUris: input.redirectUris } : {}),
      },
      now,
      0,
    );
    const principal = this.apps.createServicePrincipal(application, {}, 0);
    for (const role of roles) {
      this.apps.assignAppRole(
        { principalId: principal.id, principalType: 'ServicePrincipal', principalDisplayName: principal.displayName, resource: graph, appRoleId: role.id },
        now,
        0,
      );
    }
    const credential = this.apps.addPassword(application, { displayName: 'registered by the emulator' }, now, 0);
    return { appId: application.appId, secret: credential.secretText, objectId: application.id, servicePrincipalId: principal.id };
  }

  /** Deletes an application with everything that hangs on it: service principal, role
   * assignments, secrets and consent grants. */
  deleteApplication(objectId: string): Application | undefined {
    const application = this.apps.deleteApplication(objectId);
    if (application) this.consents.forgetClient(application.appId);
    return application;
  }

  removeApp(appId: string): boolean {
    const application = this.apps.applicationByAppId(appId, Infinity);
    return application !== undefined && this.deleteApplication(application.id) !== undefined;
  }

  getApp(appId: string): RegisteredApp | undefined {
    const application = this.apps.applicationByAppId(appId, Infinity);
    if (!application) return undefined;
    const principal = this.apps.servicePrincipalByAppId(appId, Infinity);
    return {
      appId: application.appId,
      servicePrincipalId: principal?.id ?? null,
      displayName: application.displayName,
      roles: principal ? this.apps.roleValuesHeld(this.apps.graph, new Set([principal.id]), Infinity) : [],
    };
  }

  listApps(): RegisteredApp[] {
    return this.apps.listApplications(Infinity).map((a) => this.getApp(a.appId) as RegisteredApp);
  }

  /** Registers redirect URIs (SPA, web or public client) on an app, e.g. the web app's sign-in page. */
  addRedirectUris(appId: string, uris: RedirectUris): void {
    const application = this.apps.applicationByAppId(appId, Infinity);
    if (!application) throw new Error(`No application with app id '${appId}'.`);
    this.apps.addRedirectUris(application, uris);
  }

  /** Consents to delegated scopes for a client app, for one user or (without `username`) for the
   * organisation. Scopes are written as in a token request: `https://graph.microsoft.com/User.Read`,
   * `api://.../access_as_user`, or bare names for Graph. */
  grantConsent(input: { clientId: string; scopes: string[]; username?: string }): void {
    const principal = input.username === undefined ? ALL_PRINCIPALS : this.requireUser(input.username).id;
    for (const scope of input.scopes) {
      const at = scope.lastIndexOf('/');
      const value = scope.slice(at + 1);
      const resource = at < 0 || OIDC_SCOPES.has(value) ? this.apps.graph : this.apps.resourceNamed(scope.slice(0, at), Infinity);
      if (!resource) throw new Error(`No resource in the tenant is named by the scope '${scope}'.`);
      this.consents.grant(input.clientId, resource.appId, principal, [value]);
    }
  }

  // ---- users and groups -----------------------------------------------------------------

  addUser(input: Omit<UserInput, 'directoryRoles'> & { directoryRoles?: DirectoryRoleName[] }): User {
    return this.users.add({ ...input, directoryRoles: (input.directoryRoles ?? []).map(requireRole) });
  }

  findUser(username: string): User | undefined {
    return this.users.byUserPrincipalName(username);
  }

  /** Lets a deployment replace the well-known demo password. */
  setPassword(username: string, password: string): void {
    this.requireUser(username).password = password;
  }

  assignDirectoryRole(username: string, role: DirectoryRoleName): void {
    const user = this.requireUser(username);
    const template = requireRole(role);
    if (!user.directoryRoles.includes(template)) user.directoryRoles.push(template);
  }

  /** Takes a role away, as an expired PIM activation does: tokens issued before keep working, but Graph checks the role on each write. */
  revokeDirectoryRole(username: string, role: DirectoryRoleName): void {
    const user = this.requireUser(username);
    const template = requireRole(role);
    user.directoryRoles = user.directoryRoles.filter((held) => held !== template);
  }

  listUsers(): Omit<User, 'password'>[] {
    return this.users.list().map(({ password: _password, ...rest }) => rest);
  }

  /** Adds a group; members are usernames or object ids of users and groups. */
  addGroup(input: GroupInput & { members?: string[] }): Group {
    const { members = [], ...group } = input;
    const added = this.groups.add(group);
    for (const member of members) this.addGroupMember(added.id, member);
    return added;
  }

  /** `member`: a username, a user's object id, a group's object id, or (for the seed) a group's display name. */
  addGroupMember(groupIdOrName: string, member: string): void {
    const target = this.groups.get(groupIdOrName) ?? this.groupNamed(groupIdOrName);
    if (!target) throw new Error(`No group '${groupIdOrName}'.`);
    const id = this.users.find(member)?.id ?? this.groups.get(member)?.id ?? this.groupNamed(member)?.id;
    if (!id) throw new Error(`No user or group '${member}' to add to '${target.displayName}'.`);
    this.groups.addMember(target.id, id);
  }

  private groupNamed(displayName: string): Group | undefined {
    return this.groups.list().find((g) => g.displayName === displayName);
  }

  /** App role values of `resource` a user holds, directly or through a group they are a direct
   * member of: Entra does not pass a group's app roles on to members of nested groups. */
  appRolesOf(user: User, resource: ServicePrincipal, asOf: number): string[] {
    return this.apps.roleValuesHeld(resource, new Set([user.id, ...this.groups.groupsOf(user.id).map((g) => g.id)]), asOf);
  }

  private requireUser(username: string): User {
    const user = this.users.find(username);
    if (!user) throw new Error(`Unknown user '${username}'.`);
    return user;
  }
}

function requireRole(name: DirectoryRoleName): DirectoryRoleTemplate {
  const role = findDirectoryRole(name);
  if (!role) throw new Error(`Unknown directory role '${name}'.`);
  return role;
}
