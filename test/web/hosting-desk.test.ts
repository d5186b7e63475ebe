import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import {
  ACCEPT,
  addAddress,
  APPLY,
  hostInput,
  LIST_ABNORMAL,
  LOG_FORWARDING,
  ok,
  REPORT,
  REQUEST,
  verifiedHost,
} from '../hosting/helpers.js';
import { reserve } from '../registration/helpers.js';
import { toGlobalId } from '../../src/shared/ids.js';
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

// Issue 12, the host's and the official's forms in a real browser: the host adds an address, a
// capacity the host rules do not allow is refused with the rule's message at the capacity field
// (and nothing is added), an allowed one appears on the desk and in the public directory with its
// free places; the official refuses a pending host application with a reason, after confirming; the
// host logs a forwarded letter that the applicant acknowledges (each side seeing the other's step
// live) and reports an unreachable enterprise that the official puts on the abnormal list; an
// applicant hosted for its reserved name picks the hosted address at the registration form's address step.
// In English and Chinese; axe-core on the desk (with the field error shown) and the review page.
// Then every hosting page, with its forms open and filled, on a 375-pixel-wide phone in English,
// Chinese and Chinese elder mode: no sideways scrolling, axe-clean. Elder mode gets this page-level
// walk rather than the flows, which take about 65 s per variant on the shared machine (the file is
// well over 90 s already); the walk shows the same pages and forms in elder mode.

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

async function hostName(id: string, official: TestUser): Promise<string | undefined> {
  const result = await app.execute<{ node: { name: string } }>(
    `query($id: ID!) { node(id: $id) { ... on Host { name } } }`,
    { id },
    { token: official.token },
  );
  return result.data?.node.name;
}

const RULE = { en: 'Breaks the host rule', 'zh-CN': '不符合托管规则' } as const;

