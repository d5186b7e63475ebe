import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { PDF } from '../investor-services/files.js';
import { htmlLang, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 13 in a real browser against the real server: an investor submits a complaint in English with
// a PDF attached, a commerce official accepts it and replies from the desk, and the investor sees the
// reply and the new status arrive live, without reloading. axe-core on the investor's pages.

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

async function signedInPage(context: BrowserContext, user: TestUser, english: boolean): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  if (english) {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => htmlLang(page)).toBe('en');
  }
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

describe('foreign-investment services in the browser', () => {
  it(
    'an investor submits a complaint in English with an attachment; an official accepts and replies; the investor sees it live',
    { timeout: 240_000 },
    async () => {
      const investor = await createUser(app, { role: 'APPLICANT', foreignInvestor: true });
      const official = await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' });
      const investorContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(investorContext, investor, true);
        await page.goto('/investor-services/new');
        const form = page.getByTestId('submit-case');
        await form.getByLabel('Kind').selectOption('COMPLAINT');
        await form.getByLabel('Category').selectOption('LICENSING_AND_APPROVALS');
        await form.getByLabel('Subject').fill('Construction permit left undecided');
        await form.getByLabel('Describe the matter').fill('We applied in July and have had no decision since.');
        await form.getByLabel('Authority complained about').fill('District Housing Bureau');
        await form.getByLabel('The administrative act').fill('No decision on our permit application');
        await form.getByLabel('What you ask for').fill('A decision within the statutory period');
        await form
          .locator('input[type="file"]')
          .setInputFiles({ name: 'application-receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page.getByTestId('uploaded-files').getByText('application-receipt.pdf').waitFor();
        expect(await seriousViolations(page), 'axe on the submit page').toEqual([]);
        await form.getByRole('button', { name: 'Submit' }).click();
        await page.waitForURL(/\/investor-services\/cases\//);
        await expect
          .poll(() => page.getByTestId('acknowledgement').textContent())
          .toContain('does not affect your right to apply for administrative reconsideration');
        await page.getByTestId('case-attachments').getByText('application-receipt.pdf').waitFor();
        expect(await seriousViolations(page), 'axe on the case page').toEqual([]);
        await screenshot(page, 'en', 'investor-case-submitted');

        const desk = await signedInPage(officialContext, official, true);
        await desk.goto('/investor-services/desk');
        const number = (await page.getByTestId('case-facts').locator('dd').first().textContent())!;
        await desk.getByTestId('case-queue').getByRole('link', { name: number }).click();
        await desk.getByTestId('accept').getByRole('button', { name: 'Accept' }).click();
        await desk.getByTestId('decision').waitFor();
        await desk
          .getByTestId('official-reply')
          .getByLabel('Your message')
          .fill('We have contacted the bureau and will report back within ten working days.');
        await desk.getByTestId('official-reply').getByRole('button').click();
        await desk.getByTestId('case-messages').getByText('We have contacted the bureau').waitFor();
        await screenshot(desk, 'en', 'desk-case-accepted');

        // The investor's page, never reloaded, receives both changes over the subscription.
        await page.getByTestId('case-messages').getByText('We have contacted the bureau').waitFor({ timeout: 20_000 });
        await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('ACCEPTED');
        await page.getByTestId('decision').getByText('complaint office at the next higher level').waitFor();
        await screenshot(page, 'en', 'investor-reply-live');

        // The desk's figures: the month chart counts the case.
        await desk.goto('/investor-services/desk/figures');
        await desk.getByTestId('figures').waitFor();
        expect(await desk.getByTestId('month-chart').locator('svg').getAttribute('aria-label')).toMatch(/2026-11 1/);
        await screenshot(desk, 'en', 'desk-figures');
      } finally {
        await investorContext.close();
        await officialContext.close();
      }
    },
  );
});
