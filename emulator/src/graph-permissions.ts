// What each Graph call needs, per Microsoft's permission reference: any one of some delegated
// scopes or application permissions, and for some writes by a signed-in user also a directory
// role (Graph checks the user's own rights as well as the app's). Refusals are Graph's 403
// Authorization_RequestDenied, with a second sentence saying what was missing.

import type { Context } from 'hono';
import type { EmulatorContext } from './context.ts';
import { holdsAnyRole, type DirectoryRoleTemplate } from './directory-roles.ts';
import type { Caller } from './graph-auth.ts';
import { GraphError, type GraphEnv } from './graph-response.ts';

export interface Permission {
  /** Delegated scopes, any of which allows the call for a signed-in user. */
  delegated: readonly string[];
  /** Application permissions (app roles), any of which allows the call without a user. */
  application: readonly string[];
}

function permission(delegated: readonly string[], application: readonly string[] = delegated): Permission {
  return { delegated, application };
}

export const READ_ORG_CONTACTS = permission(['OrgContact.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
export const READ_APPLICATIONS = permission(['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
export const WRITE_APPLICATIONS = permission(['Application.ReadWrite.All']);
export const READ_APP_ROLE_ASSIGNMENTS = permission([...READ_APPLICATIONS.delegated, 'AppRoleAssignment.ReadWrite.All']);
export const WRITE_APP_ROLE_ASSIGNMENTS = permission(['AppRoleAssignment.ReadWrite.All']);
export const READ_USERS = permission(['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
export const READ_GROUPS = permission(['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
export const READ_MEMBERSHIPS = permission(['GroupMember.Read.All', 'Group.Read.All', 'User.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All']);
/** A signed-in user reading their own profile and memberships (`/me`). */
export const READ_SELF = permission(['User.Read', ...READ_USERS.delegated], []);

const INSUFFICIENT = 'Insufficient privileges to complete the operation.';

/** The caller, if its token grants one of the permissions; else 403. */
export function requirePermission(c: Context<GraphEnv>, needed: Permission): Caller {
  const caller = c.get('caller');
  const accepted = caller.kind === 'user' ? needed.delegated : needed.application;
  if (accepted.some((p) => caller.permissions.includes(p))) return caller;
  const kind = caller.kind === 'user' ? 'delegated permissions (scp)' : 'application permissions (roles)';
  const missing = accepted.length > 0 ? `one of the ${kind} ${accepted.join(', ')}` : `a signed-in user; app-only tokens cannot make this call`;
  throw new GraphError(403, 'Authorization_RequestDenied', `${INSUFFICIENT} The access token lacks ${missing}.`);
}

/** For a signed-in caller: the user must also hold one of these directory roles. */
export function requireDirectoryRole(ctx: EmulatorContext, caller: Caller, roles: readonly DirectoryRoleTemplate[]): void {
  if (caller.kind !== 'user') return;
  const user = ctx.directory.users.get(caller.userId);
  if (user && holdsAnyRole(user.directoryRoles, roles)) return;
  throw new GraphError(403, 'Authorization_RequestDenied', `${INSUFFICIENT} The signed-in user holds none of the directory roles ${roles.map((r) => r.displayName).join(', ')}.`);
}
