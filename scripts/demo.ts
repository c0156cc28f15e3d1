import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_USERS, REALISTIC_BEHAVIOUR } from '../emulator/src/index.ts';
import { startStack } from './stack.ts';

/** `npm start`: the product in demo mode against an emulated tenant with synthetic contacts. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '3978' },
    'emulator-port': { type: 'string', default: '8443' },
    contacts: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
  },
});

const dataDir = '.data';
// The emulated tenant lives in memory, so the API's copy of it must start afresh too.
rmSync(join(dataDir, 'api'), { recursive: true, force: true });

const started = Date.now();
console.log(`Starting the tenant emulator with ${values.contacts} contacts, the API, and the first sync...`);
const stack = await startStack({
  dataDir,
  contacts: Number(values.contacts),
  seed: Number(values.seed),
  apiPort: Number(values.port),
  emulatorPort: Number(values['emulator-port']),
  logLevel: 'info',
  // A real directory's pace and Graph's budget for a tenant of more than 500 users.
  behaviour: REALISTIC_BEHAVIOUR,
});
console.log(`
Switchboard is running (demo mode, first sync took ${((Date.now() - started) / 1000).toFixed(1)} s).

  Open        ${stack.webUrl}
  Sign in as  ${DEMO_USERS.map((u) => `${u.displayName} (${u.username})`).join(' or ')}
  Emulator    ${stack.emulator.url}  (add/change/delete contacts: npm run emulator -- --help)

Press Ctrl+C to stop.`);

const stop = () => {
  void stack.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
