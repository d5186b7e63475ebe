import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { registerEnterpriseName, releaseEnterpriseName } from '../../src/modules/names/index.js';
import { CHECK, RESERVE, UNDERTAKING_V1, contextFor, registerNames } from './helpers.js';

// checkEnterpriseName end to end: every rule path of domain-rules §2 through the API with named
// Chinese examples (the rules themselves are unit-tested in test/names/rules).

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

async function check(input: Record<string, unknown>, language?: string) {
  const result = await app.execute(CHECK, { input }, { language });
  expect(result.errors).toBeUndefined();
  return result.data!.checkEnterpriseName;
}

describe('checkEnterpriseName: the name by itself', () => {
  it('splits 青岛海川智能科技有限公司 into its four parts and finds it available and ordinary', async () => {
    const result = await check({
      name: '青岛海川智能科技有限公司',
      kind: 'LIMITED_LIABILITY_COMPANY',
      district: 'SHINAN',
    });

    expect(result).toMatchObject({
      name: '青岛海川智能科技有限公司',
      parts: { administrativeDivision: '青岛', tradeName: '海川', industry: '智能科技', organisationForm: '有限公司' },
      available: true,
      special: false,
      specialReasons: [],
      violations: [],
      conflicts: [],
      commitmentTerms: null,
    });
  });

  it('answers anonymous callers without an account', async () => {
    const result = await app.execute(CHECK, { input: { name: '青岛海川智能科技有限公司' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.checkEnterpriseName.available).toBe(true);
  });

  it('reads the division in brackets after the trade name, and normalises half-width brackets, spaces and traditional characters', async () => {
    const result = await check({ name: ' 海川(青島) 智能科技 有限公司 ' });

    expect(result.name).toBe('海川（青岛）智能科技有限公司');
    expect(result.parts).toEqual({
      administrativeDivision: '青岛',
      tradeName: '海川',
      industry: '智能科技',
      organisationForm: '有限公司',
    });
    expect(result.specialReasons).toEqual([expect.objectContaining({ code: 'DIVISION_IN_MIDDLE' })]);
  });

  it.each([
    ['TRADE_NAME_TOO_SHORT', '青岛海有限公司', '海'],
    ['TRADE_NAME_IS_INDUSTRY_WORD', '青岛科技有限公司', '科技'],
    ['PROHIBITED_WORD', '青岛海川赌场娱乐有限公司', '赌场'],
    ['PROHIBITED_WORD', '青岛联合国海川有限公司', '联合国'],
    ['NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY', '青岛中国海川科技有限公司', '中国'],
    ['BRACKETED_CHINA_NOT_FOREIGN', '西门子（中国）有限公司', '（中国）'],
  ])('refuses with %s: %s', async (rule, name, term) => {
    const result = await check({ name, kind: 'LIMITED_LIABILITY_COMPANY' });

    expect(result.available).toBe(false);
    expect(result.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule, term })]));
  });

  it('refuses a trade name that is a division: 青岛崂山有限公司', async () => {
    const result = await check({ name: '青岛崂山有限公司' });
    expect(result.available).toBe(false);
    expect(result.violations.map((v: { rule: string }) => v.rule)).toEqual(
      expect.arrayContaining([expect.stringMatching(/TRADE_NAME_(IS_DIVISION|TOO_SHORT)/)]),
    );
  });

  it('refuses an organisation form that does not fit the kind: 有限公司 for a partnership', async () => {
    const result = await check({ name: '青岛海川科技有限公司', kind: 'PARTNERSHIP' });

    expect(result.available).toBe(false);
    expect(result.violations).toEqual([
      expect.objectContaining({ rule: 'ORGANISATION_FORM_MISMATCH', term: '有限公司' }),
    ]);
  });

  it('gives the category of a prohibited word and explains it in the caller’s language', async () => {
    const query = `query ($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { violations { rule term category message } } }`;
    const zh = await app.execute(query, { input: { name: '青岛海川赌场娱乐有限公司' } });
    const en = await app.execute(query, { input: { name: '青岛海川赌场娱乐有限公司' } }, { language: 'en' });

    expect(zh.data?.checkEnterpriseName.violations).toEqual([
      {
        rule: 'PROHIBITED_WORD',
        term: '赌场',
        category: 'GAMBLING',
        message: expect.stringContaining('禁止使用的字词“赌场”'),
      },
    ]);
    expect(en.data?.checkEnterpriseName.violations[0].message).toContain('prohibited word “赌场” (gambling)');
  });

  it('refuses an industry code that is not in GB/T 4754-2017', async () => {
    const result = await check({ name: '青岛海川科技有限公司', industry: 'Z99' });
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'INDUSTRY_CODE_UNKNOWN', term: 'Z99' })]);
  });

  it('hints at the industry division the name’s industry words stand for', async () => {
    const result = await app.execute(
      `{ checkEnterpriseName(input: { name: "青岛海川软件有限公司" }) { industryHint { code name } } }`,
      {},
      { language: 'en' },
    );
    expect(result.data?.checkEnterpriseName.industryHint).toMatchObject({ code: expect.stringMatching(/^I6[45]$/) });
  });
});

