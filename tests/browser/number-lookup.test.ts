/**
 * The main screen's "Look up a number" box in a real browser against the whole stack (tenant
 * emulator, API serving web/dist, demo sign-in). Needs `npm run build:web` first and Chromium at
 * /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Contact, ContactPhone, LookupResponse, SearchResponse } from '../../contracts/index.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { escapeRegExp, launchBrowser, openSignedIn, screenshot } from '../support/browser.ts';
import { shownName } from '../support/contact-names.ts';

const USER = { username: 'user@contoso.example', displayName: 'Uli User' };

let stack: Stack;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
/** Contacts with readable German numbers, from a few searches: the stored numbers the tests type in other forms. */
let contacts: Contact[];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  api = apiClient(stack, await stack.signIn(USER.username));
  const seen = new Map<string, Contact>();
  for (const probe of ['a', 'e', 'i', 'o', 'n', 'r']) {
    const { body } = await api.get<SearchResponse>(`/api/search?q=${probe}&limit=50`);
    for (const { contact } of body.hits) seen.set(contact.id, contact);
  }
  contacts = [...seen.values()];
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function lookUp(number: string): Promise<LookupResponse> {
  const { status, body } = await api.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(number)}`);
  expect(status, `GET /api/lookup?number=${number}`).toBe(200);
  return body;
}

const digits = (text: string): string => text.replace(/\D/g, '');
const germanPhones = (contact: Contact): ContactPhone[] => contact.phones.filter((phone) => phone.e164?.startsWith('+49') === true);

/**
 * A stored German number written the other way round: national (0 89 …) when the directory holds
 * it internationally, international (+49 89 …) when it holds it nationally.
 */
function otherFormat(phone: ContactPhone): string {
  const rest = (phone.e164 ?? '').slice('+49'.length);
  return /^\s*(\+|00)/.test(phone.original) ? `0${rest}` : `+49 ${rest}`;
}

/** Types `number` into the tab's lookup box and submits it with Enter, never touching the button. */
async function submitByKeyboard(page: Page, number: string): Promise<Locator> {
  const region = page.getByRole('region', { name: 'Look up a number' });
  const box = region.getByRole('textbox', { name: 'Phone number' });
  await box.focus();
  await box.fill('');
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  return region;
}

describe('number lookup on the main screen', () => {
  it('finds the contact of a number typed in another format than stored, and says which number matched', async () => {
    let found: { contact: Contact; phone: ContactPhone; input: string; answer: LookupResponse } | undefined;
    for (const contact of contacts) {
      for (const phone of germanPhones(contact)) {
        const input = otherFormat(phone);
        // Another format indeed: not the stored text with different spacing.
        if (digits(input) === digits(phone.original)) continue;
        const answer = await lookUp(input);
        if (answer.match?.rule === 'exact' && answer.match.contact.id === contact.id && answer.match.field === phone.type) {
          found = { contact, phone, input, answer };
          break;
        }
      }
      if (found !== undefined) break;
    }
    expect(found, 'a contact with a German number the API finds in its other format').toBeDefined();
    const match = found?.answer.match;
    if (found === undefined || match == null) return;
    const { contact, phone, input } = found;
    const field = { business: 'business', mobile: 'mobile', businessFax: 'fax' }[phone.type];

    const { context, page } = await openSignedIn(browser, stack.webUrl, USER.displayName);
    try {
      const region = await submitByKeyboard(page, input);
      const card = region.getByRole('group', { name: shownName(contact) });
      await card.waitFor();
      await card.getByText(`Matched ${match.number} on the ${field} number.`).waitFor();
      // The card dials the stored number, not what was typed.
      await expect(card.getByRole('link', { name: new RegExp(escapeRegExp(phone.display)) }).first().getAttribute('href')).resolves.toMatch(
        new RegExp(`^tel:\\${phone.e164 ?? ''}`),
      );
      expect(await region.getByText('shown as the company').count()).toBe(0);
      await screenshot(page, 'number-lookup-exact');
    } finally {
      await context.close();
    }
  });

  it('shows an unknown extension of a company number as the company, marked as such', async () => {
    let found: { staff: Contact; input: string; answer: LookupResponse } | undefined;
    for (const staff of contacts) {
      for (const phone of germanPhones(staff)) {
        const { e164, extension } = phone;
        if (e164 === null || extension === null || extension === '' || !e164.endsWith(extension)) continue;
        // The same company number with an extension nobody has (the staff member's own is taken).
        const unknown = extension.replace(/\d/g, (d) => String((Number(d) + 5) % 10));
        const input = `0${e164.slice('+49'.length, -extension.length)}-${unknown}`;
        const answer = await lookUp(input);
        if (answer.match?.rule === 'company' && answer.match.contact.id !== staff.id) {
          found = { staff, input, answer };
          break;
        }
      }
      if (found !== undefined) break;
    }
    expect(found, 'a company extension nobody holds').toBeDefined();
    const match = found?.answer.match;
    if (found === undefined || match == null) return;
    const company = match.contact;

    const { context, page } = await openSignedIn(browser, stack.webUrl, USER.displayName);
    try {
      const region = await submitByKeyboard(page, found.input);
      const card = region.getByRole('group', { name: shownName(company) });
      await card.waitFor();
      await card.getByText(`An extension of ${match.number} that nobody in the directory has: shown as the company.`).waitFor();
      expect(await region.getByText(/^Matched /).count()).toBe(0);
      await screenshot(page, 'number-lookup-company');
    } finally {
      await context.close();
    }
  });

  it('says clearly when the input is no phone number, and keeps what was typed', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, USER.displayName);
    try {
      const region = await submitByKeyboard(page, 'call me maybe');
      await region.getByText('No contact for this number.').waitFor();
      await region.getByText('“call me maybe” could not be read as a phone number.').waitFor();
      expect(await region.getByRole('group').count()).toBe(0);
      await expect(region.getByRole('textbox', { name: 'Phone number' }).inputValue()).resolves.toBe('call me maybe');
    } finally {
      await context.close();
    }
  });
});
