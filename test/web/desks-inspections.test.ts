import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { establish, localId, run } from '../registration/helpers.js';
import { DRAW, FINDING } from '../supervision/helpers.js';
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
// with the same seed and gets the same enterprises, with the seed shown and the draw reproducible;
// the enterprise opens a notice of intended revocation from its inbox and answers it, and the
// official sees the answer on the desk before deciding.

let app: TestApp;
let browser: Browser;
/** Every market-regulation official this file creates: the roster draws pick inspectors from. */
const officials = new Map<string, TestUser>();

async function marketRegulationOfficial(): Promise<TestUser> {
  const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  officials.set(official.user.id, official);
  return official;
}

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
const NOTICE_DAYS: Record<string, string> = { en: '2026-11-16', zh: '2026-11-17', 'zh-elder': '2026-11-18' };

describe.each(VARIANTS)('random inspections on the desk ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it('draws the same sample twice from the same seed', { timeout: 180_000 }, async () => {
    const day = DAYS[variant.name]!;
    app.clock.set(`${day}T10:00:00+08:00`);
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const official = await marketRegulationOfficial();
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

  it('the enterprise answers a notice from its inbox; the official sees the answer', { timeout: 180_000 }, async () => {
    const day = NOTICE_DAYS[variant.name]!;
    app.clock.set(`${day}T10:00:00+08:00`);
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const official = await marketRegulationOfficial();
    const { enterprise } = await establish(app, applicant, official);
    const drawn = (
      await run(
        app,
        DRAW,
        { input: { confirmedFrom: day, confirmedTo: day, sampleSize: 1, inspectorsPerEnterprise: 1 } },
        official,
      )
    ).drawInspectionSample;
    expect(drawn.userErrors).toEqual([]);
    const inspection = drawn.sample.inspections.edges[0].node;
    const inspector = officials.get(localId(inspection.inspectors[0].id))!;
    const finding = (
      await run(
        app,
        FINDING,
        { input: { id: inspection.id, finding: 'FALSE_DECLARATION', note: '住所系虚假地址' } },
        inspector,
      )
    ).recordInspectionFinding;
    expect(finding.userErrors).toEqual([]);
    const proceedingId: string = finding.inspection.proceeding.id;
    const statement = `Leased office, door number changed (${variant.name})`;

    const applicantContext = await newContext(browser, app.url);
    try {
      const page = await signedInPage(applicantContext, variant, applicant);
      await page.goto('/inbox');
      // The inbox's own link (the bell's menu, closed, holds another).
      await page
        .getByTestId('inbox-list')
        .locator(`a[href="/revocation-notices/${encodeURIComponent(proceedingId)}"]`)
        .click();
      await page.getByRole('heading', { level: 1, name: t('inspections.notice.title') }).waitFor();
      await page.getByRole('main').getByText('住所系虚假地址', { exact: true }).waitFor();
      expect(await page.locator('[data-testid="answer-by"]').textContent()).not.toBe('');
      await page.locator('textarea[name="statement"]').fill(statement);
      await page.locator('textarea[name="evidence"]').fill('Lease contract 2026-08-01 to 2029-07-31');
      await page.getByRole('button', { name: t('inspections.notice.submit') }).click();
      await page.getByText(t('inspections.notice.submitted')).waitFor();
      expect(await page.locator('[data-testid="your-answer"]').textContent()).toBe(statement);
      expect(await page.locator('textarea[name="statement"]').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, variant.name, 'inspections-02-answer');
      await page.setViewportSize({ width: 375, height: 800 });
      await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
    } finally {
      await applicantContext.close();
    }

    const officialContext = await newContext(browser, app.url);
    try {
      const page = await signedInPage(officialContext, variant, official);
      await page.goto('/desk/inspections');
      const card = page.locator('[data-testid="proceeding"]').filter({ hasText: enterprise.name });
      await expect
        .poll(() => card.locator('[data-testid="proceeding-answer"]').textContent(), { timeout: 15_000 })
        .toContain(statement);
      expect(await card.locator('[data-testid="proceeding-answer"]').textContent()).toContain('Lease contract');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await officialContext.close();
    }
  });
});
