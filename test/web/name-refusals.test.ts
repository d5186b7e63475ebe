import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { NameReservation } from '../../src/modules/names/index.js';
import { registerNames } from '../names/helpers.js';
import { htmlLang, launchBrowser, newContext, screenshot, seriousViolations } from './support/browser.js';
import { text, type Language } from './support/catalogue.js';
import { ensureWebBuild } from './support/web-build.js';

// The public name check in a real browser against the real server: the refusals of issue 19 are
// shown with their reasons, in Chinese and in English — a name reserved to the State Council (规定
// Art. 12), a trade name that is a division of China (Art. 8), a division left unbracketed after the
// trade name (实施办法 Art. 9), and a trade name identical to a registered one in the same GB/T 4754
// class (Art. 17: 房地产 and 置业 are both K70). The expected reasons are the server's own catalogue.

let app: TestApp;
let browser: Browser;
const TRADE = '璟澜泰';

beforeAll(async () => {
  ensureWebBuild();
  app = await TestApp.start();
  browser = await launchBrowser();
  await registerNames(app, [{ name: `青岛${TRADE}房地产开发有限公司`, district: 'LAOSHAN', industry: 'K70' }]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Case {
  /** the article, for the test's name */
  article: string;
  name: string;
  /** the stable code of the violation or conflict the server gives */
  rule: string;
}

const CASES: Case[] = [
  {
    article: 'Art. 12: a name beginning with 中国 is reserved to the State Council',
    name: '中国海川智能科技有限公司',
    rule: 'RESERVED_TO_STATE_COUNCIL',
  },
  {
    article: 'Art. 8: a trade name that is a county-level division of China (寿光)',
    name: '青岛寿光智能科技有限公司',
    rule: 'TRADE_NAME_IS_DIVISION',
  },
  {
    article: '实施办法 Art. 9: a division after the trade name without brackets',
    name: '海川青岛智能科技有限公司',
    rule: 'DIVISION_NOT_BRACKETED',
  },
  {
    article: 'Art. 17: the same trade name in the same industry class (置业 and 房地产, both K70) is IDENTICAL',
    name: `青岛${TRADE}置业有限公司`,
    rule: 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY',
  },
];

/** The server's reason for the rule, in the language: what the page must show. */
async function reasonFromServer(name: string, rule: string, language: Language): Promise<string> {
  const result = await app.execute(
    `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { available violations { rule message } conflicts { rule kind message } } }`,
    { input: { name } },
    { language },
  );
  const check = result.data!.checkEnterpriseName as {
    available: boolean;
    violations: { rule: string; message: string }[];
    conflicts: { rule: string; kind: string; message: string }[];
  };
  expect(check.available).toBe(false);
  const found = [...check.violations, ...check.conflicts].find((item) => item.rule === rule);
  expect(found, `${name} is refused by ${rule}`).toBeDefined();
  return found!.message;
}

async function checkPage(language: Language): Promise<Page> {
  const context = await newContext(browser, app.url);
  const page = await context.newPage();
  await page.goto('/names/check');
  if (language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect.poll(() => htmlLang(page)).toBe(language);
  return page;
}

describe.each(['zh-CN', 'en'] as const)(
  'the public name check shows the refusals with their reasons (%s)',
  (language) => {
    it.each(CASES)('$article', { timeout: 90_000 }, async ({ name, rule }) => {
      const expected = await reasonFromServer(name, rule, language);
      // The two languages really differ: the English page cannot pass on the Chinese text.
      expect(expected).not.toBe(await reasonFromServer(name, rule, language === 'en' ? 'zh-CN' : 'en'));
      const page = await checkPage(language);
      try {
        await page.locator('input[name="name"]').fill(name);
        const result = page.getByTestId('name-check');
        await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain(name);
        await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain(expected);
        expect(await result.innerText()).toContain(text(language, 'names.unavailable'));
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, language === 'en' ? 'en' : 'zh', `name-refusal-${rule}`);
      } finally {
        await page.context().close();
      }
    });
  },
);

describe.each(['zh-CN', 'en'] as const)('the reserve page and the Art. 16(3) undertaking (%s)', (language) => {
  it(
    'Art. 16(3): shows the undertaking on similar names in full, refuses the reservation until it is accepted, then records it',
    { timeout: 120_000 },
    async () => {
      const applicant = await createUser(app);
      const name = language === 'en' ? '青岛澜岳泰软件有限公司' : '青岛瑞朗晟软件有限公司';
      const terms = await app.execute(`{ similarNameUndertakingTerms { version text } }`, {}, { language });
      const undertakingText = terms.data!.similarNameUndertakingTerms.text as string;
      const context = await newContext(browser, app.url);
      try {
        const page = await context.newPage();
        await page.goto('/sign-in');
        if (language === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
        await expect.poll(() => htmlLang(page)).toBe(language);
        await page.locator('input[name="email"]').fill(applicant.user.email);
        await page.locator('input[name="password"]').fill(TEST_PASSWORD);
        await page.locator('main form button[type="submit"]').click();
        await page.getByRole('banner').getByText(applicant.user.displayName).waitFor();

        const query = new URLSearchParams({
          name,
          district: 'SHINAN',
          kind: 'LIMITED_LIABILITY_COMPANY',
          industry: 'I65',
        });
        await page.goto(`/names/reserve?${query}`);
        const document = page.getByRole('document', { name: text(language, 'names.undertakingTermsLabel') });
        await expect.poll(() => document.innerText(), { timeout: 20_000 }).toContain(undertakingText);
        await page.getByText(text(language, 'names.undertakingTitle', { version: 1 })).waitFor();

        await page.locator('input[name="signatoryName"]').fill('王海川');
        await page.getByRole('button', { name: text(language, 'names.reserve'), exact: true }).click();
        const accept = page.locator('input[name="commitmentAccepted"]');
        await expect.poll(() => accept.getAttribute('aria-invalid')).toBe('true');
        expect(await app.em().count(NameReservation, { applicantId: applicant.user.id })).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, language === 'en' ? 'en' : 'zh', 'reserve-undertaking-refused');

        await accept.check();
        await page.getByRole('button', { name: text(language, 'names.reserve'), exact: true }).click();
        await page.getByText(text(language, 'names.reservedNotice', { name })).waitFor();
        const reservation = await app.em().findOneOrFail(NameReservation, { applicantId: applicant.user.id });
        expect(reservation).toMatchObject({ name, undertakingTermsVersion: 1, undertakingSignatoryName: '王海川' });
      } finally {
        await context.close();
      }
    },
  );
});
