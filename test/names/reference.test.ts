import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { DEFAULT_PROHIBITED_WORDS, DEFAULT_SPECIAL_WORDS } from '../../src/modules/names/rules/index.js';
import { CHECK, namesRowCounts } from './helpers.js';

// What an administrator maintains: the prohibited and special word lists, the commitment terms and
// the verification window. A change applies to the next check at once.

let app: TestApp;
let admin: TestUser;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

async function asAdmin(document: string, variables: Record<string, unknown> = {}, language?: string) {
  const result = await app.execute(document, variables, { token: admin.token, language });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function check(name: string) {
  const result = await app.execute(CHECK, { input: { name } });
  return result.data!.checkEnterpriseName;
}

const ADD_PROHIBITED = `mutation($input: AddProhibitedWordInput!) { addProhibitedWord(input: $input) { prohibitedWord { word category createdAt } userErrors { code field message } } }`;
const REMOVE_PROHIBITED = `mutation($input: RemoveProhibitedWordInput!) { removeProhibitedWord(input: $input) { prohibitedWord { word } userErrors { code field message } } }`;
const ADD_SPECIAL = `mutation($input: AddSpecialWordInput!) { addSpecialWord(input: $input) { specialWord { word scope qualifierOnlyInside } userErrors { code field message } } }`;
const REMOVE_SPECIAL = `mutation($input: RemoveSpecialWordInput!) { removeSpecialWord(input: $input) { specialWord { word } userErrors { code field message } } }`;

describe('the prohibited-word list', () => {
  it('starts with the shipped defaults, readable page by page and by category', async () => {
    const all = await app.execute(
      `{ prohibitedWords(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { word } } } }`,
      {},
      { token: official.token },
    );
    expect(all.data?.prohibitedWords.totalCount).toBe(DEFAULT_PROHIBITED_WORDS.length);
    expect(all.data?.prohibitedWords.pageInfo.hasNextPage).toBe(true);
    const next = await app.execute(
      `query($after: String) { prohibitedWords(first: 100, after: $after) { edges { node { word } } pageInfo { hasNextPage } } }`,
      { after: all.data?.prohibitedWords.pageInfo.endCursor },
      { token: official.token },
    );
    const words = [...all.data!.prohibitedWords.edges, ...next.data!.prohibitedWords.edges].map(
      (e: { node: { word: string } }) => e.node.word,
    );
    expect(new Set(words).size).toBe(DEFAULT_PROHIBITED_WORDS.length);
    expect(next.data?.prohibitedWords.pageInfo.hasNextPage).toBe(false);

    const gambling = await app.execute(
      `{ prohibitedWords(first: 100, filter: { category: GAMBLING }) { edges { node { word category } } } }`,
      {},
      { token: official.token },
    );
    expect(gambling.data?.prohibitedWords.edges.map((e: { node: { word: string } }) => e.node.word)).toEqual(
      DEFAULT_PROHIBITED_WORDS.filter((w) => w.category === 'GAMBLING')
        .map((w) => w.word)
        .sort(),
    );
  });

  it('refuses a name with a newly added word at once, and allows it again once the word is removed; both audited', async () => {
    expect((await check('青岛海川神盾科技有限公司')).available).toBe(true);

    const added = await asAdmin(ADD_PROHIBITED, { input: { word: '神盾', category: 'MISLEADING' } });
    expect(added.addProhibitedWord).toMatchObject({
      prohibitedWord: { word: '神盾', category: 'MISLEADING' },
      userErrors: [],
    });
    expect((await check('青岛海川神盾科技有限公司')).violations).toEqual([
      expect.objectContaining({ rule: 'PROHIBITED_WORD', term: '神盾' }),
    ]);

    const removed = await asAdmin(REMOVE_PROHIBITED, { input: { word: '神盾' } });
    expect(removed.removeProhibitedWord).toMatchObject({ prohibitedWord: { word: '神盾' }, userErrors: [] });
    expect((await check('青岛海川神盾科技有限公司')).available).toBe(true);

    const actions = (await app.em().find(AuditEvent, { action: { $like: 'names.prohibitedWord.%' } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(['names.prohibitedWord.add', 'names.prohibitedWord.remove']);
  });

  it('stores the simplified form of a word typed in traditional characters', async () => {
    const added = await asAdmin(ADD_PROHIBITED, { input: { word: '詐騙', category: 'PUBLIC_ORDER' } });
    expect(added.addProhibitedWord.prohibitedWord.word).toBe('诈骗');
  });

  it.each([
    ['a word already listed', { word: '赌场', category: 'GAMBLING' }, 'ALREADY_EXISTS'],
    ['a word that is not Chinese', { word: 'casino', category: 'GAMBLING' }, 'INVALID_FORMAT'],
  ])('refuses %s and writes nothing', async (_what, input, code) => {
    const before = await namesRowCounts(app);
    const result = await asAdmin(ADD_PROHIBITED, { input });
    expect(result.addProhibitedWord).toEqual({
      prohibitedWord: null,
      userErrors: [expect.objectContaining({ code, field: ['input', 'word'] })],
    });
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('refuses to remove a word that is not listed, and writes nothing', async () => {
    const before = await namesRowCounts(app);
    const result = await asAdmin(REMOVE_PROHIBITED, { input: { word: '海川' } }, 'en');
    expect(result.removeProhibitedWord.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'word'], message: '“海川” is not on the list.' },
    ]);
    expect(await namesRowCounts(app)).toEqual(before);
  });
});

describe('the special-word list', () => {
  it('starts with the shipped defaults', async () => {
    const result = await app.execute(`{ specialWords { word scope qualifierOnlyInside } }`, {}, { token: admin.token });
    expect(result.data?.specialWords).toHaveLength(DEFAULT_SPECIAL_WORDS.length);
    expect(result.data?.specialWords).toContainEqual({ word: '国际', scope: 'ANYWHERE', qualifierOnlyInside: false });
  });

  it('makes a name special at once when a word is added, and ordinary again when it is removed', async () => {
    expect((await check('青岛海川环球贸易有限公司')).special).toBe(false);

    const added = await asAdmin(ADD_SPECIAL, { input: { word: '环球', scope: 'ANYWHERE' } });
    expect(added.addSpecialWord).toEqual({
      specialWord: { word: '环球', scope: 'ANYWHERE', qualifierOnlyInside: false },
      userErrors: [],
    });
    expect(await check('青岛海川环球贸易有限公司')).toMatchObject({
      special: true,
      specialReasons: [expect.objectContaining({ code: 'CONTAINS_INTERNATIONAL', term: '环球' })],
    });

    await asAdmin(REMOVE_SPECIAL, { input: { word: '环球' } });
    expect((await check('青岛海川环球贸易有限公司')).special).toBe(false);
  });

  it('refuses a duplicate and an unknown word, writing nothing', async () => {
    const before = await namesRowCounts(app);
    expect(
      (await asAdmin(ADD_SPECIAL, { input: { word: '国际', scope: 'ANYWHERE' } })).addSpecialWord.userErrors,
    ).toEqual([expect.objectContaining({ code: 'ALREADY_EXISTS' })]);
    expect((await asAdmin(REMOVE_SPECIAL, { input: { word: '寰宇' } })).removeSpecialWord.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND' }),
    ]);
    expect(await namesRowCounts(app)).toEqual(before);
  });
});

describe('the commitment terms and the verification window', () => {
  it('publishes numbered versions; the check offers the newest', async () => {
    const first = await app.execute(`{ nameCommitmentTerms { version text } }`, {}, { language: 'en' });
    expect(first.data?.nameCommitmentTerms).toMatchObject({
      version: 1,
      text: expect.stringContaining('I, the applicant'),
    });

    const published = await asAdmin(
      `mutation { publishCommitmentTerms(input: { textZh: "新承诺书", textEn: "New terms" }) { commitmentTerms { version textZh textEn } userErrors { code } } }`,
    );
    expect(published.publishCommitmentTerms).toEqual({
      commitmentTerms: { version: 2, textZh: '新承诺书', textEn: 'New terms' },
      userErrors: [],
    });

    expect((await check('海川智能科技有限公司')).commitmentTerms).toMatchObject({ version: 2, textZh: '新承诺书' });
    const old = await app.execute(`{ nameCommitmentTerms(version: 1) { version } }`);
    expect(old.data?.nameCommitmentTerms.version).toBe(1);
  });

  it('refuses blank terms and writes nothing', async () => {
    const before = await namesRowCounts(app);
    const result = await asAdmin(
      `mutation { publishCommitmentTerms(input: { textZh: "  ", textEn: "" }) { commitmentTerms { version } userErrors { code field } } }`,
    );
    expect(result.publishCommitmentTerms.userErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'textEn'] })]),
    );
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it.each([0, 251])('refuses a window of %i working days and writes nothing', async (days) => {
    const before = await namesRowCounts(app);
    const result = await asAdmin(
      `mutation($days: Int!) { updateNameSettings(input: { verificationWindowWorkingDays: $days }) { settings { verificationWindowWorkingDays } userErrors { code field } } }`,
      { days },
    );
    expect(result.updateNameSettings).toEqual({
      settings: null,
      userErrors: [{ code: 'OUT_OF_RANGE', field: ['input', 'verificationWindowWorkingDays'] }],
    });
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('shows the window in force to the registry', async () => {
    const result = await app.execute(
      `{ nameSettings { verificationWindowWorkingDays } }`,
      {},
      { token: official.token },
    );
    expect(result.data?.nameSettings.verificationWindowWorkingDays).toBe(20);
  });
});
