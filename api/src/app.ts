import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, ErrorHandler, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AuditTrail } from './audit/audit-trail.ts';
import { RateLimiter } from './auth/rate-limiter.ts';
import { Authenticator, requireAuth } from './auth/require-auth.ts';
import type { SourceAccessPolicy } from './auth/source-access.ts';
import type { TokenVerifier } from './auth/token-verifier.ts';
import type { Config } from './config.ts';
import type { DataSourceService } from './data-sources/data-source-service.ts';
import type { Directory } from './directory/directory.ts';
import { logAnswered, type Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { Store } from './store/store.ts';
import { metricsRoute } from './routes/metrics-route.ts';
import { ApiError, problemFor, problemResponse } from './problem.ts';
import { REQUEST_ID_HEADER, type DirectRoute } from './http-server.ts';
import { CrossOriginPolicy } from './cross-origin.ts';
import { LookupRoute, lookupRouteDoc } from './routes/lookup-route.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { dataSourceRoutes } from './routes/data-source-routes.ts';
import { directoryRoutes } from './routes/directory-routes.ts';
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

export interface App {
  app: Hono<AppEnv>;
  /** Served before the app (see DirectRoute). */
  directRoutes: DirectRoute[];
}

export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const app = new OpenAPIHono<AppEnv>();
  app.onError(errorHandler(logger));
  app.notFound((c) => problemResponse(c, new ApiError(404, 'not_found', 'There is nothing at this address.')));

  // First: the request log at debug level, and CORS before authentication, so that a browser's
  // preflight, which carries no token, is answered.
  if (logger.isLevelEnabled('debug')) app.use(requestLog(logger));
  const crossOrigin = new CrossOriginPolicy(config.corsOrigins);
  const corsMiddleware = crossOrigin.middleware();
  if (corsMiddleware) app.use('/api/*', corsMiddleware);
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
  const limits = { search: new RateLimiter('search', config.rateLimits.search), lookup: new RateLimiter('lookup', config.rateLimits.lookup) };
  app.route('/', sessionRoutes());
  app.route('/', directoryRoutes({ directory: deps.directory, metrics: deps.metrics, limits }));
  const audit = new AuditTrail(deps.store, logger);
  app.route('/', dataSourceRoutes(deps.dataSources, audit));
  app.route('/', auditRoutes(deps.store));
  app.route('/', appRegistrationRoutes(deps.appRegistrations, deps.dataSources, audit));
  app.route('/', phoneRoutes());
  if (config.demo) app.route('/', demoGraphRoutes(config, config.demo));
  app.openAPIRegistry.registerPath(lookupRouteDoc);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Switchboard API', version: deps.version } });

  if (config.webDistDir) {
    const root = config.webDistDir;
    app.use('/*', serveStatic({ root }));
    // The web app routes on the client: unknown non-API paths get its entry page.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }

  const lookup = new LookupRoute({ directory: deps.directory, metrics: deps.metrics, limit: limits.lookup, authenticator, crossOrigin, logger });
  return { app, directRoutes: [lookup] };
}

function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) =>
    problemResponse(
      c,
      problemFor(error, (err) => logger.error({ err, requestId: c.req.header(REQUEST_ID_HEADER), path: c.req.path }, 'unhandled error')),
    );
}

function requestLog(logger: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    logAnswered(logger, { requestId: c.req.header(REQUEST_ID_HEADER), method: c.req.method, path: c.req.path, status: c.res.status, started });
  };
}
