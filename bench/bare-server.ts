import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { Directory } from '../api/src/directory/directory.ts';
import { SearchIndex } from '../api/src/search/search-index.ts';
import { Store } from '../api/src/store/store.ts';
import type { DiallingProfile } from '../contracts/index.ts';

/**
 * The baselines for bench:lookup, without anything of the API around them. On @hono/node-server:
 * `/empty/lookup` answers JSON and does nothing else; `/api/lookup` does the same lookup as the API
 * (the same Directory, loaded from the API's database) without authentication, validation, security
 * headers, request ids or metrics. On a second port, Node's own HTTP server does that lookup too,
 * without Hono, as the API's LookupRoute does. The Directory holds its search index too, in
 * memory, as the API's does: a process with a third of the heap answered the same lookups
 * measurably faster. Prints `listening <Hono port> <Node port>`.
 * Arguments: database file, dialling profile (JSON).
 */
const [databaseFile, profileJson] = process.argv.slice(2);
const directory = databaseFile && profileJson ? await loadDirectory(databaseFile, JSON.parse(profileJson) as DiallingProfile) : null;
const everyone = () => true;

const app = new Hono()
  .get('/empty/lookup', (c) => c.json({ input: c.req.query('number') ?? '', match: null }))
  .get('/api/lookup', (c) => (directory ? c.json(directory.lookup(c.req.query('number') ?? '', everyone)) : c.notFound()));
const hono = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
const node = createServer((req, res) => {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const body = JSON.stringify(directory?.lookup(new URLSearchParams(query === -1 ? '' : url.slice(query)).get('number') ?? '', everyone) ?? null);
  res.writeHead(200, ['Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(body))]).end(body);
}).listen(0, '127.0.0.1');
await Promise.all([once(hono, 'listening'), once(node, 'listening')]);
console.log(`listening ${(hono.address() as AddressInfo).port} ${(node.address() as AddressInfo).port}`);

async function loadDirectory(file: string, profile: DiallingProfile): Promise<Directory> {
  const searchIndex = new SearchIndex();
  const loaded = new Directory(await Store.open(file), profile, searchIndex);
  await loaded.loadAll();
  await searchIndex.settled();
  return loaded;
}
