// Words that make a name "special" (domain-rules §2; 规定 第十二条): a name that begins with 中国,
// 中华, 中央, 全国 or 国家, or that contains 国际, goes the notification-and-commitment route.
// Defaults only: at run time the list comes from the database.

import type { SpecialWord } from '../rules/types.js';

export const DEFAULT_SPECIAL_WORDS: readonly SpecialWord[] = [
  { word: '中国', scope: 'START', qualifierOnlyInside: true },
  { word: '中华', scope: 'START', qualifierOnlyInside: true },
  // 中央 is special at the start, but the law's "inside the name" rule names only the other four,
  // and 中央厨房 (central kitchen) is an ordinary catering word.
  { word: '中央', scope: 'START', qualifierOnlyInside: false },
  { word: '全国', scope: 'START', qualifierOnlyInside: true },
  { word: '国家', scope: 'START', qualifierOnlyInside: true },
  { word: '国际', scope: 'ANYWHERE', qualifierOnlyInside: false },
];

/**
 * Words the parser reads as a qualifier of the industry when they stand right before it
 * (青岛海川中国科技有限公司 → industry 中国科技; 海川国际物流 → industry 国际物流), so the trade name
 * stays 海川. This is how names are read, not a permission: check.ts decides what is allowed.
 */
export const INDUSTRY_QUALIFIER_WORDS: readonly string[] = ['中国', '中华', '全国', '国家', '国际'];

/** The bracketed form a foreign-invested enterprise may use after its foreign investor's trade name. */
export const BRACKETED_CHINA = '（中国）';
