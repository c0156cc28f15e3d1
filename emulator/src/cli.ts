// Command line for the tenant emulator: `serve` runs it; the other commands change the
// directory of a running emulator through its /_emulator control endpoints.

import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CERT_FILE } from './cert.ts';
import { HOSTILE_BEHAVIOUR, REALISTIC_BEHAVIOUR, type Behaviour } from './behaviour.ts';
import { DEFAULT_API_CLIENT_ID } from './demo-tenant.ts';
import { DEMO_PASSWORD, startEmulator, TENANT_USERS } from './index.ts';

const HELP = `Microsoft 365 tenant emulator (Entra ID sign-in and tokens, Graph orgContacts, apps, users and groups over HTTPS)

Usage:
  emulator serve  [--port 8443] [--contacts 5000] [--seed 1] [--data-dir .data/emulator]
                  [--tenant-id <guid>] [--delta-page-size 200]
                  [--latency realistic|off] [--budget S|M|L|off] [--faults]
                  [--mutations <per second>] [--behaviour '<json>'] [--spa-redirect-uri <url> ...]
      --latency   realistic: 40-120 ms per request plus 0.4 ms per object in the page
      --budget    resource-unit bucket per app: S 3500, M 5000, L 8000 RU per 10 s
      --faults    503/504 bursts, resets mid-body, replays and empty delta pages
      --behaviour any Behaviour fields as JSON, applied last
      --spa-redirect-uri  a single-page app's redirect URI on the Switchboard app (repeatable),
                  for interactive sign-in through /<tenant>/oauth2/v2.0/authorize
  emulator behaviour [--json '{"budget":"S"}']            (show or change a running emulator's behaviour)
  emulator expire-delta-tokens
  emulator add    [--json '{"givenName":"Ada","phones":[{"type":"business","number":"+49 89 1234-5"}]}']
  emulator change <id> [--json '{"jobTitle":"CTO"}']     (without --json: a plausible random edit)
  emulator delete <id> [--reason deleted|changed]
  emulator get    <id>
  emulator stats

Control commands take [--url https://localhost:8443] and [--data-dir .data/emulator] (to trust
the emulator's certificate). Run with: node --import tsx emulator/src/cli.ts <command> ...`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8443' },
    contacts: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string', default: '.data/emulator' },
    'tenant-id': { type: 'string' },
    'delta-page-size': { type: 'string' },
    latency: { type: 'string' },
    budget: { type: 'string' },
    faults: { type: 'boolean', default: false },
    mutations: { type: 'string' },
    behaviour: { type: 'string' },
    'spa-redirect-uri': { type: 'string', multiple: true },
    url: { type: 'string' },
    json: { type: 'string' },
    reason: { type: 'string', default: 'deleted' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const [command, id] = positionals;
const dataDir = resolve(values['data-dir']);

function int(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n)) fail(`--${name} must be an integer, got '${raw}'.`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function behaviourFromFlags(): Partial<Behaviour> {
  const out: Partial<Behaviour> = values.faults ? { ...HOSTILE_BEHAVIOUR } : {};
  if (values.latency === 'realistic') out.latency = REALISTIC_BEHAVIOUR.latency ?? null;
  else if (values.latency === 'off') out.latency = null;
  else if (values.latency !== undefined) fail(`--latency must be realistic or off, got '${values.latency}'.`);
  if (values.budget !== undefined) {
    const b = values.budget.toUpperCase();
    if (b === 'OFF') out.budget = null;
    else if (b === 'S' || b === 'M' || b === 'L') out.budget = b;
    else fail(`--budget must be S, M, L or off, got '${values.budget}'.`);
  }
  if (values.mutations !== undefined) {
    const n = Number(values.mutations);
    if (!(n >= 0)) fail(`--mutations must be a number >= 0, got '${values.mutations}'.`);
    out.mutations = n > 0 ? { perSecond: n } : null;
  }
  if (values.behaviour !== undefined) {
    try {
      Object.assign(out, JSON.parse(values.behaviour) as Partial<Behaviour>);
    } catch (error) {
      fail(`--behaviour is not valid JSON: ${(error as Error).message}`);
    }
  }
  return out;
}

async function serve(): Promise<void> {
  const emulator = await startEmulator({
    port: int('port', values.port),
    contacts: int('contacts', values.contacts),
    seed: int('seed', values.seed),
    dataDir,
    ...(values['tenant-id'] ? { tenantId: values['tenant-id'] } : {}),
    ...(values['delta-page-size'] ? { deltaPageSize: int('delta-page-size', values['delta-page-size']) } : {}),
    ...(values['spa-redirect-uri'] ? { apiApp: { clientId: DEFAULT_API_CLIENT_ID, redirectUris: { spa: values['spa-redirect-uri'] } } } : {}),
    behaviour: behaviourFromFlags(),
  });
  // A ready-made reader app, so the API can sync before GENERATE APP exists.
  const app = emulator.directory.registerApp({ displayName: 'Switchboard dev reader', roles: ['OrgContact.Read.All'] });
  console.log(`Tenant emulator listening on ${emulator.url}
  tenant id         ${emulator.tenantId} (or domain ${emulator.directory.domain})
  authority         ${emulator.url}/${emulator.tenantId}   (MSAL: knownAuthorities ['localhost:${emulator.port}'])
  graph base URL    ${emulator.url}/v1.0
  certificate       ${emulator.certPath}
                    trust it with NODE_EXTRA_CA_CERTS=${emulator.certPath}
  contacts          ${emulator.tenant.count}
  API app           clientId ${emulator.apiApp.clientId}, identifier URI ${emulator.apiApp.identifierUri}
  reader app        client_id ${app.appId}
                    client_secret ${app.secret}   (roles: OrgContact.Read.All)
  behaviour         ${JSON.stringify(emulator.behaviour)}
  sign-in           ${emulator.url}/${emulator.tenantId}/oauth2/v2.0/authorize
                    SPA redirect URIs: ${values['spa-redirect-uri']?.join(', ') ?? 'none (--spa-redirect-uri)'}
  users             password "${DEMO_PASSWORD}" for all of them
${TENANT_USERS.map((u) => `                    ${u.username.padEnd(32)} ${[...u.directoryRoles, ...u.apiRoles].join(', ')}`).join('\n')}
Press Ctrl+C to stop.`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function control(method: string, path: string, body?: string): Promise<void> {
  const base = values.url ?? `https://localhost:${values.port}`;
  let ca: string;
  try {
    ca = readFileSync(join(dataDir, CERT_FILE), 'utf8');
  } catch {
    fail(`Cannot read ${join(dataDir, CERT_FILE)}: pass the emulator's --data-dir.`);
  }
  return new Promise((done) => {
    const req = request(new URL(`/_emulator${path}`, base), { method, ca, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 400) fail(`${res.statusCode}: ${text}`);
        console.log(text ? JSON.stringify(JSON.parse(text), null, 2) : `${res.statusCode} done`);
        done();
      });
    });
    req.on('error', (error) => fail(`Cannot reach the emulator at ${base}: ${error.message}`));
    if (body) req.write(body);
    req.end();
  });
}

function needId(): string {
  if (!id) fail(`'${command}' needs a contact id.\n\n${HELP}`);
  return id;
}

if (values.help || !command) {
  console.log(HELP);
} else {
  switch (command) {
    case 'serve':
      await serve();
      break;
    case 'add':
      await control('POST', '/contacts', values.json);
      break;
    case 'change':
      await control('PATCH', `/contacts/${encodeURIComponent(needId())}`, values.json);
      break;
    case 'delete':
      await control('DELETE', `/contacts/${encodeURIComponent(needId())}?reason=${encodeURIComponent(values.reason)}`);
      break;
    case 'get':
      await control('GET', `/contacts/${encodeURIComponent(needId())}`);
      break;
    case 'stats':
      await control('GET', '/stats');
      break;
    case 'behaviour':
      await control(values.json ? 'PATCH' : 'GET', '/behaviour', values.json);
      break;
    case 'expire-delta-tokens':
      await control('POST', '/expire-delta-tokens');
      break;
    default:
      fail(`Unknown command '${command}'.\n\n${HELP}`);
  }
}
