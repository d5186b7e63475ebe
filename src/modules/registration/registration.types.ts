import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department, Money, Role, UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District, EnterpriseKind, EnterpriseNameParts, Zone } from '../../shared/graphql/reference.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import type { Department as DepartmentValue, Role as RoleValue } from '../../shared/viewer.js';
import { UserType } from '../accounts/index.js';
import { IndustryType, NameReservationType } from '../names/index.js';

// ---------------------------------------------------------------------------------------------
// Enums

export enum RegistrationKind {
  ESTABLISHMENT = 'ESTABLISHMENT',
  CHANGE = 'CHANGE',
  DEREGISTRATION = 'DEREGISTRATION',
}
registerEnumType(RegistrationKind, {
  name: 'RegistrationKind',
  description: 'What a registration application asks for.',
  valuesConfig: {
    ESTABLISHMENT: { description: '设立登记: a new enterprise.' },
    CHANGE: { description: '变更登记: a change of registered or filed items, within 30 days of the change.' },
    DEREGISTRATION: {
      description:
        '注销登记: ending the enterprise, with tax, social insurance, medical insurance and housing fund clearance.',
    },
  },
});

export enum RegistrationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CONFIRMED = 'CONFIRMED',
  CORRECTION_REQUESTED = 'CORRECTION_REQUESTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a registration application stands.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the applicant; only the applicant sees it.' },
    SUBMITTED: { description: 'Submitted with the credit commitment; awaiting the decision by `decideBy`.' },
    CONFIRMED: { description: 'Confirmed by the registry: the registration has taken effect.' },
    CORRECTION_REQUESTED: {
      description:
        'The registry asked for corrections with one consolidated notice; the applicant corrects and resubmits.',
    },
    REJECTED: { description: 'Not confirmed, with reasons.' },
    WITHDRAWN: { description: 'Withdrawn by the applicant.' },
  },
});

export enum EnterpriseStatus {
  ACTIVE = 'ACTIVE',
  DEREGISTERED = 'DEREGISTERED',
  REVOKED = 'REVOKED',
}
registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Whether an enterprise exists.',
  valuesConfig: {
    ACTIVE: { description: '存续: registered and existing.' },
    DEREGISTERED: { description: '注销: deregistered; its name stays protected for one year.' },
    REVOKED: { description: '撤销: the registration was revoked (for example for a false declaration).' },
  },
});

export enum ClearanceDepartment {
  TAX = 'TAX',
  SOCIAL_INSURANCE = 'SOCIAL_INSURANCE',
  MEDICAL_INSURANCE = 'MEDICAL_INSURANCE',
  HOUSING_FUND = 'HOUSING_FUND',
}
registerEnumType(ClearanceDepartment, {
  name: 'ClearanceDepartment',
  description: 'A department that clears a deregistration (一网通办).',
  valuesConfig: {
    TAX: { description: 'Tax (清税).' },
    SOCIAL_INSURANCE: { description: 'Social insurance.' },
    MEDICAL_INSURANCE: { description: 'Medical insurance.' },
    HOUSING_FUND: { description: 'Housing provident fund.' },
  },
});

export enum ClearanceStatus {
  PENDING = 'PENDING',
  CLEARED = 'CLEARED',
  BLOCKED = 'BLOCKED',
}
registerEnumType(ClearanceStatus, {
  name: 'ClearanceStatus',
  description: "A department's clearance of a deregistration.",
  valuesConfig: {
    PENDING: { description: 'Not recorded yet.' },
    CLEARED: { description: 'Nothing owed: cleared (final).' },
    BLOCKED: { description: 'Something is owed (see the note); may still become CLEARED.' },
  },
});

export enum ClearanceOutcome {
  CLEARED = 'CLEARED',
  BLOCKED = 'BLOCKED',
}
registerEnumType(ClearanceOutcome, {
  name: 'ClearanceOutcome',
  description: 'What a department records about a deregistration.',
  valuesConfig: {
    CLEARED: { description: 'Nothing is owed.' },
    BLOCKED: { description: 'Something is owed; the note says what.' },
  },
});

