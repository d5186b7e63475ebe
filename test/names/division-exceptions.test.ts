import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { DEFAULT_DIVISION_NAME_EXCEPTIONS } from '../../src/modules/names/rules/index.js';
import { CHECK, namesRowCounts } from './helpers.js';

// 规定 第八条: a trade name may not be the name of a county-level-or-above division, "另有含义的除外".
// The words with another meaning are data an administrator maintains; a change applies at once.

let app: TestApp;
let admin: TestUser;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

const ADD = `mutation($input: AddDivisionNameExceptionInput!) { addDivisionNameException(input: $input) { divisionNameException { word meaning createdAt } userErrors { code field message } } }`;
const REMOVE = `mutation($input: RemoveDivisionNameExceptionInput!) { removeDivisionNameException(input: $input) { divisionNameException { word } userErrors { code field message } } }`;
const LIST = `{ divisionNameExceptions { word meaning } }`;

async function asAdmin(document: string, variables: Record<string, unknown> = {}) {
  const result = await app.execute(document, variables, { token: admin.token });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function divisionViolation(name: string) {
  const result = await app.execute(CHECK, { input: { name } });
  const check = result.data!.checkEnterpriseName as { violations: { rule: string; term: string | null }[] };
  return check.violations.find((v) => v.rule === 'TRADE_NAME_IS_DIVISION') ?? null;
}

describe('the division names with another meaning (规定 Art. 8)', () => {
  it('Art. 8: starts with the shipped list, readable by officials and administrators', async () => {
    const listed = await app.execute(LIST, {}, { token: official.token });
    expect(listed.data?.divisionNameExceptions).toHaveLength(DEFAULT_DIVISION_NAME_EXCEPTIONS.length);
    expect(listed.data?.divisionNameExceptions).toContainEqual({ word: '朝阳', meaning: 'the rising sun' });
    expect(await divisionViolation('青岛朝阳科技有限公司')).toBeNull();
  });

  it('Art. 8: a word an administrator lists is allowed as a trade name at once, and refused again once removed; both audited', async () => {
    // 凤凰 is 凤凰县 in Hunan and also the phoenix.
    expect(await divisionViolation('青岛凤凰科技有限公司')).toMatchObject({ term: '凤凰' });
    const added = await asAdmin(ADD, { input: { word: '凤凰', meaning: 'the phoenix' } });
    expect(added.addDivisionNameException).toMatchObject({
      divisionNameException: { word: '凤凰', meaning: 'the phoenix' },
      userErrors: [],
    });
    expect(await divisionViolation('青岛凤凰科技有限公司')).toBeNull();

    const removed = await asAdmin(REMOVE, { input: { word: '凤凰' } });
    expect(removed.removeDivisionNameException).toEqual({ divisionNameException: { word: '凤凰' }, userErrors: [] });
    expect(await divisionViolation('青岛凤凰科技有限公司')).toMatchObject({ term: '凤凰' });

    const trail = await app.em().find(AuditEvent, { action: { $like: 'names.divisionNameException.%' } });
    expect(trail.map((e) => e.action)).toEqual([
      'names.divisionNameException.add',
      'names.divisionNameException.remove',
    ]);
  });

  it.each([
    ['a word that is no division', { word: '海川', meaning: 'sea and river' }, 'INVALID_INPUT', ['input', 'word']],
    ['a division a name stands with', { word: '青岛', meaning: 'green island' }, 'INVALID_INPUT', ['input', 'word']],
    ['a word already listed', { word: '朝阳', meaning: 'the rising sun' }, 'ALREADY_EXISTS', ['input', 'word']],
    ['a word in Latin letters', { word: 'Kunshan', meaning: 'x' }, 'INVALID_FORMAT', ['input', 'word']],
    ['no meaning', { word: '昆山', meaning: '   ' }, 'REQUIRED', ['input', 'meaning']],
  ])('Art. 8: refuses %s and writes nothing', async (_, input, code, field) => {
    const before = await namesRowCounts(app);
    const data = await asAdmin(ADD, { input });
    expect(data.addDivisionNameException.divisionNameException).toBeNull();
    expect(data.addDivisionNameException.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('Art. 8: removing a word not listed is NOT_FOUND and writes nothing', async () => {
    const before = await namesRowCounts(app);
    const data = await asAdmin(REMOVE, { input: { word: '昆山' } });
    expect(data.removeDivisionNameException.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'word'] }),
    ]);
    expect(await namesRowCounts(app)).toEqual(before);
  });
});
