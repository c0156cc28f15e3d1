// Renders the Switchboard app icons from their SVG sources (appPackage/icons-src/*.svg) to the
// PNGs the app package and the Outlook ribbon use. Run after editing an SVG:
//   node --import tsx scripts/render-icons.ts
// Rendering goes through headless Chromium (playwright-core) at device scale 1 with a transparent
// page, so the output depends only on the SVG and the Chromium build.
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appPackage = path.join(root, 'appPackage');

interface IconJob {
  source: string; // file in appPackage/icons-src
  size: number; // square, in pixels
  output: string; // path relative to appPackage/; ribbon icons are fetched by Outlook from the web app
}

const ICON_JOBS: readonly IconJob[] = [
  { source: 'color.svg', size: 192, output: 'color.png' },
  { source: 'outline.svg', size: 32, output: 'outline.png' },
  { source: 'ribbon-16.svg', size: 16, output: '../web/public/icons/ribbon-16.png' },
  { source: 'ribbon.svg', size: 32, output: '../web/public/icons/ribbon-32.png' },
  { source: 'ribbon.svg', size: 80, output: '../web/public/icons/ribbon-80.png' },
];

function page(svg: string, size: number): string {
  // The SVG is scaled to the target size by its viewBox; width/height on the root are replaced.
  const sized = svg.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${rest} width="${size}" height="${size}">`;
  });
  return `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 256, height: 256 } });
    const tab = await context.newPage();
    for (const job of ICON_JOBS) {
      const svg = await readFile(path.join(appPackage, 'icons-src', job.source), 'utf8');
      await tab.setContent(page(svg, job.size));
      const out = path.join(appPackage, job.output);
      await mkdir(path.dirname(out), { recursive: true });
      await tab.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: job.size, height: job.size } });
      console.log(`${job.source} -> ${path.relative(process.cwd(), out)} (${job.size}x${job.size})`);
    }
  } finally {
    await browser.close();
  }
}

await main();
