import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../src/modules/names/rules/normalise.js';
import { parseName } from '../../../src/modules/names/rules/parse.js';

const parse = (name: string) => parseName(normaliseName(name));

describe('parseName: the four parts (domain-rules §2)', () => {
  it('reads 青岛 + 海川 + 智能科技 + 有限公司 with the division first', () => {
    const parsed = parse('青岛海川智能科技有限公司');
    expect(parsed.parts).toEqual({
      administrativeDivision: '青岛',
      tradeName: '海川',
      industry: '智能科技',
      organisationForm: '有限公司',
    });
    expect(parsed.divisionPosition).toBe('START');
  });

  it('reads a division in brackets after the trade name: 海川（青岛）智能科技有限公司', () => {
    const parsed = parse('海川（青岛）智能科技有限公司');
    expect(parsed.parts).toEqual({
      administrativeDivision: '青岛',
      tradeName: '海川',
      industry: '智能科技',
      organisationForm: '有限公司',
    });
    expect(parsed.divisionPosition).toBe('BRACKETED');
  });

  it('reads half-width brackets the same way once normalised', () => {
    expect(parse('海川(青岛)智能科技有限公司').divisionPosition).toBe('BRACKETED');
  });

  it('reads a name without a division: 海川智能科技有限公司', () => {
    const parsed = parse('海川智能科技有限公司');
    expect(parsed.parts.administrativeDivision).toBeNull();
    expect(parsed.parts.tradeName).toBe('海川');
    expect(parsed.divisionPosition).toBe('NONE');
  });

  it('reads a division in the middle: 海川青岛智能科技有限公司', () => {
    const parsed = parse('海川青岛智能科技有限公司');
    expect(parsed.parts).toMatchObject({ administrativeDivision: '青岛', tradeName: '海川', industry: '智能科技' });
    expect(parsed.divisionPosition).toBe('MIDDLE');
  });

  it('reads a name without an industry word: 青岛海川有限公司', () => {
    expect(parse('青岛海川有限公司').parts).toEqual({
      administrativeDivision: '青岛',
      tradeName: '海川',
      industry: null,
      organisationForm: '有限公司',
    });
  });

  it('takes the longest organisation form: 股份有限公司 before 有限公司', () => {
    expect(parse('青岛海川智能科技股份有限公司').parts.organisationForm).toBe('股份有限公司');
    expect(parse('青岛海川有限责任公司').parts.organisationForm).toBe('有限责任公司');
  });

  it('reads a partnership form with its bracketed liability: 合伙企业（有限合伙）', () => {
    const parsed = parse('青岛海川投资管理合伙企业(有限合伙)');
    expect(parsed.parts).toMatchObject({
      tradeName: '海川',
      industry: '投资管理',
      organisationForm: '合伙企业（有限合伙）',
    });
  });

  it('takes the longest industry word before the form: 智能科技, not 科技', () => {
    expect(parse('青岛海川智能科技有限公司').parts.industry).toBe('智能科技');
  });

  it('reads several industry words as one industry while two characters remain for the trade name', () => {
    expect(parse('青岛海川软件信息技术有限公司').parts).toMatchObject({ tradeName: '海川', industry: '软件信息技术' });
  });

  it('takes 中国 right before the industry as its qualifier: 青岛海川中国科技有限公司', () => {
    const parsed = parse('青岛海川中国科技有限公司');
    expect(parsed.parts).toMatchObject({ tradeName: '海川', industry: '中国科技' });
    expect(parsed.industryQualifier).toBe('中国');
  });

  it('reads 国际贸易 as one industry word', () => {
    expect(parse('青岛华中国际贸易有限公司').parts).toMatchObject({ tradeName: '华中', industry: '国际贸易' });
  });

  it('leaves a name whose only candidate trade name is an industry word with that word as trade name', () => {
    expect(parse('青岛科技有限公司').parts).toMatchObject({ tradeName: '科技', industry: null });
  });

  it('leaves a name that is only a division with the division as trade name', () => {
    const parsed = parse('青岛有限公司');
    expect(parsed.parts).toMatchObject({ administrativeDivision: null, tradeName: '青岛' });
  });

  it('has no organisation form when none is known', () => {
    expect(parse('青岛海川智能科技').parts.organisationForm).toBeNull();
  });
});

