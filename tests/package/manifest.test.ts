import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PackageError,
  bundledManifestVersions,
  checkIcons,
  fillPlaceholders,
  iconFile,
  iconRefs,
  loadSchema,
  pathUnderEndpoint,
  pngSize,
  servedFile,
  validateAgainstSchema,
  validateManifest,
} from '../../scripts/package-app.ts';
import { REDIRECT_BRIDGE_PATH } from '../../web/src/auth/entra-settings.ts';
import { envValues, manifestTemplate, provisionedEnv, readJson, strings } from './helpers.ts';

const env = provisionedEnv('dev');
const manifest = fillPlaceholders(manifestTemplate(), env);
const clone = (): Record<string, unknown> => structuredClone(manifest);

describe('manifest version', () => {
  it('is the newest unified-manifest version bundled in @microsoft/app-manifest, and at least 1.22', () => {
    const bundled = bundledManifestVersions();
    const newest = bundled.at(-1);
    expect(manifest.manifestVersion).toBe(newest);
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number) as [number, number];
    expect(major > 1 || (major === 1 && minor >= 22)).toBe(true); // webApplicationInfo.nestedAppAuthInfo
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${String(manifest.manifestVersion)}/MicrosoftTeams.schema.json`,
    );
  });
});

describe('schema validation (offline, Microsoft schema from @microsoft/app-manifest)', () => {
  it('accepts the manifest with its placeholders filled from env/.env.dev', () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('also accepts it for env/.env.local', () => {
    expect(validateManifest(fillPlaceholders(manifestTemplate(), provisionedEnv('local')))).toEqual([]);
  });

  it('reports a missing required field', () => {
    const broken = clone();
    delete broken.developer;
    const errors = validateManifest(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/must have required property 'developer'/);
  });

  it('reports wrong values deep in the tree (colour, tab URL, ribbon icon size, unknown property)', () => {
    const broken = clone() as {
      accentColor: string;
      staticTabs: Array<Record<string, unknown>>;
      extensions: Array<{ ribbons: Array<{ tabs: Array<{ groups: Array<{ icons: Array<{ size: number }> }> }> }> }>;
      webApplicationInfo: Record<string, unknown>;
    };
    broken.accentColor = 'blue';
    (broken.staticTabs[0] as Record<string, unknown>).contentUrl = 'localhost:53000/';
    const icon = broken.extensions[0]?.ribbons[0]?.tabs[0]?.groups[0]?.icons[0];
    if (!icon) throw new Error('manifest has no ribbon group icon');
    icon.size = 17;
    broken.webApplicationInfo.nestedAppAuthInfos = [];
    const errors = validateManifest(broken).join('\n');
    expect(errors).toMatch(/^\/accentColor must match pattern/m);
    expect(errors).toMatch(/^\/staticTabs\/0\/contentUrl must match pattern/m);
    expect(errors).toMatch(/^\/extensions\/0\/ribbons\/0\/tabs\/0\/groups\/0\/icons\/0\/size must be equal to one of the allowed values/m);
    expect(errors).toMatch(/^\/webApplicationInfo must NOT have additional properties/m);
  });

  it('rejects the raw template: unfilled placeholders are not GUIDs', () => {
    const errors = validateManifest(manifestTemplate()).join('\n');
    expect(errors).toMatch(/^\/id must match pattern/m);
    expect(errors).toMatch(/^\/webApplicationInfo\/id must match pattern/m);
  });

  it('nestedAppAuthInfo is rejected by an older schema (1.21), so 1.22+ is really needed', () => {
    const old = { ...clone(), manifestVersion: '1.21' };
    delete (old as Record<string, unknown>).$schema;
    const errors = validateAgainstSchema(old, loadSchema('1.21')).join('\n');
    expect(errors).toMatch(/^\/webApplicationInfo must NOT have additional properties/m);
  });
});

describe('placeholders', () => {
  it('uses only the Toolkit variables, each defined in both env files', () => {
    const used = new Set(
      strings(manifestTemplate()).flatMap(({ value }) => [...value.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1])),
    );
    expect([...used].sort()).toEqual(['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID']);
    for (const name of ['dev', 'local']) {
      const defined = envValues(name);
      for (const v of used) expect(Object.keys(defined), `env/.env.${name}`).toContain(v);
    }
  });

  it('names every variable the env file leaves empty instead of packaging a broken manifest', () => {
    let error: unknown;
    try {
      fillPlaceholders(manifestTemplate(), envValues('dev'), 'env/.env.dev');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageError);
    const message = (error as Error).message;
    for (const name of ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID']) expect(message).toContain(`- ${name}`);
    expect(message).not.toContain('APP_NAME_SUFFIX');
  });

  it('leaves no ${{...}} behind once filled', () => {
    expect(strings(manifest).filter(({ value }) => value.includes('${{'))).toEqual([]);
  });
});

describe('icons', () => {
  it('every icon the manifest references exists with the declared pixel size', () => {
    const refs = iconRefs(manifest);
    // color + outline in the package; 16/32/80 for the ribbon group and for its button.
    expect(refs.map((r) => r.size).sort((a, b) => a - b)).toEqual([16, 16, 32, 32, 32, 80, 80, 192]);
    expect(checkIcons(manifest, env.TAB_ENDPOINT ?? '').problems).toEqual([]);
  });

  it('reports an icon of the wrong size or a missing one', () => {
    const broken = clone() as { icons: Record<string, string> };
    broken.icons.color = 'outline.png';
    broken.icons.outline = 'nope.png';
    const { problems } = checkIcons(broken, env.TAB_ENDPOINT ?? '');
    expect(problems).toEqual([
      { where: 'icons.color', ref: 'outline.png', problem: 'is 32x32, expected 192x192' },
      { where: 'icons.outline', ref: 'nope.png', problem: 'file not found' },
    ]);
  });

  it('reads PNG sizes from the IHDR chunk', () => {
    expect(() => pngSize(new TextEncoder().encode('GIF89a, not a png at all....'))).toThrow(/not a PNG/);
    const { file } = iconFile('color.png', '');
    expect(pngSize(readFileSync(file as string))).toEqual({ width: 192, height: 192 });
  });
});

describe('URLs the manifest references', () => {
  const endpoint = env.TAB_ENDPOINT ?? '';
  // Every URL except $schema (the schema's id, not something the host loads).
  const urls = strings(manifest).filter(({ at, value }) => at !== '$schema' && /^https?:\/\//i.test(value));
  const iconUrls = new Set(iconRefs(manifest).map((r) => r.ref));

  it('all point at the tab endpoint', () => {
    expect(urls.filter(({ value }) => pathUnderEndpoint(value, endpoint) === undefined)).toEqual([]);
  });

  it('every tab, runtime and developer page is served by the web app', () => {
    const pages = urls.filter(({ value }) => !iconUrls.has(value));
    expect(pages.map(({ at }) => at)).toEqual(
      expect.arrayContaining(['staticTabs[0].contentUrl', 'staticTabs[0].websiteUrl', 'extensions[0].runtimes[0].code.page']),
    );
    const unserved = pages.filter(({ value }) => servedFile(pathUnderEndpoint(value, endpoint) as string) === undefined);
    expect(unserved).toEqual([]);
  });

  it('maps paths to web files generically', () => {
    expect(servedFile('/')).toMatch(/web[/\\]index\.html$/);
    expect(servedFile('/definitely-not-there.html')).toBeUndefined();
    expect(servedFile('/../package.json')).toBeUndefined();
  });

  // Outlook fetches ribbon icons from these URLs, so the web app must serve them at the declared size.
  it('ribbon icon URLs are served by the web app at the declared size', () => {
    for (const ref of iconUrls) expect(iconFile(ref, endpoint), ref).toMatchObject({ served: true });
    expect(checkIcons(manifest, endpoint)).toEqual({ problems: [], notServed: [] });
  });
});

describe('the Outlook extension', () => {
  const endpoint = env.TAB_ENDPOINT ?? '';
  const [extension] = manifest.extensions as Array<{
    requirements: { scopes: string[]; capabilities: Array<{ name: string; minVersion: string }> };
    runtimes: Array<{ code: { page: string }; actions: Array<{ id: string; type: string; pinnable?: boolean }> }>;
    ribbons: Array<{ contexts: string[]; tabs: Array<{ groups: Array<{ controls: Array<{ label: string; actionId: string }> }> }> }>;
  }>;

  it('opens the side panel page from a pinnable "Look up contact" button on messages being read', () => {
    if (extension === undefined) throw new Error('manifest has no extension');
    // Pinned panes follow the selected message through ItemChanged: Mailbox 1.5.
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.5' }] });
    const [runtime] = extension.runtimes;
    expect(pathUnderEndpoint(runtime?.code.page ?? '', endpoint)).toBe('/taskpane.html');
    const action = runtime?.actions.find((a) => a.type === 'openPage');
    expect(action?.pinnable).toBe(true);
    const ribbon = extension.ribbons.find((r) => r.contexts.includes('mailRead'));
    const controls = ribbon?.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls)) ?? [];
    expect(controls).toContainEqual(expect.objectContaining({ label: 'Look up contact', actionId: action?.id }));
  });

  // Outlook requires add-ins to load Office.js from Microsoft's CDN, not from a copy.
  it('the side panel page in the build loads Office.js from the CDN before the app', () => {
    const file = servedFile('/taskpane.html');
    if (file === undefined) throw new Error('web/dist/taskpane.html is missing: run `npm run build:web` first');
    const html = readFileSync(file, 'utf8');
    const office = html.indexOf('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(office).toBeGreaterThan(0);
    expect(html.indexOf('<script type="module"')).toBeGreaterThan(office);
  });
});

describe('SSO wiring between the app manifest and aad.manifest.json', () => {
  const aad = fillPlaceholders(readJson('aad.manifest.json'), env) as {
    identifierUris: string[];
    replyUrlsWithType: Array<{ url: string; type: string }>;
  };
  const web = manifest.webApplicationInfo as {
    id: string;
    resource: string;
    nestedAppAuthInfo: Array<{ redirectUri: string; scopes: string[] }>;
  };

  it('webApplicationInfo.resource is the API app identifier URI and id its client id', () => {
    expect(web.id).toBe(env.AAD_APP_CLIENT_ID);
    expect(aad.identifierUris).toContain(web.resource);
    expect(web.resource).toBe(`api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`);
  });

  it('the NAA redirect is a registered SPA redirect and the prefetched scope is access_as_user', () => {
    const spa = aad.replyUrlsWithType.filter((r) => r.type === 'Spa').map((r) => r.url);
    for (const naa of web.nestedAppAuthInfo) expect(spa).toContain(naa.redirectUri);
    expect(web.nestedAppAuthInfo[0]?.scopes).toEqual([`${web.resource}/access_as_user`]);
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN]);
  });

  it("the browser's SPA redirect is the MSAL redirect bridge page the web app builds", () => {
    const pages = aad.replyUrlsWithType.filter((r) => r.type === 'Spa' && r.url.startsWith('https://'));
    expect(pages.map((r) => pathUnderEndpoint(r.url, env.TAB_ENDPOINT ?? ''))).toEqual([REDIRECT_BRIDGE_PATH]);
    expect(servedFile(REDIRECT_BRIDGE_PATH), 'run `npm run build:web` first').toMatch(/web[/\\]dist[/\\]auth-redirect\.html$/);
  });
});