export enum IdDocumentType {
  RESIDENT_ID_CARD = 'RESIDENT_ID_CARD',
  PASSPORT = 'PASSPORT',
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT',
  TAIWAN_PERMIT = 'TAIWAN_PERMIT',
  FOREIGN_PERMANENT_RESIDENT_ID = 'FOREIGN_PERMANENT_RESIDENT_ID',
}
registerEnumType(IdDocumentType, {
  name: 'IdDocumentType',
  description: 'A personal identity document.',
  valuesConfig: {
    RESIDENT_ID_CARD: { description: '居民身份证 (18 characters, GB 11643 check character).' },
    PASSPORT: { description: 'Passport.' },
    HK_MACAO_PERMIT: { description: '港澳居民来往内地通行证.' },
    TAIWAN_PERMIT: { description: '台湾居民来往大陆通行证.' },
    FOREIGN_PERMANENT_RESIDENT_ID: { description: '外国人永久居留身份证.' },
  },
});

export enum InvestorKind {
  NATURAL_PERSON = 'NATURAL_PERSON',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(InvestorKind, {
  name: 'InvestorKind',
  description: 'Whether an investor is a person or an enterprise.',
  valuesConfig: {
    NATURAL_PERSON: { description: 'A natural person, identified by an identity document.' },
    ENTERPRISE: { description: 'An enterprise or other organisation, identified by its registration number.' },
  },
});

export enum ContributionForm {
  CURRENCY = 'CURRENCY',
  IN_KIND = 'IN_KIND',
  INTELLECTUAL_PROPERTY = 'INTELLECTUAL_PROPERTY',
  LAND_USE_RIGHT = 'LAND_USE_RIGHT',
  EQUITY = 'EQUITY',
  OTHER = 'OTHER',
}
registerEnumType(ContributionForm, {
  name: 'ContributionForm',
  description: 'How an investor contributes its subscribed capital.',
  valuesConfig: {
    CURRENCY: { description: 'Money.' },
    IN_KIND: { description: 'Goods in kind.' },
    INTELLECTUAL_PROPERTY: { description: 'Intellectual property.' },
    LAND_USE_RIGHT: { description: 'Land-use rights.' },
    EQUITY: { description: 'Equity in another enterprise.' },
    OTHER: { description: 'Other property that can be valued in money and transferred.' },
  },
});

export enum OfficerPosition {
  CHAIR = 'CHAIR',
  EXECUTIVE_DIRECTOR = 'EXECUTIVE_DIRECTOR',
  DIRECTOR = 'DIRECTOR',
  SUPERVISOR = 'SUPERVISOR',
  MANAGER = 'MANAGER',
  FINANCIAL_OFFICER = 'FINANCIAL_OFFICER',
  SECRETARY = 'SECRETARY',
}
registerEnumType(OfficerPosition, {
  name: 'OfficerPosition',
  description: 'A position among the directors, supervisors and senior managers (filed item).',
  valuesConfig: {
    CHAIR: { description: '董事长 Chair of the board.' },
    EXECUTIVE_DIRECTOR: { description: '执行董事 Executive director (no board).' },
    DIRECTOR: { description: '董事 Director.' },
    SUPERVISOR: { description: '监事 Supervisor.' },
    MANAGER: { description: '经理 Manager.' },
    FINANCIAL_OFFICER: { description: '财务负责人 Financial officer.' },
    SECRETARY: { description: '董事会秘书 Board secretary.' },
  },
});

export enum RegistrationReviewReason {
  SPECIAL_NAME = 'SPECIAL_NAME',
  FOREIGN_INVESTED = 'FOREIGN_INVESTED',
  LEGACY_CREDIT_CODE = 'LEGACY_CREDIT_CODE',
  NON_STANDARD_INVESTMENT = 'NON_STANDARD_INVESTMENT',
}
registerEnumType(RegistrationReviewReason, {
  name: 'RegistrationReviewReason',
  description: 'Why an application is decided within 3 working days instead of on the spot.',
  valuesConfig: {
    SPECIAL_NAME: { description: 'The name was granted under notification-and-commitment and is verified afterwards.' },
    FOREIGN_INVESTED: { description: 'A foreign-invested enterprise.' },
    LEGACY_CREDIT_CODE: {
      description: "An enterprise investor's credit code fails its organisation-code check (legacy record).",
    },
    NON_STANDARD_INVESTMENT: { description: 'Capital contributed other than in money.' },
  },
});

export enum BusinessLicenceStatus {
  VALID = 'VALID',
  SUPERSEDED = 'SUPERSEDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BusinessLicenceStatus, {
  name: 'BusinessLicenceStatus',
  description: 'Whether a business licence is the current one.',
  valuesConfig: {
    VALID: { description: 'The current licence of an existing enterprise.' },
    SUPERSEDED: { description: 'Replaced by a new licence after a change.' },
    CANCELLED: { description: 'Ended with the enterprise (deregistration or revocation).' },
  },
});

