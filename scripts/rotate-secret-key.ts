import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { keyLines, newKey } from '../api/src/secrets/secret-box.ts';

/**
 * `npm run secret-key:rotate -- [--file <key file>] [--prune]`
 *
 * Puts a new sealing key at the head of the API's key file; the old keys stay below it so stored
 * secrets still open. The API reseals every client secret under the new key at its next start
 * and logs "client secrets resealed". After that, `--prune` drops every key but the first.
 * With SECRET_KEY instead of a file: set SECRET_KEY="<new>,<old>", restart, then SECRET_KEY="<new>".
 */
const { values } = parseArgs({ options: { file: { type: 'string' }, prune: { type: 'boolean', default: false } } });
const file = values.file ?? process.env['SECRET_KEY_FILE'] ?? `${process.env['DATA_DIR'] ?? '.data'}/secret.key`;
if (!existsSync(file)) {
  console.error(`No key file at ${file}: the API creates one at its first start.`);
  process.exit(1);
}
const keys = keyLines(readFileSync(file, 'utf8'));
const next = values.prune ? keys.slice(0, 1) : [newKey(), ...keys];
// Written beside and renamed over the old file: a crash leaves one complete key file, never half of one.
const temporary = `${file}.${process.pid}.tmp`;
writeFileSync(temporary, `${next.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
renameSync(temporary, file);
console.log(values.prune ? `Kept the sealing key; removed ${keys.length - 1} old key(s) from ${file}.` : `New sealing key added to ${file}; restart the API to reseal stored client secrets.`);
