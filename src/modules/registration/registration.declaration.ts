// What an applicant declares (domain-rules §1), and the form checks the registry applies to it.
// Pure: no database, no GraphQL. The registry reviews form, not substance: each check here is about
// completeness and the legal form of one item, and names the item's path so the applicant can fix it.

import { UserErrorCode, problem, type Problem } from '../../shared/errors.js';
import { validateUscc } from '../../shared/credit-code.js';
import { addCalendarDays, isValidDate, type WorkingDayCalendar } from '../../shared/working-days.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import { enterpriseNameParts } from '../names/index.js';
import type { DistrictValue, EnterpriseKindValue, ZoneValue } from './registration.values.js';

export const ID_DOCUMENT_TYPES = [
  'RESIDENT_ID_CARD',
  'PASSPORT',
  'HK_MACAO_PERMIT',
  'TAIWAN_PERMIT',
  'FOREIGN_PERMANENT_RESIDENT_ID',
] as const;
export type IdDocumentTypeValue = (typeof ID_DOCUMENT_TYPES)[number];

export const INVESTOR_KINDS = ['NATURAL_PERSON', 'ENTERPRISE'] as const;
export type InvestorKindValue = (typeof INVESTOR_KINDS)[number];

export const CONTRIBUTION_FORMS = [
  'CURRENCY',
  'IN_KIND',
  'INTELLECTUAL_PROPERTY',
  'LAND_USE_RIGHT',
  'EQUITY',
  'OTHER',
] as const;
export type ContributionFormValue = (typeof CONTRIBUTION_FORMS)[number];

export const OFFICER_POSITIONS = [
  'CHAIR',
  'EXECUTIVE_DIRECTOR',
  'DIRECTOR',
  'SUPERVISOR',
  'MANAGER',
  'FINANCIAL_OFFICER',
  'SECRETARY',
] as const;
export type OfficerPositionValue = (typeof OFFICER_POSITIONS)[number];

export const CLEARANCE_DEPARTMENTS = ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const;
export type ClearanceDepartment = (typeof CLEARANCE_DEPARTMENTS)[number];

export interface PersonData {
  name: string;
  idType: IdDocumentTypeValue;
  idNumber: string;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  phone: string | null;
}

export interface InvestorData {
  kind: InvestorKindValue;
  name: string;
  /** For a natural person. */
  idType: IdDocumentTypeValue | null;
  idNumber: string | null;
  /** For an enterprise: its unified social credit code (in China) or foreign registration number. */
  registrationNumber: string | null;
  /**
   * For a foreign investor: its name in Chinese (西门子股份公司 for Siemens AG). Its trade name is the one
   * a name with "（中国）" must use (企业名称登记管理规定 第十二条). Absent on declarations made before it existed.
   */
  chineseName?: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  subscribedCapitalFen: number;
  contributionForm: ContributionFormValue;
  subscribedBy: string | null;
}

export interface OfficerData {
  name: string;
  position: OfficerPositionValue;
  idType: IdDocumentTypeValue;
  idNumber: string;
}

export interface AddressData {
  district: DistrictValue;
  zone: ZoneValue;
  address: string;
  postalCode: string | null;
  /** A hosted address (住所托管): the applicant's hosting agreement (global id); the address is then the host's. */
  hostingAgreementId?: string | null;
  /** Set at submission from the agreement: the host's name. */
  hostName?: string | null;
}

export interface Declaration {
  /** Set from the name reservation (establishment, change of name) or the enterprise; never typed in. */
  name?: string | null;
  kind?: EnterpriseKindValue | null;
  industry?: string | null;
  foreignInvested?: boolean | null;
  businessScope?: string | null;
  registeredAddress?: AddressData | null;
  registeredCapitalFen?: number | null;
  legalRepresentative?: PersonData | null;
  investors?: InvestorData[] | null;
  articlesOfAssociation?: { adoptedOn: string; text: string } | null;
  operatingTerm?: { longTerm: boolean; endsOn: string | null } | null;
  officers?: OfficerData[] | null;
  liaison?: { name: string; phone: string; email: string | null } | null;
  serviceAgent?: { name: string; address: string; phone: string; email: string | null } | null;
}

