import { describe, expect, it } from 'vitest';
import { DEFAULT_PROHIBITED_WORDS } from '../../../src/modules/names/data/prohibited-words.js';
import { DEFAULT_SPECIAL_WORDS } from '../../../src/modules/names/data/special-words.js';
import { checkName, type NameCheckInput } from '../../../src/modules/names/rules/check.js';
import type { NameReference } from '../../../src/modules/names/rules/types.js';

const reference: NameReference = { prohibitedWords: DEFAULT_PROHIBITED_WORDS, specialWords: DEFAULT_SPECIAL_WORDS };
const check = (name: string, input: Omit<NameCheckInput, 'name'> = {}, ref = reference) =>
  checkName({ name, ...input }, ref);
const rules = (name: string, input: Omit<NameCheckInput, 'name'> = {}, ref = reference) =>
  check(name, input, ref).violations.map((v) => v.rule);
const reasons = (name: string) => check(name).specialReasons.map((r) => r.code);

describe('checkName: an ordinary name', () => {
  it('passes 青岛海川智能科技有限公司 for a limited liability company, not special', () => {
    const result = check('青岛海川智能科技有限公司', { kind: 'LIMITED_LIABILITY_COMPANY', district: 'SHINAN' });
    expect(result.violations).toEqual([]);
    expect(result.special).toBe(false);
    expect(result.specialReasons).toEqual([]);
    expect(result.divisionPosition).toBe('START');
    expect(result.industryCode).toBe('I65');
  });

  it('实施办法 Art. 9: 海川（青岛）智能科技有限公司, a division in brackets after the trade name, is lawful and special', () => {
    const result = check('海川（青岛）智能科技有限公司', { kind: 'LIMITED_LIABILITY_COMPANY' });
    expect(result.violations).toEqual([]);
    expect(result.specialReasons).toEqual([expect.objectContaining({ code: 'DIVISION_IN_MIDDLE', term: '青岛' })]);
  });

  it('checks the normalised name: traditional characters, half-width brackets and spaces', () => {
    const result = check(' 海川(青島) 智能科技 有限公司 ');
    expect(result.normalised).toBe('海川（青岛）智能科技有限公司');
    expect(result.parts.administrativeDivision).toBe('青岛');
    expect(result.violations).toEqual([]);
  });
});

