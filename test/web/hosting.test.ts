import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { pendingHost } from '../hosting/fixtures.js';
import { addAddress, verifiedHost } from '../hosting/helpers.js';
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

// Issue 12 in a real browser: an applicant finds a hosted address with a free place in the public
// directory and asks to be hosted; the host's desk, open in a second browser context, shows the
// request arrive live and accepts it; the applicant's page turns ACTIVE live. An official verifies a
// host application. In English, Chinese and Chinese elder mode; axe-core on every page; the
// directory at phone width (375 px) without sideways scrolling.

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
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

describe.each(VARIANTS)('hosted addresses in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'an applicant asks to be hosted, the host sees it arrive live and accepts, the applicant sees it live; an official verifies a host',
    { timeout: 240_000 },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const host = await verifiedHost(app, official);
      const address = await addAddress(app, host.agent, {
        capacity: 3,
        floorArea: 10,
        address: `青岛市市南区香港中路 ${variant.name} 号`,
      });
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const enterprise = await createEnterprise(app, applicant);
      await pendingHost(app);
      const applicantContext = await newContext(browser, app.url);
      const hostContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        // The host's desk is open first, in its own browser context.
        const desk = await signedInPage(hostContext, variant, host.agent);
        await desk.goto('/hosting/desk');
        await desk.getByRole('heading', { name: t('hosting.requestsToDecide') }).waitFor();
        await desk.getByText(t('hosting.noRequests')).waitFor();
        await expectAccessible(desk);

        // The applicant finds the address in the directory, with its free places.
        const page = await signedInPage(applicantContext, variant, applicant);
        await page.goto('/hosting');
        const card = page.locator('[data-testid="hosted-address"]', { hasText: address.address });
        await expect
          .poll(() => card.locator('[data-testid="vacancy"]').textContent(), { timeout: 15_000 })
          .toBe(t('hosting.vacancy', { count: 3, capacity: 3 }));
        await expectAccessible(page);
        await screenshot(page, variant.name, 'hosting-directory');
        await card
          .getByRole('combobox', { name: t('hosting.requestFor') })
          .selectOption(toGlobalId('Enterprise', enterprise.id));
        await card.getByRole('button', { name: t('hosting.request') }).click();
        await card.getByText(t('hosting.requested')).waitFor();

        // The applicant's page is open while the host decides.
        await page.goto('/hosting/mine');
        const mine = page.locator('[data-testid="agreement"]', { hasText: enterprise.name });
        await expect.poll(() => mine.getAttribute('data-status'), { timeout: 15_000 }).toBe('REQUESTED');
        await expectAccessible(page);

        // The request arrives on the desk without a reload; the host accepts it.
        const request = desk.locator('[data-testid="agreement"]', { hasText: enterprise.name });
        await request.waitFor();
        await screenshot(desk, variant.name, 'hosting-desk');
        await request.getByRole('button', { name: t('hosting.accept') }).click();
        await expect
          .poll(
            () => desk.locator('[data-testid="agreement"][data-status="ACTIVE"]', { hasText: enterprise.name }).count(),
            { timeout: 15_000 },
          )
          .toBe(1);

        // The active agreement on the desk takes forwarded documents.
        await desk.getByRole('button', { name: t('hosting.logForwarding') }).waitFor();
        await expectAccessible(desk);

        // And the applicant's page turns active, live.
        await expect.poll(() => mine.getAttribute('data-status'), { timeout: 15_000 }).toBe('ACTIVE');
        await screenshot(page, variant.name, 'hosting-mine');

        // The official's queue: a host application to verify.
        const review = await signedInPage(officialContext, variant, official);
        await review.goto('/hosting/review');
        const applications = review.locator('[data-testid="host-application"]');
        await applications.first().waitFor();
        const before = await applications.count();
        await expectAccessible(review);
        await applications
          .first()
          .getByRole('button', { name: t('hosting.verify') })
          .click();
        await expect.poll(() => applications.count(), { timeout: 15_000 }).toBe(before - 1);

        // The directory at phone width.
        const phone = await applicantContext.newPage();
        await phone.setViewportSize({ width: 375, height: 800 });
        await phone.goto('/hosting');
        await phone.locator('[data-testid="hosted-address"]').first().waitFor();
        expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
        await phone.goto('/hosting/abnormal');
        await phone.getByRole('heading', { name: t('hosting.abnormalTitle') }).waitFor();
        await expectAccessible(phone);
      } finally {
        await applicantContext.close();
        await hostContext.close();
        await officialContext.close();
      }
    },
  );
});