export interface DeregistrationDeclaration {
  reason: string | null;
  /** Simplified deregistration (简易注销): needs a 20-day public notice before the application. */
  simplified: boolean;
  publicNoticeFrom: string | null;
  /** Ordinary deregistration: the day liquidation was completed. */
  liquidationCompletedOn: string | null;
}

/** Registered items (confirmed) and filed items (recorded), in the order the registry reads them. */
export const REGISTERED_ITEMS = [
  'name',
  'kind',
  'businessScope',
  'registeredAddress',
  'registeredCapital',
  'legalRepresentative',
  'investors',
] as const;
export const FILED_ITEMS = ['articlesOfAssociation', 'operatingTerm', 'officers', 'liaison', 'serviceAgent'] as const;
export const ATTRIBUTE_ITEMS = ['industry', 'foreignInvested'] as const;
export const DECLARATION_ITEMS = [...REGISTERED_ITEMS, ...FILED_ITEMS, ...ATTRIBUTE_ITEMS] as const;
export type DeclarationItem = (typeof DECLARATION_ITEMS)[number];
export const DEREGISTRATION_ITEMS = ['reason', 'simplified', 'publicNoticeFrom', 'liquidationCompletedOn'] as const;

/** Items whose values are personal details: history and public views name them but never copy them. */
const PRIVATE_ITEMS = new Set<DeclarationItem>([
  'investors',
  'officers',
  'liaison',
  'serviceAgent',
  'articlesOfAssociation',
]);

/** The stored value of an item (registeredCapital is kept in fen). */
export function itemValue(declaration: Declaration, item: DeclarationItem): unknown {
  if (item === 'registeredCapital') return declaration.registeredCapitalFen ?? null;
  return (declaration as Record<string, unknown>)[item] ?? null;
}

/** Equal values whatever the order of their keys (jsonb hands keys back in its own order). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** The items whose values differ between two declarations. */
export function changedItems(before: Declaration, after: Declaration): DeclarationItem[] {
  return DECLARATION_ITEMS.filter((item) => !sameJson(itemValue(before, item), itemValue(after, item)));
}

/** A public, one-line rendering of an item for the change history; null for personal items. */
export function publicItemText(declaration: Declaration, item: DeclarationItem): string | null {
  if (PRIVATE_ITEMS.has(item)) return null;
  switch (item) {
    case 'registeredAddress':
      return declaration.registeredAddress?.address ?? null;
    case 'registeredCapital':
      return declaration.registeredCapitalFen == null ? null : formatYuan(declaration.registeredCapitalFen);
    case 'legalRepresentative':
      return declaration.legalRepresentative?.name ?? null;
    case 'foreignInvested':
      return declaration.foreignInvested == null ? null : String(declaration.foreignInvested);
    case 'operatingTerm':
      return operatingTermText(declaration.operatingTerm);
    default: {
      const value = itemValue(declaration, item);
      return value == null ? null : String(value);
    }
  }
}

/** LONG_TERM for an indefinite term, otherwise its last day. */
function operatingTermText(term: Declaration['operatingTerm']): string | null {
  if (!term) return null;
  return term.longTerm ? 'LONG_TERM' : term.endsOn;
}

function formatYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Identity documents

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** GB 11643: 17 digits (area, birth date, sequence) and an ISO 7064 MOD 11-2 check character. */
export function isValidResidentIdNumber(text: string): boolean {
  const id = text.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birth) || Number(id.slice(6, 10)) < 1900) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11] === id[17];
}

