/**
 * The web app in a real browser against the whole stack (tenant emulator, API serving
 * web/dist, demo sign-in). Needs `npm run build:web` first and Chromium at /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Contact, DataSourceView, SearchResponse } from '../../contracts/index.ts';
import { escapeRegExp, launchBrowser, openSignedIn, screenshot } from '../support/browser.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { shownName } from '../support/contact-names.ts';

const USER = { username: 'user@contoso.example', displayName: 'Uli User' };
const ADMIN = { username: 'admin@contoso.example', displayName: 'Ada Admin' };

let stack: Stack;
let browser: Browser;
let token: string;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  token = await stack.signIn(USER.username);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** A real contact with a surname, and the search answer for that surname. */
async function pickContact(): Promise<{ surname: string; contact: Contact }> {
  for (const probe of ['a', 'e', 'i', 'o', 'n']) {
    const found = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(probe)}&limit=50`);
    const candidate = found.hits.find((hit) => (hit.contact.surname ?? '').length >= 3 && hit.contact.displayName !== null);
    const surname = candidate?.contact.surname;
    if (surname === undefined || surname === null) continue;
    const bySurname = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(surname)}`);
    const hit = bySurname.hits.find((h) => h.contact.surname === surname);
    if (hit !== undefined) return { surname, contact: hit.contact };
  }
  throw new Error('no contact with a surname found through the API');
}

describe('web app', () => {
  it('finds a contact by surname as the user types', async () => {
    const { surname, contact } = await pickContact();
    const name = shownName(contact);
    const { context, page } = await openSignedIn(browser, stack.webUrl, USER.displayName);
    try {
      await expect(page.getByRole('heading', { level: 1, name: 'Switchboard' }).isVisible()).resolves.toBe(true);

      await page.getByRole('searchbox', { name: /search people/i }).pressSequentially(surname, { delay: 30 });
      const results = page.getByRole('list', { name: `Results for ${surname}` });
      const card = results.getByRole('group', { name }).first();
      await card.waitFor();

      const status = await page.getByRole('status').filter({ hasText: surname }).innerText();
      expect(status).toMatch(/\d+ (person|people) found|Best \d+ matches/);
      if (contact.mail !== null) {
        await expect(card.getByRole('link', { name: contact.mail }).getAttribute('href')).resolves.toBe(
          `mailto:${contact.mail}`,
        );
      }
      const phone = contact.phones[0];
      if (phone !== undefined) {
        // Numbers show in the source's display format and dial their E.164 form.
        const link = card.getByRole('link', { name: new RegExp(escapeRegExp(phone.display)) });
        await expect(link.first().getAttribute('href')).resolves.toMatch(phone.e164 ? new RegExp(`^tel:\\${phone.e164}`) : /^tel:/);
      }
      await screenshot(page, 'search-results');
    } finally {
      await context.close();
    }
  });

  it('highlights what matched and says why: a typing error, a name that sounds alike', async () => {
    const typo = (await api<SearchResponse>('/api/search?q=Shcmidt&limit=25')).hits[0];
    expect(typo?.matches[0]).toMatchObject({ kind: 'typo', text: 'Schmidt' });
    if (typo === undefined) return;
    const { context, page } = await openSignedIn(browser, stack.webUrl, USER.displayName);
    try {
      const box = page.getByRole('searchbox', { name: /search people/i });
      await box.pressSequentially('Shcmidt', { delay: 30 });
      const card = page.getByRole('list', { name: 'Results for Shcmidt' }).getByRole('group', { name: shownName(typo.contact) }).first();
      await card.getByText('Typo in “Shcmidt”').waitFor();
      await expect(card.locator('mark').first().innerText()).resolves.toBe('Schmidt');

      await box.fill('');
      await box.pressSequentially('Meyr', { delay: 30 });
      const results = page.getByRole('list', { name: 'Results for Meyr' });
      await results.getByText('Sounds like “Meyr”').first().waitFor();
      await screenshot(page, 'search-why');
    } finally {
      await context.close();
    }
  });

  it('lists the demo data source with its sync status; only admins can start a sync', async () => {
    const sources = await api<DataSourceView[]>('/api/datasources');
    const source = sources[0];
    expect(source, 'the stack has a data source').toBeDefined();
    if (source === undefined) return;

    const user = await openSignedIn(browser, stack.webUrl, USER.displayName);
    try {
      const list = user.page.getByRole('list', { name: 'Data sources' });
      const row = list.getByRole('listitem', { name: source.name });
      await row.waitFor();
      await row.getByRole('button', { name: `Sync status of ${source.name}` }).hover();
      const tooltip = user.page.getByRole('tooltip');
      await tooltip.getByText('Last success').waitFor();
      const text = await tooltip.innerText();
      expect(text).toContain('Phase');
      expect(text).toContain('Next run');
      expect(await row.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
      await screenshot(user.page, 'data-source-status');
    } finally {
      await user.context.close();
    }

    const admin = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {
      const row = admin.page.getByRole('list', { name: 'Data sources' }).getByRole('listitem', { name: source.name });
      await row.getByRole('button', { name: 'Sync now' }).waitFor();
    } finally {
      await admin.context.close();
    }
  });
});