describe('checkEnterpriseName: special names', () => {
  it.each([
    ['NO_DIVISION', '海川智能科技有限公司', false],
    ['DIVISION_IN_MIDDLE', '海川（青岛）智能科技有限公司', false],
    ['CONTAINS_INTERNATIONAL', '青岛海川国际贸易有限公司', false],
    ['BRACKETED_CHINA', '西门子（中国）有限公司', true],
  ])('marks %s special and gives the current commitment terms: %s', async (code, name, foreignInvested) => {
    const result = await check({ name, foreignInvested });

    expect(result.special).toBe(true);
    expect(result.specialReasons).toEqual(expect.arrayContaining([expect.objectContaining({ code })]));
    expect(result.commitmentTerms).toMatchObject({
      version: 1,
      textZh: expect.stringContaining('承诺'),
      textEn: expect.stringContaining('commit'),
    });
  });

  it('规定 Art. 12: refuses 中国海川科技有限公司 as reserved to the State Council, with or without a commitment', async () => {
    const result = await check({ name: '中国海川科技有限公司', kind: 'LIMITED_LIABILITY_COMPANY' });
    expect(result.available).toBe(false);
    expect(result.special).toBe(false);
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'RESERVED_TO_STATE_COUNCIL', term: '中国' })]);
  });

  it('实施办法 Art. 9: refuses 海川青岛智能科技有限公司, a division after the trade name without brackets', async () => {
    const result = await check({ name: '海川青岛智能科技有限公司', kind: 'LIMITED_LIABILITY_COMPANY' });
    expect(result.available).toBe(false);
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'DIVISION_NOT_BRACKETED', term: '青岛' })]);
  });

  it('keeps a special name available: the commitment route grants it', async () => {
    const result = await check({ name: '海川智能科技有限公司', kind: 'LIMITED_LIABILITY_COMPANY' });
    expect(result.available).toBe(true);
  });
});