describe.each(VARIANTS.filter((v) => !v.elder))('host and official forms in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'the host adds an address (a too-large capacity names the rule at the field); it shows in the directory',
    {
      timeout: 180_000,
    },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const host = await verifiedHost(app, official);
      const addressText = `青岛市市南区东海西路 ${variant.name}-${Date.now()} 号`;
      const context = await newContext(browser, app.url);
      try {
        const desk = await signedInPage(context, variant, host.agent);
        await desk.goto('/hosting/desk');
        const form = desk.locator('[data-testid="add-address"]');
        await form.waitFor();
        await expectAccessible(desk);

        // 20 m² at 2 m² each allow 10 enterprises: 500 breaks the floor-area rule.
        await form.getByLabel(t('hosting.addressText')).fill(addressText);
        await form.getByLabel(t('hosting.floorArea')).fill('20');
        const capacity = form.getByLabel(t('hosting.capacity'));
        await capacity.fill('500');
        await form.getByRole('button', { name: t('hosting.addAddress') }).click();
        const capacityErrors = form.locator('.field', { hasText: t('hosting.capacity') }).locator('.field__errors');
        await capacityErrors.waitFor();
        expect(await capacityErrors.textContent()).toContain(RULE[variant.language as keyof typeof RULE]);
        expect(await capacity.getAttribute('aria-invalid')).toBe('true');
        expect(await desk.locator('[data-testid="desk-address"]').count()).toBe(0);
        await expectAccessible(desk);
        await screenshot(desk, variant.name, 'hosting-desk-capacity-error');

        // An allowed capacity: the address appears on the desk with its occupancy.
        await capacity.fill('4');
        await form.getByRole('button', { name: t('hosting.addAddress') }).click();
        const card = desk.locator('[data-testid="desk-address"]', { hasText: addressText });
        await expect
          .poll(() => card.locator('[data-testid="desk-occupancy"]').textContent(), { timeout: 15_000 })
          .toBe(t('hosting.occupancy', { occupied: 0, capacity: 4 }));
        await expect.poll(() => capacityErrors.count()).toBe(0);

        // Editing it: the same rule at the edit form's capacity field, then an allowed change.
        await card.getByText(t('hosting.editAddress')).click();
        const edit = card.locator('[data-testid="edit-address"]');
        const editCapacity = edit.getByLabel(t('hosting.capacity'));
        await editCapacity.fill('500');
        await edit.getByRole('button', { name: t('hosting.save') }).click();
        const editErrors = edit.locator('.field', { hasText: t('hosting.capacity') }).locator('.field__errors');
        await editErrors.waitFor();
        expect(await editErrors.textContent()).toContain(RULE[variant.language as keyof typeof RULE]);
        await expectAccessible(desk);
        await editCapacity.fill('5');
        await edit.getByRole('button', { name: t('hosting.save') }).click();
        await expect
          .poll(() => card.locator('[data-testid="desk-occupancy"]').textContent(), { timeout: 15_000 })
          .toBe(t('hosting.occupancy', { occupied: 0, capacity: 5 }));

        // And in the public directory with its free places.
        await desk.goto('/hosting');
        const listed = desk.locator('[data-testid="hosted-address"]', { hasText: addressText });
        await expect
          .poll(() => listed.locator('[data-testid="vacancy"]').textContent(), { timeout: 15_000 })
          .toBe(t('hosting.vacancy', { count: 5, capacity: 5 }));
      } finally {
        await context.close();
      }
    },
  );

  it(
    'the official refuses a pending host application and suspends a verified host, with a reason, after confirming',
    { timeout: 180_000 },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const organisation = await createOrganisation(app, 'LAW_FIRM');
      const agent = await createUser(app, { role: 'HOST_AGENT', organisation });
      const { host } = await ok(app, APPLY, hostInput({ name: organisation.name }), agent.token);
      const reason = `执业许可证已过期 (${variant.name})`;
      const context = await newContext(browser, app.url);
      try {
        const review = await signedInPage(context, variant, official);
        await review.goto('/hosting/review');
        const card = review.locator('[data-testid="host-application"]', { hasText: organisation.name });
        await card.waitFor();
        await expectAccessible(review);
        await card.getByLabel(t('hosting.refuseHostReason')).fill(reason);
        await card.getByRole('button', { name: t('hosting.refuseHost'), exact: true }).click();
        // Nothing happens before the confirmation.
        const confirm = card.getByRole('button', { name: t('hosting.confirmRefuseButton') });
        await confirm.waitFor();
        await card.getByRole('alert').getByText(t('hosting.confirmRefuse')).waitFor();
        await expectAccessible(review);
        const before = await app.execute<{ node: { status: string } }>(
          `query($id: ID!) { node(id: $id) { ... on Host { status } } }`,
          { id: host.id },
          { token: official.token },
        );
        expect(before.data?.node.status).toBe('PENDING');
        await confirm.click();
        await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0);
        const after = await app.execute<{ node: { status: string; decisionReason: string } }>(
          `query($id: ID!) { node(id: $id) { ... on Host { status decisionReason } } }`,
          { id: host.id },
          { token: official.token },
        );
        expect(after.data?.node).toEqual({ status: 'REFUSED', decisionReason: reason });

        // A verified host is suspended with a reason, also after confirming.
        const verified = await verifiedHost(app, official);
        await review.reload();
        const hostCard = review.locator('[data-testid="verified-host"]').filter({
          has: review.getByRole('heading', { name: (await hostName(verified.hostId, official)) ?? '' }),
        });
        await hostCard.waitFor();
        const suspendReason = `多次无法联系 (${variant.name})`;
        await hostCard.getByLabel(t('hosting.suspendReason')).fill(suspendReason);
        await hostCard.getByRole('button', { name: t('hosting.suspendHost'), exact: true }).click();
        await hostCard.getByRole('button', { name: t('hosting.confirmSuspendButton') }).click();
        await expect.poll(() => hostCard.count(), { timeout: 15_000 }).toBe(0);
        const suspended = await app.execute<{ node: { status: string; decisionReason: string } }>(
          `query($id: ID!) { node(id: $id) { ... on Host { status decisionReason } } }`,
          { id: verified.hostId },
          { token: official.token },
        );
        expect(suspended.data?.node.status).toBe('SUSPENDED');
      } finally {
        await context.close();
      }
    },
  );

  it('an applicant with only a reserved name asks to be hosted for that name', { timeout: 180_000 }, async () => {
    const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    const host = await verifiedHost(app, official);
    const address = await addAddress(app, host.agent, {
      capacity: 2,
      floorArea: 10,
      address: `青岛市市南区山东路 ${variant.name}-${Date.now()} 号`,
    });
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const reservation = await reserve(app, applicant);
    const context = await newContext(browser, app.url);
    try {
      const page = await signedInPage(context, variant, applicant);
      await page.goto('/hosting');
      const card = page.locator('[data-testid="hosted-address"]', { hasText: address.address });
      const select = card.getByRole('combobox', { name: t('hosting.requestFor') });
      await select.waitFor();
      await expectAccessible(page);
      await select.selectOption(toGlobalId('NameReservation', reservation.id));
      await card.getByRole('button', { name: t('hosting.request') }).click();
      await card.getByText(t('hosting.requested')).waitFor();
      await page.goto('/hosting/mine');
      const mine = page.locator('[data-testid="agreement"]', { hasText: reservation.name });
      await expect.poll(() => mine.getAttribute('data-status'), { timeout: 15_000 }).toBe('REQUESTED');
    } finally {
      await context.close();
    }
  });

  it(
    'the host logs a forwarded letter; it arrives live on the applicant’s page, who acknowledges it; the official lists a reported enterprise',
    { timeout: 240_000 },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const host = await verifiedHost(app, official);
      const address = await addAddress(app, host.agent, { capacity: 3, floorArea: 10 });
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const hosted = await activeAgreement(address.id, applicant, host.agent);
      const unreachable = await activeAgreement(address.id, applicant, host.agent);
      const sender = `青岛市税务局 ${variant.name}`;
      const contexts = [
        await newContext(browser, app.url),
        await newContext(browser, app.url),
        await newContext(browser, app.url),
      ];
      try {
        const [hostContext, applicantContext, officialContext] = contexts as [
          BrowserContext,
          BrowserContext,
          BrowserContext,
        ];
        // The applicant's page is open, with nothing forwarded yet.
        const mine = await signedInPage(applicantContext, variant, applicant);
        await mine.goto('/hosting/mine');
        const mineCard = mine.locator('[data-testid="agreement"]', { hasText: hosted.name });
        await mineCard.getByText(t('hosting.noForwarded')).waitFor();

        // The host logs a letter (dates by the server's clock, 26 November 2026).
        const desk = await signedInPage(hostContext, variant, host.agent);
        await desk.goto('/hosting/desk');
        const deskCard = desk.locator('[data-testid="agreement"][data-status="ACTIVE"]', { hasText: hosted.name });
        await deskCard.getByLabel(t('hosting.sender')).fill(sender);
        await deskCard.getByLabel(t('hosting.receivedOn')).fill('2026-11-25');
        await deskCard.getByLabel(t('hosting.forwardedOn')).fill('2026-11-25');
        await deskCard.getByRole('button', { name: t('hosting.logForwarding') }).click();
        const deskItem = deskCard.locator('[data-testid="forwarding"]', { hasText: sender });
        await deskItem.waitFor();

        // It arrives on the applicant's page without a reload; the applicant acknowledges it.
        const mineItem = mineCard.locator('[data-testid="forwarding"]', { hasText: sender });
        await mineItem.waitFor();
        await expectAccessible(mine);
        await mineItem.getByRole('button', { name: t('hosting.acknowledge'), exact: true }).click();
        await mineItem.getByText(t('hosting.acknowledged'), { exact: true }).waitFor();
        // And the host's desk shows it acknowledged, live.
        await deskItem.getByText(t('hosting.acknowledged'), { exact: true }).waitFor();

        // The host reports the other enterprise; the official lists it from the queue; the public list shows it.
        const otherCard = desk.locator('[data-testid="agreement"][data-status="ACTIVE"]', {
          hasText: unreachable.name,
        });
        await otherCard.getByText(t('hosting.reportUnreachable')).click();
        await otherCard.getByLabel(t('hosting.attempts')).fill('2026-11-20 电话三次未接通；2026-11-23 挂号信退回');
        await otherCard.getByRole('button', { name: t('hosting.sendReport') }).click();
        await otherCard.getByText(t('hosting.reported')).waitFor();
        const review = await signedInPage(officialContext, variant, official);
        await review.goto('/hosting/review');
        const report = review.locator('[data-testid="unreachable-report"]', { hasText: unreachable.name });
        await report.waitFor();
        await expectAccessible(review);
        await report.getByRole('button', { name: t('hosting.listAbnormal') }).click();
        await expect.poll(() => report.count(), { timeout: 15_000 }).toBe(0);
        await review.goto('/hosting/abnormal');
        await review.locator('[data-testid="abnormal-entry"]', { hasText: unreachable.name }).waitFor();
        await expectAccessible(review);
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );

  it(
    'an applicant hosted for its reserved name chooses the hosted address at the registration form’s address step',
    { timeout: 180_000 },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const host = await verifiedHost(app, official);
      const address = await addAddress(app, host.agent, {
        capacity: 2,
        floorArea: 10,
        district: 'SHINAN',
        address: `青岛市市南区宁夏路 ${variant.name}-${Date.now()} 号`,
      });
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const reservation = await reserve(app, applicant);
      const reservationId = toGlobalId('NameReservation', reservation.id);
      const { agreement } = await ok(app, REQUEST, { addressId: address.id, reservationId }, applicant.token);
      await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, applicant);
        await page.goto(`/applications/new?reservation=${encodeURIComponent(reservationId)}`);
        await expect.poll(() => page.locator('select[name="nameReservationId"]').inputValue()).not.toBe('');
        await page.locator('textarea[name="businessScope"]').fill('法律咨询服务');
        await page.getByRole('button', { name: t('registration.next') }).click();
        const choice = page.locator('select[name="hostingAgreementId"]');
        await choice.selectOption(agreement.id);
        // The address and its district follow the hosted address; the host is named at the field.
        await expect.poll(() => page.locator('input[name="address"]').inputValue()).toBe(address.address);
        expect(await page.locator('select[name="district"]').inputValue()).toBe('SHINAN');
        await page
          .getByText(t('applicationForm.hostedBy', { host: (await hostName(host.hostId, official)) ?? '' }))
          .waitFor();
        await expectAccessible(page);
        await screenshot(page, variant.name, 'hosting-registration-address-step');
      } finally {
        await context.close();
      }
    },
  );

  it(
    'the host reports a hosted enterprise it can no longer reach, with the attempts made',
    { timeout: 180_000 },
    async () => {
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const host = await verifiedHost(app, official);
      const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const enterprise = await createEnterprise(app, applicant);
      const requested = await ok(
        app,
        REQUEST,
        { addressId: address.id, enterpriseId: toGlobalId('Enterprise', enterprise.id) },
        applicant.token,
      );
      await ok(app, ACCEPT, { id: requested.agreement.id }, host.agent.token);
      const context = await newContext(browser, app.url);
      try {
        const desk = await signedInPage(context, variant, host.agent);
        await desk.goto('/hosting/desk');
        const card = desk.locator('[data-testid="agreement"][data-status="ACTIVE"]', { hasText: enterprise.name });
        await card.getByText(t('hosting.reportUnreachable')).click();
        await card.getByLabel(t('hosting.attempts')).fill('2026-12-01 电话三次未接通；2026-12-03 挂号信退回');
        await card.getByRole('button', { name: t('hosting.sendReport') }).click();
        await card.getByText(t('hosting.reported')).waitFor();
        const reports = desk.locator('section[aria-labelledby="reports-title"] .card', { hasText: enterprise.name });
        await expect.poll(() => reports.count(), { timeout: 15_000 }).toBe(1);
        await expectAccessible(desk);
      } finally {
        await context.close();
      }
    },
  );
});

