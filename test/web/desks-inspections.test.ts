import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { establish } from '../registration/helpers.js';
import {
  elderOn,
  horizontalOverflow,
  htmlLang,
  launchBrowser,
  newContext,
  screenshot,
  seriousViolations,
  VARIANTS,
  type Variant,
} from './support/browser.js';
import { text } from './support/catalogue.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 15, random inspections in the browser: a market-regulation official draws a sample twice
// with the same seed and gets the same enterprises, with the seed shown and the draw reproducible.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  app = await TestApp.start();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedInPage(context: BrowserContext, variant: Variant, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  if (variant.elder) await page.getByRole('switch').click();
  await expect.poll(() => htmlLang(page)).toBe(variant.language);
  await expect.poll(() => elderOn(page)).toBe(variant.elder);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

const DAYS: Record<string, string> = { en: '2026-11-09', zh: '2026-11-10', 'zh-elder': '2026-11-11' };

describe.each(VARIANTS)('random inspections on the desk ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it('draws the same sample twice from the same seed', { timeout: 180_000 }, async () => {
    const day = DAYS[variant.name]!;
    app.clock.set(`${day}T10:00:00+08:00`);
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    for (let i = 0; i < 5; i++) await establish(app, applicant, official);
    const context = await newContext(browser, app.url);
    try {
      const page = await signedInPage(context, variant, official);
      await page.goto('/desk');
      await page.getByRole('link', { name: t('inspections.title') }).click();
      await page.getByRole('heading', { level: 1, name: t('inspections.title') }).waitFor();
      const seed = `QD-${variant.name}-2026`;
      const drawOnce = async () => {
        await page.locator('input[name="confirmedFrom"]').fill(day);
        await page.locator('input[name="confirmedTo"]').fill(day);
        await page.locator('input[name="sampleSize"]').fill('3');
        await page.locator('input[name="inspectorsPerEnterprise"]').fill('1');
        await page.locator('input[name="seed"]').fill(seed);
        await page.getByRole('button', { name: t('inspections.draw'), exact: true }).click();
      };
      const samples = page.locator(`[data-testid="inspection-sample"][data-seed="${seed}"]`);
      await drawOnce();
      await expect.poll(() => samples.count(), { timeout: 15_000 }).toBe(1);
      await drawOnce();
      await expect.poll(() => samples.count(), { timeout: 15_000 }).toBe(2);
      const drawn = async (index: number) =>
        samples
          .nth(index)
          .locator('[data-testid="sample-enterprise"]')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-enterprise')));
      const first = await drawn(0);
      expect(first).toHaveLength(3);
      expect(await drawn(1)).toEqual(first);
      await samples.first().getByText(t('inspections.reproducible')).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, variant.name, 'inspections-01-same-seed');
      await page.setViewportSize({ width: 375, height: 800 });
      await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