describe('checkEnterpriseName: conflicts in the same registering authority', () => {
  beforeAll(async () => {
    await registerNames(app, [
      { name: '青岛蓝湾智能科技有限公司', industry: 'I65' },
      { name: '青岛澜庭地产有限公司', industry: 'K70' },
      { name: '青岛牛栏山酒业有限公司', industry: 'C15' },
      { name: '青岛汇泉科技有限公司', industry: 'M75' },
      { name: '青岛石老人贸易有限公司', industry: 'F51', district: 'LAOSHAN' },
    ]);
  });

  it.each([
    ['IDENTICAL_TRADE_NAME_SAME_INDUSTRY', '青岛蓝湾智能科技股份有限公司', '青岛蓝湾智能科技有限公司'],
    ['IDENTICAL_TRADE_NAME_SAME_INDUSTRY', '青岛市南蓝湾智能科技有限公司', '青岛蓝湾智能科技有限公司'],
    ['IDENTICAL_TRADE_NAME_NO_INDUSTRY', '青岛蓝湾有限公司', '青岛蓝湾智能科技有限公司'],
  ])('refuses %s: %s against %s', async (rule, name, other) => {
    const result = await check({ name, district: 'SHINAN' });

    expect(result.available).toBe(false);
    expect(result.conflicts).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'IDENTICAL', rule, name: other, source: 'REGISTERED' })]),
    );
  });

  it('refuses the same words in another order (IDENTICAL_REORDERED): 青岛智能科技蓝湾有限公司', async () => {
    const result = await check({ name: '青岛智能科技蓝湾有限公司', district: 'SHINAN' });
    expect(result.conflicts).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'IDENTICAL', name: '青岛蓝湾智能科技有限公司' })]),
    );
  });

  it.each([
    ['SIMILAR_HOMOPHONE', '青岛牛兰山酒业有限公司', '青岛牛栏山酒业有限公司'],
    ['SIMILAR_CONTAINS', '青岛大汇泉科技有限公司', '青岛汇泉科技有限公司'],
    ['SIMILAR_CONTAINS', '青岛蓝湾湾智能科技有限公司', '青岛蓝湾智能科技有限公司'],
  ])('warns of %s but keeps the name available: %s against %s', async (rule, name, other) => {
    const result = await check({ name, district: 'SHINAN' });

    expect(result.available).toBe(true);
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'SIMILAR', rule, name: other })]);
  });

  it('finds the shorter trade name inside a longer one in the same industry: 汇泉 against 青岛汇泉湾科技有限公司', async () => {
    await registerNames(app, [{ name: '青岛汇泉湾科技有限公司', industry: 'M75' }]);
    const result = await check({ name: '青岛汇泉科技股份有限公司', district: 'SHINAN' });

    expect(result.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'IDENTICAL', name: '青岛汇泉科技有限公司' }),
        expect.objectContaining({ kind: 'SIMILAR', rule: 'SIMILAR_CONTAINS', name: '青岛汇泉湾科技有限公司' }),
      ]),
    );
  });

  it('does not compare the same trade name in an unrelated industry', async () => {
    const result = await check({ name: '青岛汇泉餐饮有限公司', district: 'SHINAN' });
    expect(result.conflicts).toEqual([]);
  });

  it('规定 Art. 17: compares across the whole city: a name registered in 崂山 blocks it in 市南 too', async () => {
    for (const district of ['SHINAN', 'LAOSHAN', undefined]) {
      const result = await check({ name: '青岛石老人贸易有限公司', district });
      expect(result.available, district).toBe(false);
      expect(result.conflicts, district).toEqual([
        expect.objectContaining({ kind: 'IDENTICAL', source: 'REGISTERED' }),
      ]);
    }
  });

  it.each([
    ['青岛澜庭房地产有限公司', '青岛澜庭地产有限公司'],
    ['青岛澜庭置业有限公司', '青岛澜庭地产有限公司'],
  ])('规定 Art. 17: refuses %s against %s, one industry class (K70)', async (name, other) => {
    const result = await check({ name, district: 'SHINAN' });

    expect(result.available).toBe(false);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ kind: 'IDENTICAL', rule: 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY', name: other }),
    ]);
  });

  it('explains a conflict in English when asked', async () => {
    const result = await check({ name: '青岛蓝湾智能科技股份有限公司', district: 'SHINAN' }, 'en');
    expect(result.conflicts[0].message).toContain('trade name “蓝湾”');
  });

  it('counts another applicant’s live reservation, then frees the name when it lapses', async () => {
    const applicant = await createUser(app);
    const reserved = await app.execute(
      RESERVE,
      {
        input: {
          name: '青岛栈桥文化传媒有限公司',
          district: 'SHINAN',
          kind: 'LIMITED_LIABILITY_COMPANY',
          industry: 'R86',
          similarNameUndertaking: UNDERTAKING_V1,
        },
      },
      { token: applicant.token },
    );
    expect(reserved.data?.reserveEnterpriseName.userErrors).toEqual([]);

    const during = await check({ name: '青岛栈桥文化传媒股份有限公司', district: 'SHINAN' });
    expect(during.conflicts).toEqual([
      expect.objectContaining({ kind: 'IDENTICAL', source: 'RESERVED', name: '青岛栈桥文化传媒有限公司' }),
    ]);

    const saved = app.clock.now();
    app.clock.set(new Date(Date.parse(reserved.data!.reserveEnterpriseName.reservation.expiresAt) + 1));
    try {
      const after = await check({ name: '青岛栈桥文化传媒股份有限公司', district: 'SHINAN' });
      expect(after).toMatchObject({ available: true, conflicts: [] });
    } finally {
      app.clock.set(saved);
    }
  });

  it('keeps a deregistered enterprise’s name blocked for 1 year after its release', async () => {
    const enterpriseId = crypto.randomUUID();
    await inTransaction(await contextFor(app), async (tx) => {
      await registerEnterpriseName(tx, {
        enterpriseId,
        name: '青岛八大关酒店管理有限公司',
        district: 'SHINAN',
        industry: 'H61',
        kind: 'LIMITED_LIABILITY_COMPANY',
      });
      await tx.em.flush();
    });
    await inTransaction(await contextFor(app), async (tx) => {
      await releaseEnterpriseName(tx, { enterpriseId, releasedAt: app.clock.now() });
      await tx.em.flush();
    });
    const saved = app.clock.now();
    try {
      app.clock.advance(364 * 24 * 3600_000);
      const within = await check({ name: '青岛八大关酒店管理有限公司', district: 'SHINAN' });
      expect(within.conflicts).toEqual([expect.objectContaining({ kind: 'IDENTICAL', source: 'RECENTLY_RELEASED' })]);

      app.clock.advance(2 * 24 * 3600_000);
      const after = await check({ name: '青岛八大关酒店管理有限公司', district: 'SHINAN' });
      expect(after.conflicts).toEqual([]);
    } finally {
      app.clock.set(saved);
    }
  });
});
