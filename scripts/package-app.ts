// Builds the Teams / Outlook app package offline:
//   npm run package                 -> env/.env.dev   -> build/appPackage/appPackage.dev.zip
//   npm run package -- --env local  -> env/.env.local -> build/appPackage/appPackage.local.zip
// Options: --env <name> (default dev), --env-dir <dir> (default env), --out-dir <dir>
// (default build/appPackage).
//
// Steps: read env/.env.<env> (and env/.env.<env>.user when present, as the Toolkit does), fill the
// ${{VAR}} placeholders of appPackage/manifest.json (a variable the manifest uses but the env
// file lacks is an error that names it), validate the result against Microsoft's JSON schema for
// its manifestVersion as bundled in @microsoft/app-manifest (no network), check that every icon the
// manifest names exists as a PNG of the declared size, and zip manifest.json + icons at the root.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { zipSync, strToU8, type Zippable } from 'fflate';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const MANIFEST_PATH = path.join(APP_PACKAGE_DIR, 'manifest.json');

/** Placeholder variables that may legitimately be empty (e.g. no name suffix in production). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class PackageError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(details.length ? `${message}\n  - ${details.join('\n  - ')}` : message);
    this.name = 'PackageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Environment files and placeholders

export function readEnvFile(envDir: string, envName: string): Record<string, string> {
  const file = path.join(envDir, `.env.${envName}`);
  if (!existsSync(file)) throw new PackageError(`No environment file ${path.relative(ROOT, file) || file}`);
  const values: Record<string, string> = {};
  const userFile = `${file}.user`;
  for (const f of [file, userFile]) {
    if (!existsSync(f)) continue;
    for (const [k, v] of Object.entries(parseEnv(readFileSync(f, 'utf8')))) {
      if (v !== undefined) values[k] = v;
    }
  }
  return values;
}

export function placeholdersIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(PLACEHOLDER)) found.add(m[1] as string);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholdersIn(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) placeholdersIn(v, found);
  }
  return found;
}

/** Replaces ${{VAR}} in every string of a parsed JSON value. Throws naming every missing variable. */
export function fillPlaceholders<T>(template: T, env: Record<string, string>, source = 'the environment'): T {
  const missing = [...placeholdersIn(template)].filter(
    (name) => env[name] === undefined || (env[name] === '' && !MAY_BE_EMPTY.has(name)),
  );
  if (missing.length) {
    throw new PackageError(
      `The manifest uses variables that ${source} does not define (or leaves empty); provision the app or set them`,
      missing.sort().map((name) => `${name}${env[name] === '' ? ' (empty)' : ''}`),
    );
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(PLACEHOLDER, (_m, name: string) => env[name] ?? '');
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(template) as T;
}

// ---------------------------------------------------------------------------------------------
// Schema validation (Microsoft's schema from @microsoft/app-manifest, validated with the same ajv
// setup as its ManifestUtil.validateManifestAgainstSchema).
//
// @microsoft/app-manifest 1.1.2's entry point require()s fs-extra without declaring it, so
// importing ManifestUtil fails with MODULE_NOT_FOUND. We therefore load the package's own
// validator dependencies (ajv-draft-04, ajv-formats, resolved from the package's directory) and
// reproduce its validateManifestAgainstSchema: draft-04 ajv, allErrors, strictTypes off, formats
// uri/email/regex, same error strings.

interface AjvError {
  instancePath: string;
  message?: string;
  params?: unknown;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: object): ValidateFunction;
}
type AjvConstructor = new (options: { allErrors: boolean; strictTypes: boolean }) => AjvInstance;
type AddFormats = (ajv: AjvInstance, formats: string[]) => AjvInstance;

const requireHere = createRequire(import.meta.url);
const manifestPkgJson = requireHere.resolve('@microsoft/app-manifest/package.json');
const requireFromManifestPkg = createRequire(manifestPkgJson);
export const SCHEMA_ROOT = path.join(path.dirname(manifestPkgJson), 'build', 'json-schemas', 'teams');

