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
  seriousViolations,
  VARIANTS,
  type Variant,
} from './support/browser.js';
import { text } from './support/catalogue.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 15 in a real browser (帮办代办): an enterprise's agent invites a second account on My
// enterprises; the second signs in, accepts, sees the enterprise with its establishment application
// and may act for it; the first agent removes it again. In English, Chinese and Chinese elder mode;
// axe-core on the page; the page at phone width (375 px) without sideways scrolling.

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

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

async function signedInPage(context: BrowserContext, variant: Variant, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  if (variant.elder) await page.getByRole('switch').click();
  await expect.poll(() => htmlLang(page), { timeout: 15_000 }).toBe(variant.language);
  await expect.poll(() => elderOn(page), { timeout: 15_000 }).toBe(variant.elder);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').locator('.account__name').getByText(user.user.displayName).waitFor();
  return page;
}

describe.each(VARIANTS)('acting for an enterprise in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'an agent invites a second account, which accepts, sees the enterprise and its application, and is removed again',
    { timeout: 240_000 },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const agent = await createUser(app, { role: 'APPLICANT' });
      const accountant = await createUser(app, { role: 'APPLICANT' });
      const application = await establish(app, agent, official);
      const agentContext = await newContext(browser, app.url);
      const accountantContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(agentContext, variant, agent);
        await page.goto('/enterprises');
        const card = page.getByTestId('enterprise');
        await card.getByText(application.enterprise.name).waitFor();
        await card.getByLabel(t('enterprises.inviteLabel')).fill(accountant.user.email);
        await card.getByRole('button', { name: t('enterprises.invite') }).click();
        await card.getByTestId('sent-invitation').getByText(accountant.user.email).waitFor();
        await expectAccessible(page);

        const second = await signedInPage(accountantContext, variant, accountant);
        await second.goto('/enterprises');
        await second
          .getByTestId('invitation')
          .getByRole('button', { name: t('enterprises.accept') })
          .click();
        const actedFor = second.getByTestId('enterprise');
        await actedFor.getByText(application.enterprise.name).waitFor();
        // Acting for it: the enterprise's establishment application is listed and opens.
        await actedFor
          .getByTestId('enterprise-applications')
          .getByRole('link', { name: new RegExp(application.number) })
          .click();
        await second.waitForURL(/\/applications\//);
        await second.getByText(application.number).first().waitFor();
        await second.goto('/enterprises');
        await second.getByTestId('enterprise').getByText(application.enterprise.name).waitFor();
        await expectAccessible(second);
        await second.setViewportSize({ width: 375, height: 800 });
        expect(await horizontalOverflow(second)).toBeLessThanOrEqual(0);

        await page.reload();
        page.once('dialog', (dialog) => void dialog.accept());
        await page
          .getByTestId('enterprise')
          .getByRole('button', {
            name: t('enterprises.remove', { name: accountant.user.displayName, email: accountant.user.email }),
          })
          .click();
        await expect.poll(() => page.getByTestId('agent').count(), { timeout: 15_000 }).toBe(1);

        await second.reload();
        await second.getByText(t('enterprises.empty')).waitFor();
      } finally {
        await agentContext.close();
        await accountantContext.close();
      }
    },
  );
});