describe('checkName: violations', () => {
  it('TRADE_NAME_TOO_SHORT: 青岛海有限公司 has a one-character trade name', () => {
    const [violation] = check('青岛海有限公司').violations;
    expect(violation).toMatchObject({ rule: 'TRADE_NAME_TOO_SHORT', term: '海' });
    expect(violation!.zh).toContain('两个以上汉字');
    expect(violation!.en).toContain('at least two Chinese characters');
  });

  it('TRADE_NAME_TOO_SHORT: a name with no trade name at all says so', () => {
    expect(check('　').violations[0]).toMatchObject({
      rule: 'TRADE_NAME_TOO_SHORT',
      term: null,
      messageKey: 'names.violation.TRADE_NAME_MISSING',
    });
  });

  it('TRADE_NAME_TOO_SHORT: Latin letters do not count as Chinese characters', () => {
    expect(rules('青岛AB科技有限公司')).toContain('TRADE_NAME_TOO_SHORT');
  });

  it('NON_CHINESE_CHARACTERS: names are written in standard Chinese characters', () => {
    const violation = check('青岛ＡＢＣ海川科技有限公司').violations.find((v) => v.rule === 'NON_CHINESE_CHARACTERS');
    expect(violation?.term).toBe('ABC');
  });

  it('TRADE_NAME_IS_DIVISION: 崂山 is a district name', () => {
    expect(check('青岛崂山有限公司').violations).toEqual([
      expect.objectContaining({ rule: 'TRADE_NAME_IS_DIVISION', term: '崂山' }),
    ]);
  });

  it('TRADE_NAME_IS_DIVISION: a city elsewhere in China is a division too', () => {
    expect(rules('青岛金华科技有限公司')).toEqual(['TRADE_NAME_IS_DIVISION']);
  });

  it('规定 Art. 8: every county-level division of China, from the GB/T 2260 data, is refused as a trade name (寿光, 昆山, 义乌, 凤凰县)', () => {
    for (const name of [
      '青岛寿光科技有限公司',
      '青岛昆山科技有限公司',
      '青岛义乌贸易有限公司',
      '青岛凤凰县文化传媒有限公司',
    ]) {
      expect(rules(name), name).toEqual(['TRADE_NAME_IS_DIVISION']);
    }
  });

  it('规定 Art. 8: a division name with another meaning may be a trade name (东方, 朝阳, 和平)', () => {
    for (const name of ['青岛东方科技有限公司', '青岛朝阳贸易有限公司', '青岛和平文化传媒有限公司']) {
      expect(rules(name), name).toEqual([]);
    }
  });

  it('TRADE_NAME_IS_INDUSTRY_WORD: 青岛崂山科技有限公司 reads as division 青岛崂山 with no trade name but 科技', () => {
    expect(check('青岛崂山科技有限公司').violations).toEqual([
      expect.objectContaining({ rule: 'TRADE_NAME_IS_INDUSTRY_WORD', term: '科技' }),
    ]);
  });

  it('TRADE_NAME_IS_INDUSTRY_WORD: 青岛科技有限公司 has 科技 as trade name', () => {
    expect(check('青岛科技有限公司').violations).toEqual([
      expect.objectContaining({ rule: 'TRADE_NAME_IS_INDUSTRY_WORD', term: '科技' }),
    ]);
  });

  it('PROHIBITED_WORD: 赌场 is gambling, with the category in the message', () => {
    const violation = check('青岛海川赌场娱乐有限公司').violations.find((v) => v.rule === 'PROHIBITED_WORD');
    expect(violation).toMatchObject({ term: '赌场', category: 'GAMBLING' });
    expect(violation!.zh).toContain('赌博');
    expect(violation!.en).toContain('gambling');
  });

  it('PROHIBITED_WORD: party, state and military organs (国务院, 解放军, 公安)', () => {
    for (const word of ['国务院', '解放军', '公安']) {
      expect(check(`青岛海川${word}科技有限公司`).violations).toContainEqual(
        expect.objectContaining({ rule: 'PROHIBITED_WORD', term: word, category: 'PARTY_STATE_MILITARY' }),
      );
    }
  });

  it('PROHIBITED_WORD: foreign countries and international organisations (美国, 联合国)', () => {
    expect(check('青岛美国海川有限公司').violations[0]).toMatchObject({
      term: '美国',
      category: 'FOREIGN_OR_INTERNATIONAL',
    });
    expect(check('青岛联合国海川有限公司').violations[0]).toMatchObject({ term: '联合国' });
  });

  it('PROHIBITED_WORD: misleading words such as 国家级 and 第一', () => {
    expect(check('青岛海川国家级科技有限公司').violations).toContainEqual(
      expect.objectContaining({ rule: 'PROHIBITED_WORD', term: '国家级', category: 'MISLEADING' }),
    );
    expect(rules('青岛第一海川有限公司')).toContain('PROHIBITED_WORD');
  });

  it('PROHIBITED_WORD: obscenity and terror (色情, 恐怖)', () => {
    expect(check('青岛海川色情有限公司').violations[0]).toMatchObject({ term: '色情', category: 'OBSCENITY' });
    expect(check('青岛海川恐怖有限公司').violations[0]).toMatchObject({ term: '恐怖', category: 'TERROR' });
  });

  it('PROHIBITED_WORD: reports the longest word found, not also the word inside it', () => {
    const prohibited = check('青岛人民政府海川有限公司').violations.filter((v) => v.rule === 'PROHIBITED_WORD');
    expect(prohibited.map((v) => v.term)).toEqual(['人民政府']);
  });

  it('PROHIBITED_WORD: 完美国际 does not hold the country 美国', () => {
    expect(rules('青岛完美国际贸易有限公司')).toEqual([]);
  });

  it('规定 Art. 11: prohibited words are matched as words: 华中共创 holds no 中共, 精英国货 no 英国', () => {
    expect(rules('青岛华中共创科技有限公司')).toEqual([]);
    expect(rules('青岛精英国货贸易有限公司')).toEqual([]);
    expect(rules('华中共创（青岛）科技有限公司')).toEqual([]);
  });

  it('规定 Art. 11: a prohibited word standing as a word is still found (中共, 英国, 第一 inside 天下第一)', () => {
    expect(check('青岛中共科技有限公司').violations).toContainEqual(
      expect.objectContaining({ rule: 'PROHIBITED_WORD', term: '中共' }),
    );
    expect(check('青岛英国商贸有限公司').violations).toContainEqual(
      expect.objectContaining({ rule: 'PROHIBITED_WORD', term: '英国' }),
    );
    expect(check('青岛天下第一科技有限公司').violations).toContainEqual(
      expect.objectContaining({ rule: 'PROHIBITED_WORD', term: '第一' }),
    );
  });

  it('PROHIBITED_WORD: uses the list it is given, normalised like the name', () => {
    const custom: NameReference = { ...reference, prohibitedWords: [{ word: '海淵', category: 'PUBLIC_MORALS' }] };
    expect(check('青岛海渊科技有限公司', {}, custom).violations).toEqual([
      expect.objectContaining({ rule: 'PROHIBITED_WORD', term: '海渊', category: 'PUBLIC_MORALS' }),
    ]);
    expect(rules('青岛海川赌场娱乐有限公司', {}, custom)).toEqual([]);
  });

  it('ORGANISATION_FORM_MISSING: 青岛海川智能科技 has no form', () => {
    expect(rules('青岛海川智能科技')).toEqual(['ORGANISATION_FORM_MISSING']);
  });

  it('ORGANISATION_FORM_MISMATCH: 有限公司 does not name a partnership', () => {
    const violation = check('青岛海川科技有限公司', { kind: 'PARTNERSHIP' }).violations[0];
    expect(violation).toMatchObject({ rule: 'ORGANISATION_FORM_MISMATCH', term: '有限公司' });
    expect(violation!.zh).toContain('合伙企业');
    expect(violation!.en).toContain('partnership');
  });

  it('ORGANISATION_FORM_MISMATCH: a joint-stock company needs 股份有限公司', () => {
    expect(rules('青岛海川科技有限公司', { kind: 'JOINT_STOCK_COMPANY' })).toEqual(['ORGANISATION_FORM_MISMATCH']);
    expect(rules('青岛海川科技股份有限公司', { kind: 'JOINT_STOCK_COMPANY' })).toEqual([]);
  });

  it('ORGANISATION_FORM_MISMATCH: 公司 alone fits no kind registered here', () => {
    expect(rules('青岛海川科技公司')).toEqual(['ORGANISATION_FORM_MISMATCH']);
  });

  it('accepts the forms that fit each kind', () => {
    const fitting: [string, NameCheckInput['kind']][] = [
      ['青岛海川投资管理合伙企业（有限合伙）', 'PARTNERSHIP'],
      ['青岛海川餐饮店', 'INDIVIDUAL_BUSINESS'],
      ['青岛海川餐饮管理经营部', 'INDIVIDUAL_BUSINESS'],
      ['青岛海川软件工作室', 'SOLE_PROPRIETORSHIP'],
      ['青岛海川种植农民专业合作社', 'FARMERS_COOPERATIVE'],
      ['青岛海川智能科技有限公司市南分公司', 'BRANCH'],
      ['青岛海川贸易个人独资企业', 'SOLE_PROPRIETORSHIP'],
    ];
    for (const [name, kind] of fitting) expect(rules(name, { kind }), name).toEqual([]);
  });

  it('BRACKETED_CHINA_NOT_FOREIGN: （中国） only for a foreign-invested enterprise', () => {
    expect(rules('海川(中国)科技有限公司')).toEqual(['BRACKETED_CHINA_NOT_FOREIGN']);
    expect(rules('海川(中国)科技有限公司', { foreignInvested: true })).toEqual([]);
  });

  it('NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY: 中国 may qualify the industry (青岛海川中国科技有限公司)', () => {
    expect(rules('青岛海川中国科技有限公司')).toEqual([]);
  });

  it('NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY: 中国 inside the trade name is refused (青岛中国海川科技有限公司)', () => {
    expect(check('青岛中国海川科技有限公司').violations).toEqual([
      expect.objectContaining({ rule: 'NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY', term: '中国' }),
    ]);
  });

  it('NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY: 中国 with no industry after it qualifies nothing', () => {
    expect(rules('青岛海川中国有限公司')).toEqual(['NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY']);
    expect(rules('青岛海川全国有限公司')).toEqual(['NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY']);
  });

  it('NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY: a bracketed 中华 is not the allowed （中国）', () => {
    expect(rules('海川（中华）科技有限公司')).toEqual(['NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY']);
  });

  it('NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY: 华中国际 does not hold 中国', () => {
    expect(rules('青岛华中国际有限公司')).toEqual([]);
  });

  it('DIVISION_NOT_LOCAL: a Qingdao registry does not register 北京 names', () => {
    expect(check('北京海川科技有限公司').violations).toEqual([
      expect.objectContaining({ rule: 'DIVISION_NOT_LOCAL', term: '北京' }),
    ]);
    expect(rules('山东海川科技有限公司')).toEqual([]);
  });

  it('DIVISION_NOT_LOCAL: a district in the name must be the declared district', () => {
    expect(rules('青岛市南区海川科技有限公司', { district: 'CHENGYANG' })).toEqual(['DIVISION_NOT_LOCAL']);
    expect(rules('青岛市南区海川科技有限公司', { district: 'SHINAN' })).toEqual([]);
    expect(rules('青岛西海岸新区海川科技有限公司', { district: 'HUANGDAO' })).toEqual([]);
  });

  it('DISTRICT_WITHOUT_CITY: 市南区 must follow 青岛; a county-level city may stand alone', () => {
    expect(check('市南区海川科技有限公司').violations).toEqual([
      expect.objectContaining({ rule: 'DISTRICT_WITHOUT_CITY', term: '市南区' }),
    ]);
    expect(rules('胶州海川科技有限公司')).toEqual([]);
  });

  it('INDUSTRY_CODE_UNKNOWN: the declared industry must be a GB/T 4754-2017 division', () => {
    expect(rules('青岛海川科技有限公司', { industry: 'I65' })).toEqual([]);
    expect(rules('青岛海川科技有限公司', { industry: 'Z99' })).toEqual(['INDUSTRY_CODE_UNKNOWN']);
  });

  it('gives every violation a catalogue key and a message in Chinese and English', () => {
    const result = check('市南区海川中国赌场有限公司', { kind: 'PARTNERSHIP', industry: 'X1' });
    expect(result.violations.length).toBeGreaterThan(3);
    for (const v of result.violations) {
      expect(v.messageKey).toBe(`names.violation.${v.rule}`);
      expect(v.zh).not.toMatch(/\{\w+\}/);
      expect(v.en).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('checkName: special names (notification and commitment)', () => {
  it('NO_DIVISION: 海川智能科技有限公司', () => {
    const result = check('海川智能科技有限公司');
    expect(result.special).toBe(true);
    expect(result.specialReasons).toEqual([expect.objectContaining({ code: 'NO_DIVISION' })]);
    expect(result.specialReasons[0]!.zh).toBe('名称不含行政区划');
    expect(result.specialReasons[0]!.en).toBe('The name has no administrative division.');
  });

  it('实施办法 Art. 9: 海川青岛智能科技有限公司, a division after the trade name without brackets, is DIVISION_NOT_BRACKETED', () => {
    const result = check('海川青岛智能科技有限公司');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'DIVISION_NOT_BRACKETED', term: '青岛' })]);
    expect(result.violations[0]!.zh).toContain('海川（青岛）');
    expect(result.specialReasons.map((r) => r.code)).not.toContain('DIVISION_IN_MIDDLE');
  });

  it('规定 Art. 12: a name beginning with 中国, 中华, 中央, 全国 or 国家 is RESERVED_TO_STATE_COUNCIL, not special', () => {
    for (const word of ['中国', '中华', '中央', '全国', '国家']) {
      const result = check(`${word}海川科技有限公司`);
      expect(result.violations, word).toContainEqual(
        expect.objectContaining({ rule: 'RESERVED_TO_STATE_COUNCIL', term: word }),
      );
      expect(result.violations.find((v) => v.rule === 'RESERVED_TO_STATE_COUNCIL')!.en).toContain('State Council');
      expect(result.special, word).toBe(false);
    }
  });

  it('规定 Art. 12: inside a name the national words may still qualify the industry (青岛海川中国科技有限公司)', () => {
    expect(rules('青岛海川中国科技有限公司')).toEqual([]);
    expect(reasons('青岛海川中国科技有限公司')).toEqual([]);
  });

  it('CONTAINS_INTERNATIONAL: 青岛海川国际贸易有限公司', () => {
    expect(check('青岛海川国际贸易有限公司').specialReasons).toEqual([
      expect.objectContaining({ code: 'CONTAINS_INTERNATIONAL', term: '国际' }),
    ]);
  });

  it('BRACKETED_CHINA: 西门子（中国）有限公司', () => {
    const result = check('西门子(中国)有限公司', { foreignInvested: true });
    expect(result.specialReasons.map((r) => r.code)).toEqual(['BRACKETED_CHINA']);
    expect(result.violations).toEqual([]);
  });

  it('uses the special words it is given', () => {
    const custom: NameReference = {
      ...reference,
      specialWords: [{ word: '环球', scope: 'ANYWHERE', qualifierOnlyInside: false }],
    };
    expect(check('青岛海川环球贸易有限公司', {}, custom).specialReasons).toEqual([
      expect.objectContaining({ code: 'CONTAINS_INTERNATIONAL', term: '环球' }),
    ]);
    expect(check('青岛海川国际贸易有限公司', {}, custom).special).toBe(false);
  });

  it('is not special when the name has a division first and no special word', () => {
    expect(check('青岛海川智能科技有限公司').special).toBe(false);
  });
});