// ---------------------------------------------------------------------------------------------
// Declaration

@ObjectType({ description: 'A registered address.' })
export class RegisteredAddress {
  @Field(() => District, { description: 'District whose registering authority it falls under.' })
  district!: District;

  @Field(() => Zone, { description: 'Special zone the address lies in, or NONE.' })
  zone!: Zone;

  @Field({ description: 'The address itself, e.g. 青岛市黄岛区前湾港路 1 号.' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'Postal code (6 digits).' })
  postalCode!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The hosting agreement (住所托管) when the address is a hosted address, else null.',
  })
  hostingAgreementId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The host (law or accounting firm) when the address is a hosted address, else null.',
  })
  hostName!: string | null;
}

@ObjectType({ description: 'A person named in a declaration, with the identity document (never shown publicly).' })
export class Person {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => IdDocumentType, { description: 'Identity document type.' })
  idType!: IdDocumentType;

  @Field({ description: 'Identity document number.' })
  idNumber!: string;

  @Field({ description: 'Nationality, ISO 3166-1 alpha-2 (CN for Chinese citizens).' })
  nationality!: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;
}

@ObjectType({ description: 'An investor (shareholder, partner, contributor) and its subscribed capital.' })
export class Investor {
  @Field(() => InvestorKind, { description: 'Person or enterprise.' })
  kind!: InvestorKind;

  @Field({ description: 'Name of the person or enterprise.' })
  name!: string;

  @Field(() => IdDocumentType, { nullable: true, description: 'For a person: identity document type.' })
  idType!: IdDocumentType | null;

  @Field(() => String, { nullable: true, description: 'For a person: identity document number.' })
  idNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For an enterprise: unified social credit code (in China) or foreign registration number.',
  })
  registrationNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a foreign enterprise investor: its name in Chinese, whose trade name a name with “（中国）” uses.',
  })
  chineseName!: string | null;

  @Field({ description: 'Country or region, ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => Money, { description: 'Capital subscribed.' })
  subscribedCapital!: Money;

  @Field(() => ContributionForm, { description: 'How the capital is contributed.' })
  contributionForm!: ContributionForm;

  @Field(() => DateScalar, { nullable: true, description: 'Day by which the capital is to be paid in.' })
  subscribedBy!: string | null;
}

@ObjectType({ description: 'Articles of association (or partnership agreement) filed with the registry.' })
export class ArticlesOfAssociation {
  @Field(() => DateScalar, { description: 'Day they were adopted.' })
  adoptedOn!: string;

  @Field({ description: 'Their text.' })
  text!: string;
}

@ObjectType({ description: 'Term of operation (filed item).' })
export class OperatingTerm {
  @Field({ description: 'True for an indefinite term (长期).' })
  longTerm!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of a fixed term.' })
  endsOn!: string | null;
}

@ObjectType({ description: 'A director, supervisor or senior manager (filed item).' })
export class Officer {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => OfficerPosition, { description: 'Position.' })
  position!: OfficerPosition;

  @Field(() => IdDocumentType, { description: 'Identity document type.' })
  idType!: IdDocumentType;

  @Field({ description: 'Identity document number.' })
  idNumber!: string;
}