export function isValidIdNumber(type: IdDocumentTypeValue, text: string): boolean {
  const id = text.trim().toUpperCase();
  switch (type) {
    case 'RESIDENT_ID_CARD':
      return isValidResidentIdNumber(id);
    case 'PASSPORT':
      return /^[A-Z0-9]{5,20}$/.test(id);
    case 'HK_MACAO_PERMIT':
      return /^[HM]\d{8,10}$/.test(id);
    case 'TAIWAN_PERMIT':
      return /^\d{8}(\d{2})?$/.test(id);
    case 'FOREIGN_PERMANENT_RESIDENT_ID':
      return /^[A-Z0-9]{15}$|^9\d{17}$/.test(id);
  }
}

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_CODE = /^\d{6}$/;
const INDUSTRY_CODE = /^[A-T]\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

export const LIMITS = {
  businessScope: 2000,
  address: 300,
  personName: 100,
  investors: 50,
  officers: 30,
  articlesText: 100_000,
  reason: 1000,
  /** Registered capital: at most 10^13 yuan, far below the safe-integer limit in fen. */
  maxCapitalFen: 1_000_000_000_000_000,
} as const;

// ---------------------------------------------------------------------------------------------
// Form checks (malformed items): applied on every save and again on submission.

function textProblems(value: string | null | undefined, max: number, field: string[], required = true): Problem[] {
  if (value === null || value === undefined) return [];
  if (required && value.trim() === '') return [problem(UserErrorCode.REQUIRED, 'error.required', field)];
  if (value.length > max) return [problem(UserErrorCode.TOO_LONG, 'error.tooLong', field, { max })];
  return [];
}

function dateProblems(value: string | null | undefined, field: string[]): Problem[] {
  if (value === null || value === undefined) return [];
  return isValidDate(value) ? [] : [problem(UserErrorCode.INVALID_FORMAT, 'error.invalidFormat', field)];
}

