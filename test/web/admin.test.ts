import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
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

// Issue 15, the admin console: an administrator creates a partner API key, sees its secret once,
// and a partner system uses it against the API; the key's last use shows in the console; revoked, it
// stops working. Every section of the console is axe-clean and usable at 375 px.

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
  await expect.poll(() => htmlLang(page)).toBe(variant.language);
  await expect.poll(() => elderOn(page)).toBe(variant.elder);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

/** A partner system's call: plain HTTP with the key as the bearer credential. */
async function partnerCall(secret: string): Promise<{ role?: string; code?: string }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ viewer { role } financingDemands(first: 1) { totalCount } }' }),
  });
  const body = (await response.json()) as {
    data?: { viewer?: { role: string } };
    errors?: { extensions?: { code?: string } }[];
  };
  return { role: body.data?.viewer?.role, code: body.errors?.[0]?.extensions?.code };
}

describe.each(VARIANTS)('the admin console ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'creates a partner key whose secret is shown once, which a partner then uses; shows its last use; revokes it',
    { timeout: 180_000 },
    async () => {
      const admin = await createUser(app, { role: 'ADMIN' });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page.goto('/admin');
        await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/admin/keys');
        await page.getByRole('heading', { level: 2, name: t('admin.keys.title') }).waitFor();
        await expectAccessible(page);

        // A key without a scope is refused at the form, nothing created.
        const name = `海川数据 ${variant.name}`;
        await page.locator('input[name="name"]').fill(name);
        await page.getByRole('button', { name: t('admin.keys.submit') }).click();
        await page.getByText(t('errors.formHasErrors')).or(page.locator('.field__errors')).first().waitFor();
        await page.locator('input[name="scope-FINANCING_READ"]').check();
        await page.getByRole('button', { name: t('admin.keys.submit') }).click();
        const shown = page.getByTestId('api-key-secret');
        await shown.waitFor();
        const secret = await shown.locator('input').inputValue();
        expect(secret).toMatch(/^qes_k_/);
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-01-secret-once');
        await page.getByRole('button', { name: t('admin.keys.dismiss') }).click();
        await expect.poll(() => page.getByTestId('api-key-secret').count()).toBe(0);
        expect(await page.content()).not.toContain(secret);
        const card = page.getByTestId('api-key').filter({ hasText: name });
        await expect
          .poll(() => card.getByTestId('last-used').innerText(), { timeout: 15_000 })
          .toBe(t('admin.keys.never'));

        // The partner's system uses it; the console shows the use.
        expect(await partnerCall(secret)).toEqual({ role: 'PARTNER', code: undefined });
        await expect
          .poll(
            async () => {
              await page.reload();
              return card.getByTestId('last-used').innerText();
            },
            { timeout: 20_000 },
          )
          .not.toBe(t('admin.keys.never'));

        page.once('dialog', (dialog) => void dialog.accept());
        await card.getByRole('button', { name: t('admin.keys.revoke', { name }) }).click();
        await card.getByText(t('admin.keys.revoked')).waitFor();
        await expect.poll(async () => (await partnerCall(secret)).code, { timeout: 15_000 }).toBe('UNAUTHENTICATED');

        // Every section: axe-clean, and no sideways scrolling on a phone.
        for (const section of ['staff', 'calendar', 'names', 'audit', 'keys']) {
          await page
            .getByRole('navigation', { name: t('admin.sections') })
            .getByRole('link', { name: t(`admin.nav.${section}`) })
            .click();
          await expect.poll(() => new URL(page.url()).pathname).toBe(`/admin/${section}`);
          await page.locator('main h2').first().waitFor();
          await page.locator('main [role="status"].loading').waitFor({ state: 'detached' });
          await expectAccessible(page);
        }
        await page.setViewportSize({ width: 375, height: 800 });
        for (const section of ['keys', 'staff', 'audit']) {
          await page.goto(`/admin/${section}`);
          await page.locator('main h2').first().waitFor();
          await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
        }
        await screenshot(page, variant.name, 'admin-02-phone');
      } finally {
        await context.close();
      }
    },
  );
});
