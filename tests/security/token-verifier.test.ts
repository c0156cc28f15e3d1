import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenVerifier, type TokenVerifierOptions } from '../../api/src/auth/token-verifier.ts';
import { ApiError } from '../../api/src/problem.ts';

/**
 * The verifier against tokens signed by local key pairs and a real JWKS endpoint on a real port,
 * so key rotation, refetch limits and every rejection are exercised end to end.
 */
const HOME = '11111111-2222-4333-8444-555555555555';
const OTHER = '99999999-8888-4777-8666-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

interface Key {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
  spki: string;
}

let server: Server;
let authority: string;
let published: Key[] = [];
let jwksRequests = 0;
let current: Key;

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' }, spki: await exportSPKI(publicKey) };
}

beforeAll(async () => {
  current = await newKey('key-1');
  published = [current];
  server = createServer((req, res) => {
    if (!req.url?.endsWith('/discovery/v2.0/keys')) return void res.writeHead(404).end();
    jwksRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published.map((k) => k.jwk) }));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));
beforeEach(() => {
  jwksRequests = 0;
});

const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: JWTPayload = {}, version: 'v1' | 'v2' = 'v2'): JWTPayload {
  const tid = typeof overrides['tid'] === 'string' ? overrides['tid'] : HOME;
  return {
    iss: version === 'v2' ? `${authority}/${tid}/v2.0` : `https://sts.windows.net/${tid}/`,
    aud: version === 'v2' ? CLIENT : `api://${CLIENT}`,
    ver: version === 'v2' ? '2.0' : '1.0',
    tid,
    oid: 'user-oid-1',
    scp: 'access_as_user',
    name: 'Ada Admin',
    ...(version === 'v2' ? { preferred_username: 'ada@contoso.example' } : { upn: 'ada@contoso.example' }),
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 3600,
    ...overrides,
  };
}

function sign(payload: JWTPayload, key: Key = current): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

function verifier(options: Partial<TokenVerifierOptions> = {}): TokenVerifier {
  return new TokenVerifier({ authorityHost: authority, tenantId: HOME, clientId: CLIENT, ...options });
}

