import { createRoute, z } from '@hono/zod-openapi';
import {
  contactsByMailQuerySchema,
  lookupBatchSchema,
  searchQuerySchema,
  type ContactsByMailResponse,
  type LookupBatchResponse,
} from '../../../contracts/index.ts';
import type { Directory } from '../directory/directory.ts';
import { secondsSince, type Metrics } from '../metrics.ts';
import { notFound } from '../problem.ts';
import type { Context } from 'hono';
import type { RateLimiter } from '../auth/rate-limiter.ts';
import { BEARER, createRouter, type AppEnv } from './openapi-app.ts';

const search = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Search people and companies by name, company, department or email',
  security: BEARER,
  request: { query: searchQuerySchema },
  responses: { 200: { description: 'Matching contacts, best first' } },
});

const lookupBatch = createRoute({
  method: 'post',
  path: '/api/lookup',
  summary: 'Identify up to 1,000 callers at once (PBX integrations)',
  security: BEARER,
  request: { body: { content: { 'application/json': { schema: lookupBatchSchema } }, required: true } },
  responses: { 200: { description: 'One result per number, in order' } },
});

const contactsByMail = createRoute({
  method: 'get',
  path: '/api/contacts/by-email',
  summary: 'The contacts holding a mail address (Outlook: who sent this message)',
  security: BEARER,
  request: { query: contactsByMailQuerySchema },
  responses: { 200: { description: 'Matching contacts, the higher-priority data source first; none is an empty list' } },
});

const contact = createRoute({
  method: 'get',
  path: '/api/contacts/{id}',
  summary: 'One contact by its id (<sourceId>:<object id>)',
  security: BEARER,
  request: { params: z.object({ id: z.string().min(3).max(200) }) },
  responses: { 200: { description: 'The contact' }, 404: { description: 'No such contact' } },
});

export interface DirectoryLimits {
  search: RateLimiter;
  lookup: RateLimiter;
}

/** A batch takes one token per ten numbers from its caller's lookup allowance. */
const BATCH_NUMBERS_PER_TOKEN = 10;

/** Entra object ids are unique across tenants: the caller's rate-limit key as it is. */
const userOf = (c: Context<AppEnv>) => c.get('principal').oid;

export interface DirectoryRouteDeps {
  directory: Directory;
  metrics: Metrics;
  limits: DirectoryLimits;
}

/** Search, batch lookup and contacts; `GET /api/lookup` is LookupRoute, answered before the app. */
export function directoryRoutes({ directory, metrics, limits }: DirectoryRouteDeps) {
  return createRouter()
    .openapi(search, (c) => {
      const { q, limit } = c.req.valid('query');
      limits.search.take(userOf(c));
      const started = performance.now();
      const hits = directory.search(q, limit, c.get('visible'));
      metrics.searchLatency.observe(secondsSince(started));
      return c.json({ query: q, hits }, 200);
    })
    .openapi(lookupBatch, (c) => {
      const { numbers, profile } = c.req.valid('json');
      limits.lookup.take(userOf(c), Math.ceil(numbers.length / BATCH_NUMBERS_PER_TOKEN));
      const visible = c.get('visible');
      const body: LookupBatchResponse = { results: numbers.map((n) => directory.lookup(n, visible, profile)) };
      return c.json(body, 200);
    })
    // Before /api/contacts/{id}, which would otherwise take "by-email" for an id.
    .openapi(contactsByMail, (c) => {
      const { address } = c.req.valid('query');
      limits.lookup.take(userOf(c));
      const body: ContactsByMailResponse = { address, contacts: directory.findByMail(address, c.get('visible')) };
      return c.json(body, 200);
    })
    .openapi(contact, (c) => {
      limits.lookup.take(userOf(c));
      const found = directory.get(c.req.valid('param').id, c.get('visible'));
      if (!found) throw notFound('The contact');
      return c.json(found, 200);
    });
}
