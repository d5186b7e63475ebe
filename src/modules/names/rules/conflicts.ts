// Comparing a proposed name with one already registered or reserved (domain-rules §2, 规定 第十七条).
// The database finds the few names worth comparing through indexed keys, then compareNames decides:
//
//   IDENTICAL (refuse)                              SIMILAR (warn)
//   - same trade name, same industry class          - same trade name, industry words of one
//     (GB/T 4754: 地产 / 房地产 / 置业 are all K70;    synonym group but of different classes
//     division and form may differ)
//   - same trade name, either has no industry word  - trade names that sound the same
//   - the same trade-name and industry parts in       (牛栏山 / 牛兰山) in the same industry
//     another order (海川智能科技 / 智能科技海川)   - one trade name containing the other in the
//                                                     same industry
//
// "Same industry" for the similar rules means the same synonym group, or either name without an
// industry word — the same reading the law gives identical trade names (a name without an industry
// competes with every industry). Exceptions (investment relationship, the 1-year window after
// deregistration) are the service's business: it decides which existing names to compare with.

import { pinyin } from 'pinyin-pro';
import { industryCodeOf, industryCore, industryGroup } from './industry-lexicon.js';
import { render } from './messages.js';
import type { NameParts, RenderedMessage } from './types.js';

/** What the database stores and indexes for each name, so candidates are found by exact lookups. */
export interface ConflictKeys {
  /** the trade name as normalised; index it (btree) and, for containment, with pg_trgm (see below) */
  tradeName: string | null;
  /** toneless pinyin of the trade name, syllables separated by spaces: 牛栏山 and 牛兰山 → "niu lan shan" */
  tradeNamePinyin: string | null;
  /** the industry's synonym-group id (REAL_ESTATE), or its head word when it has no group */
  industryGroup: string | null;
  /** the industry without a qualifier (中国科技 → 科技) */
  industryWord: string | null;
}

export type ConflictRule =
  | 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY'
  | 'IDENTICAL_TRADE_NAME_NO_INDUSTRY'
  | 'IDENTICAL_REORDERED'
  | 'IDENTICAL_WITHHELD_NAME'
  | 'SIMILAR_SYNONYM_INDUSTRY'
  | 'SIMILAR_HOMOPHONE'
  | 'SIMILAR_CONTAINS';

export interface NameConflict extends RenderedMessage {
  kind: 'IDENTICAL' | 'SIMILAR';
  rule: ConflictRule;
}

/** A name to compare: its parts, and its stored pinyin key when the caller has it (saves recomputing). */
export type ComparableName = NameParts & { tradeNamePinyin?: string | null };

// Trade names recur across a batch of comparisons (one candidate against many stored names), and
// pinyin is the costly step; a small bounded memo keeps a batch cheap without growing for ever.
const pinyinMemo = new Map<string, string>();
const PINYIN_MEMO_LIMIT = 2_000;

/** The toneless pinyin key of a trade name; non-Chinese characters stay as they are, lower-cased. */
export function tradeNamePinyinKey(tradeName: string): string {
  let key = pinyinMemo.get(tradeName);
  if (key === undefined) {
    key = pinyin(tradeName, { toneType: 'none', type: 'array', v: true })
      .map((syllable) => syllable.toLowerCase())
      .join(' ');
    if (pinyinMemo.size >= PINYIN_MEMO_LIMIT) pinyinMemo.clear();
    pinyinMemo.set(tradeName, key);
  }
  return key;
}

export function conflictKeys(parts: NameParts): ConflictKeys {
  const { tradeName, industry } = parts;
  return {
    tradeName,
    tradeNamePinyin: tradeName ? tradeNamePinyinKey(tradeName) : null,
    industryGroup: industry ? industryGroup(industry) : null,
    industryWord: industry ? industryCore(industry) : null,
  };
}