export function schemaPathFor(manifestVersion: string): string {
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion)) {
    throw new PackageError(`Unsupported manifestVersion ${JSON.stringify(manifestVersion)}`);
  }
  const file = path.join(SCHEMA_ROOT, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) {
    throw new PackageError(`@microsoft/app-manifest bundles no schema for manifestVersion ${manifestVersion}`);
  }
  return file;
}

/** Versions (1.NN) whose schemas the installed @microsoft/app-manifest bundles, oldest first. */
export function bundledManifestVersions(): string[] {
  return readdirSync(SCHEMA_ROOT)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [am, an] = a.split('.').map(Number) as [number, number];
      const [bm, bn] = b.split('.').map(Number) as [number, number];
      return am - bm || an - bn;
    });
}

export function loadSchema(manifestVersion: string): object {
  // Same workaround the package applies to downloaded schemas (invalid "\a" in a regex).
  const text = readFileSync(schemaPathFor(manifestVersion), 'utf8').replace(/\\a/g, '\\x07');
  return JSON.parse(text) as object;
}

export function validateAgainstSchema(manifest: unknown, schema: object): string[] {
  const schemaId = (schema as { $schema?: string }).$schema ?? '';
  const Ajv = schemaId.includes('2020-12')
    ? (requireFromManifestPkg('ajv/dist/2020') as { default: AjvConstructor }).default
    : (requireFromManifestPkg('ajv-draft-04') as { default: AjvConstructor }).default;
  const addFormats = (requireFromManifestPkg('ajv-formats') as { default: AddFormats }).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message ?? ''}. Details: ${e.params ? JSON.stringify(e.params) : ''}`,
  );
}

export function validateManifest(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  return validateAgainstSchema(manifest, loadSchema(version));
}

// ---------------------------------------------------------------------------------------------
// Icons

export function pngSize(data: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((b, i) => data[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR chunk');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface IconRef {
  /** Where in the manifest, e.g. "icons.color" or "extensions[0]...icons[1]". */
  where: string;
  /** The value as written in the manifest (a relative path, or a URL for ribbon icons). */
  ref: string;
  size: number;
}

/** Every icon the manifest references, with the pixel size it must have. */
export function iconRefs(manifest: Record<string, unknown>): IconRef[] {
  const refs: IconRef[] = [];
  const icons = (manifest.icons ?? {}) as Record<string, string | undefined>;
  const packageSizes: Record<string, number> = { color: 192, outline: 32, color32x32: 32 };
  for (const [key, size] of Object.entries(packageSizes)) {
    const ref = icons[key];
    if (ref) refs.push({ where: `icons.${key}`, ref, size });
  }
  const walk = (v: unknown, where: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.size === 'number' && typeof o.url === 'string' && Object.keys(o).length === 2) {
        refs.push({ where, ref: o.url, size: o.size });
        return;
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${where}.${k}`);
    }
  };
  walk(manifest.extensions, 'extensions');
  return refs;
}

/**
 * Where the web app serves a URL path from, if it does: `/` -> web/index.html (or the built
 * web/dist/index.html), `/x` -> web/dist/x or web/public/x. Returns undefined when nothing serves it.
 */
export function servedFile(urlPath: string, root = ROOT): string | undefined {
  const rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const candidates =
    rel === '' || rel === 'index.html'
      ? [path.join(root, 'web', 'index.html'), path.join(root, 'web', 'dist', 'index.html')]
      : [path.join(root, 'web', 'dist', rel), path.join(root, 'web', 'public', rel)];
  return candidates.find((c) => !path.relative(path.join(root, 'web'), c).startsWith('..') && existsSync(c));
}

/** The path part of a URL under TAB_ENDPOINT, or undefined for URLs elsewhere. */
export function pathUnderEndpoint(url: string, tabEndpoint: string): string | undefined {
  const base = tabEndpoint.replace(/\/+$/, '');
  if (url !== base && !url.startsWith(`${base}/`) && !url.startsWith(`${base}?`)) return undefined;
  const u = new URL(url);
  return u.pathname;
}