function idProblems(type: IdDocumentTypeValue | null, number: string | null, field: string[]): Problem[] {
  if (type === null) return [problem(UserErrorCode.REQUIRED, 'error.required', [...field, 'idType'])];
  if (number === null || number.trim() === '')
    return [problem(UserErrorCode.REQUIRED, 'error.required', [...field, 'idNumber'])];
  return isValidIdNumber(type, number)
    ? []
    : [problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidIdNumber', [...field, 'idNumber'])];
}

function phoneProblems(phone: string | null | undefined, field: string[], required: boolean): Problem[] {
  if (phone === null || phone === undefined || phone.trim() === '') {
    return required ? [problem(UserErrorCode.REQUIRED, 'error.required', field)] : [];
  }
  return PHONE.test(phone.trim()) ? [] : [problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidPhone', field)];
}

function emailProblems(email: string | null | undefined, field: string[]): Problem[] {
  if (email === null || email === undefined || email === '') return [];
  return EMAIL.test(email) && email.length <= 254
    ? []
    : [problem(UserErrorCode.INVALID_FORMAT, 'error.invalidEmail', field)];
}

function personProblems(person: PersonData, field: string[]): Problem[] {
  return [
    ...textProblems(person.name, LIMITS.personName, [...field, 'name']),
    ...idProblems(person.idType, person.idNumber, field),
    ...(COUNTRY.test(person.nationality)
      ? []
      : [problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidCountry', [...field, 'nationality'])]),
    ...phoneProblems(person.phone, [...field, 'phone'], false),
  ];
}

function capitalProblems(fen: number | null | undefined, field: string[]): Problem[] {
  if (fen === null || fen === undefined) return [];
  // Nothing subscribed is an amount not filled in yet: a draft keeps it, submission asks for it.
  if (fen === 0) return [problem(UserErrorCode.REQUIRED, 'error.required', field)];
  if (!Number.isSafeInteger(fen) || fen <= 0 || fen > LIMITS.maxCapitalFen) {
    return [problem(UserErrorCode.OUT_OF_RANGE, 'registration.capitalOutOfRange', field)];
  }
  return [];
}

/** Malformed items of a declaration, with paths under `base` (e.g. ['input', 'declaration']). */
export function declarationFormProblems(d: Declaration, base: string[]): Problem[] {
  const at = (...path: (string | number)[]) => [...base, ...path.map(String)];
  const problems: Problem[] = [];
  problems.push(...textProblems(d.businessScope, LIMITS.businessScope, at('businessScope')));
  if (d.industry != null && !INDUSTRY_CODE.test(d.industry)) {
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidIndustry', at('industry')));
  }
  const address = d.registeredAddress;
  if (address) {
    problems.push(...textProblems(address.address, LIMITS.address, at('registeredAddress', 'address')));
    if (address.postalCode != null && !POSTAL_CODE.test(address.postalCode)) {
      problems.push(
        problem(UserErrorCode.INVALID_FORMAT, 'error.invalidFormat', at('registeredAddress', 'postalCode')),
      );
    }
    const zoneDistrict = ZONE_DISTRICTS[address.zone];
    if (zoneDistrict && zoneDistrict !== address.district) {
      problems.push(
        problem(UserErrorCode.INVALID_INPUT, 'registration.zoneOutsideDistrict', at('registeredAddress', 'zone')),
      );
    }
  }
  problems.push(...capitalProblems(d.registeredCapitalFen, at('registeredCapital', 'amount')));
  if (d.legalRepresentative) problems.push(...personProblems(d.legalRepresentative, at('legalRepresentative')));
  if (d.investors) {
    if (d.investors.length > LIMITS.investors) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'validation.arrayMaxSize', at('investors'), { max: LIMITS.investors }),
      );
    }
    d.investors.forEach((investor, i) => {
      problems.push(...textProblems(investor.name, LIMITS.personName * 2, at('investors', i, 'name')));
      problems.push(...textProblems(investor.chineseName, LIMITS.personName * 2, at('investors', i, 'chineseName')));
      if (!COUNTRY.test(investor.country)) {
        problems.push(
          problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidCountry', at('investors', i, 'country')),
        );
      }
      if (investor.kind === 'NATURAL_PERSON') {
        problems.push(...idProblems(investor.idType, investor.idNumber, at('investors', i)));
      } else if (!investor.registrationNumber || investor.registrationNumber.trim() === '') {
        problems.push(problem(UserErrorCode.REQUIRED, 'error.required', at('investors', i, 'registrationNumber')));
      } else if (investor.country === 'CN' && !validateUscc(investor.registrationNumber).valid) {
        problems.push(
          problem(UserErrorCode.INVALID_FORMAT, 'registration.invalidUscc', at('investors', i, 'registrationNumber')),
        );
      } else if (investor.registrationNumber.length > 50) {
        problems.push(
          problem(UserErrorCode.TOO_LONG, 'error.tooLong', at('investors', i, 'registrationNumber'), { max: 50 }),
        );
      }
      const capital = capitalProblems(investor.subscribedCapitalFen, at('investors', i, 'subscribedCapital', 'amount'));
      problems.push(...capital);
      problems.push(...dateProblems(investor.subscribedBy, at('investors', i, 'subscribedBy')));
    });
  }
  if (d.articlesOfAssociation) {
    problems.push(...dateProblems(d.articlesOfAssociation.adoptedOn, at('articlesOfAssociation', 'adoptedOn')));
    problems.push(
      ...textProblems(d.articlesOfAssociation.text, LIMITS.articlesText, at('articlesOfAssociation', 'text')),
    );
  }
  if (d.operatingTerm) {
    const term = d.operatingTerm;
    if (term.longTerm && term.endsOn != null) {
      problems.push(
        problem(UserErrorCode.INVALID_INPUT, 'registration.termEitherLongOrEnd', at('operatingTerm', 'endsOn')),
      );
    } else if (!term.longTerm && term.endsOn == null) {
      problems.push(problem(UserErrorCode.REQUIRED, 'error.required', at('operatingTerm', 'endsOn')));
    } else {
      problems.push(...dateProblems(term.endsOn, at('operatingTerm', 'endsOn')));
    }
  }
  if (d.officers) {
    if (d.officers.length > LIMITS.officers) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'validation.arrayMaxSize', at('officers'), { max: LIMITS.officers }),
      );
    }
    d.officers.forEach((officer, i) => {
      problems.push(...textProblems(officer.name, LIMITS.personName, at('officers', i, 'name')));
      problems.push(...idProblems(officer.idType, officer.idNumber, at('officers', i)));
    });
  }
  if (d.liaison) {
    problems.push(...textProblems(d.liaison.name, LIMITS.personName, at('liaison', 'name')));
    problems.push(...phoneProblems(d.liaison.phone, at('liaison', 'phone'), true));
    problems.push(...emailProblems(d.liaison.email, at('liaison', 'email')));
  }
  if (d.serviceAgent) {
    problems.push(...textProblems(d.serviceAgent.name, LIMITS.personName * 2, at('serviceAgent', 'name')));
    problems.push(...textProblems(d.serviceAgent.address, LIMITS.address, at('serviceAgent', 'address')));
    problems.push(...phoneProblems(d.serviceAgent.phone, at('serviceAgent', 'phone'), true));
    problems.push(...emailProblems(d.serviceAgent.email, at('serviceAgent', 'email')));
  }
  return problems;
}

