// Graph v1.0: applications, service principals, client secrets and app role assignments, as
// Switchboard's setup uses them (GENERATE APP, CHECK ACCESS, REMOVE APP). Objects are addressed by
// id or by alternate key (`applications(appId='...')`), and a freshly written one stays unknown to
// other requests until it has replicated (behaviour.replicationDelayMs).

import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Application, ServicePrincipal } from './app-registrations.ts';
import { writeStamp, type EmulatorContext } from './context.ts';
import { APP_MANAGERS, CONSENT_GRANTERS, GRAPH_APP_ROLE_GRANTERS, type DirectoryRoleTemplate } from './directory-roles.ts';
import { readBody } from './graph-body.ts';
import {
  APP_ROLE_ASSIGNMENT_TYPE,
  APPLICATION_TYPE,
  appRoleAssignmentJson,
  applicationJson,
  passwordCredentialJson,
  SERVICE_PRINCIPAL_TYPE,
  servicePrincipalJson,
} from './graph-application-json.ts';
import { collectionResponse, entityResponse, type Row } from './graph-collection.ts';
import {
  READ_APP_ROLE_ASSIGNMENTS,
  READ_APPLICATIONS,
  requireDirectoryRole,
  requirePermission,
  WRITE_APP_ROLE_ASSIGNMENTS,
  WRITE_APPLICATIONS,
} from './graph-permissions.ts';
import { GraphError, odataJson, resourceNotFound, type GraphEnv } from './graph-response.ts';
import { MICROSOFT_SERVICES_TENANT_ID } from './microsoft-graph-app.ts';
import { contextUrl } from './odata-query.ts';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const redirectUris = z.object({ redirectUris: z.array(z.url()) }).partial();

const applicationSchema = z
  .object({
    displayName: z.string().min(1).max(256),
    description: z.string().max(1024).nullable(),
    notes: z.string().nullable(),
    signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']),
    identifierUris: z.array(z.string().min(1)),
    tags: z.array(z.string()),
    groupMembershipClaims: z.enum(['None', 'SecurityGroup', 'All', 'DirectoryRole', 'ApplicationGroup']).nullable(),
    isFallbackPublicClient: z.boolean().nullable(),
    requiredResourceAccess: z.array(
      z.object({ resourceAppId: guid, resourceAccess: z.array(z.object({ id: guid, type: z.enum(['Role', 'Scope']) }).strict()) }).strict(),
    ),
    spa: redirectUris.strict(),
    web: redirectUris.extend({ homePageUrl: z.url().nullable(), logoutUrl: z.url().nullable() }).partial(),
    publicClient: z.object({ redirectUris: z.array(z.string().min(1)) }).partial().strict(),
    api: z.object({ requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2)]).nullable() }).partial(),
  })
  .partial()
  .required({ displayName: true })
  .strict();

const addPasswordSchema = z
  .object({
    passwordCredential: z.object({ displayName: z.string().nullable(), startDateTime: z.iso.datetime({ offset: true }), endDateTime: z.iso.datetime({ offset: true }) }).partial(),
  })
  .partial()
  .strict();

const servicePrincipalSchema = z
  .object({ appId: guid, accountEnabled: z.boolean(), appRoleAssignmentRequired: z.boolean(), tags: z.array(z.string()) })
  .partial()
  .required({ appId: true })
  .strict();

const appRoleAssignmentSchema = z
  .object({ principalId: guid, resourceId: guid, appRoleId: guid, principalType: z.string() })
  .partial({ principalType: true })
  .strict();

/** How a request names an object: its id, or `(appId='...')`. */
type Ref = { id: string } | { appId: string };

type RefHandler = (c: Context<GraphEnv>, ref: Ref) => Response | Promise<Response>;

