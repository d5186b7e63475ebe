import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushApiKeyUse } from '../../src/modules/accounts/key-usage.js';
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

// Issue 18, keys an organisation manages itself: a bank's administrator opens its keys page from the
// menu, creates a key with the scopes its bank may give (the secret shown once, with a copy button),
// a partner system calls the API with it, the page shows the use, the key is renamed and given an expiry
// inline (a blank name refused at its field), and the revoked key is refused.
// Axe-clean, and usable at 375 px, in both languages and in elder mode.

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

/** A partner system's request with the secret, over HTTP: the role it was served as, or the error code. */
async function partnerCall(secret: string): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ viewer { role } financingDemands(first: 1) { totalCount } }' }),
  });
  const body = (await response.json()) as {
    data?: { viewer: { role: string } };
    errors?: { extensions: { code: string } }[];
  };
  return body.errors?.[0]?.extensions.code ?? body.data!.viewer.role;
}

describe.each(VARIANTS)("an organisation's keys page ($name)", (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'creates a key whose secret is shown once, which then works in a request and shows its use; revokes it',
    { timeout: 180_000 },
    async () => {
      const bank = await createOrganisation(app, 'BANK');
      const admin = await createUser(app, { role: 'BANK_OFFICER', organisation: bank, organisationAdmin: true });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page
          .getByRole('link', { name: t('admin.org.nav') })
          .first()
          .click();
        await expect.poll(() => new URL(page.url()).pathname).toBe('/organisation/keys');
        await page.getByRole('heading', { level: 2, name: t('admin.keys.title') }).waitFor();
        // Only the scopes a bank's keys may carry are offered.
        await page.locator('input[name="scope-FINANCING_READ"]').waitFor();
        expect(await page.locator('input[name="scope-HOSTING_READ"]').count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);

        const name = `信贷系统 ${variant.name}`;
        await page.locator('input[name="name"]').fill(name);
        await page.locator('input[name="scope-FINANCING_READ"]').check();
        await page.getByRole('button', { name: t('admin.keys.submit') }).click();
        const shown = page.getByTestId('api-key-secret');
        await shown.waitFor();
        const secret = await shown.locator('input').inputValue();
        expect(secret).toMatch(/^qes_k_/);
        await shown.getByRole('button', { name: t('admin.keys.copy') }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, variant.name, 'org-keys-01-secret-once');
        await page.getByRole('button', { name: t('admin.keys.dismiss') }).click();
        await expect.poll(() => page.getByTestId('api-key-secret').count()).toBe(0);
        expect(await page.content()).not.toContain(secret);

        // The partner system calls with it; the page then shows the key's use that day.
        expect(await partnerCall(secret)).toBe('PARTNER');
        await flushApiKeyUse();
        const card = page.getByTestId('api-key').filter({ hasText: name });
        await expect
          .poll(
            async () => {
              await page.reload();
              return card.getByTestId('daily-use').innerText();
            },
            { timeout: 20_000 },
          )
          .toContain('1');
        expect(await card.getByTestId('last-used').innerText()).not.toBe(t('admin.keys.never'));
        expect(await seriousViolations(page)).toEqual([]);

        await page.setViewportSize({ width: 375, height: 800 });
        await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
        await screenshot(page, variant.name, 'org-keys-02-phone');

        // Renamed inline with a new expiry: a blank name is refused at its field first, and nothing changes.
        await card.getByRole('button', { name: t('admin.keys.edit', { name }) }).click();
        const form = card.getByTestId('api-key-edit');
        await form.locator('input[name="edit-name"]').fill('   ');
        await form.getByRole('button', { name: t('admin.keys.save') }).click();
        await form.getByText(variant.language === 'en' ? 'This field is required.' : '此项为必填项。').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, variant.name, 'org-keys-03-edit-refused');
        const renamed = `${name} 改`;
        await form.locator('input[name="edit-name"]').fill(renamed);
        await form.locator('input[name="edit-expiresOn"]').fill('2027-12-31');
        await form.getByRole('button', { name: t('admin.keys.save') }).click();
        const renamedCard = page.getByTestId('api-key').filter({ hasText: renamed });
        await renamedCard.getByRole('button', { name: t('admin.keys.edit', { name: renamed }) }).waitFor();
        expect(await renamedCard.getByTestId('api-key-edit').count()).toBe(0);
        expect(await renamedCard.innerText()).toContain('2027');
        expect(await partnerCall(secret)).toBe('PARTNER');

        page.once('dialog', (dialog) => void dialog.accept());
        await renamedCard.getByRole('button', { name: t('admin.keys.revoke', { name: renamed }) }).click();
        await renamedCard.getByText(t('admin.keys.revoked')).waitFor();
        expect(await partnerCall(secret)).toBe('UNAUTHENTICATED');
      } finally {
        await context.close();
      }
    },
  );
});
