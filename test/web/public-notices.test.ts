import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbnormalOperationsListing } from '../../src/modules/hosting/hosting.entity.js';
import { SimplifiedDeregistrationObjection } from '../../src/modules/registration/simplified-deregistration.entity.js';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { establish, gid, localId, run } from '../registration/helpers.js';
import { DRAW, FINDING, REVOKE } from '../supervision/helpers.js';
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

// Issue 15 in a real browser: the public notices page (公示公告), reached from the footer, at phone
// width: simplified-deregistration notices a page at a time, with a creditor filing an objection
// (refused with the fields marked when empty, then accepted: the notice turns OBJECTED); an
// enterprise revoked through the real inspection flow under revocations; the abnormal-operations
// list. In English, Chinese and Chinese elder mode, axe-core on each state.

const NOTICE_COMMITMENT = { termsVersion: 'SIMPLE-DEREG-2026.1', accepted: true, signatoryName: '王海川' };
const START = /* GraphQL */ `
  mutation ($input: StartSimplifiedDeregistrationNoticeInput!) {
    startSimplifiedDeregistrationNotice(input: $input) {
      notice {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
/** One more than a page, so the list has a "load more". */
const NOTICES = 21;

let app: TestApp;
let browser: Browser;
/** The names of enterprises under notice, one for each variant to object to. */
const underNotice: string[] = [];
let revoked: { name: string; reason: string };
let abnormal: { name: string; reason: string };

/** An enterprise established on `day` is drawn for inspection, found to have made a false declaration, and revoked. */
async function revokedThroughInspection(): Promise<{ name: string; reason: string }> {
  const applicant = await createUser(app);
  const officials: TestUser[] = [];
  for (let i = 0; i < 2; i++)
    officials.push(await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' }));
  const enterprise = (await establish(app, applicant, officials[0]!)).enterprise;
  const day = '2026-11-02';
  const drawn = (
    await run(
      app,
      DRAW,
      { input: { confirmedFrom: day, confirmedTo: day, sampleSize: 10, inspectorsPerEnterprise: 1 } },
      officials[0],
    )
  ).drawInspectionSample;
  expect(drawn.userErrors).toEqual([]);
  const inspection = drawn.sample.inspections.edges
    .map((e: any) => e.node)
    .find((n: any) => n.enterprise.id === enterprise.id);
  const inspector = officials.find((o) => o.user.id === localId(inspection.inspectors[0].id))!;
  const finding = (
    await run(
      app,
      FINDING,
      { input: { id: inspection.id, finding: 'FALSE_DECLARATION', note: '住所系虚假地址' } },
      inspector,
    )
  ).recordInspectionFinding;
  expect(finding.userErrors).toEqual([]);
  // After the 10 working days the enterprise had to answer.
  app.clock.set('2026-11-17T09:00:00+08:00');
  const reason = '提交虚假材料取得登记';
  const result = (await run(app, REVOKE, { input: { id: finding.inspection.proceeding.id, reason } }, officials[0]))
    .revokeEnterpriseRegistration;
  expect(result.userErrors).toEqual([]);
  return { name: enterprise.name, reason };
}

beforeAll(async () => {
  ensureWebBuild();
  app = await TestApp.start({ now: '2026-11-02T10:00:00+08:00' });
  browser = await launchBrowser();
  revoked = await revokedThroughInspection();

  const applicant = await createUser(app);
  for (let i = 0; i < NOTICES; i++) {
    const enterprise = await createEnterprise(app, applicant);
    const started = (
      await run(
        app,
        START,
        { input: { enterpriseId: gid('Enterprise', enterprise.id), commitment: NOTICE_COMMITMENT } },
        applicant,
      )
    ).startSimplifiedDeregistrationNotice;
    expect(started.userErrors).toEqual([]);
    underNotice.push(enterprise.name);
  }

  const listed = await createEnterprise(app, applicant);
  abnormal = { name: listed.name, reason: '通过登记的住所无法联系' };
  const em = app.em();
  em.persist(
    em.create(AbnormalOperationsListing, {
      enterpriseId: listed.id,
      reason: abnormal.reason,
      listedOn: '2026-11-10',
      authority: '青岛市黄岛区市场监督管理局',
    }),
  );
  await em.flush();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A visitor's phone in the variant's language and mode from the first page on (nobody signed in). */
async function visitorContext(variant: Variant): Promise<BrowserContext> {
  const context = await newContext(browser, app.url, { width: 375, height: 812 });
  await context.addInitScript(`
    localStorage.setItem('qes.language', ${JSON.stringify(variant.language)});
    localStorage.setItem('qes.elder', ${JSON.stringify(variant.elder ? '1' : '0')});
  `);
  return context;
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
  expect(await horizontalOverflow(page), `sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
}

