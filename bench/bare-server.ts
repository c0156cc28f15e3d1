import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The baseline for bench:lookup: a Hono route on @hono/node-server that does nothing but answer JSON. */
const port = Number(process.argv[2] ?? 0);
const app = new Hono().get('/api/lookup', (c) => c.json({ input: c.req.query('number') ?? '', match: null }));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => console.log(`listening ${info.port}`));
