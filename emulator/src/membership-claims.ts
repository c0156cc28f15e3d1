// The claims an app's groupMembershipClaims setting adds to a user's tokens: `groups` (object ids
// of the user's groups, nested ones included) or, above the configured limit, Entra's overage
// indicator pointing at Graph; and `wids` (directory role template ids).

import type { Application, ServicePrincipal } from './app-registrations.ts';
import type { EmulatorContext } from './context.ts';
import { MEMBER_USER_ROLE_ID } from './directory-roles.ts';
import type { User } from './users.ts';

export interface MembershipClaims {
  groups?: string[];
  _claim_names?: { groups: string };
  _claim_sources?: Record<string, { endpoint: string }>;
  wids?: string[];
}

/** Every directory role of the user, the implicit member role included, as Entra lists them. */
export function roleTemplateIds(user: User): string[] {
  return [...user.directoryRoles.map((r) => r.id), MEMBER_USER_ROLE_ID];
}

/** Claims for a token issued to `app` (the audience of an access token, or the client of an ID token). */
export function membershipClaims(ctx: EmulatorContext, user: User, app: Application, principal: ServicePrincipal | undefined, asOf: number): MembershipClaims {
  const setting = app.groupMembershipClaims ?? 'None';
  const out: MembershipClaims = {};
  if (setting === 'All' || setting === 'DirectoryRole') out.wids = roleTemplateIds(user);
  if (setting === 'None' || setting === 'DirectoryRole') return out;
  let groups = ctx.directory.groups.transitiveGroupsOf(user.id);
  if (setting === 'SecurityGroup') groups = groups.filter((g) => g.securityEnabled);
  if (setting === 'ApplicationGroup') {
    const assigned = new Set(principal ? ctx.directory.apps.assignmentsTo(principal.id, asOf).map((a) => a.principalId) : []);
    groups = groups.filter((g) => assigned.has(g.id));
  }
  if (groups.length > ctx.fidelity.groupsClaimLimit) {
    out._claim_names = { groups: 'src1' };
    out._claim_sources = { src1: { endpoint: `${ctx.baseUrl}/v1.0/users/${user.id}/getMemberObjects` } };
  } else {
    out.groups = groups.map((g) => g.id).sort();
  }
  return out;
}
