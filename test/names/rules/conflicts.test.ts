import { describe, expect, it } from 'vitest';
import {
  compareNames,
  conflictKeys,
  containmentCandidates,
  tradeNamePinyinKey,
} from '../../../src/modules/names/rules/conflicts.js';
import { normaliseName } from '../../../src/modules/names/rules/normalise.js';
import { parseName } from '../../../src/modules/names/rules/parse.js';

const parts = (name: string) => parseName(normaliseName(name)).parts;
const compare = (candidate: string, existing: string) => compareNames(parts(candidate), parts(existing));

describe('conflictKeys', () => {
  it('gives 牛栏山 and 牛兰山 the same toneless pinyin key', () => {
    expect(tradeNamePinyinKey('牛栏山')).toBe('niu lan shan');
    expect(tradeNamePinyinKey('牛兰山')).toBe(tradeNamePinyinKey('牛栏山'));
  });

  it('writes ü as v and lower-cases Latin letters', () => {
    expect(tradeNamePinyinKey('绿源')).toBe('lv yuan');
    expect(tradeNamePinyinKey('ABC海川')).toBe('a b c hai chuan');
  });

  it('gives 地产, 房地产 and 置业 one industry group', () => {
    const groups = ['青岛海川地产有限公司', '青岛海川房地产有限公司', '青岛海川置业有限公司'].map(
      (name) => conflictKeys(parts(name)).industryGroup,
    );
    expect(new Set(groups)).toEqual(new Set(['REAL_ESTATE']));
  });

  it('keys 青岛海川智能科技有限公司 by trade name, pinyin, industry group and word', () => {
    expect(conflictKeys(parts('青岛海川智能科技有限公司'))).toEqual({
      tradeName: '海川',
      tradeNamePinyin: 'hai chuan',
      industryGroup: 'SMART_TECHNOLOGY',
      industryWord: '智能科技',
    });
  });

  it('uses the industry word itself when it has no synonym group, and drops a qualifier', () => {
    expect(conflictKeys(parts('青岛海川中国游艇有限公司'))).toMatchObject({
      industryGroup: '游艇',
      industryWord: '游艇',
    });
  });

  it('has null industry keys for a name without an industry word', () => {
    expect(conflictKeys(parts('青岛海川有限公司'))).toMatchObject({ industryGroup: null, industryWord: null });
  });
});

describe('compareNames: identical names (refused)', () => {
  it('IDENTICAL_TRADE_NAME_SAME_INDUSTRY: another division or form does not make a name different', () => {
    for (const existing of ['海川（青岛）智能科技有限公司', '山东海川智能科技股份有限公司', '海川智能科技有限公司']) {
      expect(compare('青岛海川智能科技有限公司', existing), existing).toMatchObject({
        kind: 'IDENTICAL',
        rule: 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY',
      });
    }
  });

  it('IDENTICAL_TRADE_NAME_SAME_INDUSTRY: traditional and simplified spellings are the same name', () => {
    expect(compare('青島海川智能科技有限公司', '青岛海川智能科技有限公司')?.rule).toBe(
      'IDENTICAL_TRADE_NAME_SAME_INDUSTRY',
    );
  });

  it('IDENTICAL_TRADE_NAME_NO_INDUSTRY: the same trade name where either name has no industry word', () => {
    expect(compare('青岛海川有限公司', '青岛海川智能科技有限公司')).toMatchObject({
      kind: 'IDENTICAL',
      rule: 'IDENTICAL_TRADE_NAME_NO_INDUSTRY',
    });
    expect(compare('青岛海川餐饮有限公司', '青岛海川有限公司')?.rule).toBe('IDENTICAL_TRADE_NAME_NO_INDUSTRY');
  });

  it('IDENTICAL_REORDERED: the trade name and industry in another order (海川智能科技 / 智能科技海川)', () => {
    expect(
      compareNames(
        { administrativeDivision: '青岛', tradeName: '海川', industry: '智能科技', organisationForm: '有限公司' },
        { administrativeDivision: '青岛', tradeName: '智能科技海川', industry: null, organisationForm: '有限公司' },
      ),
    ).toMatchObject({ kind: 'IDENTICAL', rule: 'IDENTICAL_REORDERED' });
  });

  it('IDENTICAL_REORDERED: the same characters split differently between trade name and industry', () => {
    expect(
      compareNames(
        { administrativeDivision: '青岛', tradeName: '海川智能', industry: '科技', organisationForm: '有限公司' },
        { administrativeDivision: '青岛', tradeName: '海川', industry: '智能科技', organisationForm: '有限公司' },
      )?.rule,
    ).toBe('IDENTICAL_REORDERED');
  });

  it('gives the reason in Chinese and English', () => {
    const conflict = compare('青岛海川智能科技有限公司', '青岛海川智能科技股份有限公司')!;
    expect(conflict.zh).toBe('字号“海川”与行业表述“智能科技”均与已有名称相同');
    expect(conflict.en).toBe('The trade name “海川” and the industry “智能科技” are both those of an existing name.');
  });
});

