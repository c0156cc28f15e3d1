// The tenant's groups and their members (users or other groups). Membership is stored one level
// deep, as Entra stores it; transitive membership is computed, as Graph's transitiveMemberOf does.

import { randomUUID } from 'node:crypto';
import { compareById } from './tenant.ts';

export interface Group {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailEnabled: boolean;
  mailNickname: string;
  securityEnabled: boolean;
  /** `["Unified"]` for Microsoft 365 groups, empty for security and distribution groups. */
  groupTypes: string[];
  visibility: string | null;
  isAssignableToRole: boolean | null;
  createdDateTime: string;
}

export type GroupInput = Partial<Omit<Group, 'displayName'>> & { displayName: string };

export class GroupNotFoundError extends Error {}

export class Groups {
  private readonly groups = new Map<string, Group>();
  /** member id -> ids of the groups it belongs to directly */
  private readonly parents = new Map<string, Set<string>>();

  add(input: GroupInput): Group {
    const group: Group = {
      description: null,
      mail: null,
      mailEnabled: false,
      mailNickname: input.displayName.replace(/[^A-Za-z0-9]/g, '').slice(0, 64) || 'group',
      securityEnabled: true,
      groupTypes: [],
      visibility: null,
      isAssignableToRole: null,
      createdDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...input,
      id: (input.id ?? randomUUID()).toLowerCase(),
    };
    this.groups.set(group.id, group);
    return group;
  }

  get(id: string): Group | undefined {
    return this.groups.get(id.toLowerCase());
  }

  list(): Group[] {
    return [...this.groups.values()].sort(compareById);
  }

  get count(): number {
    return this.groups.size;
  }

  addMember(groupId: string, memberId: string): void {
    const group = this.get(groupId);
    if (!group) throw new GroupNotFoundError(`Group '${groupId}' does not exist.`);
    const member = memberId.toLowerCase();
    let parents = this.parents.get(member);
    if (!parents) this.parents.set(member, (parents = new Set()));
    parents.add(group.id);
  }

  /** Groups `memberId` belongs to directly. */
  groupsOf(memberId: string): Group[] {
    return [...(this.parents.get(memberId.toLowerCase()) ?? [])].map((id) => this.groups.get(id) as Group);
  }

  /** Groups `memberId` belongs to directly or through nested groups, each once. */
  transitiveGroupsOf(memberId: string): Group[] {
    const seen = new Set<string>();
    const queue = [memberId.toLowerCase()];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const parent of this.parents.get(next) ?? []) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        queue.push(parent);
      }
    }
    return [...seen].map((id) => this.groups.get(id) as Group);
  }
}
