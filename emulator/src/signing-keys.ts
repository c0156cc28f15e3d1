// The token signing key. A fresh RS256 key per start, published as a JWKS, like Entra's keys.

import { calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { kid, privateKey, publicKey, publicJwk: { kty: jwk.kty, use: 'sig', kid, x5t: kid, n: jwk.n, e: jwk.e } };
}

/** JWKS document as Entra's v2 keys endpoint returns it (with the tenant issuer per key). */
export function jwks(key: SigningKey, issuer: string): { keys: (JWK & { issuer: string })[] } {
  return { keys: [{ ...key.publicJwk, issuer }] };
}
