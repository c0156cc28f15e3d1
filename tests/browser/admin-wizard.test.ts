/**
 * The data source wizard in a real browser against the real API and emulated tenant (demo mode):
 * an administrator generates the app (standing in for Entra's consent popup), checks access,
 * configures every step, saves, watches the first sync finish in the status tooltip, finds a
 * contact of the new source, removes the app and sees the next sync fail with a clear message;
 * the manual path (an app registered by hand) works with the keyboard alone; an administrator
 * without an Entra directory role is refused GENERATE APP with the reason; a replaced app Entra
 * refuses to delete stays, and the administrator is told so with a link to it. Every step is
 * screenshotted in light and dark (some also in high contrast) and checked with axe-core in each.
 * Needs `npm run build:web` first and Chromium at /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { entraAppPortalUrl } from '../../contracts/entra-portal.ts';
import type { DataSourceView, DemoGraphTokenResponse, GeneratedApp } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { isFocused, launchBrowser, openSignedIn, screenshot, sourceRow, statusTooltip, waitForBackground } from '../support/browser.ts';
import { seriousViolations } from '../support/accessibility.ts';

const ADMIN = { username: 'admin@contoso.example', displayName: 'Ada Admin' };
/** A demo Switchboard administrator who holds no Entra directory role: Entra refuses them app registrations. */
const HELPDESK = { displayName: 'Hanna Helpdesk' };
const CONTACTS = 300;
const SOURCE = { name: 'Fabrikam contacts', id: 'fabrikam-contacts' };

let stack: Stack;
let browser: Browser;
/** Ada's API client, for what the tests set up or check beside the page. */
let api: ReturnType<typeof apiClient>;

/** Whether the emulated Entra still has the application with this client id. */
const inEntra = (clientId: string): boolean => stack.emulator.directory.apps.applicationByAppId(clientId, Infinity) !== undefined;

