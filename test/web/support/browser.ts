import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts/web');

/** Debian's Chromium, headless, with the flags that keep it from hanging on a closed network. */
export async function launchBrowser(): Promise<Browser> {
  // Playwright gives each launch a new temporary profile (its own --user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Variant {
  /** Folder for the screenshots and part of each test's name. */
  name: string;
  language: 'en' | 'zh-CN';
  elder: boolean;
}

export const VARIANTS: Variant[] = [
  { name: 'en', language: 'en', elder: false },
  { name: 'zh', language: 'zh-CN', elder: false },
  { name: 'zh-elder', language: 'zh-CN', elder: true },
];

export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  return context;
}

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules) and returns the serious and critical
 * violations; `exclude` leaves out third-party widgets the project does not control.
 */
export async function seriousViolations(page: Page, exclude: string[] = []): Promise<AxeViolationSummary[]> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

export async function screenshot(page: Page, variant: string, step: string): Promise<void> {
  const folder = join(ARTIFACTS, variant);
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${step}.png`), fullPage: true });
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

export async function elderOn(page: Page): Promise<boolean> {
  return ((await page.locator('html').getAttribute('class')) ?? '').split(/\s+/).includes('elder');
}

/** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}
