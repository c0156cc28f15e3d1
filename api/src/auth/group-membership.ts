import type { Logger } from '../logger.ts';
import type { Principal } from './token-verifier.ts';

/** Reads a user's groups from Graph (the token's groups claim overflowed). */
export type GroupReader = (principal: Principal) => Promise<string[]>;

const TTL_MS = 5 * 60_000;
const MAX_CACHED_USERS = 10_000;
const NO_GROUPS: ReadonlySet<string> = new Set();

/**
 * Group memberships for access decisions: from the token when it carries them, else from Graph,
 * cached for a few minutes per user (a membership change reaches Switchboard within that time,
 * as it reaches new tokens within their lifetime). When Graph cannot be asked the user is in no
 * group: restricted sources stay hidden rather than open.
 */
export class GroupMembership {
  private readonly fromGraph = new Map<string, { groups: Promise<ReadonlySet<string>>; expiresAt: number }>();

  constructor(
    private readonly read: GroupReader,
    private readonly logger: Logger,
  ) {}

  groupsOf(principal: Principal): ReadonlySet<string> | Promise<ReadonlySet<string>> {
    if (!principal.groupsOverage) return principal.groups ?? NO_GROUPS;
    const key = `${principal.tenantId}/${principal.oid}`;
    const cached = this.fromGraph.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.groups;
    const groups = this.read(principal).then(
      (ids): ReadonlySet<string> => new Set(ids),
      (error: unknown) => {
        this.logger.warn({ err: error, oid: principal.oid }, 'could not read group memberships from Graph; restricted data sources stay hidden');
        // Not cached: the next request asks again.
        this.fromGraph.delete(key);
        return NO_GROUPS;
      },
    );
    if (this.fromGraph.size >= MAX_CACHED_USERS) this.fromGraph.clear();
    this.fromGraph.set(key, { groups, expiresAt: Date.now() + TTL_MS });
    return groups;
  }
}