async function rejection(token: string, v = verifier()): Promise<string> {
  try {
    await v.verify(token);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    return (error as ApiError).message;
  }
  throw new Error('the token was accepted');
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('accepted tokens', () => {
  it('a v2 token for the client id', async () => {
    const principal = await verifier().verify(await sign(claims()));
    expect(principal).toMatchObject({ oid: 'user-oid-1', tenantId: HOME, username: 'ada@contoso.example', isAdmin: false, groups: null, groupsOverage: false });
  });

  it('a v1 token for the api:// URI, with its upn', async () => {
    const principal = await verifier().verify(await sign(claims({}, 'v1')));
    expect(principal.username).toBe('ada@contoso.example');
  });

  it('a v2 token whose audience is the api:// URI', async () => {
    await expect(verifier().verify(await sign(claims({ aud: `api://${CLIENT}` })))).resolves.toBeDefined();
  });

  it("a v1 token whose audience is the API scope's resource (Teams SSO's api://<domain>/<client id>)", async () => {
    const resource = `api://switchboard.contoso.example/${CLIENT}`;
    const token = await sign(claims({ aud: resource }, 'v1'));
    expect(await rejection(token)).toMatch(/aud/);
    await expect(verifier({ apiScope: `${resource}/access_as_user` }).verify(token)).resolves.toBeDefined();
  });

  it('roles, groups and the groups overage', async () => {
    const v = verifier();
    const admin = await v.verify(await sign(claims({ roles: ['Directory.Admin'], groups: ['g1', 'g2'] })));
    expect(admin).toMatchObject({ isAdmin: true, groups: new Set(['g1', 'g2']), groupsOverage: false });
    const overage = await v.verify(await sign(claims({ oid: 'user-2', _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/user-2/getMemberObjects' } } })));
    expect(overage).toMatchObject({ groups: null, groupsOverage: true });
  });

  it('a clock up to a minute apart', async () => {
    await expect(verifier().verify(await sign(claims({ nbf: now() + 30, exp: now() - 30 + 3600 })))).resolves.toBeDefined();
    await expect(verifier().verify(await sign(claims({ exp: now() - 30 })))).resolves.toBeDefined();
  });
});

describe('rejected tokens', () => {
  it('alg none', async () => {
    expect(await rejection(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`)).toMatch(/RS256|not valid/);
  });

  it('HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(new TextEncoder().encode(current.spki));
    expect(await rejection(forged)).toMatch(/RS256/);
  });

  it('a signature from another key under a published key id', async () => {
    const impostor = { ...(await newKey(current.kid)) };
    expect(await rejection(await sign(claims(), impostor))).toMatch(/signature/);
  });

  it('a v1 token with a v2 issuer, and a v2 token with the v1 issuer', async () => {
    expect(await rejection(await sign(claims({ iss: `${authority}/${HOME}/v2.0` }, 'v1')))).toMatch(/iss/);
    expect(await rejection(await sign(claims({ iss: `https://sts.windows.net/${HOME}/` })))).toMatch(/iss/);
  });

  it('an issuer of another tenant than the token claims', async () => {
    expect(await rejection(await sign(claims({ iss: `${authority}/${OTHER}/v2.0` })))).toMatch(/iss/);
  });

  it('another audience', async () => {
    expect(await rejection(await sign(claims({ aud: 'api://someone-else' })))).toMatch(/aud/);
  });

  it('expired, or not yet valid, beyond the skew', async () => {
    expect(await rejection(await sign(claims({ exp: now() - 120 })))).toMatch(/expired/);
    expect(await rejection(await sign(claims({ nbf: now() + 120 })))).toMatch(/nbf/);
  });

  it('without the access_as_user scope (an app-only token)', async () => {
    const { scp: _scp, ...appOnly } = claims({ roles: ['Directory.Admin'], idtyp: 'app' });
    expect(await rejection(await sign(appOnly))).toMatch(/access_as_user/);
  });

  it('another tenant, unless it is allowed or any tenant is', async () => {
    const foreign = await sign(claims({ tid: OTHER }));
    expect(await rejection(foreign)).toMatch(/organisation/);
    await expect(verifier({ allowedTenants: [OTHER] }).verify(foreign)).resolves.toMatchObject({ tenantId: OTHER });
    await expect(verifier({ allowedTenants: '*' }).verify(foreign)).resolves.toMatchObject({ tenantId: OTHER });
  });

  it('a token that is not a JWT, or has no tenant', async () => {
    expect(await rejection('not-a-token')).toMatch(/not valid/);
    const { tid: _tid, ...noTenant } = claims();
    expect(await rejection(await sign(noTenant))).toMatch(/tid/);
  });
});

describe('signing keys', () => {
  it('are fetched once and cached', async () => {
    const v = verifier();
    await v.verify(await sign(claims({ oid: 'a' })));
    await v.verify(await sign(claims({ oid: 'b' })));
    expect(jwksRequests).toBe(1);
  });

  it('a rotated key is picked up by one refetch once the cooldown has passed; unknown key ids cannot make it refetch more often', async () => {
    // Keys and tokens first: RSA key generation can take longer than the cooldown.
    const rotated = await newKey('key-2');
    const unknown = await newKey('key-never-published');
    const probes = await Promise.all([0, 1, 2, 3, 4].map((i) => sign(claims({ oid: `probe-${i}` }), unknown)));
    const v = verifier({ keyRefetchCooldownMs: 300 });
    await v.verify(await sign(claims({ oid: 'before-rotation' })));
    published = [current, rotated];
    for (const probe of probes) expect(await rejection(probe, v)).toMatch(/unknown key/);
    // One fetch at start; a burst of unknown key ids inside the cooldown fetches nothing more.
    expect(jwksRequests).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    await expect(v.verify(await sign(claims({ oid: 'after-rotation' }), rotated))).resolves.toBeDefined();
    expect(jwksRequests).toBe(2);
  });
});
