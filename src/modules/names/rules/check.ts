// The checks a proposed name must pass by itself, before any comparison with other names
// (domain-rules §2; 企业名称登记管理规定 第五条 to 第十三条). A violation refuses the name; a special
// reason sends it down the notification-and-commitment route. Conflicts with registered names are
// the database's part (see conflicts.ts).

import { BRACKETED_CHINA } from '../data/special-words.js';
import { DISTRICT_CODES, LOCAL_CITY_CODE, type District } from '../data/divisions.js';
import { isDivisionName, isLocalTo, sameDivision } from './division-lexicon.js';
import { formFits, organisationForm } from './form-lexicon.js';
import { industryCodeOf, industryDivision, isIndustryWord } from './industry-lexicon.js';
import { categoryParams, kindParams, render } from './messages.js';
import { normaliseName } from './normalise.js';
import { parseName, type ParsedName } from './parse.js';
import { findProhibitedWords } from './prohibited.js';
import { occurrences } from './word-search.js';
import type {
  DivisionPosition,
  EnterpriseKind,
  NameParts,
  NameReference,
  ProhibitedCategory,
  RenderedMessage,
  SpecialWord,
} from './types.js';

export type ViolationRule =
  | 'NON_CHINESE_CHARACTERS'
  | 'TRADE_NAME_TOO_SHORT'
  | 'TRADE_NAME_IS_DIVISION'
  | 'TRADE_NAME_IS_INDUSTRY_WORD'
  | 'PROHIBITED_WORD'
  | 'ORGANISATION_FORM_MISSING'
  | 'ORGANISATION_FORM_MISMATCH'
  | 'BRACKETED_CHINA_NOT_FOREIGN'
  | 'NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY'
  | 'DIVISION_NOT_LOCAL'
  | 'DIVISION_NOT_BRACKETED'
  | 'RESERVED_TO_STATE_COUNCIL'
  | 'DISTRICT_WITHOUT_CITY'
  | 'INDUSTRY_CODE_UNKNOWN';

/** STARTS_WITH_NATIONAL_WORD is no longer given: such a name is RESERVED_TO_STATE_COUNCIL (规定 第十二条). */
export type SpecialReasonCode = 'NO_DIVISION' | 'DIVISION_IN_MIDDLE' | 'CONTAINS_INTERNATIONAL' | 'BRACKETED_CHINA';

export interface NameViolation extends RenderedMessage {
  rule: ViolationRule;
  /** the offending part of the name, when there is one */
  term: string | null;
  /** for PROHIBITED_WORD: the category of the word */
  category?: ProhibitedCategory;
}

export interface SpecialReason extends RenderedMessage {
  code: SpecialReasonCode;
  term: string | null;
}

export interface NameCheckInput {
  name: string;
  kind?: EnterpriseKind | null;
  foreignInvested?: boolean | null;
  /** declared GB/T 4754-2017 division code, e.g. "I65" */
  industry?: string | null;
  /** where the enterprise will be; a district division in the name must be this one */
  district?: District | null;
}

export interface NameCheckResult {
  normalised: string;
  parts: NameParts;
  divisionPosition: DivisionPosition;
  /** the division the name's industry word most often stands for (a hint, not a decision) */
  industryCode: string | null;
  violations: NameViolation[];
  special: boolean;
  specialReasons: SpecialReason[];
}

// Characters a name may hold besides Chinese characters: full-width brackets and the interpunct
// between parts of a transliterated foreign name.
const ALLOWED_NON_HAN = /[（）·]/u;
const HAN = /\p{Script=Han}/u;

function violation(
  rule: ViolationRule,
  term: string | null,
  params: Record<string, string> = {},
  key: string = rule,
): NameViolation {
  return { rule, term, ...render(`names.violation.${key}`, { term: term ?? '', ...params }) };
}

function reason(code: SpecialReasonCode, term: string | null): SpecialReason {
  return { code, term, ...render(`names.special.${code}`, { term: term ?? '' }) };
}

