import type { SourceAccess } from '../../../contracts/index.ts';
import type { SourceFilter } from '../directory/directory.ts';
import type { GroupMembership } from './group-membership.ts';
import type { Principal } from './token-verifier.ts';

interface Rule {
  tenantId: string;
  access: SourceAccess;
}

/**
 * Which data sources a caller may see (wizard step 4). Rules are held in memory and changed with
 * the data sources, so a request decides without reading the store; a changed rule applies to the
 * next request. "Everyone" means everyone of the organisation: the source's tenant or this
 * deployment's home tenant, never a guest tenant of a multi-tenant deployment.
 */
export class SourceAccessPolicy {
  private readonly rules = new Map<string, Rule>();
  /** Sources restricted to groups: only then must a request know the caller's groups. */
  private readonly groupRestricted = new Set<string>();

  private readonly homeTenantId: string;

  constructor(
    homeTenantId: string,
    private readonly membership: GroupMembership,
  ) {
    this.homeTenantId = homeTenantId.toLowerCase();
  }

  set(sourceId: string, tenantId: string, access: SourceAccess): void {
    this.rules.set(sourceId, { tenantId: tenantId.toLowerCase(), access });
    if (access.mode === 'groups') this.groupRestricted.add(sourceId);
    else this.groupRestricted.delete(sourceId);
  }

  remove(sourceId: string): void {
    this.rules.delete(sourceId);
    this.groupRestricted.delete(sourceId);
  }

  /** The caller's filter; waits for Graph only when a source is restricted to groups and the token's groups overflowed. */
  filterFor(principal: Principal): SourceFilter | Promise<SourceFilter> {
    if (this.groupRestricted.size === 0) return (sourceId) => this.allows(sourceId, principal, null);
    const groups = this.membership.groupsOf(principal);
    return groups instanceof Promise
      ? groups.then((g) => (sourceId: string) => this.allows(sourceId, principal, g))
      : (sourceId) => this.allows(sourceId, principal, groups);
  }

  private allows(sourceId: string, principal: Principal, groups: ReadonlySet<string> | null): boolean {
    const rule = this.rules.get(sourceId);
    if (!rule) return false;
    if (principal.tenantId !== rule.tenantId && principal.tenantId !== this.homeTenantId) return false;
    switch (rule.access.mode) {
      case 'everyone':
        return true;
      case 'users':
        return rule.access.users.some((u) => u.id === principal.oid);
      case 'groups':
        return groups !== null && rule.access.groups.some((g) => groups.has(g.id));
    }
  }
}
