// Emulator control under /_emulator: no auth, loopback callers only. Lets a developer or a
// test change the directory underneath a running sync.

import { Hono, type Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { z } from 'zod';
import { redirectUrisSchema } from './app-registrations.ts';
import type { EmulatorContext } from './context.ts';
import { ContactExistsError, ContactNotFoundError, type ContactInput } from './tenant.ts';
import { PHONE_TYPES } from './org-contact.ts';

const nullableString = z.string().nullable();

const contactInputSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i).optional(),
    companyName: nullableString,
    department: nullableString,
    displayName: nullableString,
    givenName: nullableString,
    jobTitle: nullableString,
    mail: nullableString,
    mailNickname: nullableString,
    onPremisesLastSyncDateTime: nullableString,
    onPremisesSyncEnabled: z.boolean().nullable(),
    surname: nullableString,
    proxyAddresses: z.array(z.string()),
    imAddresses: z.array(z.string()),
    phones: z.array(z.object({ type: z.enum(PHONE_TYPES as ['business', 'mobile', 'businessFax']), number: nullableString }).strict()),
    addresses: z
      .array(
        z
          .object({
            city: nullableString,
            countryOrRegion: nullableString,
            officeLocation: nullableString,
            postalCode: nullableString,
            state: nullableString,
            street: nullableString,
          })
          .partial()
          .strict(),
      )
      .max(1),
  })
  .partial()
  .strict();

const removalReason = z.enum(['deleted', 'changed']);
const appSchema = z
  .object({
    displayName: z.string().min(1),
    roles: z.array(z.string()),
    redirectUris: redirectUrisSchema.optional(),
  })
  .strict();

type AdminEnv = { Bindings: HttpBindings };

function adminError(c: Context, status: 400 | 403 | 404 | 409, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** An absent or empty body means "make something up", so it is not an error. */
async function optionalJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  return JSON.parse(text) as unknown;
}

export function adminRoutes(ctx: EmulatorContext): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.use('*', async (c, next) => {
    if (!isLoopback(c.env.incoming.socket.remoteAddress)) return adminError(c, 403, 'Forbidden', 'Emulator control is available from loopback only.');
    await next();
  });

  app.onError((error, c) => {
    if (error instanceof ContactNotFoundError) return adminError(c, 404, 'NotFound', error.message);
    if (error instanceof ContactExistsError) return adminError(c, 409, 'Conflict', error.message);
    if (error instanceof SyntaxError) return adminError(c, 400, 'BadRequest', `Body is not valid JSON: ${error.message}`);
    if (error instanceof z.ZodError) return adminError(c, 400, 'BadRequest', z.prettifyError(error));
    throw error;
  });

  app.get('/stats', (c) =>
    c.json({
      ...ctx.fidelity.stats(),
      url: ctx.baseUrl,
      tenantId: ctx.tenantId,
      domain: ctx.directory.domain,
      contacts: ctx.tenant.count,
      tombstones: ctx.tenant.tombstoneCount,
      sequence: ctx.tenant.sequence,
      apps: ctx.directory.listApps().length,
      users: ctx.directory.listUsers().length,
      groups: ctx.directory.groups.count,
    }),
  );

  app.delete('/stats', (c) => {
    ctx.fidelity.resetStats();
    return c.body(null, 204);
  });

  app.get('/behaviour', (c) => c.json(ctx.fidelity.behaviour));

  app.patch('/behaviour', async (c) => c.json(ctx.fidelity.configure((await optionalJson(c)) ?? {})));

  app.post('/expire-delta-tokens', (c) => {
    ctx.fidelity.expireDeltaTokens();
    return c.body(null, 204);
  });

  app.get('/contacts/:id', (c) => {
    const contact = ctx.tenant.get(c.req.param('id'));
    return contact ? c.json(contact) : adminError(c, 404, 'NotFound', `Contact '${c.req.param('id')}' does not exist.`);
  });

  app.post('/contacts', async (c) => {
    const body = await optionalJson(c);
    const input = body === undefined ? undefined : (contactInputSchema.parse(body) as ContactInput);
    return c.json(ctx.tenant.add(input), 201);
  });

  app.patch('/contacts/:id', async (c) => {
    const body = await optionalJson(c);
    const input = body === undefined ? undefined : (contactInputSchema.parse(body) as ContactInput);
    return c.json(ctx.tenant.update(c.req.param('id'), input));
  });

  app.delete('/contacts/:id', (c) => {
    const reason = removalReason.parse(c.req.query('reason') ?? 'deleted');
    ctx.tenant.remove(c.req.param('id'), reason);
    return c.body(null, 204);
  });

  app.get('/apps', (c) => c.json(ctx.directory.listApps()));

  app.post('/apps', async (c) => {
    const input = appSchema.parse(await optionalJson(c));
    return c.json(ctx.directory.registerApp(input), 201);
  });

  app.delete('/apps/:appId', (c) =>
    ctx.directory.removeApp(c.req.param('appId')) ? c.body(null, 204) : adminError(c, 404, 'NotFound', `App '${c.req.param('appId')}' does not exist.`),
  );

  return app;
}