const ZONE_DISTRICTS: Record<ZoneValue, DistrictValue | null> = {
  QINGDAO_FTZ: 'HUANGDAO',
  SCO_DEMO_ZONE: 'JIAOZHOU',
  NONE: null,
};

export function deregistrationFormProblems(d: DeregistrationDeclaration, base: string[]): Problem[] {
  return [
    ...textProblems(d.reason, LIMITS.reason, [...base, 'reason']),
    ...dateProblems(d.publicNoticeFrom, [...base, 'publicNoticeFrom']),
    ...dateProblems(d.liquidationCompletedOn, [...base, 'liquidationCompletedOn']),
  ];
}

// ---------------------------------------------------------------------------------------------
// Completeness (submission): what each legal form must declare.

const COMPANIES: readonly EnterpriseKindValue[] = ['LIMITED_LIABILITY_COMPANY', 'JOINT_STOCK_COMPANY'];
/** Forms with registered capital or contributions and investors. */
const WITH_CAPITAL: readonly EnterpriseKindValue[] = [
  'LIMITED_LIABILITY_COMPANY',
  'JOINT_STOCK_COMPANY',
  'PARTNERSHIP',
  'SOLE_PROPRIETORSHIP',
  'FARMERS_COOPERATIVE',
];
/** Forms whose constitution (articles, or a partnership agreement) is filed. */
const WITH_ARTICLES: readonly EnterpriseKindValue[] = [...COMPANIES, 'PARTNERSHIP', 'FARMERS_COOPERATIVE'];
const DIRECTOR_POSITIONS: readonly OfficerPositionValue[] = ['CHAIR', 'EXECUTIVE_DIRECTOR', 'DIRECTOR'];

/** Missing and inconsistent items of a declaration at submission; `today` is the day of receipt. */
/** The bracketed form a foreign-invested enterprise may use after its foreign investor's trade name. */
const BRACKETED_CHINA = '（中国）';

/**
 * Whether foreign investors hold more than half of the subscribed capital (wholly foreign-owned or
 * foreign-controlled): only such an enterprise may put "（中国）" after its foreign investor's trade name
 * (企业名称登记管理规定 第十二条), which the registry checks against the declared investors.
 */
export function foreignControlled(investors: readonly InvestorData[]): boolean {
  const total = investors.reduce((sum, investor) => sum + investor.subscribedCapitalFen, 0);
  const foreign = investors
    .filter((investor) => investor.country !== 'CN')
    .reduce((sum, investor) => sum + investor.subscribedCapitalFen, 0);
  return total > 0 && foreign * 2 > total;
}

/** The trade name (字号) a foreign investor's Chinese name carries, by the names module's parser. */
function investorTradeNames(investor: InvestorData): string[] {
  const chinese = (investor.chineseName ?? investor.name).trim();
  const parts = enterpriseNameParts(chinese);
  const names = parts.tradeName ? [parts.tradeName] : [];
  // A foreign organisation form the parser does not know (株式会社, AG) leaves the whole name as the
  // trade name: then the investor's trade name is whatever the Chinese name begins with.
  if (!parts.organisationForm) names.push(`prefix:${chinese}`);
  return names;
}

