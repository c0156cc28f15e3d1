// Graph v1.0: the envelope every call shares (request ids, fidelity, authentication, the
// resource-unit gate, Graph's error body) around the resources the emulator serves.

import { Hono } from 'hono';
import type { EmulatorContext } from './context.ts';
import { applicationRoutes } from './graph-application-routes.ts';
import { graphAuth } from './graph-auth.ts';
import { contactRoutes } from './graph-contact-routes.ts';
import { directoryRoutes } from './graph-directory-routes.ts';
import { GraphError, graphErrorResponse, requestIds, type GraphEnv } from './graph-response.ts';

export function graphRoutes(ctx: EmulatorContext): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>();
  app.onError((error, c) => {
    if (error instanceof GraphError) return graphErrorResponse(c, error);
    console.error('emulator: unexpected error in Graph route', error);
    return graphErrorResponse(c, new GraphError(500, 'InternalServerError', 'An internal server error occurred in the emulator.'));
  });
  app.use('*', requestIds);
  app.use('*', ctx.fidelity.envelope());
  app.use('*', graphAuth(ctx));
  app.use('*', ctx.fidelity.gate());

  app.route('/', contactRoutes(ctx));
  app.route('/', applicationRoutes(ctx));
  app.route('/', directoryRoutes(ctx));

  app.all('*', (c) => {
    const segment = new URL(c.req.url).pathname.replace(/^\/v1\.0\/?/, '').split('/')[0] ?? '';
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  });

  return app;
}
