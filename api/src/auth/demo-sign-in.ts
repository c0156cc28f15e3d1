import type { Config } from '../config.ts';
import { ApiError } from '../problem.ts';
import type { DemoSignInResponse } from '../../../contracts/index.ts';

type DemoUser = NonNullable<Config['demo']>['users'][number];

/**
 * Signs a configured demo user in with the resource-owner password grant, a real Entra flow,
 * so demo tokens are issued, signed and verified exactly like production ones.
 */
export async function demoSignIn(auth: Config['auth'], user: DemoUser, scope = auth.apiScope): Promise<DemoSignInResponse> {
  const response = await fetch(`${auth.authorityHost}/${auth.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: auth.clientId,
      scope,
      username: user.username,
      password: user.password,
    }),
  });
  if (!response.ok) throw new ApiError(502, 'sign_in_failed', 'The identity provider refused the demo sign-in.');
  const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== 'string') throw new ApiError(502, 'sign_in_failed', 'The identity provider sent no token.');
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  return { accessToken: body.access_token, expiresOn: new Date(Date.now() + seconds * 1000).toISOString() };
}