export function applicationRoutes(ctx: EmulatorContext): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();
  const { apps } = ctx.directory;

  /** Registers a handler for `/<set>/{id}<tail>` and `/<set>(appId='...')<tail>`; `tail` may hold parameters. */
  const onObject = (method: 'GET' | 'POST' | 'DELETE', set: 'applications' | 'servicePrincipals', tail: string, handler: RefHandler) => {
    app.on(method, `/${set}/:id${tail}`, (c) => handler(c, { id: c.req.param('id') }));
    app.on(method, `/:key{${set}\\([^/]+\\)}${tail}`, (c) => {
      const key = /\(appId='([^']*)'\)$/.exec(c.req.param('key'));
      if (!key) throw new GraphError(400, 'BadRequest', `The alternate key in '${c.req.param('key')}' is not supported; use (appId='...').`);
      return handler(c, { appId: key[1] as string });
    });
  };

  const findApplication = (ref: Ref, asOf: number): Application => {
    const found = 'id' in ref ? apps.application(ref.id, asOf) : apps.applicationByAppId(ref.appId, asOf);
    if (!found) throw resourceNotFound('id' in ref ? ref.id : ref.appId);
    return found;
  };

  const findServicePrincipal = (ref: Ref, asOf: number): ServicePrincipal => {
    const found = 'id' in ref ? apps.servicePrincipal(ref.id, asOf) : apps.servicePrincipalByAppId(ref.appId, asOf);
    if (!found) throw resourceNotFound('id' in ref ? ref.id : ref.appId);
    return found;
  };

  const toJson = (application: Application): Row => applicationJson(application, ctx.directory.domain);
  const principalJson = (principal: ServicePrincipal): Row =>
    servicePrincipalJson(principal, Object.values(apps.applicationByAppId(principal.appId, Infinity)?.redirectUris ?? {}).flat());

  /** Writes to app registrations need the scope and, for a signed-in user, an application administrator role. */
  const authorizeAppWrite = (c: Context<GraphEnv>) => requireDirectoryRole(ctx, requirePermission(c, WRITE_APPLICATIONS), APP_MANAGERS);

  // ---- applications ------------------------------------------------------------------------

  app.post('/applications', async (c) => {
    authorizeAppWrite(c);
    const input = await readBody(c, applicationSchema, 'application');
    const { now, visibleAt } = writeStamp(ctx);
    const { spa, web, publicClient, api, ...rest } = input;
    const application = apps.createApplication(
      {
        ...rest,
        redirectUris: { spa: spa?.redirectUris ?? [], web: web?.redirectUris ?? [], publicClient: publicClient?.redirectUris ?? [] },
        ...(api ? { api: { requestedAccessTokenVersion: api.requestedAccessTokenVersion ?? null } } : {}),
      },
      now,
      visibleAt,
    );
    return created(c, ctx, 'applications', toJson(application));
  });

  app.get('/applications', (c) => {
    requirePermission(c, READ_APPLICATIONS);
    return collectionResponse(c, ctx, apps.listApplications(ctx.fidelity.now()).map(toJson), APPLICATION_TYPE, { context: 'applications', filter: true, search: true, orderby: true });
  });

  onObject('GET', 'applications', '', (c, ref) => {
    requirePermission(c, READ_APPLICATIONS);
    return entityResponse(c, ctx, toJson(findApplication(ref, ctx.fidelity.now())), APPLICATION_TYPE, 'applications');
  });

  onObject('DELETE', 'applications', '', (c, ref) => {
    authorizeAppWrite(c);
    ctx.directory.deleteApplication(findApplication(ref, ctx.fidelity.now()).id);
    return c.body(null, 204);
  });

  onObject('POST', 'applications', '/addPassword', async (c, ref) => {
    authorizeAppWrite(c);
    const application = findApplication(ref, ctx.fidelity.now());
    const input = (await readBody(c, addPasswordSchema, 'passwordCredential')).passwordCredential ?? {};
    const { now, visibleAt } = writeStamp(ctx);
    if (input.endDateTime !== undefined && Date.parse(input.endDateTime) <= Date.parse(input.startDateTime ?? new Date(now).toISOString())) {
      throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'endDateTime' of resource 'PasswordCredential'.");
    }
    const credential = apps.addPassword(application, input, now, visibleAt);
    return odataJson(c, { '@odata.context': contextUrl(ctx.baseUrl, 'microsoft.graph.passwordCredential', undefined), ...passwordCredentialJson(credential, true) });
  });

  // ---- service principals --------------------------------------------------------------------

  app.post('/servicePrincipals', async (c) => {
    authorizeAppWrite(c);
    const input = await readBody(c, servicePrincipalSchema, 'servicePrincipal');
    const application = apps.applicationByAppId(input.appId, ctx.fidelity.now());
    if (!application) {
      throw new GraphError(400, 'Request_BadRequest', `The appId '${input.appId}' of the service principal does not reference a valid application object.`);
    }
    if (apps.servicePrincipalByAppId(input.appId, Infinity)) {
      throw new GraphError(
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        `The service principal cannot be created, updated, or restored because the service principal name ${input.appId} is already in use.`,
      );
    }
    const principal = apps.createServicePrincipal(application, input, writeStamp(ctx).visibleAt);
    return created(c, ctx, 'servicePrincipals', principalJson(principal));
  });

  app.get('/servicePrincipals', (c) => {
    requirePermission(c, READ_APPLICATIONS);
    return collectionResponse(c, ctx, apps.listServicePrincipals(ctx.fidelity.now()).map(principalJson), SERVICE_PRINCIPAL_TYPE, {
      context: 'servicePrincipals',
      filter: true,
      search: true,
      orderby: true,
    });
  });

  onObject('GET', 'servicePrincipals', '', (c, ref) => {
    requirePermission(c, READ_APPLICATIONS);
    return entityResponse(c, ctx, principalJson(findServicePrincipal(ref, ctx.fidelity.now())), SERVICE_PRINCIPAL_TYPE, 'servicePrincipals');
  });

  onObject('DELETE', 'servicePrincipals', '', (c, ref) => {
    authorizeAppWrite(c);
    apps.deleteServicePrincipal(findServicePrincipal(ref, ctx.fidelity.now()).id);
    return c.body(null, 204);
  });

  onObject('GET', 'servicePrincipals', '/appRoleAssignedTo', (c, ref) => {
    requirePermission(c, READ_APP_ROLE_ASSIGNMENTS);
    const asOf = ctx.fidelity.now();
    const principal = findServicePrincipal(ref, asOf);
    return collectionResponse(c, ctx, apps.assignmentsTo(principal.id, asOf).map(appRoleAssignmentJson), APP_ROLE_ASSIGNMENT_TYPE, {
      context: `servicePrincipals('${principal.id}')/appRoleAssignedTo`,
      filter: true,
    });
  });

  onObject('GET', 'servicePrincipals', '/appRoleAssignments', (c, ref) => {
    requirePermission(c, READ_APP_ROLE_ASSIGNMENTS);
    const asOf = ctx.fidelity.now();
    const principal = findServicePrincipal(ref, asOf);
    return collectionResponse(c, ctx, apps.assignmentsOf(principal.id, asOf).map(appRoleAssignmentJson), APP_ROLE_ASSIGNMENT_TYPE, {
      context: `servicePrincipals('${principal.id}')/appRoleAssignments`,
      filter: true,
    });
  });

  // Admin consent to an application permission: assigning the resource's app role to the client.
  onObject('POST', 'servicePrincipals', '/appRoleAssignedTo', async (c, ref) => {
    const caller = requirePermission(c, WRITE_APP_ROLE_ASSIGNMENTS);
    const asOf = ctx.fidelity.now();
    const resource = findServicePrincipal(ref, asOf);
    requireDirectoryRole(ctx, caller, rolesToGrant(resource));
    const input = await readBody(c, appRoleAssignmentSchema, 'appRoleAssignment');
    if (input.resourceId.toLowerCase() !== resource.id) {
      throw new GraphError(400, 'Request_BadRequest', "Invalid value specified for property 'resourceId' of resource 'AppRoleAssignment'.");
    }
    const principal = assignee(ctx, input.principalId, asOf);
    if (!principal) throw new GraphError(400, 'Request_BadRequest', 'Not a valid reference update.');
    const role = resource.appRoles.find((r) => r.id === input.appRoleId.toLowerCase() && r.isEnabled);
    const memberType = principal.type === 'ServicePrincipal' ? 'Application' : 'User';
    if (!role || !role.allowedMemberTypes.includes(memberType)) {
      throw new GraphError(400, 'Request_BadRequest', `Permission being assigned was not found on application '${resource.appId}'.`);
    }
    if (apps.assignmentsTo(resource.id, Infinity, new Set([principal.id])).some((a) => a.appRoleId === role.id)) {
      throw new GraphError(400, 'Request_BadRequest', 'Permission being assigned already exists on the object');
    }
    const { now, visibleAt } = writeStamp(ctx);
    const assignment = apps.assignAppRole(
      { principalId: principal.id, principalType: principal.type, principalDisplayName: principal.displayName, resource, appRoleId: role.id },
      now,
      visibleAt,
    );
    return created(c, ctx, `servicePrincipals('${resource.id}')/appRoleAssignedTo`, appRoleAssignmentJson(assignment));
  });

  // Revoking admin consent to an application permission.
  onObject('DELETE', 'servicePrincipals', '/appRoleAssignedTo/:assignmentId', (c, ref) => {
    const caller = requirePermission(c, WRITE_APP_ROLE_ASSIGNMENTS);
    const resource = findServicePrincipal(ref, ctx.fidelity.now());
    requireDirectoryRole(ctx, caller, rolesToGrant(resource));
    const assignmentId = c.req.param('assignmentId') as string;
    if (!apps.deleteAssignment(resource.id, assignmentId)) throw resourceNotFound(assignmentId);
    return c.body(null, 204);
  });

  return app;
}

