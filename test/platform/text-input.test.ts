import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { accountRowCounts, uniqueEmail } from '../helpers/accounts.js';
import { createCast, demandInput, financingState, PUBLISH, type Cast } from '../financing/helpers.js';
import { hasRefusedCharacter } from '../../src/shared/graphql/text-input.js';

// Control and spoofing characters in text inputs are refused by the validation layer, for every string
// argument at any depth: a mutation answers INVALID_CHARACTERS in userErrors with the field's path, a
// query a top-level BAD_USER_INPUT; nothing reaches the database (a NUL byte used to fail there, as
// INTERNAL, with the statement and its values in the log).

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

const NUL = 'a\u0000b';
const INVALID_CHARACTERS_EN = 'Contains characters that are not allowed (control, invisible or line-break characters).';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { code field message } } }`;
const SAVE_ALERT = `mutation($input: SaveFinancingDemandAlertInput!) {
  saveFinancingDemandAlert(input: $input) { alert { id } userErrors { code field message } } }`;
const CHECK_NAME = `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { available } }`;
const SEARCH_ENTERPRISES = `query($s: String!) { enterprises(filter: { search: $s }) { totalCount } }`;

describe('a NUL byte is refused with a clear error, and nothing changes,', () => {
  it.each([
    ['in the display name', { displayName: `青岛${NUL}` }, 'displayName'],
    ['in the email', { email: `x${NUL}@example.cn` }, 'email'],
    ['in the password', { password: `Qingdao-2026${NUL}` }, 'password'],
  ])('by signUp %s', async (_where, override, field) => {
    const before = await accountRowCounts(app);

    const result = await app.execute(
      SIGN_UP,
      { input: { email: uniqueEmail('nul'), password: 'Qingdao-2026-ok', displayName: '申请人', ...override } },
      { language: 'en' },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp).toEqual({
      token: null,
      userErrors: [{ code: 'INVALID_CHARACTERS', field: ['input', field], message: INVALID_CHARACTERS_EN }],
    });
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('by publishFinancingDemand in the nested contact email', async () => {
    const before = await financingState(app);
    const input = demandInput(cast.enterpriseId);

    const result = await app.execute(
      PUBLISH,
      { input: { ...input, contact: { ...(input.contact as object), email: `wang${NUL}@example.cn` } } },
      { token: cast.owner.token, language: 'en' },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.publishFinancingDemand).toEqual({
      demand: null,
      userErrors: [
        { code: 'INVALID_CHARACTERS', field: ['input', 'contact', 'email'], message: INVALID_CHARACTERS_EN },
      ],
    });
    expect(await financingState(app)).toEqual(before);
  });

  it('by saveFinancingDemandAlert in the alert name and in a list item of its filter', async () => {
    const before = await financingState(app);

    const result = await app.execute(
      SAVE_ALERT,
      { input: { name: `黄岛${NUL}`, filter: { industries: ['I65', `C3${NUL}`] } } },
      { token: cast.bankA.token, language: 'en' },
    );

    expect(result.data?.saveFinancingDemandAlert).toEqual({
      alert: null,
      userErrors: [
        { code: 'INVALID_CHARACTERS', field: ['input', 'name'], message: INVALID_CHARACTERS_EN },
        { code: 'INVALID_CHARACTERS', field: ['input', 'filter', 'industries', '1'], message: INVALID_CHARACTERS_EN },
      ],
    });
    expect(await financingState(app)).toEqual(before);
  });

  it('by the checkEnterpriseName query, as a top-level BAD_USER_INPUT', async () => {
    const result = await app.execute(CHECK_NAME, { input: { name: `青岛海川${NUL}科技有限公司` } }, { language: 'en' });

    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: INVALID_CHARACTERS_EN,
        extensions: {
          code: 'BAD_USER_INPUT',
          problems: [{ code: 'INVALID_CHARACTERS', field: ['input', 'name'], message: INVALID_CHARACTERS_EN }],
        },
      }),
    ]);
  });

  it('by the enterprises search filter, as a top-level BAD_USER_INPUT', async () => {
    const result = await app.execute(SEARCH_ENTERPRISES, { s: NUL }, { language: 'en' });

    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ code: 'INVALID_CHARACTERS', field: ['filter', 'search'], message: INVALID_CHARACTERS_EN }],
    });
  });

  it('by a query run often enough to be compiled (graphql-jit), as by graphql-js', async () => {
    for (let run = 0; run < 3; run++) {
      expect((await app.execute(SEARCH_ENTERPRISES, { s: '海川' })).errors).toBeUndefined();
    }

    const result = await app.execute(SEARCH_ENTERPRISES, { s: NUL });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ code: 'INVALID_CHARACTERS', field: ['filter', 'search'] }],
    });
  });

  it('in a plain String argument of a query', async () => {
    const result = await app.execute(`query($uscc: String!) { enterpriseByUscc(uscc: $uscc) { id } }`, {
      uscc: `91370200${NUL}`,
    });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ code: 'INVALID_CHARACTERS', field: ['uscc'] }],
    });
  });
});

describe('spoofing characters are refused in names', () => {
  it.each([
    ['a right-to-left override', '青岛\u202E司公限有'],
    ['a zero-width space', '青岛海川\u200B科技有限公司'],
    ['a zero-width joiner', '青岛海川\u200D科技有限公司'],
    ['a lone surrogate', '青岛海川\uD800科技有限公司'],
    ['a line break', '青岛海川\n科技有限公司'],
  ])('%s', async (_what, name) => {
    const result = await app.execute(CHECK_NAME, { input: { name } });

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ code: 'INVALID_CHARACTERS', field: ['input', 'name'] }],
    });
  });

  it('while a multi-line text keeps its line breaks and tabs', async () => {
    const result = await app.execute(
      PUBLISH,
      { input: demandInput(cast.enterpriseId, { collateral: '厂房一处\n\t设备两台' }) },
      { token: cast.owner.token },
    );

    expect(result.data?.publishFinancingDemand.userErrors).toEqual([]);
  });
});

describe('the character rule', () => {
  it('accepts ordinary Chinese, English and emoji outside the control and format ranges', () => {
    expect(hasRefusedCharacter('青岛海川智能科技有限公司 Qingdao Haichuan (Co.) 😀 ¥1,000', false)).toBe(false);
  });

  it.each([
    ['DEL', '\u007F'],
    ['a C1 control', '\u0085'],
    ['a left-to-right isolate', '\u2066'],
    ['the byte-order mark', '\uFEFF'],
    ['a soft hyphen', '\u00AD'],
    ['a line separator', '\u2028'],
  ])('refuses %s even in a multi-line text', (_what, character) => {
    expect(hasRefusedCharacter(`ab${character}cd`, true)).toBe(true);
  });
});
