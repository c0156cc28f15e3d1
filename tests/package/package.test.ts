import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, ROOT, validateManifest } from '../../scripts/package-app.ts';
import { PROVISIONED, writeProvisionedEnvDir } from './helpers.ts';

const run = promisify(execFile);
const tempDirs: string[] = [];
const temp = (dir: string): string => (tempDirs.push(dir), dir);
const outDirTemp = (): string => temp(mkdtempSync(path.join(tmpdir(), 'switchboard-pkg-')));
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function npmRunPackage(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'package', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('npm run package', () => {
  it('writes appPackage.<env>.zip with manifest.json and the icons at the root', async () => {
    const envDir = temp(writeProvisionedEnvDir('dev'));
    const outDir = outDirTemp();
    const result = await npmRunPackage(['--env', 'dev', '--env-dir', envDir, '--out-dir', outDir]);
    expect(result.stderr).not.toMatch(/^package:/m);
    expect(result.code).toBe(0);

    const zip = unzipSync(readFileSync(path.join(outDir, 'appPackage.dev.zip')));
    expect(Object.keys(zip).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(strFromU8(zip['manifest.json'] as Uint8Array)) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    expect(validateManifest(manifest)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(Buffer.from(zip[icon] as Uint8Array).equals(readFileSync(path.join(APP_PACKAGE_DIR, icon)))).toBe(true);
    }
  });

  it('is reproducible: the same inputs give the same bytes', async () => {
    const envDir = temp(writeProvisionedEnvDir('local'));
    const a = outDirTemp();
    const b = outDirTemp();
    expect((await npmRunPackage(['--env', 'local', '--env-dir', envDir, '--out-dir', a])).code).toBe(0);
    expect((await npmRunPackage(['--env', 'local', '--env-dir', envDir, '--out-dir', b])).code).toBe(0);
    expect(readFileSync(path.join(a, 'appPackage.local.zip')).equals(readFileSync(path.join(b, 'appPackage.local.zip')))).toBe(true);
  });

  it('fails, naming the variables, when the env file lacks them (env/.env.dev before provisioning)', async () => {
    const outDir = outDirTemp();
    const result = await npmRunPackage(['--env', 'dev', '--out-dir', outDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('env/.env.dev');
    expect(result.stderr).toMatch(/- TEAMS_APP_ID/);
    expect(result.stderr).toMatch(/- AAD_APP_CLIENT_ID/);
  });

  it('fails for an environment without an env file', async () => {
    const result = await npmRunPackage(['--env', 'nosuchenv', '--out-dir', outDirTemp()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No environment file env\/\.env\.nosuchenv/);
  });
});
