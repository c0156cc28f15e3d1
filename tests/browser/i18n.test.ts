/**
 * The tab and the side panel in German: the language follows the browser (a de-DE browser), or
 * Outlook's display language over an English browser; numbers are grouped the German way; the
 * wizard validates in German and passes axe in light and dark, and names the fields the API refused
 * by their German labels. Screenshots under test-results.
 * Needs `npm run build:web` and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { OfficeApi } from '../../web/src/host/office.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { seriousViolations } from '../support/accessibility.ts';
import { documentLanguage, launchBrowser, openSignedIn, screenshot, sourceRow, UI_TIMEOUT_MS } from '../support/browser.ts';

const ADMIN = 'Ada Admin';
const CONTACTS = 1200;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ contacts: CONTACTS });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `${name}-${scheme}`);
    expect(await seriousViolations(page), `${name} in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Runs in the page before its scripts: Outlook with no message selected, in German. */
function installGermanOutlook(): void {
  const office: OfficeApi = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    HostType: { Outlook: 'Outlook' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    context: { mailbox: { item: null, addHandlerAsync: () => undefined }, displayLanguage: 'de-DE' },
  };
  Object.assign(globalThis, { Office: office });
}

describe('German', () => {
  it('shows the tab in German when the browser is German, with German number formats and a German wizard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'de-DE' });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    try {
      await page.goto(stack.webUrl);
      await page.getByRole('button', { name: `Als ${ADMIN} anmelden` }).click();
      await page.getByRole('banner').getByText(ADMIN).waitFor();
      await expect(documentLanguage(page)).resolves.toBe('de');
      await page.getByRole('button', { name: 'Abmelden' }).waitFor();
      await page.getByRole('heading', { name: 'Personen' }).waitFor();

      const row = sourceRow(page, 'Contoso mail contacts', 'de-DE');
      await row.getByText('1.200 Kontakte').waitFor();
      await row.getByText('Aktuell').waitFor();
      await row.getByRole('button', { name: 'Synchronisierungsstatus von Contoso mail contacts' }).hover();
      const tooltip = await page.getByRole('tooltip').innerText();
      expect(tooltip).toMatch(/Letzter Erfolg\s+(vor \d+ (Sekunden?|Minuten?)|jetzt)/);
      expect(tooltip).toMatch(/Zeitplan\s+alle 15 Min/);
      await screenshot(page, 'i18n-de-tab');

      await page.getByRole('button', { name: 'Datenquelle hinzufügen' }).click();
      const wizard = page.getByRole('main', { name: 'Datenquelle hinzufügen' });
      await wizard.getByRole('heading', { level: 3, name: 'Grundeinstellungen' }).waitFor();
      await wizard.getByRole('button', { name: 'Weiter' }).click();
      await wizard.getByText('Geben Sie einen Namen mit bis zu 120 Zeichen ein.').waitFor();
      await wizard.getByRole('textbox', { name: 'Name' }).fill('Kontakte München');
      await expect(wizard.getByRole('textbox', { name: 'Eindeutige Kennung' }).inputValue()).resolves.toBe('kontakte-munchen');
      await expect(wizard.getByRole('group', { name: 'An diesen Tagen' }).innerText()).resolves.toMatch(/^An diesen Tagen\s+Mo\.?\s+Di\.?/);
      await expectNoSeriousViolations(page, 'i18n-de-wizard-basics');

      for (const title of ['Microsoft 365', 'Rufnummernumwandlung', 'Berechtigung', 'Priorität', 'Näherungssuche', 'Übersicht']) {
        await expect(wizard.getByRole('tab', { name: new RegExp(title) }).count()).resolves.toBe(1);
      }
      await wizard.getByRole('button', { name: 'Weiter' }).click();
      await wizard.getByRole('heading', { level: 3, name: 'Microsoft 365' }).waitFor();
      await wizard.getByRole('button', { name: 'Weiter' }).click();
      await wizard.getByText('Erzeugen Sie die App, oder wählen Sie „Vorhandene App verwenden“').waitFor();
      await expectNoSeriousViolations(page, 'i18n-de-wizard-microsoft-365');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('names the fields the API refused by their German labels, not by their paths', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN, 'de-DE');
    try {
      // Values the wizard itself would not send (as from an older build with looser checks): the API's own validation refuses them.
      await page.route(`**/api/datasources/${stack.sourceId}`, async (route) => {
        const body = route.request().postDataJSON() as { dialling: Record<string, unknown> };
        const postData = JSON.stringify({ ...body, dialling: { ...body.dialling, areaCode: 'null-acht-neun' }, access: { mode: 'groups', groups: [{ id: 'no id!' }] } });
        await route.continue({ postData });
      });
      const row = sourceRow(page, 'Contoso mail contacts', 'de-DE');
      await row.getByRole('button', { name: 'Aktionen für Contoso mail contacts' }).click();
      await page.getByRole('menuitem', { name: 'Bearbeiten…' }).click();
      const wizard = page.getByRole('main', { name: /bearbeiten$/ });
      await wizard.getByRole('tab', { name: /7\. Übersicht/ }).click();
      await wizard.getByRole('button', { name: 'Änderungen speichern' }).click();
      const refusal = wizard.getByRole('group', { name: 'Bitte Eingaben prüfen' });
      await refusal.waitFor();
      const sentence = await refusal.innerText();
      expect(sentence).toMatch(/Switchboard hat diese Angaben nicht angenommen: (Ortsvorwahl, Gruppen|Gruppen, Ortsvorwahl)\./);
      expect(sentence).not.toMatch(/dialling|access|areaCode/);
      await screenshot(page, 'i18n-de-wizard-refused-fields');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('follows Outlook’s display language in the side panel, over an English browser', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'light', locale: 'en-US' });
    await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await context.addInitScript(installGermanOutlook);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    try {
      await page.goto(`${stack.webUrl}/taskpane.html`);
      await page.getByRole('button', { name: `Als ${ADMIN} anmelden` }).click();
      await page.getByRole('region', { name: 'Absender' }).getByText('Wählen Sie eine Nachricht aus, um zu sehen, wer sie gesendet hat.').waitFor();
      await page.getByRole('textbox', { name: 'Telefonnummer oder E-Mail-Adresse' }).fill('+49 89 12340-999');
      await page.getByRole('button', { name: 'Nachschlagen', exact: true }).click();
      await page.getByRole('region', { name: 'Nummer nachschlagen' }).getByText(/Kein Kontakt mit dieser Nummer|gefunden|Durchwahl/).first().waitFor();
      await expectNoSeriousViolations(page, 'i18n-de-side-panel');
    } finally {
      await context.close();
    }
  }, 60_000);
});