@ObjectType({ description: 'The registration liaison person (filed item).' })
export class LiaisonPerson {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Phone number.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;
}

@ObjectType({
  description:
    'For a foreign-invested enterprise: the person in China who accepts service of legal documents (filed item).',
})
export class ServiceAgent {
  @Field({ description: 'Name of the person or organisation.' })
  name!: string;

  @Field({ description: 'Address for service in China.' })
  address!: string;

  @Field({ description: 'Phone number.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;
}

@ObjectType({
  description:
    'Every item an applicant declares: the registered items (name, kind, business scope, address, capital, legal representative, investors), which the registry confirms, and the filed items (articles, term, officers, liaison, service agent), which it records. Items not declared yet are null.',
})
export class RegistrationDeclaration {
  @Field(() => String, {
    nullable: true,
    description: 'Name, from the name reservation (or the enterprise, for a change that keeps it).',
  })
  name!: string | null;

  @Field(() => EnterpriseKind, { nullable: true, description: 'Legal form.' })
  kind!: EnterpriseKind | null;

  @Field(() => IndustryType, {
    nullable: true,
    description: 'Main industry: GB/T 4754-2017 division code and its name.',
  })
  industry!: IndustryType | null;

  /** The declared code; `industry` shows it with its name. */
  industryCode!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is a foreign-invested enterprise.' })
  foreignInvested!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Business scope.' })
  businessScope!: string | null;

  @Field(() => RegisteredAddress, { nullable: true, description: 'Registered address (住所).' })
  registeredAddress!: RegisteredAddress | null;

  @Field(() => Money, { nullable: true, description: 'Registered capital.' })
  registeredCapital!: Money | null;

  @Field(() => Person, { nullable: true, description: 'Legal representative.' })
  legalRepresentative!: Person | null;

  @Field(() => [Investor], { description: 'Investors with their subscribed capital.' })
  investors!: Investor[];

  @Field(() => ArticlesOfAssociation, { nullable: true, description: 'Articles of association (filed).' })
  articlesOfAssociation!: ArticlesOfAssociation | null;

  @Field(() => OperatingTerm, { nullable: true, description: 'Term of operation (filed).' })
  operatingTerm!: OperatingTerm | null;

  @Field(() => [Officer], { description: 'Directors, supervisors and senior managers (filed).' })
  officers!: Officer[];

  @Field(() => LiaisonPerson, { nullable: true, description: 'Registration liaison person (filed).' })
  liaison!: LiaisonPerson | null;

  @Field(() => ServiceAgent, {
    nullable: true,
    description: 'Person accepting service of legal documents, for a foreign-invested enterprise (filed).',
  })
  serviceAgent!: ServiceAgent | null;
}

@ObjectType('DeregistrationDeclaration', { description: 'What a deregistration application declares.' })
export class DeregistrationDeclarationType {
  @Field(() => String, { nullable: true, description: 'Why the enterprise ends.' })
  reason!: string | null;

  @Field({ description: 'Simplified deregistration (简易注销), after a 20-day public notice.' })
  simplified!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the public notice (simplified deregistration).',
  })
  publicNoticeFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day liquidation was completed (ordinary deregistration).' })
  liquidationCompletedOn!: string | null;
}

@ObjectType({ description: "The applicant's credit commitment, as it was given." })
export class CreditCommitment {
  @Field({ description: 'Version of the commitment text agreed to.' })
  termsVersion!: string;

  @Field({ description: "The text agreed to, in the caller's language." })
  text!: string;

  @Field({ description: 'Who signed it.' })
  signatoryName!: string;

  @Field(() => Date, { description: 'When it was given.' })
  committedAt!: Date;
}