function tradeNameViolations(tradeName: string | null, reference: NameReference): NameViolation[] {
  const out: NameViolation[] = [];
  const hanCount = [...(tradeName ?? '')].filter((ch) => HAN.test(ch)).length;
  if (!tradeName) out.push(violation('TRADE_NAME_TOO_SHORT', null, {}, 'TRADE_NAME_MISSING'));
  else if (hanCount < 2) out.push(violation('TRADE_NAME_TOO_SHORT', tradeName));
  if (tradeName && isDivisionName(tradeName, reference.divisionNameExceptions))
    out.push(violation('TRADE_NAME_IS_DIVISION', tradeName));
  if (tradeName && isIndustryWord(tradeName)) out.push(violation('TRADE_NAME_IS_INDUSTRY_WORD', tradeName));
  return out;
}

function formViolations(form: string | null, kind: EnterpriseKind | null | undefined): NameViolation[] {
  if (!form) return [violation('ORGANISATION_FORM_MISSING', null)];
  const row = organisationForm(form);
  if (!row || row.kinds.length === 0) {
    return [violation('ORGANISATION_FORM_MISMATCH', form, {}, 'ORGANISATION_FORM_NOT_REGISTRABLE')];
  }
  if (kind && !formFits(row, kind)) return [violation('ORGANISATION_FORM_MISMATCH', form, kindParams(kind))];
  return [];
}

function divisionViolations(parsed: ParsedName, district: District | null | undefined): NameViolation[] {
  // 实施办法 第九条: a division placed after the trade name stands in brackets (海川（青岛）智能科技).
  if (parsed.divisionPosition === 'MIDDLE') {
    return [
      violation('DIVISION_NOT_BRACKETED', parsed.parts.administrativeDivision, {
        tradeName: parsed.parts.tradeName ?? '',
      }),
    ];
  }
  const chain = parsed.divisionChain;
  const innermost = chain[chain.length - 1];
  if (!innermost || innermost.level === 'COUNTRY') return [];
  const text = parsed.parts.administrativeDivision;
  if (!isLocalTo(innermost, LOCAL_CITY_CODE)) return [violation('DIVISION_NOT_LOCAL', text)];
  const isDistrictLevel = innermost.level !== 'PROVINCE' && innermost.level !== 'CITY';
  if (district && isDistrictLevel && !sameDivision(innermost.code, DISTRICT_CODES[district])) {
    return [violation('DIVISION_NOT_LOCAL', text)];
  }
  // 规定 第七条: a city's district, or a new area, is used only together with its city's name.
  const needsCity = innermost.level === 'DISTRICT' || innermost.level === 'NEW_AREA';
  if (needsCity && !chain.some((d) => d.level === 'CITY')) {
    return [violation('DISTRICT_WITHOUT_CITY', innermost.name)];
  }
  return [];
}

/**
 * 规定 第十二条: inside a name (not at its start), 中国/中华/全国/国家 may only qualify the
 * industry. Our reading: such a word is allowed where the parser took it as the industry's
 * qualifier (青岛海川中国科技有限公司 → industry 中国科技), and as "（中国）" (its own rule); anywhere
 * else — in the trade name (青岛中国海川科技), left with no industry after it (青岛海川中国有限公司),
 * in another bracket (（中华）) or in a branch locality — it is a violation.
 */
function nationalWordViolations(parsed: ParsedName, words: readonly SpecialWord[]): NameViolation[] {
  const { tradeName } = parsed.parts;
  const tradeNameStartsName = tradeName !== null && parsed.normalised.startsWith(tradeName);
  const bracketed = parsed.divisionPosition === 'BRACKETED' ? parsed.parts.administrativeDivision : null;
  const found = new Set<string>();
  for (const { word, qualifierOnlyInside } of words) {
    if (!qualifierOnlyInside) continue;
    // At the very start of the name the word reserves the name to the State Council instead.
    const inTradeName = occurrences(tradeName ?? '', word).some((at) => at > 0 || !tradeNameStartsName);
    const inBracket = bracketed !== null && bracketed !== '中国' && bracketed.includes(word);
    const inLocality = occurrences(parsed.branch?.locality ?? '', word).length > 0;
    if (inTradeName || inBracket || inLocality) found.add(word);
  }
  return [...found].map((word) => violation('NATIONAL_WORD_NOT_QUALIFYING_INDUSTRY', word));
}

