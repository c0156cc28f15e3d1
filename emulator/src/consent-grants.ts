// Delegated permission grants (Graph's oauth2PermissionGrant): which scopes of a resource a client
// app may use on behalf of one user, or of everyone in the tenant after an administrator consented
// for the organisation. Sign-in asks for consent to whatever is not granted yet.

/** The principal of an organisation-wide grant. */
export const ALL_PRINCIPALS = 'AllPrincipals';

interface Grant {
  clientAppId: string;
  resourceAppId: string;
  principal: string;
  scopes: Set<string>;
}

export class ConsentGrants {
  private readonly grants: Grant[] = [];

  /** Adds scopes to the grant of this client, resource and principal (a user's object id or ALL_PRINCIPALS). */
  grant(clientAppId: string, resourceAppId: string, principal: string, scopes: Iterable<string>): void {
    const key = { clientAppId: clientAppId.toLowerCase(), resourceAppId: resourceAppId.toLowerCase(), principal: principal.toLowerCase() };
    let grant = this.grants.find((g) => g.clientAppId === key.clientAppId && g.resourceAppId === key.resourceAppId && g.principal === key.principal);
    if (!grant) this.grants.push((grant = { ...key, scopes: new Set() }));
    for (const scope of scopes) grant.scopes.add(scope);
  }

  /** Scopes of the resource the client may use for this user: the user's grant and the organisation's. */
  granted(clientAppId: string, resourceAppId: string, userId: string): Set<string> {
    const client = clientAppId.toLowerCase();
    const resource = resourceAppId.toLowerCase();
    const principals = new Set([userId.toLowerCase(), ALL_PRINCIPALS.toLowerCase()]);
    const out = new Set<string>();
    for (const g of this.grants) {
      if (g.clientAppId === client && g.resourceAppId === resource && principals.has(g.principal)) for (const s of g.scopes) out.add(s);
    }
    return out;
  }

  /** Drops every grant to a client app that no longer exists. */
  forgetClient(clientAppId: string): void {
    const client = clientAppId.toLowerCase();
    for (let i = this.grants.length - 1; i >= 0; i--) if (this.grants[i]?.clientAppId === client) this.grants.splice(i, 1);
  }
}
