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
// and the partner uses it in the API explorer; the key's last use shows in the console; revoked, the
// same query in the explorer is refused. The word lists and the commitment texts, the settings and
// a year's holiday calendar are edited from the console, bad input shown at its field and changing
// nothing. Every section of the console is axe-clean and usable at 375 px.

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

/** What a partner's key can read, as a partner would try it in the explorer. */
const PARTNER_QUERY = '{ viewer { role } financingDemands(first: 1) { totalCount } }';

/**
 * Runs `query` in the API explorer (/explorer) with `secret` as the bearer credential and returns
 * the response pane's text once one has arrived.
 */
async function runInExplorer(page: Page, secret: string, query: string): Promise<string> {
  await page.goto('/explorer');
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  await page.locator('input[name="token"]').fill(secret);
  const editor = page.locator('.graphiql-query-editor .monaco-editor');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types no keys, so Monaco's bracket closing adds nothing.
  await page.keyboard.insertText(query);
  // GraphiQL takes in an edit (the operation's name with it) 100 ms after the last change and stores the
  // text then; a click before that runs the operation named in the text it replaced ("Example").
  await expect.poll(() => page.evaluate("localStorage.getItem('graphiql:query')")).toBe(query);
  await page.getByRole('button', { name: /Execute query/i }).click();
  const response = page.locator('.graphiql-response');
  // Monaco renders spaces as no-break spaces.
  const read = async () => (await response.innerText()).replace(/\u00a0/g, ' ');
  await expect.poll(read, { timeout: 20_000 }).toMatch(/"(data|errors)"/);
  return read();
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

        // The partner tries the key in the API explorer and reads what its scope allows; the
        // console then shows the key's last use.
        const explorer = await context.newPage();
        const answer = await runInExplorer(explorer, secret, PARTNER_QUERY);
        expect(answer).toContain('"role": "PARTNER"');
        expect(answer).toContain('"totalCount"');
        expect(answer).not.toContain('"errors"');
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
        // Revoked, the same query in the explorer is refused.
        const refused = await runInExplorer(explorer, secret, PARTNER_QUERY);
        expect(refused).toContain('UNAUTHENTICATED');
        expect(refused).not.toContain('PARTNER');
        await screenshot(explorer, variant.name, 'admin-03-explorer-revoked');
        await explorer.close();

        // Every section: axe-clean, and no sideways scrolling on a phone.
        for (const section of ['staff', 'calendar', 'names', 'registration', 'settings', 'audit', 'keys']) {
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
        for (const section of ['keys', 'staff', 'calendar', 'names', 'registration', 'settings', 'audit']) {
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

  // One mark per variant: the three variants share this file's database.
  const mark = { en: '甲', zh: '乙', 'zh-elder': '丙' }[variant.name]!;
  const division = { en: '昆山', zh: '寿光', 'zh-elder': '义乌' }[variant.name]!;
  const calendarYear = { en: 2031, zh: 2032, 'zh-elder': 2033 }[variant.name]!;

  it(
    'edits the name word lists and publishes a new version of the commitment text, refusing bad input at its field',
    { timeout: 180_000 },
    async () => {
      const admin = await createUser(app, { role: 'ADMIN' });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page.goto('/admin/names');
        const prohibitedList = page.getByTestId('prohibited-words');
        await prohibitedList.waitFor();
        await expectAccessible(page);
        const countBefore = await prohibitedCount(admin);

        // A word that is not Chinese characters: refused at the word field, nothing added.
        const prohibitedForm = page.getByRole('form', { name: t('admin.names.addProhibited') });
        await prohibitedForm.locator('input[name="prohibitedWord"]').fill('abc');
        await prohibitedForm.getByRole('button', { name: t('admin.names.addProhibited') }).click();
        await prohibitedForm.locator('.field--invalid input[name="prohibitedWord"]').waitFor();
        expect(await prohibitedCount(admin)).toBe(countBefore);
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-04-word-refused');

        const word = `丁测${mark}`;
        await prohibitedForm.locator('input[name="prohibitedWord"]').fill(word);
        await prohibitedForm.locator('select[name="prohibitedCategory"]').selectOption('GAMBLING');
        await prohibitedForm.getByRole('button', { name: t('admin.names.addProhibited') }).click();
        await prohibitedForm.getByText(t('admin.names.added', { word })).waitFor();
        await prohibitedList.getByText(word, { exact: true }).waitFor();
        expect(await prohibitedCount(admin)).toBe(countBefore + 1);
        // Shown by category: the new gambling word, and no word of another category.
        await page.locator('select[name="prohibitedFilter"]').selectOption('GAMBLING');
        await expect.poll(() => prohibitedList.getByText('卖国', { exact: true }).count()).toBe(0);
        await prohibitedList.getByText(word, { exact: true }).waitFor();

        page.once('dialog', (dialog) => void dialog.accept());
        await prohibitedList.getByRole('button', { name: t('admin.names.removeWord', { word }) }).click();
        await expect.poll(() => prohibitedList.getByText(word, { exact: true }).count()).toBe(0);
        expect(await prohibitedCount(admin)).toBe(countBefore);

        const specialWord = `丁特${mark}`;
        const specialForm = page.getByRole('form', { name: t('admin.names.addSpecial') });
        await specialForm.locator('input[name="specialWord"]').fill(specialWord);
        await specialForm.locator('select[name="specialScope"]').selectOption('START');
        await specialForm.getByRole('button', { name: t('admin.names.addSpecial') }).click();
        await page.getByTestId('special-words').getByText(specialWord, { exact: true }).waitFor();

        const exceptionForm = page.getByRole('form', { name: t('admin.names.addException') });
        await exceptionForm.locator('input[name="exceptionWord"]').fill(division);
        await exceptionForm.locator('input[name="exceptionMeaning"]').fill('a place name with another meaning');
        await exceptionForm.getByRole('button', { name: t('admin.names.addException') }).click();
        await page.getByTestId('division-exceptions').getByText(division, { exact: true }).waitFor();

        // The commitment text: a blank English text is refused at that field; a full one becomes the
        // version in force, and the version before stays readable.
        const terms = page.getByTestId('commitment-terms');
        const select = terms.locator('select[name="commitmentVersion"]');
        await select.waitFor();
        const before = Number(await select.inputValue());
        const beforeText = await terms
          .getByTestId('commitment-terms-shown')
          .locator('blockquote[lang="en"]')
          .innerText();
        await terms.locator('textarea[name="commitmentTextZh"]').fill(`承诺书第${mark}版`);
        await terms.locator('textarea[name="commitmentTextEn"]').fill('   ');
        await terms.getByRole('button', { name: t('admin.terms.publish') }).click();
        await terms.locator('.field--invalid textarea[name="commitmentTextEn"]').waitFor();
        expect(await currentCommitmentVersion()).toBe(before);
        await expectAccessible(page);

        await terms.locator('textarea[name="commitmentTextEn"]').fill(`Commitment, version ${variant.name}`);
        await terms.getByRole('button', { name: t('admin.terms.publish') }).click();
        await terms.getByText(t('admin.terms.published', { version: before + 1 })).waitFor();
        await expect.poll(() => select.inputValue()).toBe(String(before + 1));
        await terms.getByText(`Commitment, version ${variant.name}`).waitFor();
        expect(await currentCommitmentVersion()).toBe(before + 1);
        await select.selectOption(String(before));
        await expect
          .poll(() => terms.getByTestId('commitment-terms-shown').locator('blockquote[lang="en"]').innerText())
          .toBe(beforeText);
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-05-names');

        // The audit trail, filtered by action, shows what was just done.
        await page.goto('/admin/audit');
        await page.locator('select[name="action"]').selectOption('NAMES_PROHIBITED_WORD_ADD');
        await page.getByRole('button', { name: t('admin.audit.apply') }).click();
        const rows = page.getByTestId('audit-events').locator('tbody tr');
        // The unfiltered list is on screen until the filtered one arrives, and it too may show the action:
        // wait for rows that are all of the filtered action, shown by its label.
        const filteredActions = async () => {
          const actions = await rows
            .locator('th')
            .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-action')));
          const labels = await rows.locator('th').allInnerTexts();
          return (
            actions.length >= 1 &&
            actions.every((action) => action === 'NAMES_PROHIBITED_WORD_ADD') &&
            labels.every((label) => label === t('enums.AuditAction.NAMES_PROHIBITED_WORD_ADD'))
          );
        };
        await expect.poll(filteredActions).toBe(true);
        await expectAccessible(page);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'publishes a new version of a registration commitment text, a blank text refused at its field',
    { timeout: 120_000 },
    async () => {
      const admin = await createUser(app, { role: 'ADMIN' });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page.goto('/admin/registration');
        const terms = page.getByTestId('registration-change-terms');
        const select = terms.locator('select[name="registration-changeVersion"]');
        await select.waitFor();
        await expectAccessible(page);
        const before = await changeTerms();
        expect(Number(await select.inputValue())).toBe(before.number);

        await terms.locator('textarea[name="registration-changeTextZh"]').fill('   ');
        await terms.locator('textarea[name="registration-changeTextEn"]').fill(`Change commitment, ${variant.name}`);
        await terms.getByRole('button', { name: t('admin.terms.publish') }).click();
        await terms.locator('.field--invalid textarea[name="registration-changeTextZh"]').waitFor();
        expect(await changeTerms()).toEqual(before);

        await terms.locator('textarea[name="registration-changeTextZh"]').fill(`变更承诺书第${mark}版`);
        await terms.getByRole('button', { name: t('admin.terms.publish') }).click();
        await terms.getByText(t('admin.terms.published', { version: before.number + 1 })).waitFor();
        // What applicants now read and sign.
        const after = await changeTerms();
        expect(after).toMatchObject({ number: before.number + 1, textZh: `变更承诺书第${mark}版` });
        await page.getByText(t('admin.registration.label', { version: after.version })).waitFor();
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-05b-registration-terms');
      } finally {
        await context.close();
      }
    },
  );

  it(
    'changes the settings of each module, a figure out of range refused at its field',
    { timeout: 120_000 },
    async () => {
      const admin = await createUser(app, { role: 'ADMIN' });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page.goto('/admin/settings');
        const hosting = page.getByTestId('settings-hosting');
        await hosting.waitFor();
        await expectAccessible(page);
        const before = await settings(admin);

        await hosting.locator('input[name="enterprisesPerSecretary"]').fill('0');
        await hosting.getByRole('button', { name: t('admin.settings.save') }).click();
        await hosting.locator('.field--invalid input[name="enterprisesPerSecretary"]').waitFor();
        expect(await settings(admin)).toEqual(before);
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-06-settings-refused');

        const perSecretary = { en: 41, zh: 42, 'zh-elder': 43 }[variant.name]!;
        await hosting.locator('input[name="enterprisesPerSecretary"]').fill(String(perSecretary));
        await hosting.getByRole('button', { name: t('admin.settings.save') }).click();
        await hosting.getByText(t('admin.settings.saved')).waitFor();

        const cases = page.getByTestId('settings-cases');
        await cases.locator('input[name="consultationWorkingDays"]').fill(String(perSecretary - 30));
        await cases.getByRole('button', { name: t('admin.settings.save') }).click();
        await cases.getByText(t('admin.settings.saved')).waitFor();

        const names = page.getByTestId('settings-names');
        await names.locator('input[name="verificationWindowWorkingDays"]').fill('251');
        await names.getByRole('button', { name: t('admin.settings.save') }).click();
        await names.locator('.field--invalid input[name="verificationWindowWorkingDays"]').waitFor();

        // The two validity periods: a year and a day is refused at its field; a figure in range holds.
        const financing = page.getByTestId('settings-financing');
        await financing.locator('input[name="demandValidityDays"]').fill('366');
        await financing.getByRole('button', { name: t('admin.settings.save') }).click();
        await financing.locator('.field--invalid input[name="demandValidityDays"]').waitFor();
        await financing.locator('input[name="demandValidityDays"]').fill(String(perSecretary + 49));
        await financing.getByRole('button', { name: t('admin.settings.save') }).click();
        await financing.getByText(t('admin.settings.saved')).waitFor();
        const registration = page.getByTestId('settings-registration');
        await registration.locator('input[name="agentInvitationValidDays"]').fill(String(perSecretary - 20));
        await registration.getByRole('button', { name: t('admin.settings.save') }).click();
        await registration.getByText(t('admin.settings.saved')).waitFor();

        const after = await settings(admin);
        expect(after).toEqual({
          ...before,
          hostingSettings: { ...before.hostingSettings, enterprisesPerSecretary: perSecretary },
          serviceCaseSettings: { ...before.serviceCaseSettings, consultationWorkingDays: perSecretary - 30 },
          financingSettings: { demandValidityDays: perSecretary + 49 },
          registrationSettings: { agentInvitationValidDays: perSecretary - 20 },
        });
        await page.reload();
        await expect
          .poll(() =>
            page.getByTestId('settings-hosting').locator('input[name="enterprisesPerSecretary"]').inputValue(),
          )
          .toBe(String(perSecretary));
        await expectAccessible(page);
      } finally {
        await context.close();
      }
    },
  );

  it(
    'creates a staff account, refusing an official without a department; disables it and resets its password',
    { timeout: 120_000 },
    async () => {
      const admin = await createUser(app, { role: 'ADMIN' });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page.goto('/admin/staff');
        const form = page.getByRole('form', { name: t('admin.staff.create') });
        await form.waitFor();
        const staffBefore = await staffCount(admin);
        const email = `official-${variant.name}@example.test`;
        await form.locator('input[name="displayName"]').fill(`税务专员${mark}`);
        await form.locator('input[name="staffEmail"]').fill(email);
        await form.locator('input[name="staffPassword"]').fill('Staff-password-42');
        await form.locator('select[name="role"]').selectOption('OFFICIAL');
        await form.getByRole('button', { name: t('admin.staff.submit') }).click();
        await form.locator('.field--invalid select[name="department"]').waitFor();
        expect(await staffCount(admin)).toBe(staffBefore);
        await expectAccessible(page);

        await form.locator('select[name="department"]').selectOption('TAX');
        await form.getByRole('button', { name: t('admin.staff.submit') }).click();
        await form.getByText(t('admin.staff.createdDone')).waitFor();
        expect(await staffCount(admin)).toBe(staffBefore + 1);
        const card = page.getByTestId('staff-account').filter({ hasText: email });
        await card.getByText(t('admin.staff.active')).waitFor();

        await card.getByRole('button', { name: t('admin.staff.disable') }).click();
        await card.getByText(t('admin.staff.disabled')).waitFor();
        await card.getByRole('button', { name: t('admin.staff.reset') }).click();
        await expect.poll(() => page.getByTestId('temporary-password').locator('code').innerText()).toMatch(/\S{8,}/);
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-08-staff');
      } finally {
        await context.close();
      }
    },
  );

  it(
    "loads a year's holidays from a CSV file after previewing its working-day effect; a bad file loads nothing",
    { timeout: 120_000 },
    async () => {
      const admin = await createUser(app, { role: 'ADMIN' });
      const context = await newContext(browser, app.url);
      try {
        const page = await signedInPage(context, variant, admin);
        await page.goto('/admin/calendar');
        const input = page.locator('input#calendar-file');
        await input.waitFor();
        await expectAccessible(page);

        // A make-up working day on a weekday: the problem, named by its date, and no preview.
        const first = firstMonday(calendarYear);
        await input.setInputFiles({
          name: 'bad.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`date,kind\n${calendarYear}-01-01,休\n${first},班\n`),
        });
        await page.getByText(t('admin.calendar.problems.MAKE_UP_NOT_WEEKEND', { date: first })).waitFor();
        expect(await page.getByTestId('calendar-preview').count()).toBe(0);

        // The new year: three weekday holidays in the first week of January and a Saturday worked.
        const holidays = weekdaysFrom(calendarYear, 3);
        const saturday = firstSaturdayAfter(holidays.at(-1)!);
        const csv = ['date,kind', ...holidays.map((d) => `${d},holiday`), `${saturday},workday`].join('\n');
        await input.setInputFiles({ name: `${calendarYear}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
        const preview = page.getByTestId('calendar-preview');
        await preview.waitFor();
        const months = preview.getByTestId('calendar-month');
        await expect.poll(() => months.count()).toBe(12);
        const january = months.first().locator('td');
        // In force (weekends only), with the file (three fewer, one more), and the change.
        await expect.poll(() => january.nth(0).innerText()).toMatch(/^\d+$/);
        const inForce = Number(await january.nth(0).innerText());
        expect(Number(await january.nth(1).innerText())).toBe(inForce - holidays.length + 1);
        expect(await january.nth(2).innerText()).toBe(String(1 - holidays.length));
        expect(await preview.getByTestId('calendar-sample').count()).toBe(4);
        await preview.getByTestId('calendar-sample').first().getByText(t('admin.calendar.changed')).waitFor();
        await expectAccessible(page);
        await screenshot(page, variant.name, 'admin-07-calendar-preview');

        await preview.getByRole('button', { name: t('admin.calendar.load', { year: calendarYear }) }).click();
        await page.getByText(t('admin.calendar.loaded', { year: calendarYear })).waitFor();
        const dayBefore = addDays(holidays[0]!, -1);
        const result = await app.execute<{ workingDays: { addWorkingDays: string } }>(
          `query($from: Date!) { workingDays { addWorkingDays(from: $from, days: 1) } }`,
          { from: dayBefore },
        );
        // The next working day after the eve of the holidays is past them.
        expect(result.data!.workingDays.addWorkingDays > holidays.at(-1)!).toBe(true);
      } finally {
        await context.close();
      }
    },
  );
});

async function prohibitedCount(admin: TestUser): Promise<number> {
  const result = await app.execute<{ prohibitedWords: { totalCount: number } }>(
    '{ prohibitedWords(first: 1) { totalCount } }',
    {},
    { token: admin.token },
  );
  return result.data!.prohibitedWords.totalCount;
}

async function staffCount(admin: TestUser): Promise<number> {
  const result = await app.execute<{ staffAccounts: { totalCount: number } }>(
    '{ staffAccounts(first: 1) { totalCount } }',
    {},
    { token: admin.token },
  );
  return result.data!.staffAccounts.totalCount;
}

async function currentCommitmentVersion(): Promise<number> {
  const result = await app.execute<{ nameCommitmentTerms: { version: number } }>('{ nameCommitmentTerms { version } }');
  return result.data!.nameCommitmentTerms.version;
}

async function changeTerms(): Promise<{ number: number; version: string; textZh: string }> {
  const result = await app.execute('{ registrationCommitmentTerms(kind: CHANGE) { number version textZh } }');
  return result.data!.registrationCommitmentTerms;
}

async function settings(admin: TestUser) {
  const result = await app.execute(
    `{ nameSettings { verificationWindowWorkingDays }
       hostingSettings { acknowledgeWithinWorkingDays enterprisesPerSecretary floorAreaPerEnterprise }
       serviceCaseSettings { consultationWorkingDays suggestionWorkingDays }
       financingSettings { demandValidityDays }
       registrationSettings { agentInvitationValidDays } }`,
    {},
    { token: admin.token },
  );
  return result.data!;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

function firstMonday(year: number): string {
  let day = `${year}-01-01`;
  while (weekday(day) !== 1) day = addDays(day, 1);
  return day;
}

/** The first `count` Monday–Friday days from 2 January on. */
function weekdaysFrom(year: number, count: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-02`; days.length < count; day = addDays(day, 1)) {
    if (weekday(day) >= 1 && weekday(day) <= 5) days.push(day);
  }
  return days;
}

function firstSaturdayAfter(day: string): string {
  let next = addDays(day, 1);
  while (weekday(next) !== 6) next = addDays(next, 1);
  return next;
}
