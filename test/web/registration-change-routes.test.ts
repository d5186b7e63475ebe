import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { ACCEPT, REQUEST, addAddress, ok, verifiedHost } from '../hosting/helpers.js';
import { CONFIRM, establish, gid, payloadOf, reserve, run } from '../registration/helpers.js';
import {
  elderOn,
  htmlLang,
  launchBrowser,
  newContext,
  screenshot,
  seriousViolations,
  VARIANTS,
} from './support/browser.js';
import { text } from './support/catalogue.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 15, the remaining routes of a change or a deregistration in a real browser against the real
// server, in one language each (the pages are the ones registration-change.test.ts already checks in
// every language and mode): a change taking its name from a new name reservation, submitted in the
// browser and confirmed by the official at the desk; a change of registered address to a hosted
// address (住所托管) of a verified host; and applying for a simplified deregistration once its
// 20-day notice has ended without objection.

const variant = VARIANTS.find((v) => v.name === 'en')!;
const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);
const HOSTED_ADDRESS = '青岛市黄岛区长江中路 216 号 909 室';
const START_NOTICE = /* GraphQL */ `
  mutation ($input: StartSimplifiedDeregistrationNoticeInput!) {
    startSimplifiedDeregistrationNotice(input: $input) {
      notice {
        endsOn
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

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

async function signedInPage(context: BrowserContext, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect.poll(() => htmlLang(page)).toBe(variant.language);
  await expect.poll(() => elderOn(page)).toBe(false);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

function statusOf(page: Page) {
  return page.locator('.status-line [data-status]').first().getAttribute('data-status');
}

/** An enterprise the applicant acts for, established and confirmed through the API. */
async function registered(applicant: TestUser, registrar: TestUser) {
  const confirmed = await establish(app, applicant, registrar);
  const enterprise = confirmed.enterprise as { id: string; name: string; uscc: string };
  return { ...enterprise, label: `${enterprise.name} · ${enterprise.uscc}` };
}

/** Opens a change application for the enterprise, decided on a day within the 30 days to file it. */
async function startChange(page: Page, enterprise: { name: string; label: string }) {
  await page.goto('/applications');
  await page.getByRole('link', { name: t('registrationChange.startTitle') }).click();
  await page.locator('select[name="enterpriseId"]').selectOption({ label: enterprise.label });
  await page.getByRole('button', { name: t('registrationChange.start') }).click();
  await page
    .getByRole('heading', { level: 1, name: t('registrationChange.formTitle', { name: enterprise.name }) })
    .waitFor();
  await expect
    .poll(() => page.locator('textarea[name="businessScope"]').inputValue(), { timeout: 15_000 })
    .not.toBe('');
  await page.locator('input[name="changeDecidedOn"]').fill('2026-11-20');
}

/** From the summary: the items the change records, then the commitment, then submitted. */
async function summariseAndSubmit(page: Page, items: string[]) {
  const summary = page.getByTestId('change-summary');
  await summary.waitFor();
  await expect
    .poll(() => summary.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item'))))
    .toEqual(items);
  await page.locator('input[name="commitmentAccepted"]').check();
  await page.locator('input[name="signatoryName"]').fill('王海川');
  await expectAccessible(page);
  await page.getByRole('button', { name: t('registration.submit'), exact: true }).click();
  await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('SUBMITTED');
  return summary;
}

describe('registration routes in the browser (en)', () => {
  it(
    'files a change taking its name from a new reservation, and the official confirms it at the desk',
    { timeout: 180_000 },
    async () => {
      const applicant = await createUser(app);
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const enterprise = await registered(applicant, registrar);
      const reservation = await reserve(app, applicant);
      const applicantContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(applicantContext, applicant);
        await startChange(page, enterprise);
        await page.getByLabel(t('registrationChange.nameReservation')).check();
        await page.locator('select[name="nameReservationId"]').selectOption(gid('NameReservation', reservation.id));
        await expectAccessible(page);
        await screenshot(page, variant.name, 'change-reserved-01-name');
        for (let step = 0; step < 3; step++) await page.getByRole('button', { name: t('registration.next') }).click();

        const summary = await summariseAndSubmit(page, ['name']);
        await summary.locator('tr[data-item="name"] [data-testid="after"]').getByText(reservation.name).waitFor();

        app.clock.advance(5 * 60_000);
        const desk = await signedInPage(officialContext, registrar);
        await desk.goto('/desk');
        await desk
          .getByTestId('review-queue')
          .getByRole('row')
          .filter({ hasText: reservation.name })
          .getByRole('link')
          .click();
        await desk.getByTestId('change-summary').locator('tr[data-item="name"]').waitFor();
        await desk.getByRole('button', { name: t('desk.confirm') }).click();
        await desk.getByText(t('desk.confirmedDone')).waitFor();

        // Confirmed live; the history records the name taken from the reservation.
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('CONFIRMED');
        const step = page.getByTestId('enterprise-history-step').filter({ has: page.locator('tr[data-item="name"]') });
        await step.locator('tr[data-item="name"] [data-testid="before"]').getByText(enterprise.name).waitFor();
        await step.locator('tr[data-item="name"] [data-testid="after"]').getByText(reservation.name).waitFor();
        await expectAccessible(page);
        await screenshot(page, variant.name, 'change-reserved-02-confirmed');
      } finally {
        await applicantContext.close();
        await officialContext.close();
      }
    },
  );

  it(
    'files a change of registered address to a hosted address of a verified host, which confirmation binds',
    { timeout: 180_000 },
    async () => {
      const applicant = await createUser(app);
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const enterprise = await registered(applicant, registrar);
      // A verified law firm with a free slot at an address, and the enterprise's accepted hosting agreement.
      const host = await verifiedHost(app, registrar);
      const address = await addAddress(app, host.agent, {
        address: HOSTED_ADDRESS,
        district: 'HUANGDAO',
        capacity: 2,
        floorArea: 10,
      });
      const { agreement } = await ok(
        app,
        REQUEST,
        { addressId: address.id, enterpriseId: enterprise.id },
        applicant.token,
      );
      await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, applicant);
        await startChange(page, enterprise);
        await page.getByRole('button', { name: t('registration.next') }).click();

        const hosted = page.locator('select[name="hostingAgreementId"]');
        await hosted.selectOption(agreement.id as string);
        // The address follows the agreement and is no longer typed.
        await expect.poll(() => page.locator('input[name="address"]').inputValue()).toBe(HOSTED_ADDRESS);
        expect(await page.locator('input[name="address"]').getAttribute('readonly')).not.toBeNull();
        await expectAccessible(page);
        await screenshot(page, variant.name, 'change-hosted-01-address');
        for (let step = 0; step < 2; step++) await page.getByRole('button', { name: t('registration.next') }).click();

        const summary = await summariseAndSubmit(page, ['registeredAddress']);
        const after = summary.locator('tr[data-item="registeredAddress"] [data-testid="after"]');
        await after.getByText(HOSTED_ADDRESS, { exact: false }).waitFor();

        const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
        app.clock.advance(5 * 60_000);
        expect(payloadOf(await run(app, CONFIRM, { input: { id, note: '予以确认。' } }, registrar)).userErrors).toEqual(
          [],
        );
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('CONFIRMED');
        const profile = await run(
          app,
          `query($id: ID!) { node(id: $id) { ... on Enterprise { registeredAddress { address hostingAgreementId } } } }`,
          { id: enterprise.id },
          registrar,
        );
        expect(profile.node.registeredAddress).toEqual({ address: HOSTED_ADDRESS, hostingAgreementId: agreement.id });
        await expectAccessible(page);
        await screenshot(page, variant.name, 'change-hosted-02-confirmed');
      } finally {
        await context.close();
      }
    },
  );

  it(
    'applies for a simplified deregistration once its notice period has ended without objection',
    { timeout: 180_000 },
    async () => {
      const start = app.clock.now();
      const applicant = await createUser(app);
      const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const enterprise = await registered(applicant, registrar);
      const terms = (
        await run(app, `{ registrationCommitmentTerms(kind: DEREGISTRATION, simplifiedNotice: true) { version } }`, {})
      ).registrationCommitmentTerms;
      const started = (
        await run(
          app,
          START_NOTICE,
          {
            input: {
              enterpriseId: enterprise.id,
              commitment: { termsVersion: terms.version, accepted: true, signatoryName: '王海川' },
            },
          },
          applicant,
        )
      ).startSimplifiedDeregistrationNotice;
      expect(started.userErrors).toEqual([]);
      const context = await newContext(browser, app.url);
      try {
        // The day after the 20 days, nobody having objected.
        app.clock.set(`${started.notice.endsOn}T09:00:00+08:00`);
        app.clock.advance(24 * 3600_000);
        const page = await signedInPage(context, applicant);
        await page.goto('/applications/deregister');
        await page.locator('select[name="enterpriseId"]').selectOption({ label: enterprise.label });
        await page.getByLabel(t('deregistrationFlow.simplified'), { exact: true }).check();
        await expect
          .poll(() => page.getByTestId('notice-period').getAttribute('data-notice-status'), { timeout: 15_000 })
          .toBe('ENDED');
        const form = page.getByTestId('deregistration-form');
        await form.getByRole('heading', { name: t('deregistrationFlow.simplifiedFormTitle') }).waitFor();
        await form.locator('textarea[name="reason"]').fill('股东会决议解散，无债权债务');
        await form.locator('input[name="commitmentAccepted"]').check();
        await form.locator('input[name="signatoryName"]').fill('王海川');
        await expectAccessible(page);
        await screenshot(page, variant.name, 'simplified-ended-01-form');
        await form.getByRole('button', { name: t('deregistrationFlow.submit') }).click();
        await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('SUBMITTED');
        const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
        const submitted = await run(
          app,
          `query($id: ID!) { node(id: $id) { ... on RegistrationApplication { kind status deregistration { simplified publicNoticeFrom } } } }`,
          { id },
          applicant,
        );
        expect(submitted.node).toEqual({
          kind: 'DEREGISTRATION',
          status: 'SUBMITTED',
          deregistration: { simplified: true, publicNoticeFrom: '2026-11-26' },
        });
        await expectAccessible(page);
        await screenshot(page, variant.name, 'simplified-ended-02-submitted');
      } finally {
        app.clock.set(start.toISOString());
        await context.close();
      }
    },
  );
});
