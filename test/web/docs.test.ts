import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { horizontalOverflow, htmlLang, launchBrowser, newContext, seriousViolations } from './support/browser.js';
import { text } from './support/catalogue.js';
import { ensureDocsBuild } from './support/docs-build.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 18 in a real browser: the documentation served at /docs, reached from the web client's
// footer in the language the client shows; every query, mutation and subscription of the built schema
// in the reference; a guide and the changelog; the language switch; axe-core on each page; readable
// at 375 px without the page scrolling sideways (wide tables scroll in their own region).

/** Every operation of the schema the server was built with: type and field name. */
function schemaOperations(): { type: string; name: string }[] {
  const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8'));
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((name) => ({ type: type.name, name })) : [],
  );
}

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  ensureDocsBuild();
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

const LANGUAGES = [
  { name: 'en', lang: 'en', folder: 'en', reference: 'API reference', changelog: 'Changelog', other: '切换到中文' },
  { name: 'zh', lang: 'zh-CN', folder: 'zh', reference: 'API 参考', changelog: '变更记录', other: 'Switch to English' },
] as const;

describe.each(LANGUAGES)('the documentation at /docs ($name)', (language) => {
  it('opens from the footer in the client’s language, lists every operation, a guide and the changelog', async () => {
    const context = await newContext(browser, app.url);
    try {
      // The language the web client remembers (its language switch stores it so).
      await context.addInitScript({
        content: `if (!localStorage.getItem('qes.language')) localStorage.setItem('qes.language', '${language.lang}');`,
      });
      const page = await context.newPage();
      await page.goto('/');
      await expect.poll(() => htmlLang(page)).toBe(language.lang);
      await page.getByRole('link', { name: text(language.lang, 'app.apiDocs') }).click();
      await page.waitForURL(`**/docs/${language.folder}/index.html`);
      expect(await htmlLang(page)).toBe(language.lang);
      await expectAccessible(page);

      // The guides of docs/guides/<language>, listed on the home page.
      const guides = page.locator('.guide-list a');
      expect(await guides.count()).toBeGreaterThanOrEqual(3);

      await page.locator('main').getByRole('link', { name: language.reference }).click();
      await page.waitForURL('**/reference.html');
      await expectAccessible(page);
      // Every operation of the schema, on the Query, Mutation and Subscription pages of the reference.
      const anchors = new Set<string>();
      for (const section of ['Query', 'Mutation', 'Subscription']) {
        await page.goto(`/docs/${language.folder}/reference.html`);
        await page.locator('main').getByRole('link', { name: section, exact: true }).click();
        await page.waitForURL(`**/reference/${section.toLowerCase()}.html`);
        expect(await htmlLang(page)).toBe(language.lang);
        for (const anchor of await page
          .locator('.reference strong[id]')
          .evaluateAll((nodes) => nodes.map((n) => `${n.id}=${n.textContent}`)))
          anchors.add(anchor);
      }
      const operations = schemaOperations();
      expect(operations.length).toBeGreaterThan(100);
      expect(operations.some((o) => o.type === 'Subscription')).toBe(true);
      const missing = operations.filter(
        ({ type, name }) => !anchors.has(`${type.toLowerCase()}.${name.toLowerCase()}=${name}`),
      );
      expect(missing).toEqual([]);
      // The Subscription page (the reference's pages share one markup; axe on the largest takes minutes).
      await expectAccessible(page);
      // A type links to its page in the reference.
      await page
        .locator('.reference a', { hasText: /^FinancingDemand$/ })
        .first()
        .click();
      await page.waitForURL('**/reference/objects-f.html#financingdemand');
      await page.locator('h2#financingdemand').waitFor();

      const guideName = language.lang === 'en' ? /A bank: polling/ : /银行：先轮询/;
      await page.getByRole('navigation').getByRole('link', { name: guideName }).click();
      await page.waitForURL('**/guides/bank-financing-demands.html');
      await page.getByRole('heading', { level: 1, name: guideName }).waitFor();
      await expect.poll(() => page.locator('main').textContent()).toContain('financingDemandPublished');
      await expectAccessible(page);

      await page.getByRole('navigation').getByRole('link', { name: language.changelog }).click();
      await page.waitForURL('**/changelog.html');
      await page.getByRole('heading', { level: 1, name: language.changelog }).waitFor();
      await page.getByRole('heading', { level: 2, name: '0.1.0' }).waitFor();
      await expectAccessible(page);

      // The switch leads to the same page in the other language and is remembered for the client.
      await page.getByRole('link', { name: language.other, exact: true }).click();
      await page.waitForURL(`**/docs/${language.folder === 'en' ? 'zh' : 'en'}/changelog.html`);
      expect(await htmlLang(page)).toBe(language.lang === 'en' ? 'zh-CN' : 'en');
      await page.goto('/docs');
      await page.waitForURL(`**/docs/${language.folder === 'en' ? 'zh' : 'en'}/index.html`);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('is usable at 375 px: no sideways scrolling on any page, wide tables scroll in a focusable region', async () => {
    const context = await newContext(browser, app.url, { width: 375, height: 800 });
    try {
      const page = await context.newPage();
      for (const path of [
        'index.html',
        'reference.html',
        'reference/mutation.html',
        'reference/objects-f.html',
        'guides/limits-and-errors.html',
        'changelog.html',
      ]) {
        await page.goto(`/docs/${language.folder}/${path}`);
        expect(await htmlLang(page)).toBe(language.lang);
        expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      }
      // The limits guide's tables: in a region that scrolls and takes the keyboard focus.
      await page.goto(`/docs/${language.folder}/guides/limits-and-errors.html`);
      const region = page.locator('.table-scroll').first();
      expect(await region.getAttribute('tabindex')).toBe('0');
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  }, 180_000);
});

describe('how /docs is served', () => {
  it('sends the pages compressed, with the security headers and a strict content security policy', async () => {
    const response = await fetch(`${app.url}/docs/en/reference/query.html`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');

    const bare = await fetch(`${app.url}/docs`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/docs/');
    const missing = await fetch(`${app.url}/docs/en/no-such-page.html`);
    expect(missing.status).toBe(404);
  });
});