@ObjectType({ description: 'A version of the credit commitment an applicant gives when submitting.' })
export class RegistrationCommitmentTerms {
  @Field(() => RegistrationKind, { description: 'The kind of application it is for.' })
  kind!: RegistrationKind;

  @Field({ description: 'Version to quote in `submitRegistrationApplication`.' })
  version!: string;

  @Field(() => Int, { description: 'Its place in the versions of this text: 1, 2, 3… (the newest is in force).' })
  number!: number;

  @Field({ description: 'The text in Chinese.' })
  textZh!: string;

  @Field({ description: 'The text in English.' })
  textEn!: string;

  @Field(() => Date, { description: 'When this version was published.' })
  publishedAt!: Date;
}

@ObjectType({ description: 'One thing to correct.' })
export class CorrectionItem {
  @Field(() => [String], { description: 'Path of the item, e.g. ["declaration", "investors", "0", "idNumber"].' })
  field!: string[];

  @Field({ description: 'What is wrong and what is needed.' })
  message!: string;
}

@ObjectType({ description: 'The one consolidated list of what to correct.' })
export class CorrectionNotice {
  @Field(() => Int, {
    description: '1 for the first notice; a later notice may only name items the applicant changed since.',
  })
  round!: number;

  @Field(() => [CorrectionItem], { description: 'Everything to correct.' })
  items!: CorrectionItem[];

  @Field(() => Date, { description: 'When the official issued it.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the applicant resubmitted after it.' })
  answeredAt!: Date | null;
}

@ObjectType('DepartmentClearance', { description: "One department's clearance of a deregistration." })
export class DepartmentClearanceType {
  @Field(() => ClearanceDepartment, { description: 'The department.' })
  department!: ClearanceDepartment;

  @Field(() => ClearanceStatus, { description: 'Its clearance.' })
  status!: ClearanceStatus;

  @Field(() => String, { nullable: true, description: 'What is owed (blocked) or a remark (cleared).' })
  note!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last recorded.' })
  recordedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Name of the official who recorded it.' })
  recordedByName!: string | null;
}

@ObjectType({ description: 'One step in the history of an application: who did what, when.' })
export class StatusChange {
  @Field({ description: 'Stable verb, e.g. "registration.submit", "registration.clearance".' })
  action!: string;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Status before.' })
  fromStatus!: RegistrationStatus | null;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Status after.' })
  toStatus!: RegistrationStatus | null;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => Role, { nullable: true, description: 'Role of whoever acted.' })
  actorRole!: RoleValue | null;

  @Field(() => Department, { nullable: true, description: "The acting official's department." })
  department!: DepartmentValue | null;

  @Field(() => String, { nullable: true, description: 'Display name of whoever acted.' })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'Note, reason or outcome recorded with the step.' })
  note!: string | null;
}

// ---------------------------------------------------------------------------------------------
// Enterprise and licence

@ObjectType('LicenceFacts', { description: 'What a business licence certifies, exactly as signed.' })
export class LicenceFactsType {
  @Field({ description: 'Licence number.' })
  licenceNumber!: string;

  @Field({ description: 'Unified social credit code.' })
  uscc!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => EnterpriseKind, { description: 'Legal form.' })
  kind!: EnterpriseKind;

  @Field(() => String, { nullable: true, description: 'Legal representative.' })
  legalRepresentative!: string | null;

  @Field(() => Money, { nullable: true, description: 'Registered capital.' })
  registeredCapital!: Money | null;

  @Field(() => DateScalar, { description: 'Day of establishment.' })
  establishedOn!: string;

  @Field(() => String, { nullable: true, description: 'Registered address.' })
  registeredAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Business scope.' })
  businessScope!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of a fixed term of operation; null for an indefinite one.',
  })
  operatingTermEndsOn!: string | null;

  @Field(() => Date, { description: 'When the licence was issued.' })
  issuedAt!: Date;
}

@ObjectType('BusinessLicence', { description: 'An electronic business licence, equal in force to paper.' })
export class BusinessLicenceType {
  @Field({ description: 'Licence number.' })
  number!: string;

