import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { gid, reserve, tradeName } from '../registration/helpers.js';
import {
  elderOn,
  htmlLang,
  launchBrowser,
  newContext,
  seriousViolations,
  VARIANTS,
  type Variant,
} from './support/browser.js';
import { text } from './support/catalogue.js';
import { sendNotification } from './support/server.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 20 in a real browser against the real server, in English, Chinese and Chinese elder mode:
// the application form's error summary (it takes focus, links to each field, marks the steps, says
// "not submitted"), a half-filled draft with a malformed amount surviving a reload, each role landing
// on its work with only its menus, the name-verification card, the inbox; axe-core on each page.
// Screenshots (small JPEGs) in test-artifacts/issue-20/<variant>/. With ISSUE20_BEFORE_DIST set to a
// build of the client before this change, the same pages are shot from it as before-*.jpg.

const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/issue-20');
const BEFORE_DIST = process.env.ISSUE20_BEFORE_DIST;

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

async function shot(page: Page, variant: Variant, name: string) {
  const folder = join(SHOTS, variant.name);
  mkdirSync(folder, { recursive: true });
  const prefix = BEFORE_DIST ? 'before' : 'after';
  await page.screenshot({ path: join(folder, `${prefix}-${name}.jpg`), type: 'jpeg', quality: 55, fullPage: false });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves the web client from an older build (for "before" screenshots); the API stays the real one. */
async function useBeforeBuild(context: BrowserContext) {
  if (!BEFORE_DIST) return;
  await context.route(
    (url) => url.pathname !== '/graphql',
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(BEFORE_DIST, path);
      if (path !== '/' && existsSync(file) && !file.endsWith('/')) {
        await route.fulfill({
          body: readFileSync(file),
          contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        });
      } else {
        await route.fulfill({ body: readFileSync(join(BEFORE_DIST, 'index.html')), contentType: 'text/html' });
      }
    },
  );
}

