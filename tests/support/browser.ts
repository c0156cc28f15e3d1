import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core downloads no browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts a headless Chromium; close it with `browser.close()`. */
export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** Saves a full-page screenshot to `test-results/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // Finished animations, so a dialog is not caught half faded in.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** `text` as a regular expression that matches it literally, e.g. a phone number with `+` and parentheses inside a link name. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How long a test waits for the page to show something before it fails. */
export const UI_TIMEOUT_MS = 15_000;

/** The demo sign-in button of a user, in the languages the page speaks. */
const SIGN_IN_LABELS = {
  'en-US': (displayName: string) => `Sign in as ${displayName}`,
  'de-DE': (displayName: string) => `Als ${displayName} anmelden`,
};

/** A fresh browser context on the web app (in the browser language `locale`), signed in as a demo user and showing their name. */
export async function openSignedIn(
  browser: Browser,
  webUrl: string,
  displayName: string,
  locale: keyof typeof SIGN_IN_LABELS = 'en-US',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(webUrl);
  await page.getByRole('button', { name: SIGN_IN_LABELS[locale](displayName) }).click();
  await page.getByRole('banner').getByText(displayName).waitFor();
  return { context, page };
}

/** The words of the data source list, in the languages the page speaks. */
const DATA_SOURCE_WORDS: Record<keyof typeof SIGN_IN_LABELS, { sources: string; statusOf: (name: string) => string }> = {
  'en-US': { sources: 'Data sources', statusOf: (name) => `Sync status of ${name}` },
  'de-DE': { sources: 'Datenquellen', statusOf: (name) => `Synchronisierungsstatus von ${name}` },
};

/** The row of a data source in the administrator's list, on a page in `locale`. */
export function sourceRow(page: Page, name: string, locale: keyof typeof SIGN_IN_LABELS = 'en-US'): Locator {
  return page.getByRole('list', { name: DATA_SOURCE_WORDS[locale].sources }).getByRole('listitem', { name });
}

/** Hovers the row's info icon and returns the status tooltip's text once it says `expected`. */
export async function statusTooltip(page: Page, name: string, expected: RegExp, locale: keyof typeof SIGN_IN_LABELS = 'en-US'): Promise<string> {
  await sourceRow(page, name, locale).getByRole('button', { name: DATA_SOURCE_WORDS[locale].statusOf(name) }).hover();
  const tooltip = page.getByRole('tooltip');
  await tooltip.getByText(expected).waitFor();
  return tooltip.innerText();
}

/**
 * An ID token shaped like Entra's but unsigned, for hosts and authorities the tests stand in for:
 * MSAL reads an ID token's claims and leaves its signature to servers.
 */
export function unsignedIdToken(claims: Record<string, unknown>): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** The browser globals the page callbacks below use: tests are type-checked without the DOM library. */
interface PageGlobals {
  document: { activeElement: unknown; documentElement: { lang: string }; querySelector(selector: string): unknown };
  getComputedStyle(element: unknown): { getPropertyValue(name: string): string };
}

/** Whether `locator`'s element has the keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (globalThis as unknown as PageGlobals).document.activeElement);
}

/** The page's language (`<html lang>`), as the app set it. */
export function documentLanguage(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang);
}

/** Waits until Fluent's theme on the page paints its main background in `color` (after a theme switch). */
export async function waitForBackground(page: Page, color: string): Promise<void> {
  await page.waitForFunction((expected) => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    const provider = document.querySelector('.fui-FluentProvider');
    return provider !== null && getComputedStyle(provider).getPropertyValue('--colorNeutralBackground1').trim().toLowerCase() === expected;
  }, color);
}