describe.each(VARIANTS)('the public notices page ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);
  const index = VARIANTS.indexOf(variant);

  it(
    'lists notices a page at a time, takes a creditor’s objection, and shows revocations and the abnormal list',
    { timeout: 240_000 },
    async () => {
      const context = await visitorContext(variant);
      const page = await context.newPage();
      await page.goto('/');
      expect(await htmlLang(page)).toBe(variant.language);
      expect(await elderOn(page)).toBe(variant.elder);
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: t('app.notices') })
        .click();
      await page.waitForURL(/\/notices$/);
      await page.getByRole('heading', { level: 1, name: t('notices.title') }).waitFor();

      // Simplified deregistrations: a page of 20, then the rest.
      const notices = page.getByTestId('deregistration-notice');
      await page
        .getByTestId('deregistration-notices-count')
        .getByText(t('notices.count', { count: NOTICES }))
        .waitFor();
      await expect.poll(() => notices.count()).toBe(20);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'notices-deregistrations');
      await page.getByRole('button', { name: t('notices.loadMore') }).click();
      await expect.poll(() => notices.count()).toBe(NOTICES);
      await page.getByText(t('notices.end')).waitFor();

      // A creditor objects to one enterprise's notice.
      const name = underNotice[index]!;
      // The button says whose notice it is to a screen reader ("Object: <name>").
      const objectButton = new RegExp(`^${t('notices.object')}\\s*:\\s*${name}$`);
      const card = notices.filter({ has: page.getByRole('heading', { name }) });
      await card.getByTestId('notice-status').getByText(t('notices.status.IN_NOTICE')).waitFor();
      await card.getByRole('button', { name: objectButton }).click();
      const form = card.locator('form');
      await form.getByRole('heading', { name: t('notices.objectFor', { name }) }).waitFor();

      // Sent empty: each field says what is missing, and nothing is recorded.
      const before = await app.em().count(SimplifiedDeregistrationObjection, {});
      await form.getByRole('button', { name: t('notices.submitObjection') }).click();
      for (const label of [t('notices.objectorName'), t('notices.contact'), t('notices.reason')]) {
        await expect.poll(() => form.getByLabel(label).getAttribute('aria-invalid')).toBe('true');
      }
      expect(await app.em().count(SimplifiedDeregistrationObjection, {})).toBe(before);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'notices-objection-refused');

      await form.getByLabel(t('notices.objectorName')).fill('青岛海川贸易有限公司');
      await form.getByLabel(t('notices.contact')).fill('0532-8888 6666');
      await form
        .getByLabel(t('notices.reason'))
        .fill('该企业尚欠我司货款人民币 12 万元，合同编号 HC-2026-031，尚未结清。');
      await form.getByRole('button', { name: t('notices.submitObjection') }).click();
      await card.getByText(t('notices.objectionFiled')).waitFor();
      await card.getByTestId('notice-status').getByText(t('notices.status.OBJECTED')).waitFor();
      // Other creditors may still object until the notice ends.
      await card.getByRole('button', { name: objectButton }).waitFor();
      expect(await app.em().count(SimplifiedDeregistrationObjection, {})).toBe(before + 1);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'notices-objection-filed');

      // Revocations: the enterprise revoked after the inspection, with its ground.
      await page.getByRole('button', { name: t('notices.tabRevocations') }).click();
      await page.waitForURL(/tab=revocations/);
      const revocation = page
        .getByTestId('revocation')
        .filter({ has: page.getByRole('heading', { name: revoked.name }) });
      await revocation.getByText(t('notices.revocationStatus.REVOKED')).waitFor();
      await revocation.getByText(revoked.reason).waitFor();
      await expectAccessible(page);
      await screenshot(page, variant.name, 'notices-revocations');

      // The abnormal-operations list, the same list as its own page.
      await page.getByRole('button', { name: t('notices.tabAbnormal') }).click();
      const entry = page.getByTestId('abnormal-entry').filter({ hasText: abnormal.name });
      await entry.getByText(abnormal.reason).waitFor();
      await expectAccessible(page);
      await screenshot(page, variant.name, 'notices-abnormal');
      await page.getByRole('link', { name: t('notices.abnormalPage') }).click();
      await page.getByTestId('abnormal-entry').filter({ hasText: abnormal.name }).waitFor();
      await context.close();
    },
  );
});
