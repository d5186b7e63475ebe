import 'reflect-metadata';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../../src/db/demo/index.js';
import { createEnterprise } from '../financing/helpers.js';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
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

// Issue 14 in a real browser against the real server: an applicant publishes a financing demand in
// one browser context while a bank officer watches the workbench's live feed in another; the demand
// appears there without a reload, two banks make offers, the offers arrive live on the applicant's
// page, the applicant accepts one after a confirmation, and only then does that bank's page show the
// contact person, while the other bank's page never does; the bank records the disbursement, which
// the applicant sees. The FINANCE official's dashboard draws its charts from the demo data. In
// English, Chinese and Chinese elder mode; axe-core on every page; every page at 375 px;
// screenshots in test-artifacts/web/<variant>/financing-*.png.

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  app = await TestApp.start();
  await loadDemoData(app.orm, app.deps);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const PHONE = '13912345678';

/** Polls a condition for longer than vitest's one-second default: eight helpers share the machine. */
function eventually<T>(condition: () => T | Promise<T>) {
  return expect.poll(condition, { timeout: 15_000 });
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

async function signIn(context: BrowserContext, variant: Variant, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  // On a phone the switches and the account controls are in the header's menu: open it first.
  const menu = page.locator('.menu-button');
  await page.locator('.site-header').waitFor();
  const phone = await menu.isVisible();
  if (phone) await menu.click();
  if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  if (variant.elder) await page.getByRole('switch').click();
  await eventually(() => htmlLang(page)).toBe(variant.language);
  await eventually(() => elderOn(page)).toBe(variant.elder);
  if (phone) await page.keyboard.press('Escape');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  const signOut = page.getByRole('banner').getByRole('button', { name: text(variant.language, 'account.signOut') });
  if (phone) {
    // The role's landing may navigate again, which closes the menu: open it until the account shows.
    await eventually(async () => {
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
      return signOut.isVisible();
    }).toBe(true);
    await page.keyboard.press('Escape');
  } else {
    await signOut.waitFor();
  }
  return page;
}

const signedInPage = (context: BrowserContext, variant: Variant, user: TestUser) =>
  signIn(context, variant, user.user.email, TEST_PASSWORD);

/** Counts the `financingDemandPublished` subscriptions the page has started over its WebSocket. */
function watchFeedSubscriptions(page: Page): () => number {
  let count = 0;
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      const payload = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      if (payload.includes('"subscribe"') && payload.includes('financingDemandPublished')) count += 1;
    });
  });
  return () => count;
}