describe('compareNames: similar names (warned)', () => {
  it('规定 Art. 17: the same trade name with 地产 / 房地产 / 置业 (all K70, one industry class) is IDENTICAL', () => {
    const names = ['青岛海川地产有限公司', '青岛海川房地产有限公司', '青岛海川置业有限公司'];
    for (const a of names) {
      for (const b of names) {
        if (a !== b)
          expect(compare(a, b), `${a} / ${b}`).toMatchObject({
            kind: 'IDENTICAL',
            rule: 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY',
          });
      }
    }
  });

  it('规定 Art. 17: 商贸 and 贸易 are one industry class (F51): IDENTICAL', () => {
    expect(compare('青岛海川商贸有限公司', '青岛海川贸易有限公司')?.rule).toBe('IDENTICAL_TRADE_NAME_SAME_INDUSTRY');
  });

  it('规定 Art. 17: the same trade name in another industry class is no conflict (海川置业 K70 / 海川餐饮 H62)', () => {
    expect(compare('青岛海川置业有限公司', '青岛海川餐饮有限公司')).toBeNull();
  });

  it('SIMILAR_SYNONYM_INDUSTRY: words of one meaning that fall in two classes (建筑 E47 / 建设工程 E48) are warned', () => {
    expect(compare('青岛海川建筑有限公司', '青岛海川建设工程有限公司')).toMatchObject({
      kind: 'SIMILAR',
      rule: 'SIMILAR_SYNONYM_INDUSTRY',
    });
  });

  it('SIMILAR_HOMOPHONE: 牛栏山 / 牛兰山 in the same industry', () => {
    const conflict = compare('青岛牛兰山酒业有限公司', '青岛牛栏山酒业有限公司');
    expect(conflict).toMatchObject({ kind: 'SIMILAR', rule: 'SIMILAR_HOMOPHONE' });
    expect(conflict!.zh).toContain('读音相同');
  });

  it('SIMILAR_HOMOPHONE: uses a stored pinyin key when given one', () => {
    const stored = { ...parts('青岛牛栏山酒业有限公司'), tradeNamePinyin: 'niu lan shan' };
    expect(compareNames(parts('青岛牛兰山酒类有限公司'), stored)?.rule).toBe('SIMILAR_HOMOPHONE');
  });

  it('SIMILAR_CONTAINS: one trade name containing the other in the same industry', () => {
    expect(compare('青岛海川湾智能科技有限公司', '青岛海川智能科技有限公司')).toMatchObject({
      kind: 'SIMILAR',
      rule: 'SIMILAR_CONTAINS',
    });
    expect(compare('青岛海川智能科技有限公司', '青岛大海川智能技术有限公司')?.rule).toBe('SIMILAR_CONTAINS');
  });

  it('SIMILAR_CONTAINS: applies against a name without an industry word', () => {
    expect(compare('青岛海川湾有限公司', '青岛海川智能科技有限公司')?.rule).toBe('SIMILAR_CONTAINS');
  });
});

describe('compareNames: names that do not conflict', () => {
  it('the same trade name in industries of different meaning is allowed', () => {
    expect(compare('青岛海川餐饮管理有限公司', '青岛海川置业有限公司')).toBeNull();
  });

  it('homophones in different industries are allowed', () => {
    expect(compare('青岛牛兰山餐饮有限公司', '青岛牛栏山酒业有限公司')).toBeNull();
  });

  it('different trade names in the same industry are allowed', () => {
    expect(compare('青岛海川智能科技有限公司', '青岛山河智能科技有限公司')).toBeNull();
  });
});

describe('containmentCandidates', () => {
  it('lists the substrings of two characters or more, longest first, without the name itself', () => {
    expect(containmentCandidates('海川湾')).toEqual(['海川', '川湾']);
    expect(containmentCandidates('大海川湾')).toEqual(['大海川', '海川湾', '大海', '海川', '川湾']);
  });

  it('has nothing to list for a two-character trade name', () => {
    expect(containmentCandidates('海川')).toEqual([]);
  });

  it('finds the stored trade name 海川 for the candidate 海川湾', () => {
    expect(containmentCandidates(conflictKeys(parts('青岛海川湾科技有限公司')).tradeName!)).toContain('海川');
  });
});
