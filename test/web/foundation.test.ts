import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
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
import { sendNotification } from './support/server.js';
import { ensureWebBuild } from './support/web-build.js';

// The web client's foundation in a real browser against the real server: sign-up, sign-out and
// sign-in with the API's userErrors at the right field, the notification bell fed live by the
// subscription, and the API explorer; in English, in Chinese, and in Chinese with the
// elder-friendly mode; axe-core on every page; screenshots in test-artifacts/web/<variant>/.

const TEXT = {
  en: {
    switchLanguage: 'Switch to English',
    signUp: 'Sign up',
    signIn: 'Sign in',
    signOut: 'Sign out',
    displayName: 'Name (enterprise or person)',
    email: 'Email',
    password: 'Password',
    notifications: /^Notifications/,
    oneUnread: 'Notifications, 1 unread',
    empty: 'No notifications yet.',
    markAllRead: 'Mark all as read',
    signedOut: 'You have signed out.',
    explorer: 'API explorer',
    explorerTitle: 'GraphQL API explorer',
    useMine: 'Use my session token',
    elder: 'Elder-friendly mode',
    services: 'Five services',
  },
  'zh-CN': {
    switchLanguage: 'Switch to English',
    signUp: '注册',
    signIn: '登录',
    signOut: '退出登录',
    displayName: '名称（企业或个人）',
    email: '电子邮箱',
    password: '密码',
    notifications: /^通知/,
    oneUnread: '通知，1 条未读',
    empty: '暂无通知。',
    markAllRead: '全部标为已读',
    signedOut: '您已安全退出。',
    explorer: '接口调试台',
    explorerTitle: 'GraphQL 接口调试台',
    useMine: '使用我的登录令牌',
    elder: '长辈模式',
    services: '五项服务',
  },
} as const;

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

async function expectAccessible(page: Page, exclude: string[] = []) {
  expect(await seriousViolations(page, exclude), `axe on ${page.url()}`).toEqual([]);
}

/** Sets the variant's language and elder mode through the header's own controls. */
async function applyVariant(page: Page, variant: Variant) {
  // On a phone the switches are in the header's menu (issue 20): open it first.
  const menu = page.locator('.menu-button');
  await page.locator('.site-header').waitFor();
  if (await menu.isVisible()) await menu.click();
  if (variant.language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect.poll(() => htmlLang(page)).toBe(variant.language);
  if (variant.elder) {
    const toggle = page.getByRole('switch', { name: TEXT[variant.language].elder });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
  }
  await expect.poll(() => elderOn(page)).toBe(variant.elder);
}

describe.each(VARIANTS)('the web client foundation ($name)', (variant) => {
  const text = TEXT[variant.language];
  const email = `web-${variant.name}-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'Harbour-lights-2026';

  it(
    'signs up, signs out and in, hears a notification arrive live, and calls the API in the explorer',
    { timeout: 120_000 },
    async () => {
      const context = await newContext(browser, app.url);
      const page = await context.newPage();
      try {
        // Home: the five services, the chosen language and mode, remembered after a reload.
        await page.goto('/');
        await applyVariant(page, variant);
        await page.reload();
        await expect.poll(() => htmlLang(page)).toBe(variant.language);
        await expect.poll(() => elderOn(page)).toBe(variant.elder);
        await page.getByRole('heading', { name: text.services }).waitFor();
        expect(await page.locator('.services__item').count()).toBe(5);
        await expectAccessible(page);
        await screenshot(page, variant.name, '01-home');

        // Sign up: the API's complaint about the password appears at the password field.
        await page.getByRole('banner').getByRole('link', { name: text.signUp }).click();
        const main = page.getByRole('main');
        await main.getByLabel(text.displayName).fill(`测试企业 ${variant.name}`);
        await main.getByLabel(text.email).fill(email);
        await main.getByLabel(text.password).fill('short');
        await main.getByRole('button', { name: text.signUp }).click();
        const passwordInput = main.getByLabel(text.password);
        await expect.poll(() => passwordInput.getAttribute('aria-invalid')).toBe('true');
        const describedBy = (await passwordInput.getAttribute('aria-describedby')) ?? '';
        const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
        expect(errorId).toBeTruthy();
        expect((await page.locator(`[id="${errorId}"]`).innerText()).length).toBeGreaterThan(3);
        await expectAccessible(page);
        await screenshot(page, variant.name, '02-sign-up-error');

        await passwordInput.fill(password);
        await main.getByRole('button', { name: text.signUp }).click();
        await page.getByRole('banner').getByText(`测试企业 ${variant.name}`).waitFor();

        // The bell: empty, then a notification arrives over the subscription without a reload.
        const bell = page.getByRole('button', { name: text.notifications });
        await bell.click();
        await page.getByText(text.empty).waitFor();
        await expectAccessible(page);
        await sendNotification(app, email, 'Your application moved on', 'An official looked at it.');
        await page.getByRole('button', { name: text.oneUnread }).waitFor();
        await page.getByRole('region', { name: text.notifications }).getByText('Your application moved on').waitFor();
        await expectAccessible(page);
        await screenshot(page, variant.name, '03-notification-live');
        await page.getByRole('button', { name: text.markAllRead }).click();
        await expect.poll(() => page.getByTestId('unread-count').count()).toBe(0);
        await page.keyboard.press('Escape');

        // Sign out, then a wrong password (a message for the form), then the right one.
        await page.getByRole('button', { name: text.signOut }).click();
        await page.getByText(text.signedOut).waitFor();
        await main.getByLabel(text.email).fill(email);
        await main.getByLabel(text.password).fill('Wrong-password-1');
        await main.getByRole('button', { name: text.signIn }).click();
        await page.getByRole('alert').waitFor();
        await expectAccessible(page);
        await screenshot(page, variant.name, '04-sign-in-error');
        await main.getByLabel(text.password).fill(password);
        await main.getByRole('button', { name: text.signIn }).click();
        await page.getByRole('banner').getByText(`测试企业 ${variant.name}`).waitFor();
        expect(new URL(page.url()).pathname).toBe('/');

        // The explorer, from the footer link for partners: GraphiQL calls the API with my token.
        await page.getByRole('contentinfo').getByRole('link', { name: text.explorer }).click();
        await page.getByRole('heading', { name: text.explorerTitle }).waitFor();
        await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: text.useMine }).click();
        await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
        await page.getByRole('button', { name: /Execute query/i }).click();
        await expect
          // Monaco renders spaces as no-break spaces.
          .poll(async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' '), {
            timeout: 20_000,
          })
          .toContain(`测试企业 ${variant.name}`);
        await expectAccessible(page, ['.graphiql-container']);
        await screenshot(page, variant.name, '05-explorer');
      } finally {
        await context.close();
      }
    },
  );

  it('fits a 375-pixel-wide phone screen without sideways scrolling', { timeout: 60_000 }, async () => {
    const context = await newContext(browser, app.url, { width: 375, height: 812 });
    const page = await context.newPage();
    try {
      await page.goto('/');
      await applyVariant(page, variant);
      for (const path of ['/', '/sign-in', '/sign-up', '/names/check', '/verify']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const overflow = await horizontalOverflow(page);
        expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        await expectAccessible(page);
        await screenshot(page, variant.name, `phone${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
      }
    } finally {
      await context.close();
    }
  });
});
