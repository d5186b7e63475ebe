// The pure naming rules, for the names service and resolvers: no database, no GraphQL.

export { normaliseName } from './normalise.js';
export { parseName, type ParsedName, type BranchParts, type ParseOptions } from './parse.js';
export {
  checkName,
  type NameCheckInput,
  type NameCheckResult,
  type NameViolation,
  type SpecialReason,
  type SpecialReasonCode,
  type ViolationRule,
} from './check.js';
export {
  compareNames,
  conflictKeys,
  containmentCandidates,
  tradeNamePinyinKey,
  type ComparableName,
  type ConflictKeys,
  type ConflictRule,
  type NameConflict,
} from './conflicts.js';
export { industryDivision, industryCodeOf, type IndustryDivision } from './industry-lexicon.js';
export { DEFAULT_PROHIBITED_WORDS } from '../data/prohibited-words.js';
export { DEFAULT_SPECIAL_WORDS } from '../data/special-words.js';
export { DEFAULT_DIVISION_NAME_EXCEPTIONS } from '../data/national-divisions.js';
export { isDivisionName } from './division-lexicon.js';
export { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../data/gbt4754-2017.js';
export { DISTRICT_CODES, type District } from '../data/divisions.js';
export * from './types.js';
