// A `scope` parameter read against the tenant: the OpenID Connect scopes, and per resource the
// permissions asked for; plus which of them a client may not use for a user yet (no consent).

import type { Application, PermissionScope, ServicePrincipal } from './app-registrations.ts';
import { GRAPH_RESOURCE, type EmulatorContext } from './context.ts';
import { invalidResourceDescription } from './entra-errors.ts';
import { OIDC_SCOPES } from './microsoft-graph-app.ts';
import type { User } from './users.ts';

export interface ResourceScopes {
  resource: ServicePrincipal;
  /** The resource as the request named it (`api://...`, `https://graph.microsoft.com`). */
  name: string;
  /** Permission values asked for; `.default` stands for the app's configured permissions. */
  permissions: string[];
}

export interface ScopeRequest {
  /** openid, profile, email, offline_access as asked for. */
  oidc: string[];
  /** In the order the request first names them; tokens are issued for the first. */
  resources: ResourceScopes[];
}

export interface ScopeProblem {
  error: 'invalid_resource' | 'invalid_scope';
  code: number;
  description: string;
}

export interface ResourcePermissions {
  resource: ServicePrincipal;
  scopes: PermissionScope[];
}

export function readScopes(ctx: EmulatorContext, raw: string, asOf: number): { ok: true; request: ScopeRequest } | { ok: false; problem: ScopeProblem } {
  const request: ScopeRequest = { oidc: [], resources: [] };
  for (const scope of raw.split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) {
      if (!request.oidc.includes(scope.toLowerCase())) request.oidc.push(scope.toLowerCase());
      continue;
    }
    const at = scope.lastIndexOf('/');
    // A bare permission name is Graph's, as in Entra.
    const name = at < 0 ? GRAPH_RESOURCE : scope.slice(0, at);
    const value = scope.slice(at + 1);
    const resource = at < 0 ? ctx.directory.apps.graph : ctx.directory.apps.resourceNamed(name, asOf);
    if (!resource) return { ok: false, problem: { error: 'invalid_resource', code: 500011, description: invalidResourceDescription(ctx, name) } };
    const permission = value === '.default' ? value : resource.oauth2PermissionScopes.find((s) => s.value.toLowerCase() === value.toLowerCase())?.value;
    if (!permission) {
      return {
        ok: false,
        problem: { error: 'invalid_scope', code: 70011, description: `The provided value for the input parameter 'scope' is not valid. The scope ${scope} does not exist.` },
      };
    }
    let entry = request.resources.find((r) => r.resource.id === resource.id);
    if (!entry) request.resources.push((entry = { resource, name, permissions: [] }));
    if (!entry.permissions.includes(permission)) entry.permissions.push(permission);
  }
  return { ok: true, request };
}

/** The resource tokens are issued for: the first named, or Graph for a sign-in-only request. */
export function primaryResource(ctx: EmulatorContext, request: ScopeRequest): ResourceScopes {
  return request.resources[0] ?? { resource: ctx.directory.apps.graph, name: GRAPH_RESOURCE, permissions: [] };
}

/** Scopes of each resource that the client asks for: the ones named, the app's configured ones
 * for `.default`, and the OpenID Connect scopes as Graph's. */
export function requestedScopes(ctx: EmulatorContext, client: Application, request: ScopeRequest): ResourcePermissions[] {
  const graph = ctx.directory.apps.graph;
  const wanted = new Map<ServicePrincipal, Set<string>>();
  const want = (resource: ServicePrincipal, values: Iterable<string>) => {
    let set = wanted.get(resource);
    if (!set) wanted.set(resource, (set = new Set()));
    for (const v of values) set.add(v);
  };
  if (request.oidc.length > 0) want(graph, request.oidc);
  for (const { resource, permissions } of request.resources) {
    want(resource, permissions.filter((p) => p !== '.default'));
    if (permissions.includes('.default')) want(resource, configuredScopes(client, resource));
  }
  return [...wanted]
    .map(([resource, values]) => ({ resource, scopes: resource.oauth2PermissionScopes.filter((s) => values.has(s.value)) }))
    .filter((r) => r.scopes.length > 0);
}

/** The requested scopes the client may not use for this user yet. */
export function unconsented(ctx: EmulatorContext, client: Application, user: User, request: ScopeRequest): ResourcePermissions[] {
  return requestedScopes(ctx, client, request)
    .map(({ resource, scopes }) => {
      const granted = ctx.directory.consents.granted(client.appId, resource.appId, user.id);
      return { resource, scopes: scopes.filter((s) => !granted.has(s.value)) };
    })
    .filter((r) => r.scopes.length > 0);
}

/** Delegated permissions of `resource` listed in the client's requiredResourceAccess. */
function configuredScopes(client: Application, resource: ServicePrincipal): string[] {
  const ids = new Set(
    client.requiredResourceAccess.filter((r) => r.resourceAppId === resource.appId).flatMap((r) => r.resourceAccess.filter((a) => a.type === 'Scope').map((a) => a.id)),
  );
  return resource.oauth2PermissionScopes.filter((s) => ids.has(s.id)).map((s) => s.value);
}
