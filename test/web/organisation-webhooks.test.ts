import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemContext } from '../../src/app/context.js';
import { recordRegisterEvent } from '../../src/modules/registration/enterprise.service.js';
import { runWebhooks } from '../../src/modules/webhooks/index.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { Receiver, verifySignature } from '../webhooks/receiver.js';
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

// Issue 18, signed webhooks: a bank's administrator opens its webhooks page from the menu, registers an
// endpoint (a local receiver; WEBHOOKS_ALLOW_PRIVATE is on in this test), sees the signing secret once,
// and after an event sees the delivery in the log and redelivers it. Axe-clean, and usable at 375 px, in
// both languages and in elder mode.

let app: TestApp;
let browser: Browser;
let receiver: Receiver;

beforeAll(async () => {
  ensureWebBuild();
  app = await TestApp.start({ config: { webhooksAllowPrivate: true } });
  receiver = await Receiver.start();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.stop();
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

/** A public register event, then one run of the webhook job once the event is readable. */
async function eventDelivered(): Promise<void> {
  await inTransaction(createSystemContext(app.orm, app.deps), async (tx) => {
    recordRegisterEvent(tx, randomUUID(), 'ENTERPRISE_REGISTERED');
  });
  await runJobWhenSettled();
}

async function runJobWhenSettled(): Promise<void> {
  await expect
    .poll(async () => {
      const [row] = await app
        .em()
        .execute(
          `select coalesce(max(xact_id) < pg_snapshot_xmin(pg_current_snapshot()), true) as ok from domain_events`,
        );
      return row.ok;
    })
    .toBe(true);
  await runWebhooks(createSystemContext(app.orm, app.deps));
}

describe.each(VARIANTS)("an organisation's webhooks page ($name)", (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'registers an endpoint whose secret is shown once, shows its signed delivery in the log, and redelivers it',
    { timeout: 180_000 },
    async () => {
      const bank = await createOrganisation(app, 'BANK');
      const admin = await createUser(app, { role: 'BANK_OFFICER', organisation: bank, organisationAdmin: true });
      const path = `/hooks/${variant.name}-${randomUUID()}`;
      const url = `${receiver.origin}${path}`;
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page
          .getByRole('link', { name: t('webhooks.nav') })
          .first()
          .click();
        await expect.poll(() => new URL(page.url()).pathname).toBe('/organisation/webhooks');
        await page.getByRole('heading', { level: 2, name: t('webhooks.create') }).waitFor();
        await page.getByText(t('webhooks.empty')).waitFor();
        expect(await seriousViolations(page)).toEqual([]);

        await page.locator('input[name="url"]').fill(url);
        await page.locator('input[name="description"]').fill('信贷系统');
        await page.locator('input[name="type-ENTERPRISE_REGISTERED"]').check();
        await page.getByRole('button', { name: t('webhooks.submit') }).click();
        const shown = page.getByTestId('webhook-secret');
        await shown.waitFor();
        const secret = await shown.locator('input').inputValue();
        expect(secret).toMatch(/^whsec_/);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, variant.name, 'org-webhooks-01-secret-once');
        await page.getByRole('button', { name: t('webhooks.dismiss') }).click();
        await expect.poll(() => page.getByTestId('webhook-secret').count()).toBe(0);
        expect(await page.content()).not.toContain(secret);

        const card = page.getByTestId('webhook-endpoint').filter({ hasText: url });
        await card.getByText(t('webhooks.noDeliveries')).waitFor();

        // An event happens; the job sends it, signed with the secret shown once.
        await eventDelivered();
        const [request] = receiver.at(path);
        expect(
          verifySignature(
            request!.headers['x-qes-signature'] as string,
            request!.body,
            secret,
            Math.floor(app.clock.now().getTime() / 1000),
          ),
        ).toBe(true);
        const rows = card.getByTestId('webhook-delivery');
        await expect
          .poll(async () => {
            await page.reload();
            // The log (a table, or the line saying there is none) once the page has its data.
            await card.getByTestId('webhook-deliveries').waitFor();
            return rows.count();
          })
          .toBe(1);
        expect(await rows.first().getByTestId('delivery-status').innerText()).toBe(t('webhooks.statuses.SUCCEEDED'));
        expect(await rows.first().innerText()).toContain('200');
        expect(await seriousViolations(page)).toEqual([]);

        // A minute later, so the redelivery is the newest row.
        app.clock.advance(60_000);
        await rows
          .first()
          .getByRole('button', { name: t('webhooks.redeliver') })
          .click();
        await page.getByText(t('webhooks.redelivered')).waitFor();
        await runJobWhenSettled();
        await expect
          .poll(async () => {
            await page.reload();
            // The log (a table, or the line saying there is none) once the page has its data.
            await card.getByTestId('webhook-deliveries').waitFor();
            return rows.count();
          })
          .toBe(2);
        expect(await rows.first().innerText()).toContain(t('webhooks.redeliveryMark'));
        expect(receiver.at(path)).toHaveLength(2);
        expect(receiver.at(path)[1]!.body).toBe(request!.body);

        await page.setViewportSize({ width: 375, height: 800 });
        await expect.poll(() => horizontalOverflow(page), { timeout: 15_000 }).toBeLessThanOrEqual(0);
        await screenshot(page, variant.name, 'org-webhooks-02-phone');
      } finally {
        await context.close();
      }
    },
  );
});