/**
 * Whether a name with "（中国）" uses the trade name of one of the declared foreign investors (规定 第十二条:
 * the enterprise uses its foreign investor's trade name): 西门子（中国）有限公司 for 西门子股份公司.
 */
export function usesForeignInvestorTradeName(name: string, investors: readonly InvestorData[]): boolean {
  const tradeName = enterpriseNameParts(name).tradeName;
  if (!tradeName) return false;
  return investors
    .filter((investor) => investor.country !== 'CN' && investor.kind === 'ENTERPRISE')
    .some((investor) =>
      investorTradeNames(investor).some((candidate) =>
        candidate.startsWith('prefix:')
          ? candidate.slice('prefix:'.length).startsWith(tradeName)
          : candidate === tradeName,
      ),
    );
}

/** The 规定 第十二条 problems of a name with "（中国）": foreign control, and the foreign investor's trade name. */
export function bracketedChinaProblems(d: Declaration, base: string[]): Problem[] {
  if (!d.name?.includes(BRACKETED_CHINA)) return [];
  const investors = d.investors ?? [];
  if (!foreignControlled(investors)) {
    return [
      problem(UserErrorCode.NOT_ALLOWED, 'registration.bracketedChinaNotForeignControlled', [...base, 'investors']),
    ];
  }
  if (!usesForeignInvestorTradeName(d.name, investors)) {
    return [
      problem(UserErrorCode.NOT_ALLOWED, 'registration.bracketedChinaNotInvestorTradeName', [...base, 'investors'], {
        tradeName: enterpriseNameParts(d.name).tradeName ?? '',
      }),
    ];
  }
  return [];
}

export function declarationCompletenessProblems(d: Declaration, base: string[], today: string): Problem[] {
  const at = (...path: (string | number)[]) => [...base, ...path.map(String)];
  const required = (...path: (string | number)[]) => problem(UserErrorCode.REQUIRED, 'error.required', at(...path));
  // No check of the name: it is no input of its own but the reservation's (or the change's newName), and a
  // missing reservation is reported at nameReservationId.
  const problems: Problem[] = [];
  if (!d.kind) problems.push(required('kind'));
  if (!d.industry) problems.push(required('industry'));
  if (d.foreignInvested == null) problems.push(required('foreignInvested'));
  if (!d.businessScope) problems.push(required('businessScope'));
  if (!d.registeredAddress) problems.push(required('registeredAddress'));
  if (!d.legalRepresentative) problems.push(required('legalRepresentative'));
  if (!d.liaison) problems.push(required('liaison'));
  if (!d.operatingTerm) problems.push(required('operatingTerm'));
  const kind = d.kind;
  if (kind && WITH_CAPITAL.includes(kind)) {
    if (d.registeredCapitalFen == null) problems.push(required('registeredCapital'));
    if (!d.investors || d.investors.length === 0) problems.push(required('investors'));
  }
  if (kind && WITH_ARTICLES.includes(kind) && !d.articlesOfAssociation)
    problems.push(required('articlesOfAssociation'));
  if (kind && COMPANIES.includes(kind)) {
    if (!d.officers || !d.officers.some((o) => DIRECTOR_POSITIONS.includes(o.position))) {
      problems.push(problem(UserErrorCode.REQUIRED, 'registration.directorRequired', at('officers')));
    }
  }
  if (d.foreignInvested && !d.serviceAgent) {
    problems.push(problem(UserErrorCode.REQUIRED, 'registration.serviceAgentRequired', at('serviceAgent')));
  }
  if (d.registeredCapitalFen != null && d.investors && d.investors.length > 0) {
    const subscribed = d.investors.reduce((sum, investor) => sum + investor.subscribedCapitalFen, 0);
    if (subscribed !== d.registeredCapitalFen) {
      problems.push(
        problem(UserErrorCode.INVALID_INPUT, 'registration.capitalMismatch', at('investors'), {
          subscribed: formatYuan(subscribed),
          registered: formatYuan(d.registeredCapitalFen),
        }),
      );
    }
  }
  problems.push(...bracketedChinaProblems(d, base));
  if (d.operatingTerm && !d.operatingTerm.longTerm && d.operatingTerm.endsOn && d.operatingTerm.endsOn <= today) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'registration.termInPast', at('operatingTerm', 'endsOn')));
  }
  if (
    d.articlesOfAssociation &&
    isValidDate(d.articlesOfAssociation.adoptedOn) &&
    d.articlesOfAssociation.adoptedOn > today
  ) {
    problems.push(
      problem(UserErrorCode.OUT_OF_RANGE, 'registration.dateInFuture', at('articlesOfAssociation', 'adoptedOn')),
    );
  }
  return problems;
}

