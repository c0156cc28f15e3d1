/**
 * Outlook's side panel (web/dist/taskpane.html) in a real browser against the whole stack, with
 * Office.js replaced by a stub of the part the panel uses: the selected message's sender, and the
 * ItemChanged event a pinned pane receives. Needs `npm run build:web` and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Contact, ContactsByMailResponse, ContactPhone, LookupResponse, SearchResponse } from '../../contracts/index.ts';
import type { OfficeApi, OfficeEmailAddress, OfficeMessage } from '../../web/src/host/office.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { apiClient } from '../support/api-client.ts';
import { escapeRegExp, launchBrowser, screenshot, UI_TIMEOUT_MS } from '../support/browser.ts';
import { shownName } from '../support/contact-names.ts';

const USER = { username: 'user@contoso.example', displayName: 'Uli User' };
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let stack: Stack;
let browser: Browser;
let api: ReturnType<typeof apiClient>;
/** Two contacts with a mail address of their own and a dialable number. */
let first: Contact;
let second: Contact;

beforeAll(async () => {
  stack = await startStack({ contacts: 800 });
  browser = await launchBrowser();
  api = apiClient(stack, await stack.signIn(USER.username));
  const [a, b] = await callableContacts(2);
  if (a === undefined || b === undefined) throw new Error('not enough contacts');
  [first, second] = [a, b];
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const dialable = (contact: Contact): ContactPhone | undefined => contact.phones.find((p) => p.e164 !== null && p.type !== 'businessFax');

async function callableContacts(count: number): Promise<Contact[]> {
  const found = new Map<string, Contact>();
  for (const probe of ['a', 'e', 'i', 'o', 'n', 'r']) {
    const { body } = await api.get<SearchResponse>(`/api/search?q=${probe}&limit=100`);
    for (const { contact } of body.hits) {
      // People with a job title and a company show everything the card has.
      if (contact.mail === null || contact.displayName === null || !contact.jobTitle || !contact.companyName) continue;
      if (dialable(contact) === undefined) continue;
      const byMail = await api.get<ContactsByMailResponse>(`/api/contacts/by-email?address=${encodeURIComponent(contact.mail)}`);
      if (byMail.body.contacts.length === 1) found.set(contact.id, contact);
      if (found.size === count) return [...found.values()];
    }
  }
  throw new Error(`fewer than ${String(count)} contacts with a unique mail address and a dialable number`);
}

const senderOf = (contact: Contact): OfficeEmailAddress => ({
  // Outlook may present the address in another case than the directory holds it.
  emailAddress: (contact.mail ?? '').toUpperCase(),
  displayName: contact.displayName ?? '',
});

/**
 * Runs in the page before its scripts: the Office.js the panel sees, with a hook the test calls to
 * select another message (what Outlook does to a pinned pane).
 */
function installOfficeStub(from: OfficeEmailAddress | null): void {
  const handlers: Array<() => void> = [];
  const message = (sender: OfficeEmailAddress | null): OfficeMessage | null => (sender === null ? null : { from: sender });
  const mailbox: NonNullable<OfficeApi['context']['mailbox']> = {
    item: message(from),
    addHandlerAsync(eventType, handler, callback) {
      if (eventType === 'olkItemSelectedChanged') handlers.push(handler);
      callback?.({ status: 'succeeded' });
    },
  };
  const office: OfficeApi = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    HostType: { Outlook: 'Outlook' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    context: { mailbox },
  };
  const selectMessage = (sender: OfficeEmailAddress | null): void => {
    mailbox.item = message(sender);
    for (const handler of handlers) handler();
  };
  Object.assign(globalThis, { Office: office, selectMessage });
}

/** What Outlook does to a pinned pane when the user selects another message (or none). */
function selectMessage(page: Page, sender: OfficeEmailAddress | null): Promise<void> {
  return page.evaluate((from) => {
    (globalThis as unknown as { selectMessage(s: OfficeEmailAddress | null): void }).selectMessage(from);
  }, sender);
}

async function openSidePanel(sender: OfficeEmailAddress | null): Promise<{ context: BrowserContext; page: Page }> {
  // Outlook's reading-pane side panel is about this narrow.
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, colorScheme: 'light', locale: 'en-US' });
  // The CDN is not reachable from tests, and the stub must not be replaced by the real library.
  await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await context.addInitScript(installOfficeStub, sender);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(`${stack.webUrl}/taskpane.html`);
  await page.getByRole('button', { name: `Sign in as ${USER.displayName}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Switchboard' }).waitFor();
  return { context, page };
}

const senderSection = (page: Page) => page.getByRole('region', { name: 'Sender' });

async function expectContactCard(page: Page, contact: Contact): Promise<void> {
  const card = senderSection(page).getByRole('group', { name: contact.displayName ?? '' });
  await card.waitFor();
  for (const line of [contact.jobTitle ?? '', contact.companyName ?? '']) {
    await expect(card.getByText(line, { exact: false }).first().isVisible()).resolves.toBe(true);
  }
  const phone = dialable(contact);
  if (phone === undefined || phone.e164 === null) throw new Error('contact has no dialable number');
  const escaped = escapeRegExp(phone.display);
  await expect(card.getByRole('link', { name: new RegExp(`^\\w+ ${escaped}$`) }).first().getAttribute('href')).resolves.toMatch(
    new RegExp(`^tel:\\${phone.e164}`),
  );
  await expect(card.getByRole('link', { name: new RegExp(`^Call .*${escaped} in Teams$`) }).first().getAttribute('href')).resolves.toBe(
    `https://teams.microsoft.com/l/call/0/0?users=4:${phone.e164}`,
  );
}

describe('the API behind the side panel', () => {
  it('finds contacts by mail address regardless of case, and answers an unknown one with an empty list', async () => {
    const upper = await api.get<ContactsByMailResponse>(`/api/contacts/by-email?address=${encodeURIComponent(senderOf(first).emailAddress)}`);
    expect(upper.status).toBe(200);
    expect(upper.body.contacts.map((c) => c.id)).toEqual([first.id]);
    const unknown = await api.get<ContactsByMailResponse>('/api/contacts/by-email?address=nobody%40nowhere.example');
    expect(unknown.body).toEqual({ address: 'nobody@nowhere.example', contacts: [] });
    const invalid = await api.get<{ code: string }>('/api/contacts/by-email?address=not-an-address');
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('validation_failed');
  });
});

describe('Outlook side panel', () => {
  it("shows the sender's directory entry with tel: and Teams call links", async () => {
    const { context, page } = await openSidePanel(senderOf(first));
    try {
      await expectContactCard(page, first);
      await screenshot(page, 'side-panel-known-sender');
    } finally {
      await context.close();
    }
  });

  it('says so when the sender is not in the directory', async () => {
    const { context, page } = await openSidePanel({ emailAddress: 'stranger@elsewhere.example', displayName: 'Sam Stranger' });
    try {
      await senderSection(page).getByText('Not in the directory.').waitFor();
      await expect(senderSection(page).getByText('Sam Stranger (stranger@elsewhere.example)', { exact: false }).isVisible()).resolves.toBe(true);
      await screenshot(page, 'side-panel-unknown-sender');
    } finally {
      await context.close();
    }
  });

  it('follows the selected message when pinned (ItemChanged)', async () => {
    const { context, page } = await openSidePanel(senderOf(first));
    try {
      await expectContactCard(page, first);
      await selectMessage(page, senderOf(second));
      await expectContactCard(page, second);
      await expect(senderSection(page).getByRole('group', { name: first.displayName ?? '' }).count()).resolves.toBe(0);
      await screenshot(page, 'side-panel-item-changed');

      await selectMessage(page, null);
      await senderSection(page).getByText('Select a message to see who sent it.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('looks up a pasted number and keeps it under recent lookups across reloads', async () => {
    const number = dialable(second)?.e164 ?? '';
    // The API's own answer is the oracle (a colleague may share the number, or it may be the company's).
    const { body: answer } = await api.get<LookupResponse>(`/api/lookup?number=${encodeURIComponent(number)}`);
    const name = answer.match === null ? null : shownName(answer.match.contact);
    if (name === null) throw new Error(`the API finds nobody for ${number}`);
    const { context, page } = await openSidePanel(null);
    try {
      const box = page.getByRole('textbox', { name: 'Phone number or mail address' });
      await box.fill(number);
      await page.getByRole('button', { name: 'Look up', exact: true }).click();
      const lookup = page.getByRole('region', { name: 'Look up a number' });
      await lookup.getByRole('group', { name }).waitFor();

      await box.fill('+49 30 000000000');
      await box.press('Enter');
      await lookup.getByText('No contact for this number.').waitFor();

      const recent = page.getByRole('list', { name: 'Recent lookups' });
      await expect(recent.getByRole('listitem').allInnerTexts()).resolves.toEqual([
        '+49 30 000000000 · no match',
        `${number} · ${name}`,
      ]);
      await screenshot(page, 'side-panel-lookup');

      await page.reload();
      await page.getByRole('button', { name: `Sign in as ${USER.displayName}` }).or(recent).first().waitFor();
      await recent.getByRole('button', { name: `${number} · ${name}` }).click();
      await lookup.getByRole('group', { name }).waitFor();
    } finally {
      await context.close();
    }
  });
});
