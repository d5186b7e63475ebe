import { describe, expect, it } from 'vitest';
import { DIVISIONS, DISTRICT_CODES } from '../../../src/modules/names/data/divisions.js';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../src/modules/names/data/gbt4754-2017.js';
import { INDUSTRY_SYNONYM_GROUPS, INDUSTRY_WORDS_BY_DIVISION } from '../../../src/modules/names/data/industry-words.js';
import { ORGANISATION_FORMS } from '../../../src/modules/names/data/organisation-forms.js';
import { DEFAULT_PROHIBITED_WORDS } from '../../../src/modules/names/data/prohibited-words.js';
import { DEFAULT_SPECIAL_WORDS } from '../../../src/modules/names/data/special-words.js';
import { industryDivision } from '../../../src/modules/names/rules/industry-lexicon.js';
import { normaliseName } from '../../../src/modules/names/rules/normalise.js';
import { ENTERPRISE_KINDS, PROHIBITED_CATEGORIES } from '../../../src/modules/names/rules/types.js';

describe('GB/T 4754-2017 table', () => {
  it('has the 20 sections and all 97 divisions, A01 to T97', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    INDUSTRY_DIVISIONS.forEach((row, i) => {
      expect(row.code).toMatch(/^[A-T]\d{2}$/);
      expect(Number(row.code.slice(1))).toBe(i + 1);
    });
  });

  it('looks a division up by code, with its section, in both languages', () => {
    expect(industryDivision('I65')).toEqual({
      code: 'I65',
      zh: '软件和信息技术服务业',
      en: 'Software and information technology services',
      section: {
        letter: 'I',
        zh: '信息传输、软件和信息技术服务业',
        en: 'Information transmission, software and information technology services',
      },
    });
    expect(industryDivision('k70')?.zh).toBe('房地产业');
    expect(industryDivision('H62')?.en).toBe('Catering');
  });

  it('has no division for an unknown code', () => {
    expect(industryDivision('I99')).toBeNull();
    expect(industryDivision('65')).toBeNull();
  });
});

describe('industry words', () => {
  const words = Object.values(INDUSTRY_WORDS_BY_DIVISION).flat();

  it('holds a few hundred words, each once, each of two characters or more', () => {
    expect(words.length).toBeGreaterThan(300);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word.length, word).toBeGreaterThanOrEqual(2);
  });

  it('maps every word to a division in the table', () => {
    for (const code of Object.keys(INDUSTRY_WORDS_BY_DIVISION)) expect(industryDivision(code), code).not.toBeNull();
  });

  it('maps the common words as expected', () => {
    const divisionOf = (word: string) =>
      Object.entries(INDUSTRY_WORDS_BY_DIVISION).find(([, list]) => list.includes(word))?.[0];
    expect(divisionOf('智能科技')).toBe('I65');
    expect(divisionOf('房地产')).toBe('K70');
    expect(divisionOf('置业')).toBe('K70');
    expect(divisionOf('餐饮管理')).toBe('H62');
    expect(divisionOf('商贸')).toBe('F51');
    expect(divisionOf('供应链')).toBe('G58');
    expect(divisionOf('建筑')).toBe('E47');
    expect(divisionOf('生物科技')).toBe('M73');
    expect(divisionOf('文化传媒')).toBe('R87');
    expect(divisionOf('资产管理')).toBe('L72');
  });

  it('lists in synonym groups only words of the word list, each in one group', () => {
    const grouped = Object.values(INDUSTRY_SYNONYM_GROUPS).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const word of grouped) expect(words, word).toContain(word);
  });

  it('stores words already normalised', () => {
    for (const word of words) expect(normaliseName(word)).toBe(word);
  });
});

describe('divisions', () => {
  const names = new Set(DIVISIONS.flatMap((d) => [d.full, ...d.short]));

  it('holds Qingdao, Shandong, China and every Qingdao district with and without its suffix', () => {
    for (const name of ['青岛', '青岛市', '山东', '山东省', '中国', '中华', '西海岸新区'])
      expect(names, name).toContain(name);
    for (const name of ['市南', '市北', '黄岛', '崂山', '李沧', '城阳', '即墨']) {
      expect(names).toContain(name);
      expect(names).toContain(`${name}区`);
    }
    for (const name of ['胶州', '平度', '莱西']) {
      expect(names).toContain(name);
      expect(names).toContain(`${name}市`);
    }
  });

  it('holds all 34 province-level divisions', () => {
    expect(DIVISIONS.filter((d) => d.level === 'PROVINCE')).toHaveLength(34);
  });

  it('holds every Shandong prefecture-level city and a list of major cities', () => {
    expect(DIVISIONS.filter((d) => d.level === 'CITY' && d.code.startsWith('37'))).toHaveLength(16);
    expect(DIVISIONS.filter((d) => d.level === 'CITY').length).toBeGreaterThan(100);
  });

  it('has well-formed, unique codes, and a division for every api.md District', () => {
    for (const d of DIVISIONS) expect(d.code).toMatch(/^\d{6}$/);
    const codes = DIVISIONS.filter((d) => d.level !== 'NEW_AREA').map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of Object.values(DISTRICT_CODES)) expect(codes).toContain(code);
  });
});

describe('organisation forms, prohibited and special words', () => {
  it('fits every enterprise kind with at least one form', () => {
    for (const kind of ENTERPRISE_KINDS) {
      expect(
        ORGANISATION_FORMS.some((f) => f.kinds.includes(kind)),
        kind,
      ).toBe(true);
    }
  });

  it('has default prohibited words in every category, each once', () => {
    for (const category of PROHIBITED_CATEGORIES) {
      expect(
        DEFAULT_PROHIBITED_WORDS.some((w) => w.category === category),
        category,
      ).toBe(true);
    }
    const words = DEFAULT_PROHIBITED_WORDS.map((w) => w.word);
    expect(new Set(words).size).toBe(words.length);
    for (const word of [
      '共产党',
      '国务院',
      '解放军',
      '公安',
      '联合国',
      '美国',
      '赌场',
      '色情',
      '恐怖',
      '国家级',
      '最高级',
      '第一',
    ]) {
      expect(words).toContain(word);
    }
  });

  it('has the default special words 中国, 中华, 中央, 全国, 国家 and 国际', () => {
    expect(DEFAULT_SPECIAL_WORDS.map((w) => w.word)).toEqual(['中国', '中华', '中央', '全国', '国家', '国际']);
  });
});