  @Field(() => Date, { description: 'When it was issued.' })
  issuedAt!: Date;

  @Field({
    description: 'Code anyone can check with `verifyBusinessLicence`; signed, so it cannot be guessed or altered.',
  })
  verificationCode!: string;

  @Field(() => BusinessLicenceStatus, { description: 'Whether it is the current licence.' })
  status!: BusinessLicenceStatus;

  @Field(() => LicenceFactsType, {
    description:
      'What it certifies. While the name is withheld pending a forced change, the name reads as the credit code, as on the enterprise.',
  })
  facts!: LicenceFactsType;
}

@ObjectType({ description: 'One item changed by a confirmed registration; personal details are named, never shown.' })
export class EnterpriseChangeItem {
  @Field({ description: 'The item, e.g. "businessScope", "investors".' })
  item!: string;

  @Field(() => String, { nullable: true, description: 'Public value before (null when none or personal).' })
  before!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Public value after (null when none or personal). An operating term reads LONG_TERM or its last day; a name withheld from the viewer reads as the credit code.',
  })
  after!: string | null;
}

@ObjectType('EnterpriseChange', { description: "One confirmed step in an enterprise's registration history." })
export class EnterpriseChangeType {
  @Field(() => RegistrationKind, { description: 'Establishment, change or deregistration.' })
  kind!: RegistrationKind;

  @Field(() => Date, { description: 'When it was confirmed.' })
  at!: Date;

  @Field(() => [EnterpriseChangeItem], { description: 'The items it set or changed.' })
  items!: EnterpriseChangeItem[];
}

@ObjectType('Enterprise', {
  implements: Node,
  description:
    "A registered market entity. Public facts only: the legal representative's ID number and investors' personal details are in `declaration`, which only the enterprise's own applicant and officials see.",
})
export class EnterpriseType extends Node {
  @Field(() => String, { nullable: true, description: 'Unified social credit code (GB 32100-2015).' })
  uscc!: string | null;

  @Field({
    description:
      'Name. While a name change is required for a false commitment, the public sees the credit code instead.',
  })
  name!: string;

  @Field(() => EnterpriseNameParts, {
    description: 'The name split into its parts (all null while the name is withheld).',
  })
  nameParts!: EnterpriseNameParts;

  @Field(() => EnterpriseKind, { description: 'Legal form.' })
  kind!: EnterpriseKind;

  @Field({ description: 'Whether it is foreign-invested.' })
  foreignInvested!: boolean;

  @Field(() => District, { description: 'District of its registering authority.' })
  district!: District;

  @Field(() => Zone, { description: 'Special zone of its registered address, or NONE.' })
  zone!: Zone;

  @Field(() => IndustryType, {
    nullable: true,
    description: 'Main industry: GB/T 4754-2017 division code and its name.',
  })
  industry!: IndustryType | null;

  @Field(() => Money, { nullable: true, description: 'Registered capital.' })
  registeredCapital!: Money | null;

  @Field(() => String, { nullable: true, description: 'Business scope.' })
  businessScope!: string | null;

  @Field(() => String, { nullable: true, description: "Legal representative's name." })
  legalRepresentative!: string | null;

  @Field(() => RegisteredAddress, { nullable: true, description: 'Registered address.' })
  registeredAddress!: RegisteredAddress | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day of establishment.' })
  establishedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day of deregistration.' })
  deregisteredOn!: string | null;

  @Field(() => EnterpriseStatus, { description: 'Whether it exists.' })
  status!: EnterpriseStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Set when a special name rested on a false commitment: the name must change by this day.',
  })
  nameChangeRequiredBy!: string | null;

  @Field(() => BusinessLicenceType, { nullable: true, description: 'Current electronic business licence.' })
  licence!: BusinessLicenceType | null;

  @Field(() => RegistrationDeclaration, {
    nullable: true,
    description:
      'Every registered and filed item with personal details. Only the applicant acting for it and officials; null for others.',
  })
  declaration!: RegistrationDeclaration | null;
}