/** An active agreement of a new enterprise of `applicant` at `addressId`; the enterprise's global id and name. */
async function activeAgreement(addressId: string, applicant: TestUser, agent: TestUser) {
  const enterprise = await createEnterprise(app, applicant);
  const enterpriseId = toGlobalId('Enterprise', enterprise.id);
  const { agreement } = await ok(app, REQUEST, { addressId, enterpriseId }, applicant.token);
  await ok(app, ACCEPT, { id: agreement.id }, agent.token);
  return { enterpriseId, name: enterprise.name };
}

describe.each(VARIANTS)('every hosting page on a 375-pixel-wide phone ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'fits the directory, my hosting, the desk with its forms, the review queues and the abnormal list',
    { timeout: 240_000 },
    async () => {
      // Something on every page: an address with a request to decide, an active agreement with an
      // overdue item, a pending report, an enterprise on the abnormal list, a host application.
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const host = await verifiedHost(app, official);
      const address = await addAddress(app, host.agent, {
        capacity: 5,
        floorArea: 10,
        address: `青岛市市南区香港中路 ${variant.name}-${Date.now()} 号 1201 室`,
      });
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const hosted = await activeAgreement(address.id, applicant, host.agent);
      await ok(
        app,
        LOG_FORWARDING,
        {
          enterpriseId: hosted.enterpriseId,
          sender: '青岛市税务局',
          kind: 'OFFICIAL_DOCUMENT',
          receivedOn: '2026-11-13',
          forwardedOn: '2026-11-13',
        },
        host.agent.token,
      );
      const reported = await activeAgreement(address.id, applicant, host.agent);
      await ok(app, REPORT, { enterpriseId: reported.enterpriseId, attempts: '电话三次未接通。' }, host.agent.token);
      const listed = await activeAgreement(address.id, applicant, host.agent);
      const { report } = await ok(
        app,
        REPORT,
        { enterpriseId: listed.enterpriseId, attempts: '挂号信退回。' },
        host.agent.token,
      );
      await ok(
        app,
        LIST_ABNORMAL,
        { reportId: report.id, reason: '通过登记的住所无法联系', authority: '青岛市市场监督管理局' },
        official.token,
      );
      const enterprise = await createEnterprise(app, applicant);
      await ok(
        app,
        REQUEST,
        { addressId: address.id, enterpriseId: toGlobalId('Enterprise', enterprise.id) },
        applicant.token,
      );
      const organisation = await createOrganisation(app, 'LAW_FIRM');
      await ok(
        app,
        APPLY,
        hostInput({ name: organisation.name }),
        (await createUser(app, { role: 'HOST_AGENT', organisation })).token,
      );
      const newcomer = await createUser(app, { role: 'HOST_AGENT' });

      /** Opens `path` at phone width in the variant's language and mode; `ready` waits for what the page must show. */
      const check = async (page: Page, path: string, name: string, ready: (page: Page) => Promise<unknown>) => {
        await page.setViewportSize({ width: 375, height: 812 });
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
        await ready(page);
        expect(await htmlLang(page)).toBe(variant.language);
        expect(await elderOn(page)).toBe(variant.elder);
        expect(await horizontalOverflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        await expectAccessible(page);
        await screenshot(page, variant.name, `hosting-phone-${name}`);
      };

      const contexts: BrowserContext[] = [];
      const signedIn = async (user: TestUser) => {
        const context = await newContext(browser, app.url);
        contexts.push(context);
        return signedInPage(context, variant, user);
      };
      try {
        const applicantPage = await signedIn(applicant);
        await check(applicantPage, '/hosting', 'directory', (page) =>
          page.locator('[data-testid="hosted-address"]', { hasText: address.address }).waitFor(),
        );
        await check(applicantPage, '/hosting/mine', 'mine', (page) =>
          page
            .locator('[data-testid="agreement"]', { hasText: hosted.name })
            .locator('[data-testid="forwarding"]')
            .waitFor(),
        );
        await check(applicantPage, '/hosting/abnormal', 'abnormal', (page) =>
          page.locator('[data-testid="abnormal-entry"]', { hasText: listed.name }).waitFor(),
        );

        // The desk with its forms open: the address's edit form, the report form, and the rule's error at the capacity field.
        const desk = await signedIn(host.agent);
        await check(desk, '/hosting/desk', 'desk', async (page) => {
          const card = page.locator('[data-testid="desk-address"]', { hasText: address.address });
          await card.getByText(t('hosting.editAddress')).click();
          await card.locator('[data-testid="edit-address"]').waitFor();
          await page
            .locator('[data-testid="agreement"]', { hasText: hosted.name })
            .getByText(t('hosting.reportUnreachable'))
            .click();
          await page
            .locator('[data-testid="agreement"][data-status="REQUESTED"]')
            .getByRole('button', { name: t('hosting.accept') })
            .waitFor();
          const form = page.locator('[data-testid="add-address"]');
          await form.getByLabel(t('hosting.addressText')).fill(`青岛市市南区东海西路 ${variant.name} 号`);
          await form.getByLabel(t('hosting.floorArea')).fill('20');
          await form.getByLabel(t('hosting.capacity')).fill('500');
          await form.getByRole('button', { name: t('hosting.addAddress') }).click();
          await form
            .locator('.field', { hasText: t('hosting.capacity') })
            .locator('.field__errors')
            .waitFor();
        });
        await check(await signedIn(newcomer), '/hosting/desk', 'desk-apply', (page) =>
          page.getByText(t('hosting.noHost')).waitFor(),
        );

        const review = await signedIn(official);
        await check(review, '/hosting/review', 'review', async (page) => {
          await page.locator('[data-testid="host-application"]', { hasText: organisation.name }).waitFor();
          await page.locator('[data-testid="unreachable-report"]', { hasText: reported.name }).waitFor();
        });
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );
});
