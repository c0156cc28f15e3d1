import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { Directory } from '../api/src/directory/directory.ts';
import { SearchIndex } from '../api/src/search/search-index.ts';
import { Store } from '../api/src/store/store.ts';
import type { DiallingProfile } from '../contracts/index.ts';

/**
 * The baselines for bench:lookup, on @hono/node-server without anything of the API around them:
 * `/empty/lookup` answers JSON and does nothing else; `/api/lookup` does the same lookup as the API
 * (the same Directory, loaded from the API's database) without authentication, validation, security
 * headers, request ids or metrics. The Directory holds its search index too, in memory, as the
 * API's does: a process with a third of the heap answered the same lookups measurably faster.
 * Arguments: port, database file, dialling profile (JSON).
 */
const [port = '0', databaseFile, profileJson] = process.argv.slice(2);
const directory = databaseFile && profileJson ? await loadDirectory(databaseFile, JSON.parse(profileJson) as DiallingProfile) : null;
const everyone = () => true;

const app = new Hono()
  .get('/empty/lookup', (c) => c.json({ input: c.req.query('number') ?? '', match: null }))
  .get('/api/lookup', (c) => (directory ? c.json(directory.lookup(c.req.query('number') ?? '', everyone)) : c.notFound()));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) }, (info) => console.log(`listening ${info.port}`));

async function loadDirectory(file: string, profile: DiallingProfile): Promise<Directory> {
  const searchIndex = new SearchIndex();
  const loaded = new Directory(await Store.open(file), profile, searchIndex);
  await loaded.loadAll();
  await searchIndex.settled();
  return loaded;
}