/**
 * The substrings (two characters or more, longest first) of a trade name: an existing name whose
 * trade name is one of them is contained in the candidate's, so `trade_name = ANY($1)` on the
 * btree index finds it. The other direction — existing trade names that contain the candidate's —
 * needs a substring index: a pg_trgm GIN index on the trade name serves `trade_name LIKE
 * '%' || $1 || '%'` (checked on PGlite with Chinese text, two-character patterns included); on a
 * server PostgreSQL the database's ctype must be a UTF-8 locale so that Chinese characters count
 * as word characters for pg_trgm.
 */
export function containmentCandidates(tradeName: string): string[] {
  const chars = [...tradeName];
  const found = new Set<string>();
  for (let length = chars.length - 1; length >= 2; length--) {
    for (let start = 0; start + length <= chars.length; start++) {
      found.add(chars.slice(start, start + length).join(''));
    }
  }
  return [...found];
}

function conflict(kind: NameConflict['kind'], rule: ConflictRule, params: Record<string, string>): NameConflict {
  return { kind, rule, ...render(`names.conflict.${rule}`, params) };
}

function permutations(pieces: readonly string[]): string[] {
  if (pieces.length <= 1) return [pieces.join('')];
  return pieces.flatMap((piece, i) =>
    permutations([...pieces.slice(0, i), ...pieces.slice(i + 1)]).map((rest) => piece + rest),
  );
}

/** Whether one name's trade name and industry, put in another order, spell the other's. */
function reordered(a: NameParts, b: NameParts): boolean {
  const pieces = (p: NameParts) => [p.tradeName, p.industry].filter((x): x is string => !!x);
  const aPieces = pieces(a);
  const bPieces = pieces(b);
  const aText = aPieces.join('');
  const bText = bPieces.join('');
  if (aText.length !== bText.length || aText === bText) return aText === bText;
  return permutations(aPieces).includes(bText) || permutations(bPieces).includes(aText);
}

/**
 * 规定 第十七条 compares trade names within the same industry, which is the GB/T 4754 class the
 * industry words stand for, not the words themselves: 房地产, 地产 and 置业 are all K70.
 */
function sameIndustryClass(industry: string, otherIndustry: string): boolean {
  if (industryCore(industry) === industryCore(otherIndustry)) return true;
  const code = industryCodeOf(industry);
  return code !== null && code === industryCodeOf(otherIndustry);
}

/** How a candidate name conflicts with an existing one, or null when it does not. */
export function compareNames(candidate: ComparableName, existing: ComparableName): NameConflict | null {
  const tradeName = candidate.tradeName;
  const otherTradeName = existing.tradeName;
  if (!tradeName || !otherTradeName) return null;
  const industry = candidate.industry;
  const otherIndustry = existing.industry;
  const params = {
    tradeName,
    otherTradeName,
    industry: industry ?? '',
    otherIndustry: otherIndustry ?? '',
    candidate: tradeName + (industry ?? ''),
    existing: otherTradeName + (otherIndustry ?? ''),
  };

  if (tradeName === otherTradeName) {
    if (!industry || !otherIndustry) return conflict('IDENTICAL', 'IDENTICAL_TRADE_NAME_NO_INDUSTRY', params);
    if (sameIndustryClass(industry, otherIndustry)) {
      return conflict('IDENTICAL', 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY', params);
    }
    if (industryGroup(industry) === industryGroup(otherIndustry)) {
      return conflict('SIMILAR', 'SIMILAR_SYNONYM_INDUSTRY', params);
    }
    return null;
  }

  if (reordered(candidate, existing)) return conflict('IDENTICAL', 'IDENTICAL_REORDERED', params);

  const sameIndustry = !industry || !otherIndustry || industryGroup(industry) === industryGroup(otherIndustry);
  if (!sameIndustry) return null;
  const key = candidate.tradeNamePinyin ?? tradeNamePinyinKey(tradeName);
  const otherKey = existing.tradeNamePinyin ?? tradeNamePinyinKey(otherTradeName);
  if (key === otherKey) return conflict('SIMILAR', 'SIMILAR_HOMOPHONE', params);
  if (tradeName.includes(otherTradeName) || otherTradeName.includes(tradeName)) {
    return conflict('SIMILAR', 'SIMILAR_CONTAINS', params);
  }
  return null;
}
