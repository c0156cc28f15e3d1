import { createRoute } from '@hono/zod-openapi';
import { APP_MANAGEMENT_SCOPES, demoSignInSchema, type ClientConfig, type DemoGraphTokenResponse, type Me } from '../../../contracts/index.ts';
import { demoSignIn } from '../auth/demo-sign-in.ts';
import type { Config } from '../config.ts';
import { unauthorized } from '../problem.ts';
import { BEARER, createRouter } from './openapi-app.ts';

const me = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in caller',
  security: BEARER,
  responses: { 200: { description: 'Name, user name and roles' } },
});

export function sessionRoutes() {
  return createRouter().openapi(me, (c) => {
    const p = c.get('principal');
    const body: Me = { name: p.name, username: p.username, roles: p.roles, isAdmin: p.isAdmin };
    return c.json(body, 200);
  });
}

/** What the web app needs before anyone signs in: public by nature, holds nothing secret. */
export function clientConfig(config: Config): ClientConfig {
  if (config.demo) {
    return {
      auth: {
        mode: 'demo',
        users: config.demo.users.map((u) => ({ username: u.username, displayName: u.displayName, isAdmin: u.isAdmin })),
      },
    };
  }
  return {
    auth: {
      mode: 'entra',
      clientId: config.auth.clientId,
      authority: `${config.auth.authorityHost}/${config.auth.tenantId}`,
      scopes: [config.auth.apiScope],
    },
  };
}

const demoSignInRoute = createRoute({
  method: 'post',
  path: '/api/demo/sign-in',
  summary: 'Sign in as a demo user (demo mode only)',
  request: { body: { content: { 'application/json': { schema: demoSignInSchema } }, required: true } },
  responses: { 200: { description: 'An access token for the API' } },
});

/** Mounted only in demo mode: a production configuration has no such route at all. */
export function demoRoutes(config: Config, demo: NonNullable<Config['demo']>) {
  return createRouter().openapi(demoSignInRoute, async (c) => {
    const user = demo.users.find((u) => u.username === c.req.valid('json').username);
    if (!user) throw unauthorized('No such demo user.');
    return c.json(await demoSignIn(config.auth, user), 200);
  });
}

const demoGraphTokenRoute = createRoute({
  method: 'post',
  path: '/api/demo/graph-token',
  summary: "A delegated Graph token for the signed-in demo user, standing in for the consent popup (demo mode only)",
  security: BEARER,
  responses: { 200: { description: 'A Graph access token with the app management scopes' } },
});

/** Demo mode's stand-in for the administrator's consent popup: the same delegated token, got with the demo password. */
export function demoGraphRoutes(config: Config, demo: NonNullable<Config['demo']>) {
  return createRouter().openapi(demoGraphTokenRoute, async (c) => {
    const user = demo.users.find((u) => u.username.toLowerCase() === c.get('principal').username?.toLowerCase());
    if (!user) throw unauthorized('Only demo users get a demo Graph token.');
    const scopes = APP_MANAGEMENT_SCOPES.map((s) => `https://graph.microsoft.com/${s}`);
    const { accessToken } = await demoSignIn(config.auth, user, scopes.join(' '));
    const body: DemoGraphTokenResponse = { accessToken, scopes: [...APP_MANAGEMENT_SCOPES] };
    return c.json(body, 200);
  });
}