/** Local file to check for an icon reference (package file, served file, or committed source). */
export function iconFile(ref: string, tabEndpoint: string): { file: string | undefined; served: boolean } {
  if (!/^https?:\/\//i.test(ref)) return { file: path.join(APP_PACKAGE_DIR, ref), served: true };
  const urlPath = pathUnderEndpoint(ref, tabEndpoint);
  if (urlPath === undefined) return { file: undefined, served: false };
  const served = servedFile(urlPath);
  return { file: served, served: served !== undefined };
}

export interface IconProblem {
  where: string;
  ref: string;
  problem: string;
}

export function checkIcons(manifest: Record<string, unknown>, tabEndpoint: string): { problems: IconProblem[]; notServed: string[] } {
  const problems: IconProblem[] = [];
  const notServed: string[] = [];
  for (const { where, ref, size } of iconRefs(manifest)) {
    const { file, served } = iconFile(ref, tabEndpoint);
    if (!file || !existsSync(file)) {
      problems.push({ where, ref, problem: 'file not found' });
      continue;
    }
    if (!served) notServed.push(ref);
    try {
      const { width, height } = pngSize(readFileSync(file));
      if (width !== size || height !== size) {
        problems.push({ where, ref, problem: `is ${width}x${height}, expected ${size}x${size}` });
      }
    } catch (e) {
      problems.push({ where, ref, problem: (e as Error).message });
    }
  }
  return { problems, notServed: [...new Set(notServed)] };
}

// ---------------------------------------------------------------------------------------------
// Package

export interface PackageOptions {
  env: string;
  envDir: string;
  outDir: string;
}

export interface PackageResult {
  zipPath: string;
  entries: string[];
  warnings: string[];
}

export async function buildPackage(opts: PackageOptions): Promise<PackageResult> {
  const env = readEnvFile(opts.envDir, opts.env);
  const template = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Record<string, unknown>;
  const manifest = fillPlaceholders(template, env, `env/.env.${opts.env}`);

  const errors = validateManifest(manifest);
  if (errors.length) throw new PackageError(`manifest.json does not match the ${String(manifest.manifestVersion)} schema`, errors);

  const tabEndpoint = env.TAB_ENDPOINT ?? '';
  const { problems, notServed } = checkIcons(manifest, tabEndpoint);
  if (problems.length) throw new PackageError('Icon problems', problems.map((p) => `${p.where} ${p.ref}: ${p.problem}`));
  const warnings = notServed.map((ref) => `${ref} is not served by the web app`);

  const mtime = new Date(2000, 0, 1); // fixed, so the same inputs give the same zip
  const files: Zippable = { 'manifest.json': [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }] };
  for (const { ref } of iconRefs(manifest)) {
    if (/^https?:\/\//i.test(ref)) continue; // URL icons are fetched by the host, not packaged
    if (ref.includes('/') || ref.includes('\\')) throw new PackageError(`Package icons must sit next to manifest.json: ${ref}`);
    files[ref] = [readFileSync(path.join(APP_PACKAGE_DIR, ref)), { mtime }];
  }
  await mkdir(opts.outDir, { recursive: true });
  const zipPath = path.join(opts.outDir, `appPackage.${opts.env}.zip`);
  await writeFile(zipPath, zipSync(files, { level: 9 }));
  return { zipPath, entries: Object.keys(files), warnings };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      env: { type: 'string', default: 'dev' },
      'env-dir': { type: 'string', default: path.join(ROOT, 'env') },
      'out-dir': { type: 'string', default: path.join(ROOT, 'build', 'appPackage') },
    },
  });
  const result = await buildPackage({ env: values.env, envDir: path.resolve(values['env-dir']), outDir: path.resolve(values['out-dir']) });
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  console.log(`${path.relative(process.cwd(), result.zipPath)}: ${result.entries.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof PackageError ? `package: ${e.message}` : e);
    process.exitCode = 1;
  });
}
