import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, it, vi } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { readableCheckSymbol } from '../../src/modules/registration/licence-signature.js';
import { submitted } from '../registration/helpers.js';
import { launchBrowser } from './support/browser.js';
import { ensureWebBuild } from './support/web-build.js';

vi.setConfig({ testTimeout: 300_000 });
const OUT = resolve(import.meta.dirname, '../../test-artifacts/issue20');
let before: TestApp;
let after: TestApp;
let browser: Browser;
beforeAll(async () => {
  ensureWebBuild();
  const cwd = process.cwd();
  process.chdir('/tmp/h20b-before');
  before = await TestApp.start();
  process.chdir(cwd);
  after = await TestApp.start();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await before?.stop();
  await after?.stop();
});

it('before and after', async () => {
  for (const [which, app] of [['before', before], ['after', after]] as const) {
    const folder = join(OUT, which);
    mkdirSync(folder, { recursive: true });
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    await submitted(app, applicant);
    const shoot = async (
      name: string,
      path: string,
      opts: { locale?: string; language?: string; elder?: boolean; user?: typeof applicant; phone?: boolean; wait: string },
    ) => {
      const context = await browser.newContext({
        baseURL: app.url,
        viewport: opts.phone === false ? { width: 1280, height: 800 } : { width: 375, height: 812 },
        locale: opts.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const session = opts.user ? JSON.stringify({ token: opts.user.token, expiresAt: null }) : null;
      await context.addInitScript(`
        ${opts.language ? `localStorage.setItem('qes.language', '${opts.language}');` : ''}
        ${opts.elder ? `localStorage.setItem('qes.elder', '1');` : ''}
        ${session ? `localStorage.setItem('qes.session', ${JSON.stringify(session)});` : ''}
      `);
      const page = await context.newPage();
      await page.goto(path);
      await page.locator(opts.wait).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(folder, `${name}.png`) });
      await context.close();
    };
    await shoot('phone-header-en-elder', '/', { language: 'en', elder: true, user: applicant, wait: 'h1' });
    await shoot('phone-my-applications-zh', '/applications', { user: applicant, wait: 'main table tbody tr' });
    await shoot('phone-review-queue-zh-elder', '/desk', { elder: true, user: official, wait: 'main table tbody tr' });
    const made = '23456789ABCDEFGHJKM';
    const forged = `${made}${readableCheckSymbol(made)}`;
    await shoot('licence-forged-en', `/verify?code=${forged}`, {
      language: 'en',
      phone: false,
      wait: '[data-testid="licence-not-genuine"]',
    });
    await shoot('first-visit-english-browser', '/', { locale: 'en-US', phone: false, wait: 'h1' });
  }
});
