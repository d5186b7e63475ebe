import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { User } from '../../src/modules/accounts/index.js';
import { readableCheckSymbol } from '../../src/modules/registration/licence-signature.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { draftEstablishment, establish, submitted } from '../registration/helpers.js';
import {
  elderOn,
  horizontalOverflow,
  htmlLang,
  launchBrowser,
  screenshot,
  seriousViolations,
  VARIANTS,
  type Variant,
} from './support/browser.js';
import { text, type Language } from './support/catalogue.js';
import { ensureWebBuild } from './support/web-build.js';

// Issue 20 in a real browser against the real server (web/dist as `npm start` serves it):
// - the language a browser or an account asks for, on the first visit and after sign-in, a stored
//   choice winning;
// - static files compressed (brotli, gzip) and cached (hashed assets immutable, index.html
//   revalidated), over real HTTP; on a throttled slow-3G profile with a cold cache, first paint and the
//   real home page (React's, not index.html's placeholder) within 3 s;
// - at 375 px the header is a menu button (aria-expanded, focus moved in, Escape closes), and the
//   tables (my applications, the review queue) are cards instead of scrolling sideways;
// - the licence check: a genuine code from the URL typed carelessly, a forged code (may be fake,
//   report to 12315), a mistyped code, a lookup by credit code.
// In English, in Chinese and in Chinese elder mode; axe-core on every page; screenshots in
// test-artifacts/web/<variant>/issue20-*.png; the measured figures in test-artifacts/web/issue20-figures.json.

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'web/dist');
const FIGURES = join(ROOT, 'test-artifacts/web/issue20-figures.json');
const PHONE = { width: 375, height: 812 };
const figures: Record<string, unknown> = {};

let app: TestApp;
let browser: Browser;
// Browser tests on a machine shared by several test runs: generous, and every wait is for a condition.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(async () => {
  ensureWebBuild();
  app = await TestApp.start();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (Object.keys(figures).length) {
    mkdirSync(join(ROOT, 'test-artifacts/web'), { recursive: true });
    writeFileSync(FIGURES, `${JSON.stringify(figures, null, 2)}\n`);
  }
});

const BROWSER_LOCALE: Record<Language, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };

/**
 * A fresh browser profile whose browser asks for the variant's language (navigator.languages and
 * Accept-Language), with elder mode switched on when the variant wants it; signed in as `user`.
 */
