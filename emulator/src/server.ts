// Wires the route groups into one Hono app and serves it over HTTPS on loopback.

import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { adminRoutes } from './admin-routes.ts';
import type { TlsIdentity } from './cert.ts';
import type { EmulatorContext } from './context.ts';
import { entraRoutes } from './entra-routes.ts';
import { graphRoutes } from './graph-routes.ts';

export function createApp(ctx: EmulatorContext): Hono {
  const app = new Hono();
  app.route('/_emulator', adminRoutes(ctx));
  app.route('/v1.0', graphRoutes(ctx));
  app.route('/', entraRoutes(ctx));
  app.notFound((c) => c.json({ error: { code: 'NotFound', message: `No emulated endpoint at ${c.req.method} ${new URL(c.req.url).pathname}.` } }, 404));
  return app;
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Binds 127.0.0.1 only: the emulator hands out tokens for well-known demo passwords. */
export function listen(app: Hono, tls: TlsIdentity, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port,
      hostname: '127.0.0.1',
      createServer,
      serverOptions: { cert: tls.cert, key: tls.key },
    }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive sockets would otherwise hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
