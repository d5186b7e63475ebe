// Shapes shared by the name rules, their data and their callers (the names service, GraphQL).

export const ENTERPRISE_KINDS = [
  'LIMITED_LIABILITY_COMPANY',
  'JOINT_STOCK_COMPANY',
  'PARTNERSHIP',
  'SOLE_PROPRIETORSHIP',
  'BRANCH',
  'FARMERS_COOPERATIVE',
  'INDIVIDUAL_BUSINESS',
] as const;

/** api.md `EnterpriseKind`. */
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/** api.md `EnterpriseNameParts`: each part as it stands in the normalised name, or null. */
export interface NameParts {
  administrativeDivision: string | null;
  tradeName: string | null;
  industry: string | null;
  organisationForm: string | null;
}

/** Where the administrative division stood: first, in brackets after the trade name, inside, or nowhere. */
export type DivisionPosition = 'START' | 'BRACKETED' | 'MIDDLE' | 'NONE';

/** 规定 第十一条, items (一)–(八); item (五) is split so an administrator can tell them apart. */
export const PROHIBITED_CATEGORIES = [
  'NATIONAL_DIGNITY',
  'PUBLIC_ORDER',
  'PARTY_STATE_MILITARY',
  'FOREIGN_OR_INTERNATIONAL',
  'OBSCENITY',
  'GAMBLING',
  'SUPERSTITION',
  'TERROR',
  'VIOLENCE',
  'DISCRIMINATION',
  'PUBLIC_MORALS',
  'MISLEADING',
] as const;

export type ProhibitedCategory = (typeof PROHIBITED_CATEGORIES)[number];

export interface ProhibitedWord {
  word: string;
  category: ProhibitedCategory;
}

export interface SpecialWord {
  word: string;
  /** START: a name beginning with the word is special; ANYWHERE: a name containing it is. */
  scope: 'START' | 'ANYWHERE';
  /** Elsewhere than at the start, the word may only qualify the industry (规定 第十二条). */
  qualifierOnlyInside: boolean;
}

/** The administrator-maintained lists the rules read; passed in so the rules never load them. */
export interface NameReference {
  prohibitedWords: readonly ProhibitedWord[];
  specialWords: readonly SpecialWord[];
  /**
   * Division names with another meaning that a trade name may be (规定 第八条); the shipped default
   * list when absent.
   */
  divisionNameExceptions?: ReadonlySet<string>;
}

/** A text for people in both languages, with the catalogue key and parameters it was made from. */
export interface RenderedMessage {
  messageKey: string;
  params: Record<string, string>;
  zh: string;
  en: string;
}
