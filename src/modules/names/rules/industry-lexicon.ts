// Industry words and the GB/T 4754-2017 table, indexed once at load.

import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../data/gbt4754-2017.js';
import { INDUSTRY_SYNONYM_GROUPS, INDUSTRY_WORDS_BY_DIVISION } from '../data/industry-words.js';
import { INDUSTRY_QUALIFIER_WORDS } from '../data/special-words.js';

export interface IndustryDivision {
  /** e.g. "I65" */
  code: string;
  zh: string;
  en: string;
  section: { letter: string; zh: string; en: string };
}

const divisions = new Map<string, IndustryDivision>();
for (const row of INDUSTRY_DIVISIONS) {
  const section = INDUSTRY_SECTIONS.find((s) => s.letter === row.code[0]);
  if (!section) throw new Error(`GB/T 4754 division ${row.code} has no section`);
  divisions.set(row.code, { ...row, section: { ...section } });
}

/** The GB/T 4754-2017 division for a code such as "I65" (case-insensitive), or null. */
export function industryDivision(code: string): IndustryDivision | null {
  return divisions.get(code.trim().toUpperCase()) ?? null;
}

const divisionByWord = new Map<string, string>();
for (const [code, words] of Object.entries(INDUSTRY_WORDS_BY_DIVISION)) {
  for (const word of words) if (!divisionByWord.has(word)) divisionByWord.set(word, code);
}
const groupByWord = new Map<string, string>();
for (const [group, words] of Object.entries(INDUSTRY_SYNONYM_GROUPS)) {
  for (const word of words) groupByWord.set(word, group);
}
const longestWord = Math.max(...[...divisionByWord.keys()].map((word) => word.length));

export function isIndustryWord(text: string): boolean {
  return divisionByWord.has(text);
}

/**
 * The longest industry word ending at `end` in `text` that starts at or after `minStart`
 * (so the caller keeps room for a trade name), or null.
 */
export function industryWordEndingAt(text: string, end: number, minStart: number): string | null {
  for (let length = Math.min(longestWord, end - minStart); length >= 2; length--) {
    const word = text.slice(end - length, end);
    if (divisionByWord.has(word)) return word;
  }
  return null;
}

/**
 * The industry without a leading qualifier (中国科技 → 科技, 国际物流 stays: it is a word itself).
 * Works from the string alone so keys computed from stored parts match keys computed at parse time.
 */
export function industryCore(industry: string): string {
  if (divisionByWord.has(industry)) return industry;
  const qualifier = INDUSTRY_QUALIFIER_WORDS.find((q) => industry.startsWith(q) && industry.length > q.length);
  return qualifier ? industry.slice(qualifier.length) : industry;
}

/** The word that carries the meaning of a (possibly multi-word) industry: itself, or its last word. */
function headWord(core: string): string {
  if (divisionByWord.has(core)) return core;
  return industryWordEndingAt(core, core.length, 0) ?? core;
}

/** The synonym group of an industry (地产, 房地产 and 置业 share one), or its head word when it has none. */
export function industryGroup(industry: string): string {
  const head = headWord(industryCore(industry));
  return groupByWord.get(industryCore(industry)) ?? groupByWord.get(head) ?? head;
}

/** The GB/T 4754 division an industry most often stands for, or null when the words are unknown. */
export function industryCodeOf(industry: string): string | null {
  return divisionByWord.get(headWord(industryCore(industry))) ?? null;
}