describe('parseName: division chains', () => {
  it('reads province, city and district together: 山东省青岛市市南区', () => {
    const parsed = parse('山东省青岛市市南区海川置业有限公司');
    expect(parsed.parts).toMatchObject({
      administrativeDivision: '山东省青岛市市南区',
      tradeName: '海川',
      industry: '置业',
    });
    expect(parsed.divisionChain.map((d) => d.code)).toEqual(['370000', '370200', '370202']);
  });

  it('reads 青岛市南区 as 青岛 + 市南区', () => {
    const parsed = parse('青岛市南区海川餐饮管理有限公司');
    expect(parsed.divisionChain.map((d) => d.name)).toEqual(['青岛', '市南区']);
    expect(parsed.parts.tradeName).toBe('海川');
  });

  it('reads the new area with its city: 青岛西海岸新区', () => {
    expect(parse('青岛西海岸新区海川物流有限公司').parts).toMatchObject({
      administrativeDivision: '青岛西海岸新区',
      tradeName: '海川',
      industry: '物流',
    });
  });

  it('reads every Qingdao district and county-level city with and without its suffix', () => {
    for (const name of ['市南', '市北', '黄岛', '崂山', '李沧', '城阳', '即墨', '胶州', '平度', '莱西']) {
      const suffix = ['胶州', '平度', '莱西'].includes(name) ? '市' : '区';
      expect(parse(`青岛${name}海川科技有限公司`).parts.administrativeDivision).toBe(`青岛${name}`);
      expect(parse(`青岛${name}${suffix}海川科技有限公司`).parts.administrativeDivision).toBe(`青岛${name}${suffix}`);
    }
  });

  it('reads 即墨市, the name before 即墨区, in older names', () => {
    expect(parse('青岛即墨市海川有限公司').parts).toMatchObject({
      administrativeDivision: '青岛即墨市',
      tradeName: '海川',
    });
  });

  it('does not chain divisions that do not nest: 青岛金华 is 青岛 + trade name 金华', () => {
    expect(parse('青岛金华科技有限公司').parts).toMatchObject({ administrativeDivision: '青岛', tradeName: '金华' });
  });

  it('reads 中国 at the start as the division', () => {
    const parsed = parse('中国海川科技有限公司');
    expect(parsed.parts).toMatchObject({ administrativeDivision: '中国', tradeName: '海川' });
    expect(parsed.divisionPosition).toBe('START');
  });

  it('reads （中国） after a foreign trade name as a bracketed division', () => {
    const parsed = parse('西门子(中国)有限公司');
    expect(parsed.parts).toMatchObject({
      administrativeDivision: '中国',
      tradeName: '西门子',
      organisationForm: '有限公司',
    });
    expect(parsed.divisionPosition).toBe('BRACKETED');
  });
});

describe('parseName: branches', () => {
  it('reads a branch as its parent name, a locality and the branch suffix', () => {
    const parsed = parse('青岛海川智能科技有限公司市南分公司');
    expect(parsed.parts).toEqual({
      administrativeDivision: '青岛',
      tradeName: '海川',
      industry: '智能科技',
      organisationForm: '分公司',
    });
    expect(parsed.branch).toEqual({
      parentName: '青岛海川智能科技有限公司',
      parentOrganisationForm: '有限公司',
      locality: '市南',
    });
  });

  it('has no branch part for an ordinary company', () => {
    expect(parse('青岛海川智能科技有限公司').branch).toBeNull();
  });
});