async function context(viewport?: { width: number; height: number }) {
  const created = await newContext(browser, app.url, viewport);
  await useBeforeBuild(created);
  return created;
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

async function signIn(ctx: BrowserContext, variant: Variant, user: TestUser): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto('/sign-in');
  if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  if (variant.elder) await page.getByRole('switch').click();
  await poll(() => htmlLang(page)).toBe(variant.language);
  await poll(() => elderOn(page)).toBe(variant.elder);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Waits for a condition as long as Playwright waits for an element (vitest's own default is 1 s: too short on a loaded machine). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.each(VARIANTS)('issue 20 in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'keeps a half-filled draft with a malformed amount across a reload, and a failed submission shows a focused summary linking to each field',
    { timeout: 180_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const reservation = await reserve(app, applicant);
      const ctx = await context();
      try {
        const page = await signIn(ctx, variant, applicant);
        // An applicant lands on the home page, which lists its own items.
        expect(pathOf(page)).toBe('/');
        if (!BEFORE_DIST) {
          await page.getByTestId('my-items').getByText(reservation.name).waitFor();
          await expectAccessible(page);
        }
        await shot(page, variant, '01-home-applicant');

        await page.goto(`/applications/new?reservation=${encodeURIComponent(gid('NameReservation', reservation.id))}`);
        if (!BEFORE_DIST) await poll(() => page.locator('input[name="industry"]').inputValue()).toBe('I65');
        else await page.locator('textarea[name="businessScope"]').waitFor();
        await page.locator('textarea[name="businessScope"]').fill('软件开发；信息技术咨询服务');
        await page.getByRole('button', { name: t('registration.next') }).click();
        await page.locator('input[name="address"]').fill('青岛市黄岛区前湾港路 1 号');
        await page.locator('input[name="registeredCapital"]').fill('一百万');
        await page.getByRole('button', { name: t('registration.saveDraft') }).click();
        const capital = page.locator('input[name="registeredCapital"]');
        await poll(() => capital.getAttribute('aria-invalid')).toBe('true');
        await shot(page, variant, '02-draft-malformed-amount');
        if (BEFORE_DIST) return;

        // Saved, except the malformed amount: the draft exists and the address is in it.
        await page.getByTestId('error-summary').waitFor();
        await poll(() => pathOf(page)).toMatch(/\/applications\/.+\/edit$/);
        await expectAccessible(page);

        // Typed but not saved: kept on this device; leaving asks first.
        await page.locator('input[name="address"]').fill('青岛市黄岛区前湾港路 9 号');
        await poll(() => page.getByTestId('save-state').innerText()).toBe(t('applicationForm.unsavedChanges'));
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.type());
          void dialog.accept();
        });
        await page.reload();
        await page.getByTestId('restored-notice').waitFor();
        expect(dialogs).toContain('beforeunload');
        await page.getByRole('button', { name: new RegExp(`2 ${t('registration.steps.place')}`) }).click();
        await poll(() => page.locator('input[name="address"]').inputValue()).toBe('青岛市黄岛区前湾港路 9 号');
        await poll(() => page.locator('input[name="registeredCapital"]').inputValue()).toBe('一百万');
        await expectAccessible(page);
        await shot(page, variant, '03-restored-after-reload');

        // Submitting with problems: not submitted, a focused summary, the steps marked, links to fields.
        await page.getByRole('button', { name: new RegExp(`4 ${t('registration.steps.submit')}`) }).click();
        await page.locator('input[name="commitmentAccepted"]').check();
        await page.locator('input[name="signatoryName"]').fill('王海川');
        await page.getByRole('button', { name: t('registration.submit'), exact: true }).click();
        const summary = page.getByTestId('error-summary');
        await expect
          .poll(() => summary.innerText())
          .toContain(t('applicationForm.summaryNotSubmitted', { count: 1 }).split('1')[0]!.trim());
        await expect
          .poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')"))
          .toBe('error-summary');
        expect(await page.locator('.steps__button[data-problems]').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('submitted-notice').count()).toBe(0);
        await expectAccessible(page);
        await shot(page, variant, '04-not-submitted-summary');
        await summary
          .getByRole('link', { name: new RegExp(t('registration.items.registeredCapital')) })
          .first()
          .click();
        await poll(() => page.evaluate('document.activeElement?.name')).toBe('registeredCapital');

        // Corrected and saved in full: nothing unsaved is left on the device.
        await capital.fill('1000000');
        await page.getByRole('button', { name: t('registration.saveDraft') }).click();
        await page.getByText(t('registration.draftSaved')).waitFor();
        await poll(() => page.getByTestId('save-state').innerText()).toBe(t('applicationForm.allSaved'));
        expect(
          await page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('qes.applicationDraft'))"),
        ).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
  );

  it(
    'asks for district and legal form in the browser when reserving, at their fields',
    { timeout: 90_000 },
    async () => {
      if (BEFORE_DIST) return;
      const applicant = await createUser(app, { role: 'APPLICANT' });
      const ctx = await context();
      try {
        const page = await signIn(ctx, variant, applicant);
        await page.goto(`/names/reserve?name=${encodeURIComponent(`青岛${tradeName()}信息技术有限公司`)}`);
        await page.getByRole('button', { name: t('names.reserve') }).click();
        await poll(() => page.locator('select[name="district"]').getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('select[name="kind"]').getAttribute('aria-invalid')).toBe('true');
        await poll(() => page.evaluate('document.activeElement?.name')).toBe('district');
        expect(await page.getByText(t('errors.BAD_USER_INPUT')).count()).toBe(0);
        await expectAccessible(page);
        await shot(page, variant, '05-reserve-required');
      } finally {
        await ctx.close();
      }
    },
  );

  it('lands each role on its work and shows it only its menus', { timeout: 180_000 }, async () => {
    const cases: { role: 'OFFICIAL' | 'BANK_OFFICER' | 'HOST_AGENT' | 'ADMIN'; department?: string; to: string }[] = [
      { role: 'OFFICIAL', department: 'MARKET_REGULATION', to: '/desk' },
      { role: 'OFFICIAL', department: 'TAX', to: '/desk/clearances' },
      { role: 'OFFICIAL', department: 'COMMERCE', to: '/investor-services/desk' },
      { role: 'OFFICIAL', department: 'FINANCE', to: '/financing/dashboard' },
      { role: 'BANK_OFFICER', to: '/financing/workbench' },
      { role: 'HOST_AGENT', to: '/hosting/desk' },
      { role: 'ADMIN', to: '/admin/keys' },
    ];
    for (const { role, department, to } of cases) {
      const user = await createUser(app, { role, department: department as never });
      const ctx = await context();
      try {
        const page = await signIn(ctx, variant, user);
        if (BEFORE_DIST) {
          if (department === 'TAX') {
            await page.goto('/desk');
            await page.waitForTimeout(1500);
            await shot(page, variant, '06-tax-official-desk');
          }
          continue;
        }
        await poll(() => pathOf(page)).toBe(to);
        const nav = page.getByRole('navigation', { name: t('app.mainNav') });
        const reviewDesk = nav.getByRole('link', { name: t('nav.desk'), exact: true });
        expect(await reviewDesk.count(), `${role} ${department ?? ''} sees the review desk`).toBe(
          department === 'MARKET_REGULATION' ? 1 : 0,
        );
        if (department === 'TAX') {
          expect(await nav.getByRole('link', { name: t('landing.nav.clearanceDesk') }).count()).toBe(1);
          // The review desk's address takes a tax official to its own queue, without refused queries.
          await page.goto('/desk');
          await poll(() => pathOf(page)).toBe('/desk/clearances');
          expect(await page.getByText(t('errors.FORBIDDEN')).count()).toBe(0);
          await expectAccessible(page);
          await shot(page, variant, '06-tax-official-desk');
        }
        if (department === 'MARKET_REGULATION') {
          await page.getByRole('heading', { name: t('desk.reviewQueue') }).waitFor();
          await expectAccessible(page);
        }
      } finally {
        await ctx.close();
      }
    }

    // Anyone: the five service cards are links to where each service starts.
    const ctx = await context();
    try {
      const page = await ctx.newPage();
      await page.goto('/');
      if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
      if (variant.elder) await page.getByRole('switch').click();
      await shot(page, variant, '07-home-services');
      if (BEFORE_DIST) return;
      const hrefs = await page.locator('.services a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['/applications', '/names/check', '/hosting', '/investor-services', '/financing']);
      await expectAccessible(page);
    } finally {
      await ctx.close();
    }
  });

  it(
    'shows the official why a name is special, the commitment and the applicant, and asks for a note and a confirmation before revoking',
    { timeout: 120_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      let reservation: Awaited<ReturnType<typeof reserve>> | null = null;
      for (let attempt = 0; !reservation && attempt < 8; attempt++) {
        reservation = await reserve(app, applicant, { name: `${tradeName()}智能科技有限公司`, commitment: true }).catch(
          () => null,
        );
      }
      expect(reservation?.special).toBe(true);
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const ctx = await context();
      try {
        const page = await signIn(ctx, variant, official);
        // Before issue 20 an official landed on the public home page.
        if (BEFORE_DIST) await page.goto('/desk');
        const card = page.getByTestId('verification-item').filter({ hasText: reservation!.name });
        await card.waitFor();
        await shot(page, variant, '08-verification-card');
        if (BEFORE_DIST) return;
        expect(await card.getByTestId('special-because').innerText()).toContain(t('deskCards.noDivision'));
        expect(await card.innerText()).toContain('王海川');
        expect(await card.innerText()).toContain(applicant.user.displayName);
        await card.getByRole('button', { name: t('desk.falseCommitment') }).click();
        const note = card.locator('textarea');
        await poll(() => note.getAttribute('aria-invalid')).toBe('true');
        await card.getByText(t('deskCards.revokeNoteRequired')).waitFor();
        await note.fill('承诺的事项与实际经营不符。');
        await card.getByRole('button', { name: t('desk.falseCommitment') }).click();
        const dialog = page.getByRole('dialog', { name: t('deskCards.confirmRevokeTitle') });
        await dialog.waitFor();
        await expectAccessible(page);
        await shot(page, variant, '09-revoke-confirmation');
        await dialog.getByRole('button', { name: t('deskCards.cancel') }).click();
        await poll(() => dialog.count()).toBe(0);
        // Nothing was decided: the card still waits for a decision.
        expect(await card.getByRole('button', { name: t('desk.compliant') }).count()).toBe(1);
      } finally {
        await ctx.close();
      }
    },
  );

  it(
    'the bell links to an inbox that loads more a page at a time and marks notifications read',
    { timeout: 120_000 },
    async () => {
      const applicant = await createUser(app, { role: 'APPLICANT' });
      for (let i = 1; i <= 25; i++) await sendNotification(app, applicant.user.email, `通知 ${i}`, `第 ${i} 条`);
      const ctx = await context();
      try {
        const page = await signIn(ctx, variant, applicant);
        await page
          .getByRole('button', { name: new RegExp(t('bell.title')) })
          .first()
          .click();
        await shot(page, variant, '10-bell');
        if (BEFORE_DIST) return;
        await page.getByRole('link', { name: new RegExp(t('inbox.seeAll')) }).click();
        await poll(() => pathOf(page)).toBe('/inbox');
        const items = page.getByTestId('inbox-item');
        await poll(() => items.count()).toBe(20);
        await page.getByRole('button', { name: t('inbox.loadMore') }).click();
        await poll(() => items.count()).toBe(25);
        const titles = await items.locator('h2').allInnerTexts();
        expect(new Set(titles).size).toBe(25);
        await page.getByText(t('inbox.end')).waitFor();
        await items
          .first()
          .getByRole('button', { name: new RegExp(t('inbox.markRead')) })
          .click();
        await poll(() => items.first().getAttribute('data-read')).toBe('true');
        await expect
          .poll(() => page.getByTestId('inbox-count').innerText())
          .toBe(t('inbox.count', { total: 25, unread: 24 }));
        await expectAccessible(page);
        await shot(page, variant, '11-inbox');
      } finally {
        await ctx.close();
      }
    },
  );
});
