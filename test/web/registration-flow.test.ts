import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import {
  elderOn,
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

// The whole of issue 5 in a real browser against the real server: an applicant checks a special
// name, reserves it on the commitment, fills and submits an application in steps (a userError shown
// at its field on the way), an official asks for a correction, the applicant sees that arrive live,
// corrects and resubmits, the official confirms, the applicant sees the licence arrive live and
// verifies it publicly; the official also verifies the special-name commitment. In English, in
// Chinese, and in Chinese with the elder-friendly mode; axe-core on every page; screenshots in
// test-artifacts/web/<variant>/flow-*.png.

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

const TRADE_NAMES: Record<string, string> = { en: '瑞祥泰', zh: '鑫宏博', 'zh-elder': '璟煜澜' };

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

describe.each(VARIANTS)('the registration flow in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);
  const name = `${TRADE_NAMES[variant.name]}智能科技有限公司`;

  it(
    'takes a special name through reservation, application, correction, confirmation and public verification, with live updates',
    { timeout: 240_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const applicantContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(applicantContext, variant, applicant);
        const shot = (step: string) => screenshot(page, variant.name, `flow-${step}`);

        // 1. Check the name as it is typed: a special name (no administrative division).
        await page
          .getByRole('navigation')
          .getByRole('link', { name: t('nav.nameCheck') })
          .click();
        await page.locator('select[name="district"]').selectOption('HUANGDAO');
        await page.locator('select[name="kind"]').selectOption('LIMITED_LIABILITY_COMPANY');
        await page.locator('input[name="industry"]').fill('I65');
        await page.locator('input[name="name"]').pressSequentially(name, { delay: 20 });
        await page.getByRole('heading', { name: t('names.specialTitle') }).waitFor();
        await expect.poll(() => page.getByTestId('name-check').innerText()).toContain(name);
        await expectAccessible(page);
        await shot('01-name-check');

        // 2. Reserve it: the commitment terms are shown; not accepting them is refused at that box.
        await page.getByRole('link', { name: t('names.reserveThis') }).click();
        await page.getByRole('document', { name: t('names.commitmentTermsLabel'), exact: true }).waitFor();
        await page.locator('input[name="signatoryName"]').fill('王海川');
        await page.getByRole('button', { name: t('names.reserveWithCommitment') }).click();
        const accept = page.locator('input[name="commitmentAccepted"]');
        await expect.poll(() => accept.getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page);
        await shot('02-reserve-commitment-refused');
        await accept.check();
        await page.getByRole('button', { name: t('names.reserveWithCommitment') }).click();
        await page.getByText(t('names.reservedNotice', { name })).waitFor();
        const reservation = page.getByTestId('reservation').filter({ hasText: name });
        await expect
          .poll(() => reservation.locator('[data-status]').first().getAttribute('data-status'))
          .toBe('RESERVED');
        await expectAccessible(page);
        await shot('03-my-names');

        app.clock.advance(3 * 60_000);
        // 3. Apply in steps; a malformed postal code comes back at its field when the draft is saved.
        await reservation.getByRole('link', { name: t('names.applyWithName') }).click();
        await expect.poll(() => page.locator('select[name="nameReservationId"]').inputValue()).not.toBe('');
        await expect.poll(() => page.locator('input[name="industry"]').inputValue()).toBe('I65');
        await page.locator('textarea[name="businessScope"]').fill('软件开发；信息技术咨询服务');
        await expectAccessible(page);
        await page.getByRole('button', { name: t('registration.next') }).click();

        await expect.poll(() => page.locator('select[name="district"]').inputValue()).toBe('HUANGDAO');
        await page.locator('input[name="address"]').fill('青岛市黄岛区前湾港路 1 号');
        await page.locator('select[name="zone"]').selectOption('QINGDAO_FTZ');
        await page.locator('input[name="postalCode"]').fill('26655X');
        await page.locator('input[name="registeredCapital"]').fill('1000000');
        await page.locator('input[name="articlesAdoptedOn"]').fill('2026-09-01');
        await page.locator('textarea[name="articlesText"]').fill('第一条 为规范公司的组织和行为，制定本章程。');
        await page.getByRole('button', { name: t('registration.saveDraft') }).click();
        const postalCode = page.locator('input[name="postalCode"]');
        await expect.poll(() => postalCode.getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page);
        await shot('04-application-field-error');
        await postalCode.fill('266555');
        await page.getByRole('button', { name: t('registration.saveDraft') }).click();
        await page.getByText(t('registration.draftSaved')).waitFor();
        await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/applications\/.+\/edit$/);
        await page.getByRole('button', { name: t('registration.next') }).click();

        await page.locator('input[name="declaration.legalRepresentative.name"]').fill('王海川');
        await page.locator('input[name="declaration.legalRepresentative.idNumber"]').fill(residentId());
        await page.locator('input[name="declaration.legalRepresentative.phone"]').fill('13800000000');
        await page.locator('input[name="liaisonName"]').fill('张联络');
        await page.locator('input[name="liaisonPhone"]').fill('0532-88888888');
        await page.getByRole('button', { name: t('registration.addInvestor') }).click();
        await page.locator('input[name="investor-0-name"]').fill('王海川');
        await page.locator('input[name="investor-0-idNumber"]').fill(residentId());
        await page.locator('input[name="investor-0-capital"]').fill('1000000');
        await page.getByRole('button', { name: t('registration.addOfficer') }).click();
        await page.locator('input[name="officer-0-name"]').fill('王海川');
        await page.locator('input[name="officer-0-idNumber"]').fill(residentId());
        await expectAccessible(page);
        await shot('05-application-people');
        await page.getByRole('button', { name: t('registration.next') }).click();

        await page.getByRole('document', { name: t('registration.commitmentTermsLabel'), exact: true }).waitFor();
        await page.locator('input[name="commitmentAccepted"]').check();
        await page.locator('input[name="signatoryName"]').fill('王海川');
        await expectAccessible(page);
        await page.getByRole('button', { name: t('registration.submit'), exact: true }).click();
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('SUBMITTED');
        const applicationUrl = page.url();
        await expectAccessible(page);
        await shot('06-submitted');

        app.clock.advance(7 * 60_000);
        // 4. The official asks for a correction; the applicant's open page changes without a reload.
        const desk = await signedInPage(officialContext, variant, official);
        await desk
          .getByRole('navigation')
          .getByRole('link', { name: t('nav.desk') })
          .click();
        const row = desk.getByTestId('review-queue').getByRole('row').filter({ hasText: name });
        await row.waitFor();
        await expectAccessible(desk);
        await screenshot(desk, variant.name, 'flow-07-desk-queue');
        await row.getByRole('link').click();
        await desk.getByTestId('declaration').waitFor();
        await desk.locator('select[name="item-0-field"]').selectOption('declaration.registeredAddress');
        await desk.locator('textarea[name="item-0-message"]').fill('住所门牌号与产权证明不一致，请核对。');
        await expectAccessible(desk);
        await desk.getByRole('button', { name: t('desk.requestCorrection') }).click();
        await desk.getByText(t('desk.correctionDone')).waitFor();

        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('CORRECTION_REQUESTED');
        expect(page.url()).toBe(applicationUrl);
        await page.getByTestId('correction-notice').getByText('住所门牌号与产权证明不一致').waitFor();
        await expectAccessible(page);
        await shot('08-correction-arrived-live');

        app.clock.advance(12 * 60_000);
        // 5. Correct the address (the notice is shown at it) and resubmit with the commitment.
        await page.getByRole('link', { name: t('registration.correctAndResubmit') }).click();
        await page.getByRole('button', { name: `2 ${t('registration.steps.place')}` }).click();
        await page.getByRole('note').getByText('住所门牌号与产权证明不一致').waitFor();
        await page.locator('input[name="address"]').fill('青岛市黄岛区前湾港路 2 号');
        await expectAccessible(page);
        await shot('09-correcting');
        await page.getByRole('button', { name: `4 ${t('registration.steps.submit')}` }).click();
        await page.locator('input[name="commitmentAccepted"]').check();
        await page.locator('input[name="signatoryName"]').fill('王海川');
        await page.getByRole('button', { name: t('registration.resubmit') }).click();
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('SUBMITTED');

        app.clock.advance(9 * 60_000);
        // 6. The official confirms; the licence arrives on the applicant's page live.
        await desk.reload();
        await desk.getByRole('button', { name: t('desk.confirm') }).click();
        await desk.getByText(t('desk.confirmedDone')).waitFor();
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('CONFIRMED');
        const code = await page.getByTestId('verification-code').innerText();
        expect(code.length).toBeGreaterThan(10);
        await expectAccessible(page);
        await shot('10-confirmed-live');

        // 7. Anyone can verify the licence.
        await page.getByRole('link', { name: t('licence.verifyThis') }).click();
        await page.getByTestId('licence-genuine').getByText(name).waitFor();
        await expectAccessible(page);
        await shot('11-licence-verified');

        // 8. The official verifies the special name's commitment.
        await desk.getByRole('link', { name: t('desk.backToQueue') }).click();
        const item = desk.getByTestId('verification-item').filter({ hasText: name });
        await item.waitFor();
        await expectAccessible(desk);
        await item.getByRole('button', { name: t('desk.compliant') }).click();
        // Once decided it leaves the queue (or shows its outcome while the queue reloads).
        await expect
          .poll(async () => (await item.count()) === 0 || (await item.locator('[data-status="COMPLIANT"]').count()) > 0)
          .toBe(true);
        await screenshot(desk, variant.name, 'flow-12-name-verified');
      } finally {
        await applicantContext.close();
        await officialContext.close();
      }
    },
  );
});
