/**
 * Live sync status in a real browser: an administrator starts a full resync, watches the
 * progress bar count up to the total, and reads the last success in the status tooltip; a round
 * Graph fails with server errors reads with their HTTP status in English and German.
 * Needs `npm run build:web` first and Chromium at /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSignedIn, screenshot, sourceRow, statusTooltip } from '../support/browser.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';
import { syncStatus } from '../support/sync-checks.ts';

const ADMIN = { username: 'admin@contoso.example', displayName: 'Ada Admin' };
const CONTACTS = 20_000;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // The first import runs at full speed; the resync under test gets latency, so it lasts a few seconds.
  stack = await startStack({ contacts: CONTACTS, syncConcurrency: 2 });
  stack.emulator.configure({ latency: { minMs: 30, maxMs: 60, perObjectMs: 0.3 } });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('sync status', () => {
  it('shows a full resync as a progress bar, then the last success in the tooltip', async () => {
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {

      const row = sourceRow(page, 'Contoso mail contacts');
      await row.getByRole('button', { name: 'Sync now' }).waitFor();
      await row.getByRole('button', { name: /More sync options/ }).click();
      await page.getByRole('menuitem', { name: /Full resync/ }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.innerText()).resolves.toContain('search keeps working meanwhile');
      await screenshot(page, 'full-resync-confirm');
      await dialog.getByRole('button', { name: 'Start full resync' }).click();

      const progress = row.getByRole('progressbar', { name: 'Import progress of Contoso mail contacts' });
      await progress.waitFor();
      await row.getByText(/Importing [\d,]+ of 20,000/).waitFor();
      await screenshot(page, 'sync-progress');
      const text = await row.getByText(/Importing/).innerText();
      expect(text).toMatch(/^Importing [\d,]+ of 20,000( · [\d,.]+\/s)?( · about .+ left)?$/);

      await progress.waitFor({ state: 'detached', timeout: 30_000 });
      await row.getByRole('button', { name: 'Sync status of Contoso mail contacts' }).hover();
      const tooltip = page.getByRole('tooltip');
      await tooltip.getByText('Last success').waitFor();
      const details = await tooltip.innerText();
      expect(details).toMatch(/Last success\s+(now|\d+ seconds? ago)/);
      expect(details).toMatch(/Last round\s+(Full import|Changes only)/);
      expect(details).toContain('Schedule');
      await screenshot(page, 'sync-status-after-resync');
    } finally {
      await context.close();
    }
  }, 40_000);

  it('shows a throttled import as waiting, and counts the 429s in the tooltip', async () => {
    // A budget of one resource unit per 10 s: the import's second request gets a real 429 whose
    // Retry-After (about 10 s) outlasts a poll interval even on a loaded machine.
    stack.emulator.configure({ latency: null, budget: 1, retryAfter: true });
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {
      const row = sourceRow(page, 'Contoso mail contacts');
      await row.getByRole('button', { name: /More sync options/ }).click();
      await page.getByRole('menuitem', { name: /Full resync/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Start full resync' }).click();

      await row.getByText('Waiting: Microsoft 365 asked to slow down').waitFor({ timeout: 30_000 });
      await screenshot(page, 'sync-throttled-row');
      await row.getByRole('button', { name: 'Sync status of Contoso mail contacts' }).hover();
      const tooltip = page.getByRole('tooltip');
      await tooltip.getByText('Throttled').waitFor();
      const details = await tooltip.innerText();
      expect(details).toMatch(/Phase\s+Waiting for throttling \(running\)/);
      expect(details).toMatch(/Throttled\s+[\d,]+ × 429, waited \d+ sec/);
      await screenshot(page, 'sync-throttled-tooltip');
    } finally {
      stack.emulator.configure({ budget: null });
      await context.close();
    }
  }, 60_000);

  it('words a round that Graph failed with server errors with their HTTP status, in English and in German', async () => {
    const tooltipOf = async (locale: 'en-US' | 'de-DE', expected: RegExp): Promise<string> => {
      const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName, locale);
      try {
        return await statusTooltip(page, 'Contoso mail contacts', expected, locale);
      } finally {
        await context.close();
      }
    };
    const { context, page } = await openSignedIn(browser, stack.webUrl, ADMIN.displayName);
    try {
      const row = sourceRow(page, 'Contoso mail contacts');
      await row.getByText('Up to date').waitFor({ timeout: 60_000 });
      // Every Graph request now fails with 503 or 504, each with a Retry-After of 1-2 s (else the
      // backoff between eight attempts adds up to a minute and a half): the round retries, then gives up.
      stack.emulator.configure({ latency: null, transient: { probability: 1, burst: 1, statuses: [503, 504], retryAfterChance: 1 } });
      await row.getByRole('button', { name: 'Sync now' }).click();
      await row.getByText('Error', { exact: true }).waitFor({ timeout: 150_000 });
    } finally {
      stack.emulator.configure({ transient: null });
      await context.close();
    }
    const status = await syncStatus(stack);
    expect(status.lastErrorCode).toBe('graph_server_error');
    expect([503, 504]).toContain(status.lastErrorStatus);
    const english = await tooltipOf('en-US', /server error/);
    expect(english).toContain(`Microsoft Graph answered with a server error (HTTP ${String(status.lastErrorStatus)})`);
    const german = await tooltipOf('de-DE', /Serverfehler/);
    expect(german).toContain(`Microsoft Graph hat mit einem Serverfehler geantwortet (HTTP ${String(status.lastErrorStatus)})`);
  }, 240_000);
});
