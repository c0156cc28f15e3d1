import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type ErrorHandler, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { AuditTrail } from './audit/audit-trail.ts';
import { RateLimiter } from './auth/rate-limiter.ts';
import { Authenticator, requireAuth } from './auth/require-auth.ts';
import type { SourceAccessPolicy } from './auth/source-access.ts';
import type { TokenVerifier } from './auth/token-verifier.ts';
import type { Config } from './config.ts';
import type { DataSourceService } from './data-sources/data-source-service.ts';
import type { Directory } from './directory/directory.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { Store } from './store/store.ts';
import { metricsRoute } from './routes/metrics-route.ts';
import { ApiError, problemResponse } from './problem.ts';
import { REQUEST_ID_HEADER } from './http-server.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { dataSourceRoutes } from './routes/data-source-routes.ts';
import { directoryRoutes, hotDirectoryRoutes, type DirectoryRouteDeps } from './routes/directory-routes.ts';
import type { AppEnv } from './routes/openapi-app.ts';
import { clientConfig, demoGraphRoutes, demoRoutes, sessionRoutes } from './routes/session-routes.ts';
import { appRegistrationRoutes } from './routes/app-registration-routes.ts';
import { phoneRoutes } from './routes/phone-routes.ts';
import type { AppRegistrationService } from './app-registration/app-registration-service.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  verifier: TokenVerifier;
  access: SourceAccessPolicy;
  directory: Directory;
  dataSources: DataSourceService;
  store: Store;
  appRegistrations: AppRegistrationService;
  metrics: Metrics;
  version: string;
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The app: a small one for the hot routes (lookup and search, see hotDirectoryRoutes) in front of
 * the main one, which gets every request the small one has no route for.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, logger } = deps;
  const app = new OpenAPIHono<AppEnv>();
  const onError = errorHandler(logger);
  app.onError(onError);
  app.notFound((c) => problemResponse(c, new ApiError(404, 'not_found', 'There is nothing at this address.')));

  const { requestLog, crossOrigin } = sharedMiddleware(config, logger);
  if (requestLog) app.use(requestLog);
  if (crossOrigin) app.use('/api/*', crossOrigin);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    },
  });
  // Only for methods with a body: looking for one makes @hono/node-server build a full Request,
  // which made every GET about three times slower.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*', limitBody);

  // Public: what a client needs before it can hold a token.
  app.get('/api/health', (c) => c.json({ status: 'ok', version: deps.version }));
  app.get('/app-config.json', (c) => c.json(clientConfig(config)));
  if (config.demo) app.route('/', demoRoutes(config, config.demo));
  if (config.metricsToken) app.route('/', metricsRoute(deps.metrics, config.metricsToken));

  const authenticator = new Authenticator(deps.verifier, deps.access);
  app.use('/api/*', requireAuth(authenticator));
  const directory: DirectoryRouteDeps = {
    directory: deps.directory,
    metrics: deps.metrics,
    limits: { search: new RateLimiter('search', config.rateLimits.search), lookup: new RateLimiter('lookup', config.rateLimits.lookup) },
  };
  app.route('/', sessionRoutes());
  app.route('/', directoryRoutes(directory));
  const audit = new AuditTrail(deps.store, logger);
  app.route('/', dataSourceRoutes(deps.dataSources, audit));
  app.route('/', auditRoutes(deps.store));
  app.route('/', appRegistrationRoutes(deps.appRegistrations, deps.dataSources, audit));
  app.route('/', phoneRoutes());
  if (config.demo) app.route('/', demoGraphRoutes(config, config.demo));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Switchboard API', version: deps.version } });

  if (config.webDistDir) {
    const root = config.webDistDir;
    app.use('/*', serveStatic({ root }));
    // The web app routes on the client: unknown non-API paths get its entry page.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }

  const hotRoutes = hotDirectoryRoutes(directory, authenticator);
  const front = new Hono<AppEnv>();
  // Only the hot routes run the shared middleware here: whatever else reaches the front app is
  // handed on to the main one, which runs it itself.
  for (const middleware of [requestLog, crossOrigin]) {
    if (middleware) for (const route of hotRoutes.routes) front.use(route.path, middleware);
  }
  front.route('/', hotRoutes);
  front.onError(onError);
  front.notFound((c) => app.fetch(c.req.raw, c.env));
  return front;
}

function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ApiError) return problemResponse(c, error);
    if (error instanceof HTTPException) return problemResponse(c, new ApiError(error.status, 'http_error', error.message || 'Request failed.'));
    logger.error({ err: error, requestId: c.req.header(REQUEST_ID_HEADER), path: c.req.path }, 'unhandled error');
    return problemResponse(c, new ApiError(500, 'internal_error', 'Something went wrong on the server; it has been logged.'));
  };
}

/**
 * Middleware that runs first, where configured: the request log at debug level (every request) and
 * CORS (API requests; before authentication, so that a browser's preflight, which carries no token,
 * is answered).
 */
function sharedMiddleware(config: Config, logger: Logger): { requestLog: MiddlewareHandler | null; crossOrigin: MiddlewareHandler | null } {
  // Only when it would write: even a disabled log call builds its argument on every request.
  const requestLog: MiddlewareHandler | null = logger.isLevelEnabled('debug')
    ? async function logRequest(c, next) {
        const started = performance.now();
        await next();
        logger.debug({ requestId: c.req.header(REQUEST_ID_HEADER), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
      }
    : null;
  const crossOrigin =
    config.corsOrigins.length > 0
      ? cors({
          origin: config.corsOrigins,
          allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
          allowHeaders: ['Authorization', 'Content-Type', REQUEST_ID_HEADER],
          exposeHeaders: ['Retry-After', REQUEST_ID_HEADER],
          maxAge: 600,
        })
      : null;
  return { requestLog, crossOrigin };
}