/**
 * 规定 第十二条: a name beginning with 中国, 中华, 中央, 全国 or 国家 (the START words of the list) needs
 * the State Council's approval; no registry of the city may grant it, with or without a commitment.
 */
function reservedStartWord(parsed: ParsedName, words: readonly SpecialWord[]): string | null {
  return words.find((w) => w.scope === 'START' && parsed.normalised.startsWith(w.word))?.word ?? null;
}

function reservedWordViolations(parsed: ParsedName, words: readonly SpecialWord[]): NameViolation[] {
  const word = reservedStartWord(parsed, words);
  return word ? [violation('RESERVED_TO_STATE_COUNCIL', word)] : [];
}

/**
 * The special names the Qingdao FTZ grants at once against a written commitment (domain-rules §2): no
 * division, a division in brackets after the trade name, 国际 (or another listed word), （中国）.
 */
function specialReasons(parsed: ParsedName, words: readonly SpecialWord[]): SpecialReason[] {
  const out: SpecialReason[] = [];
  const name = parsed.normalised;
  if (parsed.divisionPosition === 'NONE' && !reservedStartWord(parsed, words)) out.push(reason('NO_DIVISION', null));
  // （中国） in brackets is its own reason (BRACKETED_CHINA), not a division of a place.
  const bracketedPlace = parsed.divisionChain.some((d) => d.level !== 'COUNTRY');
  if (parsed.divisionPosition === 'BRACKETED' && bracketedPlace) {
    out.push(reason('DIVISION_IN_MIDDLE', parsed.parts.administrativeDivision));
  }
  for (const w of words) {
    if (w.scope === 'ANYWHERE' && name.includes(w.word)) out.push(reason('CONTAINS_INTERNATIONAL', w.word));
  }
  if (name.includes(BRACKETED_CHINA)) out.push(reason('BRACKETED_CHINA', BRACKETED_CHINA));
  return out;
}

/** Checks a proposed name against the naming rules, with the administrator's word lists. */
export function checkName(input: NameCheckInput, reference: NameReference): NameCheckResult {
  const normalised = normaliseName(input.name);
  const parsed = parseName(normalised);
  const { parts } = parsed;
  const violations: NameViolation[] = [];

  const foreign = [...new Set([...normalised].filter((ch) => !HAN.test(ch) && !ALLOWED_NON_HAN.test(ch)))];
  if (foreign.length > 0) violations.push(violation('NON_CHINESE_CHARACTERS', foreign.join('')));
  violations.push(...tradeNameViolations(parts.tradeName, reference));
  for (const { word, category } of findProhibitedWords(normalised, reference.prohibitedWords)) {
    violations.push({ ...violation('PROHIBITED_WORD', word, categoryParams(category)), category });
  }
  violations.push(...formViolations(parts.organisationForm, input.kind));
  if (normalised.includes(BRACKETED_CHINA) && !input.foreignInvested) {
    violations.push(violation('BRACKETED_CHINA_NOT_FOREIGN', BRACKETED_CHINA));
  }
  violations.push(...reservedWordViolations(parsed, reference.specialWords));
  violations.push(...nationalWordViolations(parsed, reference.specialWords));
  violations.push(...divisionViolations(parsed, input.district));
  if (input.industry && !industryDivision(input.industry)) {
    violations.push(violation('INDUSTRY_CODE_UNKNOWN', input.industry));
  }

  const reasons = specialReasons(parsed, reference.specialWords);
  return {
    normalised,
    parts,
    divisionPosition: parsed.divisionPosition,
    industryCode: parts.industry ? industryCodeOf(parts.industry) : null,
    violations,
    special: reasons.length > 0,
    specialReasons: reasons,
  };
}