async function contextFor(
  variant: Pick<Variant, 'language' | 'elder'>,
  options: { user?: TestUser; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: app.url,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: BROWSER_LOCALE[variant.language],
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(20_000);
  const session = options.user ? JSON.stringify({ token: options.user.token, expiresAt: null }) : null;
  // Before any script of the page: elder mode on (unless switched off since), the session token.
  await context.addInitScript(`
    if (${JSON.stringify(variant.elder)} && localStorage.getItem('qes.elder') === null) localStorage.setItem('qes.elder', '1');
    if (${JSON.stringify(session)} && localStorage.getItem('qes.session') === null) localStorage.setItem('qes.session', ${JSON.stringify(session)});
  `);
  return context;
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/** Whether the element the locator finds has the keyboard focus, or contains it. */
function holdsFocus(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    `Boolean(document.querySelector(${JSON.stringify(selector)})?.contains(document.activeElement))`,
  );
}

// ---------------------------------------------------------------------------------------------
// Static files over real HTTP

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these headers, the body as sent (not decompressed). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolveGet, reject) => {
    const request = httpRequest(`${app.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolveGet({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * The files of the first page load, from Vite's manifest: the entry script, what it imports, its CSS;
 * and the HTML, here the home page prerendered in Chinese (what `/` sends a browser asking for no language).
 */
function firstLoadFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[]; css?: string[] }
  >;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);
  return ['home.zh-CN.html', ...files];
}

/** Slow 3G as DevTools has it (400 kbps each way, 400 ms added to every request), cache off. */
async function throttleToSlow3g(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
}

describe('static files', () => {
  it('are sent compressed as the browser accepts (brotli, else gzip), hashed assets cached as immutable, index.html revalidated', async () => {
    const sizes: Record<string, { raw: number; brotli: number; gzip: number }> = {};
    for (const file of firstLoadFiles()) {
      const html = file.endsWith('.html');
      const path = html ? '/' : `/${file}`;
      const original = readFileSync(join(DIST, file));
      const cache = html ? 'no-cache' : 'public, max-age=31536000, immutable';

      const br = await rawGet(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.status, path).toBe(200);
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers['vary'], path).toMatch(/Accept-Encoding/i);
      expect(br.headers['cache-control'], path).toBe(cache);
      expect(br.headers['content-type'], path).toMatch(/^(text\/javascript|text\/css|text\/html)/);
      expect(brotliDecompressSync(br.body).equals(original), path).toBe(true);

      const gz = await rawGet(path, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body).equals(original), path).toBe(true);

      // br refused (q=0): gzip; nothing accepted: the file as it is.
      expect((await rawGet(path, { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
      const plain = await rawGet(path, { 'Accept-Encoding': 'identity' });
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(original), path).toBe(true);
      expect(plain.headers['cache-control'], path).toBe(cache);

      sizes[file] = { raw: original.length, brotli: br.body.length, gzip: gz.body.length };
    }
    const total = (key: 'raw' | 'brotli' | 'gzip') => Object.values(sizes).reduce((sum, size) => sum + size[key], 0);
    figures.firstLoadBytes = {
      files: sizes,
      total: { raw: total('raw'), brotli: total('brotli'), gzip: total('gzip') },
    };
    // The 560 KB main script goes out at well under a third of its size.
    expect(total('brotli')).toBeLessThan(total('raw') / 3);

    // An app route gets index.html, revalidated; a conditional request for it answers 304.
    // It is the plain index.html (the loading placeholder), without the home page's prerender.
    const route = await rawGet('/verify?code=ABCD', { 'Accept-Encoding': 'br' });
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(route.body).equals(readFileSync(join(DIST, 'index.html')))).toBe(true);
    expect(brotliDecompressSync(route.body).toString()).toContain('<div id="root">');
    const etag = route.headers['etag'] as string;
    expect(etag).toBeTruthy();
    expect((await rawGet('/names/check', { 'Accept-Encoding': 'br', 'If-None-Match': etag })).status).toBe(304);
    // The home page has its own (another file): revalidated the same way.
    const homePage = await rawGet('/', { 'Accept-Encoding': 'br' });
    expect(homePage.headers['cache-control']).toBe('no-cache');
    expect(homePage.headers['etag']).not.toBe(etag);
    const homeTag = homePage.headers['etag'] as string;
    expect((await rawGet('/', { 'Accept-Encoding': 'br', 'If-None-Match': homeTag })).status).toBe(304);
    // The home page in the language Accept-Language asks for (first Chinese or English by weight, else
    // Chinese), as the browser's first render picks it; Vary says so to caches.
    const home = async (acceptLanguage?: string) => {
      const response = await rawGet('/', acceptLanguage ? { 'Accept-Language': acceptLanguage } : {});
      expect(response.headers['vary']).toMatch(/Accept-Language/i);
      return /<div id="root" data-prerendered="([^"]+)">/.exec(response.body.toString())?.[1];
    };
    expect(await home()).toBe('zh-CN');
    expect(await home('en-US,en;q=0.9')).toBe('en');
    expect(await home('fr-FR,en-GB;q=0.8,zh;q=0.5')).toBe('en');
    expect(await home('en;q=0.4,zh-TW;q=0.7')).toBe('zh-CN');
    expect(await home('fr, de')).toBe('zh-CN');
    // A hashed asset that is not there is a 404, not the app's HTML under a script's name.
    expect((await rawGet('/assets/missing-abc123.js')).status).toBe(404);
    // An unhashed file (the icon) is revalidated like index.html.
    const icon = await rawGet('/favicon.svg', { 'Accept-Encoding': 'br' });
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('a browser gets them compressed and paints within 3 s on a throttled slow-3G connection (400 kbps, 400 ms)', async () => {
    const context = await contextFor({ language: 'zh-CN', elder: false }, { viewport: PHONE });
    try {
      const page = await context.newPage();
      const encodings = new Map<string, string | undefined>();
      page.on('response', (response) => {
        if (new URL(response.url()).pathname.startsWith('/assets/'))
          encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
      });
      await throttleToSlow3g(page);
      await page.goto('/', { waitUntil: 'commit', timeout: 60_000 });
      await page.waitForFunction(`performance.getEntriesByName('first-contentful-paint').length > 0`, null, {
        timeout: 60_000,
      });
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
      const timing = (await page.evaluate(`(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
        const navigation = performance.getEntriesByType('navigation')[0];
        const assets = performance.getEntriesByType('resource').filter((r) => r.name.includes('/assets/'));
        return {
          firstContentfulPaintMs: Math.round(fcp),
          appRenderedMs: Math.round(performance.now()),
          transferredBytes: navigation.transferSize + assets.reduce((sum, r) => sum + r.transferSize, 0),
        };
      })()`)) as { firstContentfulPaintMs: number; appRenderedMs: number; transferredBytes: number };
      figures.slow3g = timing;
      await screenshot(page, 'zh', 'issue20-slow3g-home-phone');
      expect(timing.firstContentfulPaintMs).toBeLessThan(3000);
      // Every script and stylesheet came compressed (Chromium offers br only over HTTPS; gzip here).
      expect(encodings.size).toBeGreaterThan(0);
      for (const [path, encoding] of encodings) {
        if (/\.(js|css)$/.test(path)) expect(['br', 'gzip'], path).toContain(encoding);
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  // The server sends `/` with the home page prerendered at build time (web/src/prerender.tsx) in the
  // language the browser asks for; the app's script then hydrates it. Measured from a cold cache, three
  // times in each language: when the real page (the last service card) is on screen, and when React
  // has taken it over (data-interactive, set by an effect after hydration: its handlers attached).
  it.each(['zh-CN', 'en'] as const)(
    'on a throttled slow-3G connection (400 kbps, 400 ms) and a cold cache, the real home page shows within 3 s, prerendered, and React hydrates it without a mismatch (%s)',
    async (language) => {
      const runs: { realContentMs: number; interactiveMs: number; transferredBytes: number }[] = [];
      for (let run = 0; run < 3; run++) {
        const context = await contextFor({ language, elder: false }, { viewport: PHONE });
        try {
          const page = await context.newPage();
          const problems: string[] = [];
          page.on('console', (message) => {
            if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
          });
          page.on('pageerror', (error) => problems.push(error.message));
          // On every frame from the document's start: when the last service card is on screen (the
          // card element is marked, to tell afterwards whether React kept it, i.e. hydrated), and when
          // #root is marked interactive.
          await page.addInitScript(`(function watch() {
            var card = document.querySelector('[data-testid="service-financing"]');
            if (window.__realContentMs === undefined && card && card.getBoundingClientRect().height > 0) {
              window.__realContentMs = performance.now();
              window.__firstCard = card;
            }
            var root = document.getElementById('root');
            if (window.__interactiveMs === undefined && root && root.getAttribute('data-interactive') === 'true')
              window.__interactiveMs = performance.now();
            if (window.__realContentMs === undefined || window.__interactiveMs === undefined) requestAnimationFrame(watch);
          })();`);
          await throttleToSlow3g(page);
          await page.goto('/', { waitUntil: 'commit', timeout: 60_000 });
          await page.waitForFunction(
            `typeof window.__realContentMs === 'number' && typeof window.__interactiveMs === 'number'`,
            null,
            { timeout: 60_000 },
          );
          await page.getByRole('heading', { level: 1, name: text(language, 'home.title') }).waitFor();
          const timing = (await page.evaluate(`(() => {
            const navigation = performance.getEntriesByType('navigation')[0];
            const before = (at) => performance.getEntriesByType('resource').filter((r) => r.startTime < at);
            const resources = before(window.__realContentMs);
            return {
              realContentMs: Math.round(window.__realContentMs),
              interactiveMs: Math.round(window.__interactiveMs),
              // The card on screen now is the one the prerender put there: hydrated, not rendered afresh.
              sameCard: document.querySelector('[data-testid="service-financing"]') === window.__firstCard,
              prerendered: document.getElementById('root').getAttribute('data-prerendered'),
              // What was fetched before the real page showed, and before it was interactive.
              criticalPath: [navigation, ...resources].map((r) => ({
                path: new URL(r.name).pathname,
                startMs: Math.round(r.startTime),
                endMs: Math.round(r.responseEnd),
                bytes: r.transferSize,
              })),
              graphqlBeforeInteractive: before(window.__interactiveMs).filter((r) => new URL(r.name).pathname === '/graphql').length,
              transferredBytes: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
            };
          })()`)) as {
            realContentMs: number;
            interactiveMs: number;
            sameCard: boolean;
            prerendered: string | null;
            criticalPath: { path: string; startMs: number; endMs: number; bytes: number }[];
            graphqlBeforeInteractive: number;
            transferredBytes: number;
          };
          if (run === 0) {
            figures[`slow3gRealContent-${language}`] = timing;
            await screenshot(page, language === 'en' ? 'en' : 'zh', 'issue20-slow3g-home-real-phone');
          }
          runs.push({
            realContentMs: timing.realContentMs,
            interactiveMs: timing.interactiveMs,
            transferredBytes: timing.transferredBytes,
          });
          expect(timing.prerendered).toBe(language);
          expect(timing.sameCard).toBe(true);
          // The home page asks the API nothing before it shows, nor before it is interactive (an
          // anonymous visitor has no viewer to load).
          expect(timing.criticalPath.filter((r) => r.path === '/graphql')).toEqual([]);
          expect(timing.graphqlBeforeInteractive).toBe(0);
          // React says nothing about the hydration (a mismatch is a console error, main.tsx's or React's).
          expect(problems.filter((problem) => /hydrat|mismatch|#418|#423|#425/i.test(problem))).toEqual([]);
          expect(problems).toEqual([]);
          expect(timing.realContentMs, JSON.stringify(timing.criticalPath)).toBeLessThan(3000);
          expect(timing.interactiveMs).toBeGreaterThanOrEqual(timing.realContentMs);
          // A link works once hydrated: client-side navigation, no new document.
          await page.evaluate(`window.__samePage = true`);
          await page.getByTestId('service-names').getByRole('link').click();
          await expect.poll(() => new URL(page.url()).pathname).toBe('/names/check');
          expect(await page.evaluate(`window.__samePage === true`)).toBe(true);
        } finally {
          await context.close();
        }
      }
      figures[`slow3gRuns-${language}`] = runs;
    },
    300_000,
  );

  // The prerender is for an anonymous visitor in the language the browser asks for, without elder
  // mode: otherwise the app's first render differs (their summary, the switch pressed, the other
  // language), so it renders afresh instead of hydrating, with nothing said in the console.
  it('at /, elder mode, another language chosen here and a signed-in visitor get the app rendered afresh, not a mismatched hydration', async () => {
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const cases = [
      { name: 'elder', variant: { language: 'zh-CN', elder: true }, shown: 'zh-CN' },
      { name: 'chosen English', variant: { language: 'zh-CN', elder: false }, chosen: 'en', shown: 'en' },
      { name: 'signed in', variant: { language: 'en', elder: false }, user: applicant, shown: 'en' },
    ] as const;
    for (const scenario of cases) {
      const context = await contextFor(scenario.variant, { user: 'user' in scenario ? scenario.user : undefined });
      try {
        if ('chosen' in scenario)
          await context.addInitScript(`localStorage.setItem('qes.language', '${scenario.chosen}')`);
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto('/');
        await page.locator('#root[data-interactive="true"]').waitFor();
        await page.getByRole('heading', { level: 1, name: text(scenario.shown, 'home.title') }).waitFor();
        expect(await page.locator('#root').getAttribute('data-prerendered'), scenario.name).toBeNull();
        expect(await htmlLang(page), scenario.name).toBe(scenario.shown);
        if (scenario.name === 'elder') {
          expect(await elderOn(page)).toBe(true);
          expect(await page.getByRole('switch').getAttribute('aria-checked')).toBe('true');
        }
        if ('user' in scenario) await page.getByTestId('my-items').waitFor();
        expect(problems, scenario.name).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Language

describe.each(['en', 'zh-CN'] as const)('the language a browser asks for (%s)', (language) => {
  const other: Language = language === 'en' ? 'zh-CN' : 'en';

  it('is the language of the first visit; a choice made with the switch is remembered and wins', async () => {
    const context = await contextFor({ language, elder: false });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect.poll(() => htmlLang(page)).toBe(language);
      const nav = page.getByRole('navigation', { name: text(language, 'app.mainNav') });
      await nav.getByRole('link', { name: text(language, 'nav.verifyLicence') }).waitFor();
      await page.getByRole('heading', { level: 1, name: text(language, 'home.title') }).waitFor();
      // The home page's title names the site once, not "X · X".
      expect(await page.title()).toBe(text(language, 'home.title'));
      expect(await page.evaluate(`localStorage.getItem('qes.language')`)).toBeNull();
      await expectAccessible(page);
      await screenshot(page, language === 'en' ? 'en' : 'zh', 'issue20-first-visit');

      await page.getByRole('button', { name: text(language, 'prefs.switchToLabel') }).click();
      await expect.poll(() => htmlLang(page)).toBe(other);
      await page.reload();
      await expect.poll(() => htmlLang(page)).toBe(other);
      await page.getByRole('heading', { level: 1, name: text(other, 'home.title') }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the language of an account', () => {
  /** Signs in through the form in a browser asking for `browserLanguage`; the page's language after. */
  async function languageAfterSignIn(locale: 'EN' | 'ZH_CN', browserLanguage: Language, stored?: Language) {
    const user = await createUser(app, { role: 'APPLICANT' });
    const em = app.em();
    const row = await em.findOneOrFail(User, { id: user.user.id });
    row.locale = locale;
    await em.flush();
    const context = await contextFor({ language: browserLanguage, elder: false });
    const page = await context.newPage();
    await page.goto('/sign-in');
    if (stored) await page.evaluate(`localStorage.setItem('qes.language', ${JSON.stringify(stored)})`);
    await page.reload();
    await expect.poll(() => htmlLang(page)).toBe(stored ?? browserLanguage);
    await page.locator('input[name="email"]').fill(user.user.email);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.getByRole('banner').getByText(user.user.displayName).waitFor();
    return { page, context };
  }

  it('English in the account gives English after sign-in in a Chinese browser, and on the next visit', async () => {
    const { page, context } = await languageAfterSignIn('EN', 'zh-CN');
    try {
      await expect.poll(() => htmlLang(page)).toBe('en');
      await page
        .getByRole('navigation', { name: text('en', 'app.mainNav') })
        .getByRole('link', { name: text('en', 'nav.myApplications') })
        .waitFor();
      await expectAccessible(page);
      await screenshot(page, 'en', 'issue20-english-account-after-sign-in');
      await page.reload();
      await page.getByRole('banner').getByText(text('en', 'nav.myApplications')).waitFor();
      await expect.poll(() => htmlLang(page)).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('a language chosen on this browser wins over the account; a Chinese account leaves an English browser in English', async () => {
    const chosen = await languageAfterSignIn('EN', 'zh-CN', 'zh-CN');
    try {
      await chosen.page.getByRole('banner').getByText(text('zh-CN', 'nav.myApplications')).waitFor();
      expect(await htmlLang(chosen.page)).toBe('zh-CN');
    } finally {
      await chosen.context.close();
    }
    const english = await languageAfterSignIn('ZH_CN', 'en');
    try {
      await english.page.getByRole('banner').getByText(text('en', 'nav.myApplications')).waitFor();
      expect(await htmlLang(english.page)).toBe('en');
    } finally {
      await english.context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Phones

describe.each(VARIANTS)('on a phone, 375 px ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it('the header is a menu button: aria-expanded, focus moves in, Escape closes, navigating closes', async () => {
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const context = await contextFor(variant, { user: applicant, viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect.poll(() => htmlLang(page)).toBe(variant.language);
      await expect.poll(() => elderOn(page)).toBe(variant.elder);
      const menu = page.getByRole('button', { name: t('app.menu'), exact: true });
      await menu.waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      const nav = page.locator('#site-menu-nav');
      expect(await nav.isVisible()).toBe(false);
      const header = await page.locator('header.site-header').boundingBox();
      figures[`headerHeight375-${variant.name}`] = Math.round(header!.height);
      // Was 548 px of 812 in English elder mode; now one line.
      expect(header!.height).toBeLessThan(PHONE.height * 0.15);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'issue20-phone-menu-closed');

      await menu.click();
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => holdsFocus(page, '#site-menu-tools')).toBe(true);
      await nav.getByRole('link', { name: t('nav.myApplications') }).waitFor();
      await page.locator('#site-menu-tools').getByText(applicant.user.displayName).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, variant.name, 'issue20-phone-menu-open');

      await page.keyboard.press('Escape');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => holdsFocus(page, '.menu-button')).toBe(true);
      expect(await nav.isVisible()).toBe(false);

      // From the keyboard: Enter on the button opens it again; following a link closes it.
      await page.keyboard.press('Enter');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: t('nav.verifyLicence') }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/verify');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');

      // The widest header there is, in elder mode: the brand, the bell and the whole button still fit.
      await page.evaluate(`localStorage.setItem('qes.elder', '1')`);
      await page.reload();
      await expect.poll(() => elderOn(page)).toBe(true);
      await menu.waitFor();
      const [brand, bell, button] = await Promise.all([
        page.locator('.brand').boundingBox(),
        page.locator('.site-header__quick').boundingBox(),
        menu.boundingBox(),
      ]);
      expect(brand!.x + brand!.width).toBeLessThanOrEqual(bell!.x);
      expect(button!.x + button!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('my applications and the review queue are cards, not tables scrolling sideways', async () => {
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    await submitted(app, applicant);
    await draftEstablishment(app, applicant);
    for (const [user, path, table] of [
      [applicant, '/applications', 'main table'],
      [official, '/desk', '[data-testid="review-queue"]'],
    ] as const) {
      const context = await contextFor(variant, { user, viewport: PHONE });
      try {
        const page = await context.newPage();
        await page.goto(path);
        const rows = page.locator(`${table} tbody tr`);
        await rows.first().waitFor();
        await expect.poll(() => page.locator(`${table} tbody [data-label]`).count()).toBeGreaterThan(3);
        expect(await rows.first().evaluate((row) => (globalThis as any).getComputedStyle(row).display)).toBe('block');
        const label = await page
          .locator(`${table} tbody td[data-label]`)
          .first()
          .evaluate((cell) => (globalThis as any).getComputedStyle(cell, '::before').content as string);
        expect(label).not.toBe('none');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        const tableBox = await page.locator(table).boundingBox();
        expect(tableBox!.width).toBeLessThanOrEqual(PHONE.width);
        await expectAccessible(page);
        await screenshot(page, variant.name, `issue20-phone-cards${path.replace(/\//g, '-')}`);
      } finally {
        await context.close();
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The licence check

describe.each(VARIANTS)('the licence check ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);
  // Chinese elder mode is checked on a phone; the others at desktop width.
  const viewport = variant.elder ? PHONE : undefined;

  it('a genuine code (from the URL, typed carelessly), a forged one, a mistyped one, and a lookup by credit code', async () => {
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    const confirmed = await establish(app, applicant, official);
    const { licence, uscc, name } = (
      await app.execute(`query($id: ID!) { enterprise(id: $id) { uscc name licence { verificationCode } } }`, {
        id: confirmed.enterprise.id,
      })
    ).data!.enterprise as { uscc: string; name: string; licence: { verificationCode: string } };
    const code = licence.verificationCode;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);

    const context = await contextFor(variant, { viewport });
    try {
      const page = await context.newPage();
      const shot = (step: string) => screenshot(page, variant.name, `issue20-licence-${step}`);

      // 1. As a QR code on the licence links: /verify?code=…, here in small letters without hyphens.
      await page.goto(`/verify?code=${encodeURIComponent(code.replace(/-/g, '').toLowerCase())}`);
      const genuine = page.getByTestId('licence-genuine');
      await genuine.waitFor();
      await genuine.getByText(t('licence.genuineCurrent')).waitFor();
      await genuine.getByText(name).waitFor();
      await expect.poll(() => holdsFocus(page, '[data-testid="licence-genuine"]')).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await shot('genuine');

      // 2. A forged code: well formed, right check symbol, never issued. Says it may be fake, and where to report.
      const made = '23456789ABCDEFGHJKM';
      const forged = `${made}${readableCheckSymbol(made)}`.match(/.{4}/g)!.join('-');
      const field = page.locator('input[name="verificationCode"]');
      await field.fill(forged);
      await page.getByRole('button', { name: t('licence.verify'), exact: true }).click();
      const fake = page.getByTestId('licence-not-genuine');
      await fake.getByText(t('licence.notGenuineTitle')).waitFor();
      expect(await fake.innerText()).toContain('12315');
      await expect.poll(() => holdsFocus(page, '[data-testid="licence-not-genuine"]')).toBe(true);
      await expectAccessible(page);
      await shot('forged');

      // 3. One symbol mistyped: told as a typing mistake, the server is not asked.
      const typo = code.slice(0, 2) + (code[2] === '2' ? '3' : '2') + code.slice(3);
      await field.fill(typo);
      await page.getByRole('button', { name: t('licence.verify'), exact: true }).click();
      await page.getByTestId('licence-mistyped').getByText(t('licence.mistyped')).waitFor();
      expect(await page.getByTestId('licence-not-genuine').count()).toBe(0);
      await expectAccessible(page);

      // 4. By credit code (small letters accepted): what the register holds, to compare with the paper.
      await page.locator('input[name="uscc"]').fill(uscc.toLowerCase());
      await page.getByRole('button', { name: t('licence.lookUp') }).click();
      const found = page.getByTestId('uscc-found');
      await found.getByText(name).waitFor();
      await found.getByText(t('enums.EnterpriseStatus.ACTIVE')).waitFor();
      expect(new URL(page.url()).searchParams.get('uscc')).toBe(uscc);
      await expectAccessible(page);
      await shot('by-uscc');

      // 5. A credit code nobody is registered under.
      const unknown = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
      await page.locator('input[name="uscc"]').fill(unknown);
      await page.getByRole('button', { name: t('licence.lookUp') }).click();
      await page.getByTestId('uscc-not-found').getByText(t('licence.usccNotFound')).waitFor();
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
