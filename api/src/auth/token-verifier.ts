import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { ADMIN_ROLE } from '../../../contracts/index.ts';
import { unauthorized } from '../problem.ts';

export interface Principal {
  oid: string;
  /** In lower case. */
  tenantId: string;
  name: string | null;
  username: string | null;
  roles: string[];
  isAdmin: boolean;
  /** Object ids from the token's `groups` claim, as a set for access checks; null when the token has none or reports an overage. */
  groups: ReadonlySet<string> | null;
  /** More groups than fit in a token: membership must be read from Graph. */
  groupsOverage: boolean;
}

export interface TokenVerifierOptions {
  authorityHost: string;
  /** The home tenant: its users are always accepted. */
  tenantId: string;
  clientId: string;
  /** The scope the web app requests (`api://<domain>/<client id>/access_as_user`): its resource is an accepted audience too. */
  apiScope?: string;
  /** Further tenants whose users may sign in; `'*'` accepts any (multi-tenant operation). */
  allowedTenants?: readonly string[] | '*';
  /** How often an unknown key id may refetch the keys (default 30 s). */
  keyRefetchCooldownMs?: number;
}

const REQUIRED_SCOPE = 'access_as_user';
/** Clocks of Entra and this server drift; a minute is what Microsoft's own libraries allow. */
const CLOCK_TOLERANCE_S = 60;
const VERIFIED_CACHE_SIZE = 10_000;
const CACHE_KEY_LENGTH = 32;
/** Keys rotate rarely; a token under an unknown key id refetches them at most this often. */
const KEY_REFETCH_COOLDOWN_MS = 30_000;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks Entra access tokens for this API, v1 and v2: RS256 signature against the tenant's
 * published keys (cached; an unknown key id refetches them, at most every 30 s), issuer of the
 * token's own tenant and version, audience (client id, `api://<client id>`, or the resource of the
 * configured API scope, e.g. `api://<domain>/<client id>`), expiry and not-before
 * with a minute of skew, an allowed tenant, and the delegated scope.
 */
export class TokenVerifier {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  private readonly audiences: string[];

  constructor(private readonly options: TokenVerifierOptions) {
    const resource = options.apiScope?.replace(/\/[^/]*$/, '');
    this.audiences = [...new Set([options.clientId, `api://${options.clientId}`, ...(resource ? [resource] : [])])];
  }

  /**
   * Verified tokens, until they expire: a client sends the same token for up to an hour, and
   * checking an RS256 signature on every call would cost more than the lookup it guards.
   */
  private readonly verified = new Map<string, { token: string; principal: Principal; expiresAt: number }>();

  /**
   * The principal of a token verified before and not expired since, without verifying again.
   * Keyed by the signature (hashing the whole token cost more than a lookup), and the whole token
   * compared, so a known signature under another payload is not taken for the verified token.
   */
  verifiedBefore(token: string): Principal | undefined {
    const key = cacheKeyOf(token);
    const cached = this.verified.get(key);
    if (!cached || cached.token !== token) return undefined;
    if (cached.expiresAt > Date.now()) return cached.principal;
    this.verified.delete(key);
    return undefined;
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.verifiedBefore(token);
    if (cached) return cached;
    const { principal, expiresAt } = await this.verifyFully(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(cacheKeyOf(token), { token, principal, expiresAt });
    return principal;
  }

  private async verifyFully(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    // The tenant decides which keys and which issuer apply, so it is read before the signature is
    // checked; nothing read here is trusted until jwtVerify has checked it against that issuer.
    const tenantId = this.claimedTenant(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keysOf(tenantId), {
        issuer: [issuerOf('v1', this.options.authorityHost, tenantId), issuerOf('v2', this.options.authorityHost, tenantId)],
        audience: this.audiences,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (error) {
      throw unauthorized(reason(error));
    }
    const version = payload['ver'] === '1.0' ? 'v1' : 'v2';
    if (payload.iss !== issuerOf(version, this.options.authorityHost, tenantId)) throw unauthorized("The access token's iss claim is not accepted.");
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) throw unauthorized(`The token lacks the ${REQUIRED_SCOPE} scope.`);
    const roles = stringList(payload['roles']) ?? [];
    const principal: Principal = {
      oid: String(payload['oid']),
      tenantId,
      name: typeof payload['name'] === 'string' ? payload['name'] : null,
      username: stringClaim(payload, version === 'v1' ? 'upn' : 'preferred_username') ?? stringClaim(payload, 'unique_name'),
      roles,
      isAdmin: roles.includes(ADMIN_ROLE),
      groups: groupSet(payload['groups']),
      groupsOverage: hasGroupsOverage(payload),
    };
    // exp is required above; cache no longer than the token lives.
    return { principal, expiresAt: Number(payload.exp) * 1000 };
  }

  private claimedTenant(token: string): string {
    let claimed: unknown;
    try {
      claimed = decodeJwt(token)['tid'];
    } catch {
      throw unauthorized('The access token is not valid.');
    }
    if (typeof claimed !== 'string' || !TENANT_ID.test(claimed)) throw unauthorized("The access token's tid claim is not accepted.");
    const tenantId = claimed.toLowerCase();
    const allowed = this.options.allowedTenants;
    if (tenantId !== this.options.tenantId.toLowerCase() && allowed !== '*' && !allowed?.some((t) => t.toLowerCase() === tenantId)) {
      throw unauthorized('Users of this organisation cannot sign in to this Switchboard.');
    }
    return tenantId;
  }

  private keysOf(tenantId: string): ReturnType<typeof createRemoteJWKSet> {
    let keys = this.keySets.get(tenantId);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${this.options.authorityHost}/${tenantId}/discovery/v2.0/keys`), {
        cooldownDuration: this.options.keyRefetchCooldownMs ?? KEY_REFETCH_COOLDOWN_MS,
      });
      this.keySets.set(tenantId, keys);
    }
    return keys;
  }
}

/** Entra's issuers: v2 tokens name the authority they came from, v1 tokens the token service. */
function issuerOf(version: 'v1' | 'v2', authorityHost: string, tenantId: string): string {
  return version === 'v1' ? `https://sts.windows.net/${tenantId}/` : `${authorityHost}/${tenantId}/v2.0`;
}

/**
 * The cache key of a token: the end of its signature. Unique enough to find the entry (the whole
 * token is compared before an entry is used), and short: a key is hashed on every request.
 */
function cacheKeyOf(token: string): string {
  return token.slice(-CACHE_KEY_LENGTH);
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' ? value : null;
}

function groupSet(value: unknown): ReadonlySet<string> | null {
  const ids = stringList(value);
  return ids ? new Set(ids) : null;
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

/** Entra replaces `groups` by a pointer to Graph when a user is in too many groups for a token. */
function hasGroupsOverage(payload: JWTPayload): boolean {
  const names = payload['_claim_names'];
  return typeof names === 'object' && names !== null && 'groups' in names;
}

function reason(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The access token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The access token's ${error.claim} claim is not accepted.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature is invalid.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The access token was signed with an unknown key.';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The access token is not signed with RS256.';
  return 'The access token is not valid.';
}
