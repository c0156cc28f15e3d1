import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { ADMIN_ROLE } from '../../../contracts/index.ts';
import { unauthorized } from '../problem.ts';

export interface Principal {
  oid: string;
  tenantId: string;
  name: string | null;
  username: string | null;
  roles: string[];
  isAdmin: boolean;
}

export interface TokenVerifierOptions {
  authorityHost: string;
  tenantId: string;
  clientId: string;
}

const REQUIRED_SCOPE = 'access_as_user';
/** Clocks of Entra and this server drift; a minute is what Microsoft's own libraries allow. */
const CLOCK_TOLERANCE_S = 60;
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Checks Entra v2 access tokens for this API: RS256 signature against the tenant's published
 * keys (cached; an unknown key id refetches them), issuer, audience, expiry, not-before, and the
 * delegated scope.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly issuer: string;

  constructor(private readonly options: TokenVerifierOptions) {
    const base = `${options.authorityHost}/${options.tenantId}`;
    this.keys = createRemoteJWKSet(new URL(`${base}/discovery/v2.0/keys`), { cooldownDuration: 30_000 });
    this.issuer = `${base}/v2.0`;
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
    const key = signatureOf(token);
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
    this.verified.set(signatureOf(token), { token, principal, expiresAt });
    return principal;
  }

  private async verifyFully(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.options.clientId,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (error) {
      throw unauthorized(reason(error));
    }
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) throw unauthorized(`The token lacks the ${REQUIRED_SCOPE} scope.`);
    const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [];
    const principal: Principal = {
      oid: String(payload['oid']),
      tenantId: String(payload['tid']),
      name: typeof payload['name'] === 'string' ? payload['name'] : null,
      username: typeof payload['preferred_username'] === 'string' ? payload['preferred_username'] : null,
      roles,
      isAdmin: roles.includes(ADMIN_ROLE),
    };
    // exp is required above; cache no longer than the token lives.
    return { principal, expiresAt: Number(payload.exp) * 1000 };
  }
}

function signatureOf(token: string): string {
  return token.slice(token.lastIndexOf('.') + 1);
}

function reason(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The access token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The access token's ${error.claim} claim is not accepted.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature is invalid.';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The access token was signed with an unknown key.';
  return 'The access token is not valid.';
}