/** Granting or revoking app roles of Microsoft's APIs (Graph) takes more than the tenant's own. */
function rolesToGrant(resource: ServicePrincipal): readonly DirectoryRoleTemplate[] {
  return resource.appOwnerOrganizationId === MICROSOFT_SERVICES_TENANT_ID ? GRAPH_APP_ROLE_GRANTERS : CONSENT_GRANTERS;
}

/** The principal an app role goes to: a service principal, a user or a group. */
function assignee(ctx: EmulatorContext, id: string, asOf: number): { id: string; type: 'User' | 'Group' | 'ServicePrincipal'; displayName: string } | undefined {
  const principal = ctx.directory.apps.servicePrincipal(id, asOf);
  if (principal) return { id: principal.id, type: 'ServicePrincipal', displayName: principal.displayName };
  const user = ctx.directory.users.get(id);
  if (user) return { id: user.id, type: 'User', displayName: user.displayName };
  const group = ctx.directory.groups.get(id);
  if (group) return { id: group.id, type: 'Group', displayName: group.displayName };
  return undefined;
}

function created(c: Context<GraphEnv>, ctx: EmulatorContext, entitySet: string, row: Row): Response {
  c.header('Location', `${ctx.baseUrl}/v1.0/directoryObjects/${row.id}`);
  return odataJson(c, { '@odata.context': contextUrl(ctx.baseUrl, entitySet, undefined, '/$entity'), ...row }, { status: 201 });
}
