import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { CLEAR, establish, payloadOf, run } from '../registration/helpers.js';
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
import { residentId } from './support/people.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 15, registration finished, in a real browser against the real server: a change registration
// from the enterprise picked to the official's confirmation, with what it records shown before and
// after on the way and in the enterprise's history; an ordinary deregistration started in the
// browser and followed live while the four departments clear it (their desks are driven in four
// browsers in desks.test.ts; here they record through the API) and the registry confirms it; and
// the public notice of a simplified deregistration with its period and an objection. In English,
// Chinese and the elder-friendly mode; axe-core on every page; usable at 375 px.

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

const NEW_TRADE_NAMES: Record<string, string> = { en: '朗晟钧', zh: '琪骏泰', 'zh-elder': '恒益岳' };
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

function statusOf(page: Page) {
  return page.locator('.status-line [data-status]').first().getAttribute('data-status');
}

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await page.locator('main h1').waitFor();
  await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
}

/** An enterprise the applicant acts for, established and confirmed through the API. */
async function registered(applicant: TestUser, registrar: TestUser) {
  const confirmed = await establish(app, applicant, registrar);
  const enterprise = confirmed.enterprise as { id: string; name: string; uscc: string };
  return { ...enterprise, label: `${enterprise.name} · ${enterprise.uscc}` };
}