@ObjectType({ description: 'Whether a business licence verification code is genuine, and what the licence certifies.' })
export class LicenceVerification {
  @Field({ description: 'True when the platform issued this exact code; a forged or altered code is false.' })
  genuine!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'For a genuine code: whether it is still the current licence.' })
  current!: boolean | null;

  @Field(() => BusinessLicenceType, { nullable: true, description: 'The licence, when genuine.' })
  licence!: BusinessLicenceType | null;

  @Field(() => EnterpriseType, { nullable: true, description: 'The enterprise, when genuine.' })
  enterprise!: EnterpriseType | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "For a genuine code: true while the enterprise's name is withheld pending a forced change (a special name found to rest on a false commitment). The licence stays genuine; its name and the enterprise's read as the credit code until the change.",
  })
  nameWithheld!: boolean | null;
}

// ---------------------------------------------------------------------------------------------
// Application

@ObjectType('RegistrationApplication', {
  implements: Node,
  description:
    'An application to establish, change or deregister an enterprise. Visible to its applicant and to officials once submitted.',
})
export class RegistrationApplicationType extends Node {
  @Field({ description: 'Application number for people, e.g. DJ20261126000042.' })
  number!: string;

  @Field(() => RegistrationKind, { description: 'What it asks for.' })
  kind!: RegistrationKind;

  @Field(() => RegistrationStatus, { description: 'Where it stands.' })
  status!: RegistrationStatus;

  @Field(() => RegistrationDeclaration, {
    description: 'The declared items (for a deregistration: the enterprise as registered).',
  })
  declaration!: RegistrationDeclaration;

  @Field(() => DeregistrationDeclarationType, {
    nullable: true,
    description: 'For a deregistration: what it declares.',
  })
  deregistration!: DeregistrationDeclarationType | null;

  @Field(() => DateScalar, { nullable: true, description: 'For a change: the day the change was decided.' })
  changeDecidedOn!: string | null;

  @Field(() => CreditCommitment, { nullable: true, description: 'The credit commitment given on submission.' })
  commitment!: CreditCommitment | null;

  @Field(() => EnterpriseType, {
    nullable: true,
    description: 'The enterprise changed or deregistered, or created on confirmation.',
  })
  enterprise!: EnterpriseType | null;

  @Field(() => UserType, { description: 'The applicant.' })
  applicant!: UserType;

  @Field(() => NameReservationType, {
    nullable: true,
    description:
      'The name reservation it uses (establishment, change of name); shown to its applicant and market-regulation officials.',
  })
  nameReservation!: NameReservationType | null;

  @Field(() => Date, { nullable: true, description: 'When it was (last) submitted; the review period runs from it.' })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was first submitted.' })
  firstSubmittedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day of receipt (Asia/Shanghai).' })
  receivedOn!: string | null;

  @Field({ description: 'True when complete and in standard form: confirmed on the spot (same working day).' })
  complete!: boolean;

  @Field(() => [RegistrationReviewReason], { description: 'Why it takes the 3-working-day track, if it does.' })
  reviewReasons!: RegistrationReviewReason[];

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the decision is due: the day of receipt when complete, else 3 working days after it (+3 once when extended). For a deregistration, set when every department has cleared.',
  })
  decideBy!: string | null;

  @Field({ description: 'True when submitted and the decision is past due.' })
  overdue!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the extension of the review period was approved (and took effect).',
  })
  extendedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the extension was asked for.' })
  extensionReason!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When an official asked for the extension; it awaits approval while extendedAt is null.',
  })
  extensionRequestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was confirmed or rejected.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The official's note on confirmation." })
  decisionNote!: string | null;

  @Field(() => [String], { description: 'Reasons for a rejection.' })
  rejectionReasons!: string[];

  @Field(() => CorrectionNotice, { nullable: true, description: 'The latest consolidated correction notice.' })
  correctionNotice!: CorrectionNotice | null;

  @Field(() => [CorrectionNotice], { description: 'Every correction notice, oldest first.' })
  correctionNotices!: CorrectionNotice[];

  @Field(() => [DepartmentClearanceType], {
    description: 'For a deregistration: each department’s clearance; empty otherwise.',
  })
  clearances!: DepartmentClearanceType[];

  @Field(() => [StatusChange], { description: 'Full history: who did what, when.' })
  history!: StatusChange[];

  @Field(() => Date, { description: 'When the draft was started.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType({
  description:
    'The written commitment given for a special name declared directly in a change (市场主体登记管理条例实施细则 Art. 34), as a reservation would take it.',
})
export class DirectNameCommitment {
  @Field(() => Int, { description: 'Version of the special-name commitment terms accepted.' })
  termsVersion!: number;

