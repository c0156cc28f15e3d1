// Authorization codes: single-use, short-lived, bound to the client, the redirect URI and (PKCE)
// the code challenge of the request that earned them.

import { createHash, randomBytes } from 'node:crypto';
import type { RedirectType } from './app-registrations.ts';

export interface CodeChallenge {
  value: string;
  method: 'S256' | 'plain';
}

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  redirectType: RedirectType;
  userId: string;
  /** The scope parameter of the authorization request. */
  scope: string;
  nonce?: string;
  challenge?: CodeChallenge;
  /** The sign-in session, echoed as `sid` in the ID token. */
  sid: string;
}

export type Redemption = { ok: true; grant: CodeGrant } | { ok: false; reason: 'unknown' | 'redeemed' | 'expired' };

/** About what Entra allows between the redirect and the redemption. */
const CODE_LIFETIME_MS = 10 * 60_000;

export class AuthorizationCodes {
  private readonly codes = new Map<string, { grant: CodeGrant; expiresAt: number; redeemed: boolean }>();

  issue(grant: CodeGrant, now: number): string {
    for (const [code, entry] of this.codes) if (entry.expiresAt <= now) this.codes.delete(code);
    const code = `1.${randomBytes(96).toString('base64url')}`;
    this.codes.set(code, { grant, expiresAt: now + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  /** Takes the code out of play whatever happens next: a code is good for one attempt. */
  redeem(code: string, now: number): Redemption {
    const entry = this.codes.get(code);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.redeemed) return { ok: false, reason: 'redeemed' };
    entry.redeemed = true;
    if (entry.expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, grant: entry.grant };
  }
}

/** RFC 7636: the verifier hashes (S256) or equals (plain) the challenge. */
export function verifiesChallenge(challenge: CodeChallenge, verifier: string): boolean {
  const derived = challenge.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge.value;
}