/**
 * Missing items of a deregistration at submission. The simplified route's notice, its dates and its
 * obstacles are checked against the platform's notices (simplified-deregistration.service.ts); an
 * individual business declares no liquidation (条例 第三十三条).
 */
export function deregistrationCompletenessProblems(
  d: DeregistrationDeclaration | null,
  base: string[],
  today: string,
  kind: EnterpriseKindValue | null = null,
): Problem[] {
  const at = (...path: string[]) => [...base, ...path];
  if (!d) return [problem(UserErrorCode.REQUIRED, 'error.required', base)];
  const problems: Problem[] = [];
  if (!d.reason) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', at('reason')));
  if (d.simplified || kind === 'INDIVIDUAL_BUSINESS') {
    if (d.liquidationCompletedOn && isValidDate(d.liquidationCompletedOn) && d.liquidationCompletedOn > today) {
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'registration.dateInFuture', at('liquidationCompletedOn')));
    }
  } else if (!d.liquidationCompletedOn) {
    problems.push(problem(UserErrorCode.REQUIRED, 'registration.liquidationRequired', at('liquidationCompletedOn')));
  } else if (isValidDate(d.liquidationCompletedOn) && d.liquidationCompletedOn > today) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'registration.dateInFuture', at('liquidationCompletedOn')));
  }
  return problems;
}

/** A change should be applied for within this many days of the change (domain-rules §1). */
export const CHANGE_FILING_DAYS = 30;

/**
 * The last day to apply for a change decided on `decidedOn`: 30 days later, moved to the next working
 * day when that falls on a weekend or holiday. Filing after it is late: still accepted (条例 第二十条
 * lists the only grounds for refusal, and lateness is not one), flagged for a possible penalty.
 */
export function changeFilingDueOn(calendar: WorkingDayCalendar, decidedOn: string): string {
  const day = addCalendarDays(decidedOn, CHANGE_FILING_DAYS);
  return calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1);
}

/**
 * Why an application cannot be confirmed on the spot and gets the 3-working-day track instead; empty
 * when the materials are complete and in standard form.
 */
export const REVIEW_REASONS = [
  'SPECIAL_NAME',
  'FOREIGN_INVESTED',
  'LEGACY_CREDIT_CODE',
  'NON_STANDARD_INVESTMENT',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export function reviewReasonsOf(d: Declaration, specialName: boolean): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (specialName) reasons.push('SPECIAL_NAME');
  if (d.foreignInvested) reasons.push('FOREIGN_INVESTED');
  const legacy = (d.investors ?? []).some(
    (i) =>
      i.kind === 'ENTERPRISE' &&
      i.country === 'CN' &&
      i.registrationNumber &&
      !validateUscc(i.registrationNumber).organisationCodeOk,
  );
  if (legacy) reasons.push('LEGACY_CREDIT_CODE');
  if ((d.investors ?? []).some((i) => i.contributionForm !== 'CURRENCY')) reasons.push('NON_STANDARD_INVESTMENT');
  return reasons;
}
