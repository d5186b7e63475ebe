import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { PDF } from '../investor-services/files.js';
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
import { ensureWebBuild } from './support/web-build.js';

// Issue 13 in a real browser against the real server: an investor submits a complaint with a PDF
// attached (in English on the English pages, in Chinese on the Chinese ones, and in elder mode), a
// commerce official accepts it and replies from the desk, and the investor sees the reply and the new
// status arrive live, without reloading. The official then resolves it, publishes it as a typical
// case, corrects the published text and withdraws it from the desk. axe-core on every page.

let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** Polls a condition for longer than vitest's one-second default: several helpers share the machine. */
function eventually<T>(condition: () => T | Promise<T>) {
  return expect.poll(condition, { timeout: 15_000 });
}

async function expectAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), `axe on ${what}`).toEqual([]);
}

async function signedInPage(context: BrowserContext, variant: Variant, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  if (variant.elder) await page.getByRole('switch').click();
  await eventually(() => htmlLang(page)).toBe(variant.language);
  await eventually(() => elderOn(page)).toBe(variant.elder);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

/** What the investor writes, in the language of the pages it uses. */
const COMPLAINT = {
  en: {
    subject: 'Construction permit left undecided',
    body: 'We applied in July and have had no decision since.',
    respondent: 'District Housing Bureau',
    act: 'No decision on our permit application',
    request: 'A decision within the statutory period',
    reply: 'We have contacted the bureau and will report back within ten working days.',
    acknowledgement: 'does not affect your right to apply for administrative reconsideration',
    nextLevel: 'complaint office at the next higher level',
    typicalTitle: 'Permit decided after coordination',
    correctedTitle: 'Construction permit decided after coordination',
  },
  'zh-CN': {
    subject: '施工许可长期未作决定',
    body: '我们于七月提出申请，至今未收到任何决定。',
    respondent: '区住房和城乡建设局',
    act: '对施工许可申请逾期未作决定',
    request: '在法定期限内作出决定',
    reply: '我们已联系该局，将在十个工作日内反馈。',
    acknowledgement: '投诉不影响您依法申请行政复议或提起行政诉讼的权利',
    nextLevel: '可以向上一级投诉工作机构提出',
    typicalTitle: '协调后作出施工许可决定',
    correctedTitle: '经协调作出施工许可决定',
  },
} as const;

describe.each(VARIANTS)('foreign-investment services in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);
  const words = COMPLAINT[variant.language];
  let app: TestApp;

  // A server of its own per variant, so the figures count this variant's case alone.
  beforeAll(async () => {
    app = await TestApp.start();
  }, 120_000);
  afterAll(() => app?.stop());

  it(
    'an investor submits a complaint with an attachment; an official accepts and replies; the investor sees it live; the desk publishes, corrects and withdraws it as a typical case',
    { timeout: 300_000 },
    async () => {
      const investor = await createUser(app, { role: 'APPLICANT', foreignInvestor: true });
      const official = await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' });
      const investorContext = await newContext(browser, app.url);
      const officialContext = await newContext(browser, app.url);
      try {
        const page = await signedInPage(investorContext, variant, investor);
        await page.goto('/investor-services/new');
        const form = page.getByTestId('submit-case');
        await form.getByLabel(t('investorServices.kind')).selectOption('COMPLAINT');
        await form.getByLabel(t('investorServices.category')).selectOption('LICENSING_AND_APPROVALS');
        // The case's language follows the pages': English here means an English case, Chinese a Chinese one.
        expect(await form.getByLabel(t('investorServices.language')).inputValue()).toBe(
          variant.language === 'en' ? 'EN' : 'ZH_CN',
        );
        await form.getByLabel(t('investorServices.subject')).fill(words.subject);
        await form.getByLabel(t('investorServices.body')).fill(words.body);
        // The respondent's contact field's label starts with the same words: the first is the respondent.
        await form.getByLabel(t('investorServices.respondent')).first().fill(words.respondent);
        await form.getByLabel(t('investorServices.administrativeAct')).fill(words.act);
        await form.getByLabel(t('investorServices.request')).fill(words.request);
        await form
          .locator('input[type="file"]')
          .setInputFiles({ name: 'application-receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page.getByTestId('uploaded-files').getByText('application-receipt.pdf').waitFor();
        await expectAccessible(page, 'the submit page');
        await form.getByRole('button', { name: t('investorServices.submit') }).click();
        await page.waitForURL(/\/investor-services\/cases\//);
        await eventually(() => page.getByTestId('acknowledgement').textContent()).toContain(words.acknowledgement);
        await page.getByTestId('case-attachments').getByText('application-receipt.pdf').waitFor();
        await expectAccessible(page, 'the case page');
        await screenshot(page, variant.name, 'investor-case-submitted');

        const desk = await signedInPage(officialContext, variant, official);
        await desk.goto('/investor-services/desk');
        const number = (await page.getByTestId('case-facts').locator('dd').first().textContent())!;
        await desk.getByTestId('case-queue').getByRole('link', { name: number }).click();
        await desk.getByTestId('accept').waitFor();
        const deskCase = desk.url();
        await desk
          .getByTestId('accept')
          .getByRole('button', { name: t('investorServices.accept') })
          .click();
        await desk.getByTestId('decision').waitFor();
        await desk.getByTestId('official-reply').getByLabel(t('investorServices.reply')).fill(words.reply);
        await desk.getByTestId('official-reply').getByRole('button').click();
        await desk.getByTestId('case-messages').getByText(words.reply).waitFor();
        await expectAccessible(desk, 'the desk case page');
        await screenshot(desk, variant.name, 'desk-case-accepted');

        // The investor's page, never reloaded, receives both changes over the subscription.
        await page.getByTestId('case-messages').getByText(words.reply).waitFor({ timeout: 20_000 });
        await eventually(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('ACCEPTED');
        await page.getByTestId('decision').getByText(words.nextLevel).waitFor();
        await screenshot(page, variant.name, 'investor-reply-live');

        // The desk's figures: the month chart counts the case.
        await desk.goto('/investor-services/desk/figures');
        await desk.getByTestId('figures').waitFor();
        expect(await desk.getByTestId('month-chart').locator('svg').getAttribute('aria-label')).toMatch(/2026-11 1/);
        await expectAccessible(desk, 'the figures page');
        await screenshot(desk, variant.name, 'desk-figures');

        // Resolved, published as a typical case, corrected and withdrawn from the desk.
        await desk.goto(deskCase);
        const resolve = desk.getByTestId('resolve');
        await resolve.getByLabel(t('investorServices.summary')).fill(words.reply);
        await resolve.getByRole('button', { name: t('investorServices.resolve') }).click();
        const publish = desk.getByTestId('publish-typical');
        await publish.getByLabel(t('investorServices.typicalTitle')).fill(words.typicalTitle);
        await publish.getByLabel(t('investorServices.typicalSummary')).fill(words.body);
        await publish.getByRole('button', { name: t('investorServices.publishTypical') }).click();
        await eventually(() => publish.getByLabel(t('investorServices.typicalTitle')).inputValue()).toBe('');
        await desk.goto('/investor-services/desk/typical');
        const card = desk.getByTestId('desk-typical-case').filter({ hasText: words.typicalTitle });
        await card.getByRole('button', { name: t('investorServices.editTypical') }).click();
        await card.getByLabel(t('investorServices.typicalTitle')).fill(words.correctedTitle);
        await card.getByRole('button', { name: t('investorServices.saveTypical') }).click();
        const corrected = desk.getByTestId('desk-typical-case').filter({ hasText: words.correctedTitle });
        await corrected.getByRole('heading', { name: words.correctedTitle }).waitFor();
        await expectAccessible(desk, 'the desk typical cases page');
        await screenshot(desk, variant.name, 'desk-typical-cases');
        await corrected.getByLabel(t('investorServices.withdrawReason')).fill(words.request);
        await corrected.getByRole('button', { name: t('investorServices.withdrawTypical') }).click();
        const dialog = desk.getByTestId('confirm-dialog');
        await dialog.getByText(t('investorServices.withdrawConfirmBody')).waitFor();
        await dialog.getByRole('button', { name: t('investorServices.withdrawTypical') }).click();
        await eventually(() => desk.getByTestId('desk-typical-case').count()).toBe(0);
        await page.goto('/investor-services/typical');
        await page.getByTestId('typical-cases').waitFor({ state: 'attached' });
        await eventually(() => page.getByText(t('investorServices.noTypical')).isVisible()).toBe(true);
      } finally {
        await investorContext.close();
        await officialContext.close();
      }
    },
  );
});
