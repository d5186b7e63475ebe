import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessLicence } from '../../src/modules/registration/registration.entity.js';
import { READABLE_ALPHABET, readableCheckSymbol } from '../../src/modules/registration/licence-signature.js';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { establish, localId } from '../registration/helpers.js';
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

// Issue 15 in a real browser: the applicant downloads the enterprise's licence as a PDF from the
// licence card; the PDF is rendered page by page as a reader would (pdf.js, in Chromium: headless
// Chromium has no PDF viewer to screenshot), its QR code is read from the rendered pixels with a
// maintained decoder (jsQR), and the decoded address, opened by someone not signed in, shows the
// verification page saying the licence is genuine. A code changed in that address does not verify.

const require = createRequire(import.meta.url);
// jsQR is a CommonJS module whose exports are the function (its types declare it as the default export).
const jsQR = require('jsqr') as typeof import('jsqr').default;
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');
/** A page of our own under the app's origin, where pdf.js is loaded (served by the test, not the app). */
const RENDERER = '/__pdf-render/';

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
  await expect.poll(() => htmlLang(page), { timeout: 15_000 }).toBe(variant.language);
  await expect.poll(() => elderOn(page), { timeout: 15_000 }).toBe(variant.elder);
  await page.locator('input[name="email"]').fill(user.user.email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.getByRole('banner').getByText(user.user.displayName).waitFor();
  return page;
}

/** A visitor's browser in the variant's language and mode from the first page on (nobody signed in). */
async function visitorContext(variant: Variant, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await newContext(browser, app.url, viewport);
  await context.addInitScript(`
    localStorage.setItem('qes.language', ${JSON.stringify(variant.language)});
    localStorage.setItem('qes.elder', ${JSON.stringify(variant.elder ? '1' : '0')});
  `);
  return context;
}

/** Serves pdf.js from node_modules on a page of the app's origin (the app's CSP does not apply to it). */
async function servePdfRenderer(context: BrowserContext): Promise<void> {
  await context.route(`**${RENDERER}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(RENDERER.length);
    if (name === '' || name === 'index.html') {
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>PDF</title><body></body>' });
      return;
    }
    if (!['pdf.min.mjs', 'pdf.worker.min.mjs'].includes(name)) {
      await route.fulfill({ status: 404 });
      return;
    }
    await route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(PDFJS, 'build', name)) });
  });
}

interface RenderedPdf {
  pages: number;
  png: Buffer;
  text: string;
}

const RENDER_IN_PAGE = `async (base64, renderer) => {
  const pdfjs = await import(renderer + 'pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = renderer + 'pdf.worker.min.mjs';
  const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const pdf = await pdfjs.getDocument({ data }).promise;
  const first = await pdf.getPage(1);
  const viewport = first.getViewport({ scale: 2 });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  document.body.append(canvas);
  await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  const content = await first.getTextContent();
  return { pages: pdf.numPages, png: canvas.toDataURL('image/png'), text: content.items.map((item) => item.str ?? '').join('') };
}`;

/** Renders the PDF's first page with pdf.js at twice its size; its pixels as PNG and its text. */
async function renderPdf(context: BrowserContext, pdf: Buffer): Promise<RenderedPdf> {
  const page = await context.newPage();
  await page.goto(RENDERER);
  // A string, not a function: the test's own transform would rewrite a dynamic import() in a function.
  const rendered = (await page.evaluate(
    `(${RENDER_IN_PAGE})(${JSON.stringify(pdf.toString('base64'))}, ${JSON.stringify(RENDERER)})`,
  )) as {
    pages: number;
    png: string;
    text: string;
  };
  await page.close();
  return {
    pages: rendered.pages,
    png: Buffer.from(rendered.png.slice('data:image/png;base64,'.length), 'base64'),
    text: rendered.text,
  };
}

/** The QR code in a rendered page, read from its pixels. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Another well-formed readable code: one data symbol changed and the check symbol made to fit. */
function forgedFrom(code: string): string {
  const data = code.replace(/-/g, '').slice(0, -1);
  const changed = READABLE_ALPHABET[(READABLE_ALPHABET.indexOf(data[0]!) + 1) % READABLE_ALPHABET.length]!;
  const forgedData = changed + data.slice(1);
  return (forgedData + readableCheckSymbol(forgedData)).match(/.{4}/g)!.join('-');
}

describe.each(VARIANTS)('the licence PDF in the browser ($name)', (variant) => {
  const t = (key: string, params?: Record<string, string | number>) => text(variant.language, key, params);

  it(
    'the applicant downloads the licence; its rendered QR code decodes to the verification page, which says it is genuine',
    { timeout: 240_000 },
    async () => {
      const applicant = await createUser(app);
      const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const confirmed = await establish(app, applicant, official);
      const licence = await app.em().findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });

      // The applicant's licence card has the download.
      const context = await newContext(browser, app.url);
      const page = await signedInPage(context, variant, applicant);
      await page.goto(`/applications/${encodeURIComponent(confirmed.id)}`);
      const card = page.getByTestId('licence');
      await card.waitFor();
      const downloading = page.waitForEvent('download');
      await card.getByRole('button', { name: t('licenceDocument.download') }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(
        `${variant.language === 'en' ? 'business-licence' : '营业执照'}-${licence.facts.uscc}.pdf`,
      );
      const pdf = readFileSync(await download.path());
      await card.getByText(t('licenceDocument.downloaded')).waitFor();
      expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
      await screenshot(page, variant.name, 'licence-card');

      // Rendered as a reader shows it: one page carrying the licence's facts and code.
      await servePdfRenderer(context);
      const rendered = await renderPdf(context, pdf);
      expect(rendered.pages).toBe(1);
      expect(rendered.text).toContain(licence.verificationCode);
      expect(rendered.text).toContain(licence.facts.uscc);
      expect(rendered.text).toContain(licence.facts.name);
      expect(rendered.text).toContain('营 业 执 照');
      const folder = join(ARTIFACTS, variant.name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'licence-pdf-rendered.png'), rendered.png);

      // Its QR code, read from the pixels, is the verification page for exactly this code.
      const decoded = decodeQr(rendered.png);
      expect(decoded).toBe(`${app.url}/verify?code=${encodeURIComponent(licence.verificationCode)}`);
      await context.close();

      // Someone who scans it, not signed in, sees that the licence is genuine and what it certifies.
      const scanner = await visitorContext(variant, { width: 375, height: 812 });
      const phone = await scanner.newPage();
      await phone.goto(decoded!);
      const result = phone.getByTestId('licence-genuine');
      await result.waitFor();
      expect(await htmlLang(phone)).toBe(variant.language);
      expect(await elderOn(phone)).toBe(variant.elder);
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await result.getByText(t('licence.genuineCurrent')).waitFor();
      await result.getByText(licence.facts.name).waitFor();
      await result.getByText(licence.number).waitFor();
      expect(await seriousViolations(phone), `axe on ${phone.url()}`).toEqual([]);
      await screenshot(phone, variant.name, 'licence-qr-verified');

      // The same address with the code changed (well-formed, check symbol fitted) says it may be fake.
      const tampered = new URL(decoded!);
      tampered.searchParams.set('code', forgedFrom(licence.verificationCode));
      await phone.goto(tampered.toString());
      await phone.getByTestId('licence-not-genuine').getByText(t('licence.notGenuineTitle')).waitFor();
      expect(await phone.getByTestId('licence-genuine').count()).toBe(0);
      await scanner.close();
    },
  );
});