beforeAll(async () => {
  stack = await startStack({ contacts: CONTACTS });
  browser = await launchBrowser();
  api = apiClient(stack, await stack.signIn(ADMIN.username));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Light and dark follow the system's colour scheme; high contrast follows forced colours (Windows contrast themes). */
const THEMES = {
  light: { colorScheme: 'light', forcedColors: 'none', background: '#ffffff' },
  dark: { colorScheme: 'dark', forcedColors: 'none', background: '#292929' },
  contrast: { colorScheme: 'dark', forcedColors: 'active', background: '#000000' },
} as const;

/**
 * Screenshots the page in each theme (light and dark always, high contrast where asked) and fails
 * on any serious or critical axe finding in any of them.
 */
async function captureStep(page: Page, name: string, themes: readonly (keyof typeof THEMES)[] = ['light', 'dark']): Promise<void> {
  for (const theme of themes) {
    const { colorScheme, forcedColors, background } = THEMES[theme];
    await page.emulateMedia({ colorScheme, forcedColors });
    // The theme follows the media queries live; wait until Fluent has repainted the page.
    await waitForBackground(page, background);
    await screenshot(page, `wizard-${name}-${theme}`);
    expect(await seriousViolations(page), `${name} in ${theme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
}

/** The wizard's name, in each language the tests use. */
const WIZARD_NAMES = { 'en-US': /Add data source|Edit /, 'de-DE': /Datenquelle hinzufügen| bearbeiten$/ };

const wizardOf = (page: Page, locale: keyof typeof WIZARD_NAMES = 'en-US'): Locator => page.getByRole('main', { name: WIZARD_NAMES[locale] });

async function next(page: Page, expectedStep: string): Promise<void> {
  await wizardOf(page).getByRole('button', { name: 'Next' }).click();
  await wizardOf(page).getByRole('heading', { level: 3, name: expectedStep }).waitFor();
}

/** Presses Tab until `target` has the focus: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${String(maxPresses)} presses`);
}

describe('data source wizard', () => {
  it('walks every step, saves, syncs, finds a contact of the new source, and fails the next sync once the app is removed', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {
      await page.getByRole('button', { name: 'Add data source' }).click();
      const wizard = wizardOf(page);
      await wizard.getByRole('heading', { level: 3, name: 'Basic settings' }).waitFor();

      // 1. Basic settings: nothing typed yet, so "Next" says what is missing and stays.
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByText('Enter a name of up to 120 characters.').waitFor();
      await expect(isFocused(wizard.getByRole('textbox', { name: 'Name' }))).resolves.toBe(true);
      await expect(wizard.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).resolves.toBe('true');
      await wizard.getByRole('textbox', { name: 'Name' }).fill(SOURCE.name);
      await expect(wizard.getByRole('textbox', { name: 'Unique identifier' }).inputValue()).resolves.toBe(SOURCE.id);
      await wizard.getByRole('textbox', { name: 'Description' }).fill('Mail contacts of Fabrikam, read by the wizard under test');
      await wizard.getByRole('spinbutton', { name: /Read changes every/ }).fill('30');
      await wizard.getByRole('spinbutton', { name: /Read changes every/ }).press('Tab');
      const days = wizard.getByRole('group', { name: 'On these days' });
      for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await days.getByRole('checkbox', { name: day }).check();
      await wizard.getByRole('switch', { name: /Only within a time window/ }).check();
      await wizard.getByLabel('From', { exact: true }).fill('07:00');
      await wizard.getByLabel('To', { exact: true }).fill('19:00');
      await captureStep(page, '1-basics', ['light', 'dark', 'contrast']);
      await next(page, 'Microsoft 365');

      // 2. Microsoft 365: generate the app, see it in Entra's terms, and check its access.
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.getByText('Generate the app, or choose').waitFor();
      await captureStep(page, '2-microsoft-365-before');
      await wizard.getByRole('button', { name: 'Generate app' }).click();
      // Registering, consenting and adding a secret take several Graph calls, each waiting out replication.
      await wizard.getByRole('heading', { name: `App Switchboard: ${SOURCE.name}` }).waitFor({ timeout: 60_000 });
      const portal = wizard.getByRole('link', { name: 'Open the app in the Entra admin center' });
      await expect(portal.getAttribute('href')).resolves.toMatch(/^https:\/\/entra\.microsoft\.com\/.+\/appId\/[0-9a-f-]{36}$/);
      await wizard.getByRole('button', { name: 'Check access' }).click();
      const check = wizard.getByRole('region', { name: 'Access check' });
      await check.getByText('Everything sync needs is in place.').waitFor();
      for (const name of ['Sign-in as the app', 'OrgContact.Read.All', 'GroupMember.Read.All', 'User.ReadBasic.All', 'Reading a mail contact']) {
        await expect(check.getByRole('listitem').filter({ hasText: name }).innerText()).resolves.toContain('Passed');
      }
      await captureStep(page, '2-microsoft-365', ['light', 'dark', 'contrast']);
      await next(page, 'Phone number conversion');

      // 3. Phone number conversion: Contoso's PBX in Munich, and a live preview of a stored extension.
      await wizard.getByRole('textbox', { name: 'Area code' }).fill('89');
      await wizard.getByRole('textbox', { name: 'Outside-line prefix' }).fill('0');
      await wizard.getByRole('textbox', { name: 'Company main number' }).fill('8912340');
      await wizard.getByRole('combobox', { name: 'Length of extensions' }).click();
      await page.getByRole('option', { name: '3 digits' }).click();
      await wizard.getByRole('button', { name: 'Try -123' }).click();
      const preview = wizard.getByRole('region', { name: 'Try a stored number' });
      await preview.getByText('+498912340123').waitFor();
      await expect(preview.innerText()).resolves.toMatch(/International\s+\+49 89 12340-123/);
      await wizard.getByRole('textbox', { name: 'Stored number' }).fill('+49(0)89 123456-78');
      await preview.getByText('+498912345678').waitFor();
      await captureStep(page, '3-phone-numbers');
      await next(page, 'Authorization');

      // 4. Authorization: the administrators' group, found in Graph by typing part of its name.
      await wizard.getByRole('radio', { name: /Members of these groups/ }).check();
      await wizard.getByRole('combobox', { name: 'Groups' }).fill('Switchboard');
      await page.getByRole('option', { name: /Switchboard Administrators/ }).click();
      await wizard.getByText('Switchboard Administrators', { exact: true }).waitFor();
      await captureStep(page, '4-authorization');
      await next(page, 'Priority');

      // 5. Priority: above the demo source, which the list shows in order.
      // A spin button takes typed text when the field is left (or on Enter).
      await wizard.getByRole('spinbutton', { name: 'Priority' }).fill('500');
      await wizard.getByRole('spinbutton', { name: 'Priority' }).press('Tab');
      const order = wizard.getByRole('list');
      await order.getByRole('listitem').first().filter({ hasText: SOURCE.name }).filter({ hasText: '500' }).waitFor();
      await expect(order.innerText()).resolves.toMatch(new RegExp(`${SOURCE.name}[\\s\\S]*500[\\s\\S]*Contoso mail contacts[\\s\\S]*100`));
      await captureStep(page, '5-priority');
      await next(page, 'Approximation search');

      // 6. Approximation search: on, with a call from an unknown extension of the main number as the example.
      await expect(wizard.getByRole('switch', { name: 'Approximation search' }).isChecked()).resolves.toBe(true);
      await wizard.getByText('Call from +49 89 12340-999').first().waitFor();
      await captureStep(page, '6-approximation');
      await next(page, 'Overview');

      // 7. Overview: every setting, with a way back to each step.
      const overview = await wizard.innerText();
      for (const expected of [SOURCE.name, SOURCE.id, 'every 30 min, Mon–Fri 07:00–19:00', `Generated: Switchboard: ${SOURCE.name}`, 'Passed', '8912340', 'Groups: Switchboard Administrators', '500']) {
        expect(overview).toContain(expected);
      }
      await wizard.getByRole('button', { name: 'Edit Priority' }).click();
      await wizard.getByRole('heading', { level: 3, name: 'Priority' }).waitFor();
      await wizard.getByRole('tab', { name: /7\. Overview/ }).click();
      await wizard.getByRole('heading', { level: 3, name: 'Overview' }).waitFor();
      await captureStep(page, '7-overview', ['light', 'dark', 'contrast']);
      await wizard.getByRole('button', { name: 'Save data source' }).click();

      // The list: the new source syncs; its status tooltip shows the first success.
      await page.getByText(`${SOURCE.name} was added; its first sync has started.`).waitFor();
      const row = sourceRow(page, SOURCE.name);
      await row.getByText('Up to date').waitFor({ timeout: 60_000 });
      const details = await statusTooltip(page, SOURCE.name, /Last success/);
      expect(details).toMatch(/Last error\s+None/);
      expect(details).toMatch(new RegExp(`Contacts\\s+${CONTACTS}`));
      expect(details).toMatch(/Schedule\s+every 30 min, Mon–Fri 07:00–19:00/);
      await screenshot(page, 'wizard-saved-source-synced');

      // Without the demo source, whatever search finds comes from the new one.
      await sourceRow(page, 'Contoso mail contacts').getByRole('button', { name: 'Actions for Contoso mail contacts' }).click();
      await page.getByRole('menuitem', { name: 'Delete…' }).click();
      const confirmDelete = page.getByRole('alertdialog');
      await expect(confirmDelete.innerText()).resolves.toContain(`Its ${CONTACTS} contacts leave the directory`);
      await confirmDelete.getByRole('button', { name: 'Delete data source' }).click();
      await page.getByText('Contoso mail contacts was deleted.').waitFor();
      await sourceRow(page, 'Contoso mail contacts').waitFor({ state: 'detached' });
      // The row that held the focus is gone: the keyboard goes on from the list's heading, not from the page's top.
      await expect.poll(() => isFocused(page.getByRole('heading', { level: 2, name: 'Data sources' }))).toBe(true);
      const someone = stack.emulator.tenant.list().find((c) => c.surname !== null && c.displayName !== null);
      if (someone?.displayName == null) throw new Error('the emulated tenant has no named contact');
      await page.getByRole('searchbox', { name: /Search people/ }).fill(someone.displayName);
      await page.getByRole('list', { name: /Results for/ }).getByRole('group', { name: someone.displayName }).first().waitFor();

      // REMOVE APP, then the next sync fails and says why.
      await row.getByRole('button', { name: `Actions for ${SOURCE.name}` }).click();
      await page.getByRole('menuitem', { name: 'Edit…' }).click();
      await wizard.getByRole('tab', { name: /2\. Microsoft 365/ }).click();
      await wizard.getByRole('button', { name: 'Remove app' }).click();
      const confirmRemove = page.getByRole('alertdialog');
      await expect(confirmRemove.innerText()).resolves.toContain('its next sync fails');
      await confirmRemove.getByRole('button', { name: 'Remove app' }).click();
      await wizard.getByText('This data source has no app').waitFor();
      await captureStep(page, '2-microsoft-365-removed');
      // Nothing left to save: the app is already gone, so the wizard closes without asking.
      await wizard.getByRole('button', { name: 'Cancel' }).click();
      await row.getByText('No app').waitFor();
      await row.getByRole('button', { name: 'Sync now' }).click();
      await row.getByText('Error', { exact: true }).waitFor({ timeout: 30_000 });
      const failed = await statusTooltip(page, SOURCE.name, /app was removed/);
      expect(failed).toMatch(/Last error\s+.*app was removed/);
      await screenshot(page, 'wizard-removed-app-sync-failed');
    } finally {
      await context.close();
    }
  }, 240_000);

  it('completes the manual path with the keyboard alone', async () => {
    // An app an administrator registered by hand in Entra, with the one permission sync needs.
    const app = stack.emulator.directory.registerApp({ displayName: 'Registered by hand', roles: ['OrgContact.Read.All'] });
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {
      await tabTo(page, page.getByRole('button', { name: 'Add data source' }));
      await page.keyboard.press('Enter');
      const wizard = wizardOf(page);
      await expect(isFocused(wizard.getByRole('heading', { level: 2, name: 'Add data source' }))).resolves.toBe(true);

      // Enter in a field goes to the next step, whose heading takes the focus.
      await tabTo(page, wizard.getByRole('textbox', { name: 'Name' }));
      await page.keyboard.type('Keyboard contacts');
      await page.keyboard.press('Enter');
      const m365 = wizard.getByRole('heading', { level: 3, name: 'Microsoft 365' });
      await m365.waitFor();
      await expect(isFocused(m365)).resolves.toBe(true);

      await tabTo(page, wizard.getByRole('radio', { name: 'Generate the app (recommended)' }));
      await page.keyboard.press('ArrowDown');
      await expect(wizard.getByRole('radio', { name: 'Use an existing app' }).isChecked()).resolves.toBe(true);
      await tabTo(page, wizard.getByRole('textbox', { name: 'Directory (tenant) ID' }));
      await page.keyboard.type(stack.emulator.tenantId);
      await page.keyboard.press('Tab');
      await page.keyboard.type(app.appId);
      await page.keyboard.press('Tab');
      await page.keyboard.type(app.secret);
      await tabTo(page, wizard.getByRole('button', { name: 'Check access' }));
      await page.keyboard.press('Enter');
      const check = wizard.getByRole('region', { name: 'Access check' });
      await check.getByText('Everything sync needs is in place.').waitFor();
      await expect(check.getByRole('listitem').filter({ hasText: 'GroupMember.Read.All' }).innerText()).resolves.toContain('Missing (optional)');
      await captureStep(page, '2-microsoft-365-manual');
      await tabTo(page, wizard.getByRole('button', { name: 'Next' }));
      await page.keyboard.press('Enter');

      await wizard.getByRole('heading', { level: 3, name: 'Phone number conversion' }).waitFor();
      await tabTo(page, wizard.getByRole('textbox', { name: 'Area code' }));
      await page.keyboard.type('89');
      await page.keyboard.press('Enter');
      await wizard.getByRole('heading', { level: 3, name: 'Authorization' }).waitFor();
      await tabTo(page, wizard.getByRole('button', { name: 'Next' }));
      await page.keyboard.press('Enter');

      await wizard.getByRole('heading', { level: 3, name: 'Priority' }).waitFor();
      await tabTo(page, wizard.getByRole('spinbutton', { name: 'Priority' }));
      await page.keyboard.press('ArrowUp');
      await expect(wizard.getByRole('spinbutton', { name: 'Priority' }).inputValue()).resolves.toBe('101');
      await page.keyboard.press('Enter');
      await wizard.getByRole('heading', { level: 3, name: 'Approximation search' }).waitFor();

      // The step list is one tab stop; arrow keys move between the steps reached so far, Enter opens one.
      await tabTo(page, wizard.getByRole('tab', { name: /6\. Approximation search/ }));
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await wizard.getByRole('heading', { level: 3, name: 'Priority' }).waitFor();
      for (const following of ['Approximation search', 'Overview']) {
        await tabTo(page, wizard.getByRole('button', { name: 'Next' }));
        await page.keyboard.press('Enter');
        await wizard.getByRole('heading', { level: 3, name: following }).waitFor();
      }
      const overview = await wizard.innerText();
      expect(overview).toContain(`Existing app ${app.appId} in tenant ${stack.emulator.tenantId}`);
      expect(overview).toMatch(/Priority\s+101/);
      await tabTo(page, wizard.getByRole('button', { name: 'Save data source' }));
      await page.keyboard.press('Enter');
      await page.getByText('Keyboard contacts was added; its first sync has started.').waitFor();
      await sourceRow(page, 'Keyboard contacts').getByText('Up to date').waitFor({ timeout: 60_000 });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps a replaced app that Entra refuses to delete, and says so with a link to it', async () => {
    const name = 'Lapsed role contacts';
    const graphToken = (await api.post<DemoGraphTokenResponse>('/api/demo/graph-token')).body.accessToken;
    const first = (await api.post<GeneratedApp>('/api/app-registrations', { tenantId: stack.emulator.tenantId, graphToken })).body;
    const created = await api.post('/api/datasources', { id: 'lapsed-role-contacts', name, tenantId: stack.emulator.tenantId, credentialId: first.credentialId, enabled: false });
    expect(created.status).toBe(201);
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {
      await sourceRow(page, name).getByRole('button', { name: `Actions for ${name}` }).click();
      await page.getByRole('menuitem', { name: 'Edit…' }).click();
      const wizard = wizardOf(page);
      await wizard.getByRole('tab', { name: /2\. Microsoft 365/ }).click();
      await wizard.getByRole('button', { name: 'Generate new app' }).click();
      const confirm = page.getByRole('dialog', { name: `Replace the app ${first.clientId}?` });
      await expect(confirm.innerText()).resolves.toContain('Switchboard then deletes the current app from Entra');
      await confirm.getByRole('button', { name: 'Generate new app' }).click();
      await wizard.getByRole('heading', { name: `App Switchboard: ${name}` }).waitFor({ timeout: 60_000 });

      // Ada's Global Administrator role lapses (as a PIM activation does) before she saves.
      stack.emulator.directory.revokeDirectoryRole(ADMIN.username, 'Global Administrator');
      try {
        await wizard.getByRole('tab', { name: /7\. Overview/ }).click();
        await wizard.getByRole('button', { name: 'Save changes' }).click();
        const warning = page.getByRole('group', { name: `The replaced app ${first.clientId} is still in Entra` });
        await warning.waitFor();
        await expect(warning.innerText()).resolves.toMatch(/Entra refused to delete the application: your account needs/);
        await expect(warning.getByRole('link', { name: 'Open the app in the Entra admin center' }).getAttribute('href')).resolves.toBe(entraAppPortalUrl(first.clientId));
        await page.getByText(`${name} was saved.`).waitFor();
        await screenshot(page, 'wizard-replaced-app-kept');
      } finally {
        stack.emulator.directory.assignDirectoryRole(ADMIN.username, 'Global Administrator');
      }
      // The save stands: the source has its new app, and the old one is still in Entra.
      const saved = (await api.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.name === name);
      expect(saved?.clientId).not.toBe(first.clientId);
      expect(inEntra(first.clientId)).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('tells an administrator without an Entra directory role why the app cannot be generated', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, HELPDESK.displayName);
    try {
      await page.getByRole('button', { name: 'Add data source' }).click();
      const wizard = wizardOf(page);
      await wizard.getByRole('textbox', { name: 'Name' }).fill('Helpdesk contacts');
      await next(page, 'Microsoft 365');
      await wizard.getByRole('button', { name: 'Generate app' }).click();
      await wizard.getByText('Entra refused to create the app').waitFor();
      // The API's sentence names the roles the account lacks.
      await wizard.getByText(/your account needs the Application Administrator/).waitFor();
      await captureStep(page, '2-microsoft-365-refused');

      // Leaving a started source asks first.
      await wizard.getByRole('button', { name: 'Cancel' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.getByRole('button', { name: 'Keep editing' }).click();
      await leave.waitFor({ state: 'detached' });
      await wizard.getByRole('heading', { level: 3, name: 'Microsoft 365' }).waitFor();
      await wizard.getByRole('button', { name: 'Cancel' }).click();
      await leave.getByRole('button', { name: 'Leave' }).click();
      await page.getByRole('button', { name: 'Add data source' }).waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});

/**
 * The sentences the API words (access checks, sync errors, refusals) reach a German administrator
 * in German: the web words them by their codes. Step 2 of a saved source generates a new app,
 * after REMOVE APP or in place of the current one (confirmed), and the source syncs with it.
 */
describe('data source wizard in German', () => {
  const NAME = 'Kontakte Hamburg';

  async function editMicrosoft365(page: Page): Promise<Locator> {
    await sourceRow(page, NAME, 'de-DE').getByRole('button', { name: `Aktionen für ${NAME}` }).click();
    await page.getByRole('menuitem', { name: 'Bearbeiten…' }).click();
    const wizard = wizardOf(page, 'de-DE');
    await wizard.getByRole('tab', { name: /2\. Microsoft 365/ }).click();
    await wizard.getByRole('heading', { level: 3, name: 'Microsoft 365' }).waitFor();
    return wizard;
  }

  async function saveChanges(wizard: Locator): Promise<void> {
    await wizard.getByRole('tab', { name: /7\. Übersicht/ }).click();
    await wizard.getByRole('button', { name: 'Änderungen speichern' }).click();
    await wizard.waitFor({ state: 'detached' });
  }

  /** Generating waits out Entra's replication several times; the app's card shows when it is done. */
  const generatedApp = (wizard: Locator): Promise<void> => wizard.getByRole('heading', { name: `App Switchboard: ${NAME}` }).waitFor({ timeout: 60_000 });

  it('checks access, fails the sync after REMOVE APP and syncs again with an app generated while editing, all in German', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName, 'de-DE');
    const clientIdOf = async (): Promise<string | undefined> => (await api.get<DataSourceView[]>('/api/datasources')).body.find((s) => s.name === NAME)?.clientId;
    try {
      await page.getByRole('button', { name: 'Datenquelle hinzufügen' }).click();
      const wizard = wizardOf(page, 'de-DE');
      await wizard.getByRole('textbox', { name: 'Name' }).fill(NAME);
      await wizard.getByRole('button', { name: 'Weiter' }).click();
      await wizard.getByRole('button', { name: 'App erzeugen' }).click();
      await generatedApp(wizard);

      // CHECK ACCESS: each result in German, none in the API's English.
      await wizard.getByRole('button', { name: 'Zugriff prüfen' }).click();
      const check = wizard.getByRole('region', { name: 'Zugriffsprüfung' });
      await check.getByText('Alles, was die Synchronisierung braucht, ist vorhanden.').waitFor();
      const results = {
        'Anmeldung als App': 'Entra hat für diese App ein App-Token ausgestellt.',
        'OrgContact.Read.All': 'Die App hat die Berechtigung OrgContact.Read.All.',
        'GroupMember.Read.All': 'Die App hat die Berechtigung GroupMember.Read.All.',
        'Einen E-Mail-Kontakt lesen': 'Ein E-Mail-Kontakt wurde gelesen.',
      };
      for (const [name, sentence] of Object.entries(results)) {
        await expect(check.getByRole('listitem').filter({ hasText: name }).innerText()).resolves.toContain(sentence);
      }
      await expect(check.innerText()).resolves.not.toMatch(/Entra issued|The app holds|was read/);
      await screenshot(page, 'wizard-de-check-access');
      for (const step of ['Rufnummernumwandlung', 'Berechtigung', 'Priorität', 'Näherungssuche', 'Übersicht']) {
        await wizard.getByRole('button', { name: 'Weiter' }).click();
        await wizard.getByRole('heading', { level: 3, name: step }).waitFor();
      }
      await wizard.getByRole('button', { name: 'Datenquelle speichern' }).click();
      const row = sourceRow(page, NAME, 'de-DE');
      await row.getByText('Aktuell').waitFor({ timeout: 60_000 });

      // REMOVE APP: the next round fails, and the status tooltip says why in German.
      let editing = await editMicrosoft365(page);
      await editing.getByRole('button', { name: 'App entfernen' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'App entfernen' }).click();
      await editing.getByText('Diese Datenquelle hat keine App').waitFor();
      await editing.getByRole('button', { name: 'Abbrechen' }).click();
      await row.getByText('Keine App').waitFor();
      await row.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
      await row.getByText('Fehler', { exact: true }).waitFor({ timeout: 30_000 });
      const failed = await statusTooltip(page, NAME, /Ihre App wurde entfernt/, 'de-DE');
      expect(failed).toMatch(/Letzter Fehler\s+Die Datenquelle hat keine App-Zugangsdaten: Ihre App wurde entfernt\./);
      expect(failed).not.toMatch(/app was removed/);
      await screenshot(page, 'wizard-de-removed-app-sync-failed');

      // GENERATE APP while editing: no app to replace, so no question; saved, the source syncs again.
      editing = await editMicrosoft365(page);
      await editing.getByRole('button', { name: 'App erzeugen' }).click();
      await generatedApp(editing);
      await saveChanges(editing);
      await row.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
      await row.getByText('Aktuell').waitFor({ timeout: 60_000 });
      await expect(statusTooltip(page, NAME, /Letzter Fehler/, 'de-DE')).resolves.toMatch(/Letzter Fehler\s+Keine/);

      // With an app in place, generating another asks first; the new one takes its place when saved, and the old one leaves Entra.
      const replaced = await clientIdOf();
      if (replaced === undefined) throw new Error(`${NAME} was not saved`);
      editing = await editMicrosoft365(page);
      await editing.getByRole('button', { name: 'Neue App erzeugen' }).click();
      const confirm = page.getByRole('dialog', { name: `App ${replaced} ersetzen?` });
      await expect(confirm.innerText()).resolves.toContain('Switchboard löscht die bisherige App dann aus Entra');
      await confirm.getByRole('button', { name: 'Neue App erzeugen' }).click();
      await generatedApp(editing);
      await editing.getByRole('button', { name: 'Zugriff prüfen' }).click();
      await editing.getByRole('region', { name: 'Zugriffsprüfung' }).getByText('Alles, was die Synchronisierung braucht, ist vorhanden.').waitFor();
      await saveChanges(editing);
      await page.getByText(`Die ersetzte App ${replaced} wurde aus Entra gelöscht.`).waitFor();
      const replacement = await clientIdOf();
      expect(replacement).not.toBe(replaced);
      expect(inEntra(replaced)).toBe(false);
      expect(replacement !== undefined && inEntra(replacement)).toBe(true);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('tells a German administrator without an Entra directory role, in German, why the app cannot be generated', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, HELPDESK.displayName, 'de-DE');
    try {
      await page.getByRole('button', { name: 'Datenquelle hinzufügen' }).click();
      const wizard = wizardOf(page, 'de-DE');
      await wizard.getByRole('textbox', { name: 'Name' }).fill('Helpdesk-Kontakte');
      await wizard.getByRole('button', { name: 'Weiter' }).click();
      await wizard.getByRole('button', { name: 'App erzeugen' }).click();
      await wizard.getByText('Entra hat das Erzeugen der App abgelehnt').waitFor();
      await wizard.getByText(/Entra hat es abgelehnt, die Anwendung anzulegen: Ihr Konto braucht die Rolle Anwendungsadministrator/).waitFor();
      await expect(wizard.innerText()).resolves.not.toMatch(/Entra refused|your account needs/);
      await screenshot(page, 'wizard-de-refused');
    } finally {
      await context.close();
    }
  }, 60_000);
});