describe.each(VARIANTS)('registration, finished, in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'files a change of name, scope, capital and investors, shows what it records, and the official confirms it into the history',
    { timeout: 240_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const enterprise = await registered(applicant, registrar);
      const newName = `青岛${NEW_TRADE_NAMES[variant.name]}信息技术有限公司`;
      const applicantContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(applicantContext, variant, applicant);
        const shot = (step: string) => screenshot(page, variant.name, `change-${step}`);

        // 1. Pick the enterprise; the change starts from what is registered.
        await page.goto('/applications');
        await page.getByRole('link', { name: t('registrationChange.startTitle') }).click();
        await page.locator('select[name="enterpriseId"]').selectOption({ label: enterprise.label });
        await expectAccessible(page);
        await shot('01-pick-enterprise');
        await page.getByRole('button', { name: t('registrationChange.start') }).click();
        await page
          .getByRole('heading', { level: 1, name: t('registrationChange.formTitle', { name: enterprise.name }) })
          .waitFor();
        await expect
          .poll(() => page.locator('textarea[name="businessScope"]').inputValue(), { timeout: 15_000 })
          .not.toBe('');

        // 2. The name, declared directly and checked as it is typed; the day it was decided; the scope.
        await page.locator('input[name="changeDecidedOn"]').fill('2026-11-20');
        await page.getByLabel(t('registrationChange.nameDirect')).check();
        await page.locator('input[name="newName"]').fill(newName);
        await page
          .getByTestId('new-name-check')
          .getByText(t('registrationChange.nameAvailable', { name: newName }))
          .waitFor();
        await page.locator('textarea[name="businessScope"]').fill('软件开发；信息技术咨询服务；人工智能应用软件开发');
        await expectAccessible(page);
        await shot('02-new-name');
        await page.getByRole('button', { name: t('registration.next') }).click();

        // 3. More capital, from a new investor.
        await page.locator('input[name="registeredCapital"]').fill('1500000');
        await page.getByRole('button', { name: t('registration.next') }).click();
        await page.getByRole('button', { name: t('registration.addInvestor') }).click();
        await page.locator('input[name="investor-2-name"]').fill('李清');
        await page.locator('input[name="investor-2-idNumber"]').fill(residentId());
        await page.locator('input[name="investor-2-capital"]').fill('500000');
        await page.getByRole('button', { name: t('registration.next') }).click();

        // 4. What the change will record, before and after, above the commitment.
        const summary = page.getByTestId('change-summary');
        await summary.waitFor();
        const rows = summary.locator('tbody tr');
        await expect
          .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item'))))
          .toEqual(['name', 'businessScope', 'registeredCapital', 'investors']);
        await summary.locator('tr[data-item="name"] [data-testid="before"]').getByText(enterprise.name).waitFor();
        await summary.locator('tr[data-item="name"] [data-testid="after"]').getByText(newName).waitFor();
        await summary.locator('tr[data-item="investors"] [data-testid="after"]').getByText('李清').waitFor();
        await page.locator('input[name="commitmentAccepted"]').check();
        await page.locator('input[name="signatoryName"]').fill('王海川');
        await expectAccessible(page);
        await shot('03-summary');
        await page.getByRole('button', { name: t('registration.submit'), exact: true }).click();
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('SUBMITTED');
        await page.getByTestId('change-summary').waitFor();
        await expectAccessible(page);
        await shot('04-submitted');

        app.clock.advance(5 * 60_000);
        // 5. The official reviews it like an establishment, seeing the same before and after.
        const desk = await signedInPage(officialContext, variant, registrar);
        await desk.goto('/desk');
        const row = desk.getByTestId('review-queue').getByRole('row').filter({ hasText: newName });
        await row.getByRole('link').click();
        await desk.getByTestId('change-summary').locator('tr[data-item="registeredCapital"]').waitFor();
        await expectAccessible(desk);
        await screenshot(desk, variant.name, 'change-05-desk');
        await desk.getByRole('button', { name: t('desk.confirm') }).click();
        await desk.getByText(t('desk.confirmedDone')).waitFor();

        // 6. Confirmed live; the enterprise's history shows the change, before and after.
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('CONFIRMED');
        const step = page.getByTestId('enterprise-history-step').filter({ has: page.locator('tr[data-item="name"]') });
        await step.locator('tr[data-item="name"] [data-testid="before"]').getByText(enterprise.name).waitFor();
        await step.locator('tr[data-item="name"] [data-testid="after"]').getByText(newName).waitFor();
        await step.locator('tr[data-item="registeredCapital"]').waitFor();
        await expectAccessible(page);
        await shot('06-history');

        await fitsPhone(page);
        await page.getByTestId('enterprise-history').waitFor();
        await expectAccessible(page);
        await shot('07-phone');
      } finally {
        await applicantContext.close();
        await officialContext.close();
      }
    },
  );

  it(
    'starts an ordinary deregistration in the browser, sees each department clear it live, and the registry confirms it',
    { timeout: 240_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const clearers = await Promise.all(
        DEPARTMENTS.map((department) => createUser(app, { role: 'OFFICIAL', department })),
      );
      const enterprise = await registered(applicant, registrar);
      const applicantContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(applicantContext, variant, applicant);
        const shot = (step: string) => screenshot(page, variant.name, `deregistration-${step}`);
        await page.goto('/applications');
        await page.getByRole('link', { name: t('deregistrationFlow.title') }).click();
        await page.locator('select[name="enterpriseId"]').selectOption({ label: enterprise.label });
        const form = page.getByTestId('deregistration-form');
        await form.getByRole('heading', { name: t('deregistrationFlow.ordinaryFormTitle') }).waitFor();

        // Submitting without a reason is refused at that field, and nothing is submitted.
        await form.locator('input[name="liquidationCompletedOn"]').fill('2026-11-20');
        await form.locator('input[name="commitmentAccepted"]').check();
        await form.locator('input[name="signatoryName"]').fill('王海川');
        await form.getByRole('button', { name: t('deregistrationFlow.submit') }).click();
        await expect
          .poll(() => form.locator('textarea[name="reason"]').getAttribute('aria-invalid'), { timeout: 15_000 })
          .toBe('true');
        await expectAccessible(page);
        await shot('01-reason-missing');
        await form.locator('textarea[name="reason"]').fill('股东会决议解散');
        await form.getByRole('button', { name: t('deregistrationFlow.submit') }).click();
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('SUBMITTED');
        const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
        await page.getByTestId('clearance-progress').waitFor();
        for (const d of DEPARTMENTS)
          await expect
            .poll(() =>
              page
                .locator(`[data-testid="clearance"][data-department="${d}"] [data-status]`)
                .first()
                .getAttribute('data-status'),
            )
            .toBe('PENDING');
        await expectAccessible(page);
        await shot('02-clearances-pending');

        for (const [index, d] of DEPARTMENTS.entries()) {
          const cleared = payloadOf(
            await run(app, CLEAR, { input: { id, outcome: 'CLEARED', note: '无欠缴' } }, clearers[index]),
          );
          expect(cleared.userErrors).toEqual([]);
          await expect
            .poll(
              () =>
                page
                  .locator(`[data-testid="clearance"][data-department="${d}"] [data-status]`)
                  .first()
                  .getAttribute('data-status'),
              { timeout: 20_000 },
            )
            .toBe('CLEARED');
        }

        app.clock.advance(5 * 60_000);
        const desk = await signedInPage(officialContext, variant, registrar);
        await desk.goto(`/desk/applications/${encodeURIComponent(id)}`);
        await desk.getByTestId('clearance-progress').waitFor();
        await expectAccessible(desk);
        await screenshot(desk, variant.name, 'deregistration-03-desk');
        await desk.getByRole('button', { name: t('desk.confirm') }).click();
        await desk.getByText(t('desk.confirmedDone')).waitFor();

        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('CONFIRMED');
        await page
          .getByTestId('enterprise-history')
          .locator('[data-testid="enterprise-history-step"][data-kind="DEREGISTRATION"]')
          .waitFor();
        await expectAccessible(page);
        await shot('04-deregistered');
        await fitsPhone(page);
        await page.getByTestId('clearance-progress').waitFor();
        await expectAccessible(page);
      } finally {
        await applicantContext.close();
        await officialContext.close();
      }
    },
  );

  it(
    'publishes a simplified deregistration’s 20-day notice, shows its period, and an objection ends the simplified route',
    { timeout: 180_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const enterprise = await registered(applicant, registrar);
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, applicant);
        const shot = (step: string) => screenshot(page, variant.name, `simplified-${step}`);
        const open = async () => {
          await page.goto('/applications/deregister');
          await page.locator('select[name="enterpriseId"]').selectOption({ label: enterprise.label });
          await page.getByLabel(t('deregistrationFlow.simplified'), { exact: true }).check();
        };
        await open();
        const start = page.getByTestId('start-notice');
        await start.getByRole('document', { name: t('registration.commitmentTermsLabel'), exact: true }).waitFor();
        await start.locator('input[name="signatoryName"]').fill('王海川');
        await start.getByRole('button', { name: t('deregistrationFlow.startNotice') }).click();
        await expect
          .poll(() => start.locator('input[name="commitmentAccepted"]').getAttribute('aria-invalid'), {
            timeout: 15_000,
          })
          .toBe('true');
        await expectAccessible(page);
        await start.locator('input[name="commitmentAccepted"]').check();
        await start.getByRole('button', { name: t('deregistrationFlow.startNotice') }).click();

        // The notice runs 20 days after the day it is published; no application before it ends.
        const notice = page.getByTestId('notice-period');
        await expect.poll(() => notice.getAttribute('data-notice-status'), { timeout: 15_000 }).toBe('IN_NOTICE');
        const period = await notice.innerText();
        expect(period).toContain(variant.language === 'en' ? 'Nov 26, 2026' : '2026年11月26日');
        expect(period).toContain(variant.language === 'en' ? 'Dec 16, 2026' : '2026年12月16日');
        expect(await page.getByTestId('deregistration-form').count()).toBe(0);
        await expectAccessible(page);
        await shot('01-in-notice');

        // A creditor objects (publicly, without signing in): the simplified route ends.
        const { simplifiedDeregistrationNotices } = await run(
          app,
          `query ($id: ID!) { simplifiedDeregistrationNotices(first: 1, filter: { enterpriseId: $id }) { edges { node { id } } } }`,
          { id: enterprise.id },
        );
        const noticeId = simplifiedDeregistrationNotices.edges[0].node.id as string;
        const objected = await run(
          app,
          `mutation ($input: ObjectToSimplifiedDeregistrationInput!) { objectToSimplifiedDeregistration(input: $input) { userErrors { code } } }`,
          {
            input: {
              noticeId,
              objectorName: '青岛港湾建材有限公司',
              contact: '0532-86666666',
              reason: '尚欠货款 12 万元未付。',
            },
          },
        );
        expect(objected.objectToSimplifiedDeregistration.userErrors).toEqual([]);
        await open();
        await expect.poll(() => notice.getAttribute('data-notice-status'), { timeout: 15_000 }).toBe('OBJECTED');
        await notice.getByText('尚欠货款 12 万元未付。').waitFor();
        await notice.getByText(t('deregistrationFlow.noticeStatus.OBJECTED')).waitFor();
        await expectAccessible(page);
        await shot('02-objected');
        await fitsPhone(page);
      } finally {
        await context.close();
      }
    },
  );
});
