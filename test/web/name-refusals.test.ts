import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
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
