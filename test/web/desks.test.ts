import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { DEREG_COMMITMENT, SAVE, SUBMIT, establish, payloadOf, run } from '../registration/helpers.js';
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

// Issue 15, the department desks: a deregistration cleared by the four departments, each official
// in their own browser, while the applicant watches the progress live on the application page and
// answers an outstanding obligation. Each official sees only their own department's queue.

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

const DEPARTMENTS = ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const;

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

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

/** An established enterprise with a submitted deregistration; its application id and enterprise name. */
async function deregistration(applicant: TestUser, registrar: TestUser) {
  const confirmed = await establish(app, applicant, registrar);
  const draft = payloadOf(
    await run(
      app,
      SAVE,
      {
        input: {
          kind: 'DEREGISTRATION',
          enterpriseId: confirmed.enterprise.id,
          deregistration: { reason: '股东会决议解散', simplified: false, liquidationCompletedOn: '2026-11-20' },
        },
      },
      applicant,
    ),
  );
  expect(draft.userErrors).toEqual([]);
  const submitted = payloadOf(
    await run(app, SUBMIT, { input: { id: draft.application.id, commitment: DEREG_COMMITMENT } }, applicant),
  );
  expect(submitted.userErrors).toEqual([]);
  return { id: draft.application.id as string, name: confirmed.enterprise.name as string };
}

function clearanceStatus(page: Page, department: string) {
  return page
    .locator(`[data-testid="clearance"][data-department="${department}"] [data-status]`)
    .first()
    .getAttribute('data-status');
}

describe.each(VARIANTS)('the department clearance desks ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'four departments clear a deregistration in four browsers while the applicant watches live and answers an obligation',
    { timeout: 240_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const officials = Object.fromEntries(
        await Promise.all(
          DEPARTMENTS.map(async (d) => [d, await createUser(app, { role: 'OFFICIAL', department: d })]),
        ),
      ) as Record<(typeof DEPARTMENTS)[number], TestUser>;
      const { id, name } = await deregistration(applicant, registrar);
      const contexts: BrowserContext[] = [];
      try {
        const applicantContext = await newContext(browser, app.url);
        contexts.push(applicantContext);
        const watcher = await signedInPage(applicantContext, variant, applicant);
        await watcher.goto(`/applications/${encodeURIComponent(id)}`);
        await watcher.getByTestId('clearance-progress').waitFor();
        for (const d of DEPARTMENTS)
          await expect.poll(() => clearanceStatus(watcher, d), { timeout: 15_000 }).toBe('PENDING');
        await expectAccessible(watcher);

        const desks: Record<string, Page> = {};
        for (const d of DEPARTMENTS) {
          const context = await newContext(browser, app.url);
          contexts.push(context);
          const desk = await signedInPage(context, variant, officials[d]);
          // The desk sends each department's officials to their own queue, which answers them.
          await desk.goto('/desk');
          await expect.poll(() => new URL(desk.url()).pathname, { timeout: 15_000 }).toBe('/desk/clearances');
          await desk
            .getByRole('heading', {
              level: 1,
              name: t('clearances.departmentTitle', { department: t(`clearances.department.${d}`) }),
            })
            .waitFor();
          await desk.getByTestId('clearance-task').filter({ hasText: name }).waitFor();
          expect(await desk.getByRole('alert').count()).toBe(0);
          desks[d] = desk;
        }
        await expectAccessible(desks.TAX!);
        await screenshot(desks.TAX!, variant.name, 'desks-01-tax-queue');

        // Tax records an outstanding obligation, with its reason; the applicant sees it live.
        const taxTask = desks.TAX!.getByTestId('clearance-task').filter({ hasText: name });
        await taxTask.getByRole('button', { name: t('clearances.block') }).click();
        await expect
          .poll(() => taxTask.locator('textarea').getAttribute('aria-invalid'), { timeout: 15_000 })
          .toBe('true');
        await taxTask.locator('textarea').fill('欠缴 2026 年 10 月增值税 1,280.00 元');
        await taxTask.getByRole('button', { name: t('clearances.block') }).click();
        await desks.TAX!.getByText(t('clearances.blocked')).waitFor();
        await expect.poll(() => clearanceStatus(watcher, 'TAX'), { timeout: 20_000 }).toBe('BLOCKED');
        await watcher.getByTestId('clearance-progress').getByText('欠缴 2026 年 10 月增值税 1,280.00 元').waitFor();
        await expectAccessible(watcher);
        await screenshot(watcher, variant.name, 'desks-02-applicant-sees-obligation');

        // The applicant answers; the clearance returns to tax's queue with the answer beside it.
        const taxRow = watcher.locator('[data-testid="clearance"][data-department="TAX"]');
        await taxRow.locator('textarea').fill('已于 11 月 27 日缴清，完税凭证号 3702001');
        await taxRow.getByRole('button', { name: t('clearances.sendAnswer') }).click();
        await expect.poll(() => clearanceStatus(watcher, 'TAX'), { timeout: 20_000 }).toBe('PENDING');

        // The three others clear, in their own browsers, in any order; the applicant sees each live.
        for (const d of ['HOUSING_FUND', 'MEDICAL_INSURANCE', 'SOCIAL_INSURANCE'] as const) {
          const task = desks[d]!.getByTestId('clearance-task').filter({ hasText: name });
          await task.getByRole('button', { name: t('clearances.clear') }).click();
          await desks[d]!.getByText(t('clearances.cleared')).waitFor();
          await expect.poll(() => clearanceStatus(watcher, d), { timeout: 20_000 }).toBe('CLEARED');
        }

        await desks.TAX!.reload();
        const answered = desks.TAX!.getByTestId('clearance-task').filter({ hasText: name });
        await answered.getByTestId('clearance-answers').getByText('完税凭证号 3702001').waitFor();
        await expectAccessible(desks.TAX!);
        await answered.getByRole('button', { name: t('clearances.clear') }).click();
        await desks.TAX!.getByText(t('clearances.cleared')).waitFor();
        await expect.poll(() => clearanceStatus(watcher, 'TAX'), { timeout: 20_000 }).toBe('CLEARED');
        await expectAccessible(watcher);
        await screenshot(watcher, variant.name, 'desks-03-all-cleared-live');

        // Cleared: it leaves tax's queue and shows under "cleared".
        await expect.poll(() => answered.count(), { timeout: 15_000 }).toBe(0);
        await desks.TAX!.getByRole('button', { name: t('clearances.filter.CLEARED') }).click();
        await desks.TAX!.getByTestId('clearance-task').filter({ hasText: name }).waitFor();

        // Usable on a phone: no sideways scrolling on the desk or the applicant's page.
        for (const page of [desks.SOCIAL_INSURANCE!, watcher]) {
          await page.setViewportSize({ width: 375, height: 800 });
          await page.reload();
          await page.locator('main h1').waitFor();
          await page
            .locator('[data-testid="clearance-progress"], [data-testid="clearance-queue"], main .empty')
            .first()
            .waitFor();
          await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
        }
        await expectAccessible(desks.SOCIAL_INSURANCE!);
        await screenshot(desks.SOCIAL_INSURANCE!, variant.name, 'desks-04-phone');
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );
});