  @Field({ description: 'Who signed.' })
  signatoryName!: string;

  @Field(() => Date, { description: 'When it was given.' })
  committedAt!: Date;

  @Field(() => [String], { description: 'Why the name is special (the codes of SpecialNameReason).' })
  specialReasons!: string[];
}

export const RegistrationApplicationConnection = ConnectionType(
  RegistrationApplicationType,
  'RegistrationApplication',
  'registration application',
);
export const EnterpriseConnection = ConnectionType(EnterpriseType, 'Enterprise', 'enterprise');
export const EnterpriseChangeConnection = ConnectionType(EnterpriseChangeType, 'EnterpriseChange', 'enterprise change');

@ObjectType('DeregistrationClearanceTask', { description: "A deregistration awaiting one department's clearance." })
export class ClearanceTaskType {
  @Field(() => ID, { description: 'Identifier of the clearance.' })
  id!: string;

  @Field(() => ClearanceDepartment, { description: 'The department.' })
  department!: ClearanceDepartment;

  @Field(() => ClearanceStatus, { description: 'Its clearance so far.' })
  status!: ClearanceStatus;

  @Field(() => RegistrationApplicationType, { description: 'The deregistration application.' })
  application!: RegistrationApplicationType;
}
export const ClearanceTaskConnection = ConnectionType(
  ClearanceTaskType,
  'DeregistrationClearanceTask',
  'deregistration clearance task',
);

// ---------------------------------------------------------------------------------------------
// Payloads

function payload(name: string, what: string) {
  @ObjectType(name, { description: `Result of ${what}.` })
  class ApplicationPayload {
    @Field(() => RegistrationApplicationType, { nullable: true, description: 'The application as it now stands.' })
    application?: RegistrationApplicationType;

    @Field(() => [UserError], {
      description: 'Problems that prevented the change; nothing was changed when there are any.',
    })
    userErrors!: UserError[];
  }
  return ApplicationPayload;
}

export const SaveRegistrationDraftPayload = payload('SaveRegistrationDraftPayload', 'saveRegistrationDraft');
export const SubmitRegistrationApplicationPayload = payload(
  'SubmitRegistrationApplicationPayload',
  'submitRegistrationApplication',
);
export const WithdrawRegistrationApplicationPayload = payload(
  'WithdrawRegistrationApplicationPayload',
  'withdrawRegistrationApplication',
);
export const ConfirmRegistrationApplicationPayload = payload(
  'ConfirmRegistrationApplicationPayload',
  'confirmRegistrationApplication',
);
export const RequestRegistrationCorrectionPayload = payload(
  'RequestRegistrationCorrectionPayload',
  'requestRegistrationCorrection',
);
export const RejectRegistrationApplicationPayload = payload(
  'RejectRegistrationApplicationPayload',
  'rejectRegistrationApplication',
);
export const ExtendRegistrationReviewPayload = payload('ExtendRegistrationReviewPayload', 'extendRegistrationReview');
export const ApproveRegistrationReviewExtensionPayload = payload(
  'ApproveRegistrationReviewExtensionPayload',
  'approveRegistrationReviewExtension',
);
export const RecordDeregistrationClearancePayload = payload(
  'RecordDeregistrationClearancePayload',
  'recordDeregistrationClearance',
);
