import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ROOT, MANIFEST_PATH } from '../../scripts/package-app.ts';

/**
 * Values for the variables env/.env.dev leaves empty until the app is provisioned (ids written
 * by the Toolkit) or deployed (the host). Only empty entries are filled: whatever the file sets
 * wins.
 */
export const PROVISIONED: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '0b1d2c3e-4f50-4a61-8b72-93a4b5c6d7e8',
  AAD_APP_CLIENT_ID: '7c6b5a49-3827-4165-9f0e-1d2c3b4a5968',
  AAD_APP_OBJECT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  AAD_APP_TENANT_ID: 'f0e1d2c3-b4a5-4968-8776-655443322110',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '5d6e7f80-91a2-4b3c-8d4e-5f6071829304',
  TAB_DOMAIN: 'switchboard.contoso.example',
  TAB_ENDPOINT: 'https://switchboard.contoso.example',
  API_ENDPOINT: 'https://switchboard.contoso.example',
};

export function envFileText(name = 'dev'): string {
  return readFileSync(path.join(ROOT, 'env', `.env.${name}`), 'utf8');
}

export function envValues(name = 'dev'): Record<string, string> {
  return Object.fromEntries(Object.entries(parseEnv(envFileText(name))).map(([k, v]) => [k, v ?? '']));
}

/** env/.env.<name> with its empty provision-time entries filled from PROVISIONED. */
export function provisionedEnv(name = 'dev'): Record<string, string> {
  const env = envValues(name);
  for (const [k, v] of Object.entries(PROVISIONED)) if (!env[k]) env[k] = v;
  return env;
}

/** Writes provisionedEnv(name) as a .env.<name> file in a fresh temporary directory. */
export function writeProvisionedEnvDir(name = 'dev'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-env-'));
  const lines = envFileText(name)
    .split('\n')
    .map((line) => {
      const m = /^([A-Z0-9_]+)=$/.exec(line);
      const key = m?.[1];
      return key && PROVISIONED[key] ? `${key}=${PROVISIONED[key]}` : line;
    });
  writeFileSync(path.join(dir, `.env.${name}`), lines.join('\n'));
  return dir;
}

export function manifestTemplate(): Record<string, unknown> {
  return JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Record<string, unknown>;
}

export function readJson(rel: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
}

/** Every string value in a JSON tree, with its path. */
export function strings(v: unknown, at = ''): Array<{ at: string; value: string }> {
  if (typeof v === 'string') return [{ at, value: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, at ? `${at}.${k}` : k));
  return [];
}