describe.each(VARIANTS)('金企通 in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);
  const shot = (page: Page, step: string) => screenshot(page, variant.name, `financing-${step}`);

  it(
    'takes a demand from publication through live offers and acceptance to disbursement, showing the contact only to the accepted bank',
    { timeout: 300_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const enterprise = await createEnterprise(app, applicant, { district: 'LAOSHAN' as never });
      const bankA = await createUser(app, {
        role: 'BANK_OFFICER',
        organisation: await createOrganisation(app, 'BANK', `青岛甲银行 ${variant.name}`),
      });
      const bankB = await createUser(app, {
        role: 'BANK_OFFICER',
        organisation: await createOrganisation(app, 'BANK', `青岛乙银行 ${variant.name}`),
      });
      const contexts = await Promise.all([1, 2, 3].map(() => newContext(browser, app.url)));
      const [applicantContext, bankContext, otherBankContext] = contexts as [
        BrowserContext,
        BrowserContext,
        BrowserContext,
      ];
      try {
        // 1. The bank officer opens the workbench, narrows it to Laoshan, and keeps the live feed open.
        const bank = await signedInPage(bankContext, variant, bankA);
        const feedSubscriptions = watchFeedSubscriptions(bank);
        await bank.goto('/financing/workbench');
        await bank.getByTestId('demand-count').waitFor();
        await eventually(feedSubscriptions).toBeGreaterThan(0);
        const before = feedSubscriptions();
        await bank.locator('input[name="districts"][value="LAOSHAN"]').check();
        await bank.locator('input[name="amountMin"]').fill('100000');
        await bank.getByRole('button', { name: t('financing.workbench.search'), exact: true }).click();
        await eventually(feedSubscriptions).toBeGreaterThan(before);
        await bank.getByRole('button', { name: t('financing.workbench.pin') }).click();
        await expectAccessible(bank);
        // Saved alerts: create one from the current filters, see it listed, delete it.
        const alertName = `崂山 ${variant.name}`;
        await bank.locator('input[name="alertName"]').fill(alertName);
        await bank.getByRole('button', { name: t('financing.workbench.saveAlert') }).click();
        await bank.getByTestId('alerts').getByText(alertName).waitFor();
        await bank.getByRole('button', { name: t('financing.workbench.deleteAlert', { name: alertName }) }).click();
        await bank.getByTestId('alerts').getByText(alertName).waitFor({ state: 'detached' });

        // 2. The applicant publishes a demand: empty, then with a phone the API refuses at its field.
        const page = await signedInPage(applicantContext, variant, applicant);
        await page
          .getByRole('navigation')
          .getByRole('link', { name: t('financing.nav') })
          .click();
        await page.getByRole('heading', { level: 1, name: t('financing.landing.title') }).waitFor();
        await expectAccessible(page);
        await shot(page, '01-landing');
        await page.getByRole('link', { name: t('financing.demands.publishNew') }).click();
        await page.getByTestId('demand-form').waitFor();
        await page.getByRole('button', { name: t('financing.demands.publish'), exact: true }).click();
        await eventually(() => page.locator('input[name="amount"]').getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page);
        await page.locator('input[name="amount"]').fill('3000000');
        await page.locator('input[name="termMonths"]').fill('24');
        await page.locator('select[name="purpose"]').selectOption('WORKING_CAPITAL');
        await page.locator('select[name="guaranteeType"]').selectOption('CREDIT');
        await page.locator('input[name="maxAnnualRate"]').fill('5.00');
        await page.locator('input[name="contact.name"]').fill('王海川');
        await page.locator('input[name="contact.phone"]').fill('12345');
        await page.getByRole('button', { name: t('financing.demands.publish'), exact: true }).click();
        const phone = page.locator('input[name="contact.phone"]');
        await eventually(() => phone.getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('input[name="amount"]').getAttribute('aria-invalid')).toBeNull();
        await expectAccessible(page);
        await shot(page, '02-demand-form-error');
        await phone.fill(PHONE);
        await page.getByRole('button', { name: t('financing.demands.publish'), exact: true }).click();
        await page.getByText(t('financing.demands.published')).waitFor();
        await eventually(() => new URL(page.url()).pathname).toMatch(/^\/financing\/demands\/.+/);
        const number = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
        await page.getByText(t('financing.offers.empty')).waitFor();
        await expectAccessible(page);

        // 3. The bank's live feed shows it without a reload; the demand page has no contact person.
        const live = bank.getByTestId('live-feed').getByTestId('feed-demand').filter({ hasText: enterprise.name });
        await live.waitFor();
        await expectAccessible(bank);
        await shot(bank, '03-workbench-live-feed');
        await live.getByRole('link').click();
        await bank.getByTestId('offer-form').waitFor();
        expect(await bank.getByTestId('contact').count()).toBe(0);
        expect(await bank.locator('main').innerText()).not.toContain(PHONE);
        await bank.locator('input[name="annualRate"]').fill('9.99');
        await bank.getByRole('button', { name: t('financing.bank.makeOffer'), exact: true }).click();
        const rate = bank.locator('input[name="annualRate"]');
        await eventually(() => rate.getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(bank);
        await shot(bank, '04-bank-offer-error');
        await rate.fill('4.35');
        await bank.getByRole('button', { name: t('financing.bank.makeOffer'), exact: true }).click();
        await bank.getByText(t('financing.bank.offerMade')).waitFor();
        const demandPath = new URL(bank.url()).pathname;

        // 4. A second bank offers too; neither offer needs a reload on the applicant's page.
        const other = await signedInPage(otherBankContext, variant, bankB);
        await other.goto(demandPath);
        await other.getByTestId('offer-form').waitFor();
        await other.locator('input[name="annualRate"]').fill('4.60');
        await other.getByRole('button', { name: t('financing.bank.makeOffer'), exact: true }).click();
        await other.getByText(t('financing.bank.offerMade')).waitFor();
        await eventually(() => page.getByTestId('offer-row').count()).toBe(2);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(number);
        await expectAccessible(page);
        await shot(page, '05-offers-arrived-live');

        // 5. Accepting says what follows: the other offer is declined and the bank sees the contact.
        const bankAName = `青岛甲银行 ${variant.name}`;
        await page.getByRole('button', { name: `${t('financing.offers.accept')} ${bankAName}` }).click();
        const confirmation = page.getByTestId('accept-confirmation');
        await confirmation.waitFor();
        expect(await confirmation.innerText()).toContain(
          t('financing.offers.acceptConfirm', { bank: bankAName, count: 1 }),
        );
        await expectAccessible(page);
        await shot(page, '06-accept-confirmation');
        await confirmation.getByRole('button', { name: t('financing.offers.confirmAccept') }).click();
        await page.getByText(t('financing.offers.accepted', { bank: bankAName })).waitFor();
        await eventually(() => page.locator('.status-line [data-status]').getAttribute('data-status')).toBe('MATCHED');

        // 6. Only now does the accepted bank's page show the contact; the other bank's never does.
        await bank.reload();
        await bank.getByTestId('contact').getByText(PHONE).waitFor();
        await expectAccessible(bank);
        await shot(bank, '07-bank-sees-contact');
        await other.reload();
        await other.getByTestId('bank-offer').locator('[data-status="DECLINED"]').waitFor();
        expect(await other.getByTestId('contact').count()).toBe(0);
        expect(await other.locator('main').innerText()).not.toContain(PHONE);

        // 7. The bank records the disbursement; the applicant sees it.
        await bank.locator('input[name="disbursedOn"]').fill('2026-11-26');
        await bank.getByRole('button', { name: t('financing.bank.recordDisbursement'), exact: true }).click();
        await bank.getByText(t('financing.bank.disbursementRecorded')).waitFor();
        await page.reload();
        await page.getByTestId('disbursement').waitFor();
        await eventually(() => page.locator('.status-line [data-status]').getAttribute('data-status')).toBe('CLOSED');
        await expectAccessible(page);
        await shot(page, '08-disbursed');

        // 8. The applicant's list; the bank's offers and products.
        await page.goto('/financing/demands');
        await page.getByTestId('demand-card').filter({ hasText: enterprise.name }).waitFor();
        await expectAccessible(page);
        await shot(page, '09-my-demands');
        // "Load more" continues the search after the keyset cursor of the last page.
        await bank.goto('/financing/workbench');
        await eventually(() => bank.getByTestId('search-demand').count()).toBe(20);
        await bank.getByRole('button', { name: t('financing.workbench.loadMore') }).click();
        await eventually(() => bank.getByTestId('search-demand').count()).toBe(40);
        const ids = await bank
          .getByTestId('search-demand')
          .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-demand')));
        expect(new Set(ids).size).toBe(40);
        await bank.locator('select[name="orderBy"]').selectOption('AMOUNT');
        await eventually(() => bank.getByTestId('search-demand').count()).toBe(20);
        await bank.goto('/financing/workbench/offers');
        await bank.getByTestId('my-offers').getByText(enterprise.name).waitFor();
        await expectAccessible(bank);
        await shot(bank, '10-bank-offers');
        await bank.goto('/financing/workbench/products');
        await bank.getByTestId('product-form').waitFor();
        await bank.getByRole('button', { name: t('financing.products.publish'), exact: true }).click();
        await eventually(() => bank.locator('input[name="name"]').getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(bank);
        await shot(bank, '11-bank-products');
      } finally {
        await Promise.all(contexts.map((context) => context.close()));
      }
    },
  );

  it(
    'shows the public product directory and the FINANCE dashboard with charts from the demo data',
    {
      timeout: 180_000,
    },
    async () => {
      const context = await newContext(browser, app.url);
      try {
        const page = await signIn(context, variant, 'finance@demo.local', DEMO_PASSWORD);
        await page.goto('/financing/products');
        await page.getByTestId('product').first().waitFor();
        await page.locator('select[name="guaranteeType"]').selectOption('MORTGAGE');
        await page.getByRole('button', { name: t('financing.products.apply'), exact: true }).click();
        const mortgage = t('financing.enums.GuaranteeType.MORTGAGE');
        await eventually(() => page.getByTestId('product').filter({ hasNotText: mortgage }).count()).toBe(0);
        expect(await page.getByTestId('product').count()).toBeGreaterThan(0);
        await expectAccessible(page);
        await shot(page, '12-products');

        await page.goto('/financing/dashboard');
        await page.getByTestId('stats-table').waitFor();
        await eventually(() =>
          page.getByTestId('chart-district').locator('svg rect, svg path').count(),
        ).toBeGreaterThan(5);
        await eventually(() => page.getByTestId('chart-month').locator('svg path').count()).toBeGreaterThan(2);
        expect(await page.getByTestId('stats-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
        await page.locator('select[name="groupBy"]').selectOption('MONTH');
        await page.getByRole('button', { name: t('financing.dashboard.show'), exact: true }).click();
        await eventually(() => page.getByTestId('stats-table').locator('tbody th').first().innerText()).toMatch(
          /^\d{4}-\d{2}$/,
        );
        await expectAccessible(page);
        await shot(page, '13-dashboard');
      } finally {
        await context.close();
      }
    },
  );

  it('fits every financing page on a 375-pixel-wide phone screen', { timeout: 300_000 }, async () => {
    const pages: [string, string, string][] = [
      ['finance@demo.local', '/financing', 'landing'],
      ['finance@demo.local', '/financing/products', 'products'],
      ['finance@demo.local', '/financing/dashboard', 'dashboard'],
      ['applicant@demo.local', '/financing/demands', 'demands'],
      ['applicant@demo.local', '/financing/demands/new', 'demand-new'],
      ['bank@demo.local', '/financing/workbench', 'workbench'],
      ['bank@demo.local', '/financing/workbench/offers', 'bank-offers'],
      ['bank@demo.local', '/financing/workbench/products', 'bank-products'],
    ];
    let context: BrowserContext | null = null;
    let signedInAs = '';
    let page: Page | null = null;
    try {
      for (const [email, path, name] of pages) {
        if (email !== signedInAs) {
          await context?.close();
          context = await newContext(browser, app.url, { width: 375, height: 812 });
          page = await signIn(context, variant, email, DEMO_PASSWORD);
          signedInAs = email;
        }
        await page!.goto(path);
        await page!.getByRole('heading', { level: 1 }).waitFor();
        await eventually(() => page!.locator('.loading').count()).toBe(0);
        if (path.endsWith('/dashboard')) await page!.getByTestId('chart-district').locator('svg').waitFor();
        expect(await horizontalOverflow(page!), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        await expectAccessible(page!);
        await screenshot(page!, variant.name, `financing-phone-${name}`);
      }
      // A demand page of the demo applicant and a bank's view of an open demand.
      await context?.close();
      context = await newContext(browser, app.url, { width: 375, height: 812 });
      page = await signIn(context, variant, 'applicant@demo.local', DEMO_PASSWORD);
      await page.goto('/financing/demands');
      await page.getByTestId('demand-card').first().getByRole('link').click();
      await page.getByTestId('demand-facts').waitFor();
      expect(await horizontalOverflow(page), 'horizontal overflow on a demand').toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'financing-phone-demand');
      await context.close();
      context = await newContext(browser, app.url, { width: 375, height: 812 });
      page = await signIn(context, variant, 'bank@demo.local', DEMO_PASSWORD);
      await page.goto('/financing/workbench');
      await page.getByTestId('search-demand').first().getByRole('link').click();
      await page.getByTestId('demand-facts').waitFor();
      expect(await horizontalOverflow(page), 'horizontal overflow on a bank demand').toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'financing-phone-bank-demand');
    } finally {
      await context?.close();
    }
  });
});
