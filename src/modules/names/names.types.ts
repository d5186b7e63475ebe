import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District, EnterpriseKind, EnterpriseNameParts } from '../../shared/graphql/reference.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { UserType } from '../accounts/index.js';
import type { ProhibitedCategory } from './rules/index.js';

// The GraphQL shapes of the names module (api.md "Names and special-name commitments").

export enum NameConflictKind {
  IDENTICAL = 'IDENTICAL',
  SIMILAR = 'SIMILAR',
}
registerEnumType(NameConflictKind, {
  name: 'NameConflictKind',
  description: 'How a proposed name conflicts with an existing one.',
  valuesConfig: {
    IDENTICAL: { description: 'The same name in law (refused): the name is not available.' },
    SIMILAR: { description: 'A similar name (warned, not refused): the name stays available.' },
  },
});

export enum NameConflictSource {
  REGISTERED = 'REGISTERED',
  RESERVED = 'RESERVED',
  RECENTLY_RELEASED = 'RECENTLY_RELEASED',
}
registerEnumType(NameConflictSource, {
  name: 'NameConflictSource',
  description: 'Where the other name comes from.',
  valuesConfig: {
    REGISTERED: { description: "A registered enterprise's name." },
    RESERVED: { description: 'A name reserved for another applicant and not yet lapsed.' },
    RECENTLY_RELEASED: { description: 'A name deregistered, changed or revoked less than 1 year ago.' },
  },
});

export enum SpecialNameReasonCode {
  NO_DIVISION = 'NO_DIVISION',
  DIVISION_IN_MIDDLE = 'DIVISION_IN_MIDDLE',
  STARTS_WITH_NATIONAL_WORD = 'STARTS_WITH_NATIONAL_WORD',
  CONTAINS_INTERNATIONAL = 'CONTAINS_INTERNATIONAL',
  BRACKETED_CHINA = 'BRACKETED_CHINA',
}
registerEnumType(SpecialNameReasonCode, {
  name: 'SpecialNameReasonCode',
  description: 'Why a name is special and goes the notification-and-commitment (告知承诺) route.',
  valuesConfig: {
    NO_DIVISION: { description: 'The name has no administrative division.' },
    DIVISION_IN_MIDDLE: {
      description:
        'The administrative division stands after the trade name, in brackets (海川（青岛）智能科技有限公司; 实施办法 Art. 9). Unbracketed, it is the violation DIVISION_NOT_BRACKETED.',
    },
    STARTS_WITH_NATIONAL_WORD: {
      description: 'The name begins with 中国, 中华, 中央, 全国 or 国家. No longer given.',
      deprecationReason:
        'Such a name is reserved to the State Council (规定 Art. 12) and refused with the violation RESERVED_TO_STATE_COUNCIL.',
    },
    CONTAINS_INTERNATIONAL: { description: 'The name contains 国际 (or another word an administrator listed).' },
    BRACKETED_CHINA: { description: 'The name contains （中国）.' },
  },
});

export enum NameConflictException {
  INVESTMENT_RELATIONSHIP = 'INVESTMENT_RELATIONSHIP',
  NAME_TRANSFER = 'NAME_TRANSFER',
}
registerEnumType(NameConflictException, {
  name: 'NameConflictException',
  description: 'Why an IDENTICAL conflict does not refuse the name for this applicant (规定 Art. 15, 17).',
  valuesConfig: {
    INVESTMENT_RELATIONSHIP: {
      description:
        'The other name is that of the registered enterprise the new one has an investment relationship with, claimed by the person acting for that enterprise.',
    },
    NAME_TRANSFER: {
      description: "The other name's enterprise consented to transfer its name to the viewer (consentToNameTransfer).",
    },
  },
});

export enum InvestmentRelationship {
  HOLDER_INVESTS_IN_NEW = 'HOLDER_INVESTS_IN_NEW',
  NEW_INVESTS_IN_HOLDER = 'NEW_INVESTS_IN_HOLDER',
}
registerEnumType(InvestmentRelationship, {
  name: 'InvestmentRelationship',
  description:
    'Which way the investment runs between the registered enterprise holding the identical name and the new enterprise.',
  valuesConfig: {
    HOLDER_INVESTS_IN_NEW: {
      description:
        'The registered enterprise invests in the new one: registration checks at confirmation that it is among the declared investors.',
    },
    NEW_INVESTS_IN_HOLDER: { description: 'The new enterprise is to invest in the registered one.' },
  },
});

export enum NameTransferStatus {
  CONSENTED = 'CONSENTED',
  USED = 'USED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NameTransferStatus, {
  name: 'NameTransferStatus',
  description: "Where a registered enterprise's consent to transfer its name stands.",
  valuesConfig: {
    CONSENTED: { description: 'Open: the transferee may reserve the identical name until validUntil.' },
    USED: { description: 'The transferee reserved the name; once it is registered the holder must change its name.' },
    WITHDRAWN: { description: 'Withdrawn by the holder before use.' },
  },
});

export enum NameReservationStatus {
  RESERVED = 'RESERVED',
  USED = 'USED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(NameReservationStatus, {
  name: 'NameReservationStatus',
  description: 'Where a name reservation stands.',
  valuesConfig: {
    RESERVED: { description: 'Kept for the applicant until expiresAt.' },
    USED: { description: 'Used by a registration.' },
    EXPIRED: { description: 'Lapsed unused at expiresAt; the name is free for others.' },
    REVOKED: { description: 'Revoked for a false commitment.' },
  },
});

export enum NameVerificationStatus {
  PENDING = 'PENDING',
  COMPLIANT = 'COMPLIANT',
  FALSE_COMMITMENT = 'FALSE_COMMITMENT',
}
registerEnumType(NameVerificationStatus, {
  name: 'NameVerificationStatus',
  description: "Where the verification of a special name's commitment stands.",
  valuesConfig: {
    PENDING: { description: 'Granted on the commitment; not yet verified.' },
    COMPLIANT: { description: 'Verified: the commitment is true.' },
    FALSE_COMMITMENT: { description: 'The commitment was false; the name is revoked.' },
  },
});

export enum NameVerificationOutcome {
  COMPLIANT = 'COMPLIANT',
  FALSE_COMMITMENT = 'FALSE_COMMITMENT',
}
registerEnumType(NameVerificationOutcome, {
  name: 'NameVerificationOutcome',
  description: "An official's finding on a special name's commitment.",
  valuesConfig: {
    COMPLIANT: { description: 'The commitment is true.' },
    FALSE_COMMITMENT: {
      description:
        'The commitment is false: the name is revoked, and an enterprise registered under it must change its name within 30 days.',
    },
  },
});

export const ProhibitedWordCategory = {
  NATIONAL_DIGNITY: 'NATIONAL_DIGNITY',
  PUBLIC_ORDER: 'PUBLIC_ORDER',
  PARTY_STATE_MILITARY: 'PARTY_STATE_MILITARY',
  FOREIGN_OR_INTERNATIONAL: 'FOREIGN_OR_INTERNATIONAL',
  OBSCENITY: 'OBSCENITY',
  GAMBLING: 'GAMBLING',
  SUPERSTITION: 'SUPERSTITION',
  TERROR: 'TERROR',
  VIOLENCE: 'VIOLENCE',
  DISCRIMINATION: 'DISCRIMINATION',
  PUBLIC_MORALS: 'PUBLIC_MORALS',
  MISLEADING: 'MISLEADING',
} as const satisfies Record<ProhibitedCategory, ProhibitedCategory>;
registerEnumType(ProhibitedWordCategory, {
  name: 'ProhibitedWordCategory',
  description: 'The kind of harm a prohibited word does (企业名称登记管理规定 第十一条).',
  valuesConfig: {
    NATIONAL_DIGNITY: { description: 'Harms national dignity or interests.' },
    PUBLIC_ORDER: { description: 'Harms the public interest or public order.' },
    PARTY_STATE_MILITARY: {
      description: 'Name of a political party, a state or military organ, or a mass organisation.',
    },
    FOREIGN_OR_INTERNATIONAL: { description: 'Name of a foreign country or an international organisation.' },
    OBSCENITY: { description: 'Obscenity.' },
    GAMBLING: { description: 'Gambling.' },
    SUPERSTITION: { description: 'Superstition.' },
    TERROR: { description: 'Terror.' },
    VIOLENCE: { description: 'Violence.' },
    DISCRIMINATION: { description: 'Discrimination by nationality, race, religion or sex.' },
    PUBLIC_MORALS: { description: 'Against public order and good morals.' },
    MISLEADING: { description: 'May deceive or mislead the public.' },
  },
});

export enum SpecialWordScope {
  START = 'START',
  ANYWHERE = 'ANYWHERE',
}
registerEnumType(SpecialWordScope, {
  name: 'SpecialWordScope',
  description: 'Where a special word makes a name special.',
  valuesConfig: {
    START: { description: 'When the name begins with it (中国, 中华, 中央, 全国, 国家).' },
    ANYWHERE: { description: 'Wherever it stands in the name (国际).' },
  },
});

@ObjectType('Industry', { description: 'A GB/T 4754-2017 division (国民经济行业分类 大类).' })
export class IndustryType {
  @Field({ description: 'The division code, e.g. "I65".' })
  code!: string;

  @Field({ description: "The division's name in the caller's language." })
  name!: string;
}

@ObjectType({ description: 'A rule of domain-rules §2 the proposed name breaks: the name is refused.' })
export class NameViolation {
  @Field(() => String, { nullable: true, description: 'The offending part of the name, when there is one.' })
  term!: string | null;

  @Field({
    description:
      'Stable code of the rule, e.g. TRADE_NAME_TOO_SHORT, TRADE_NAME_IS_DIVISION, TRADE_NAME_IS_INDUSTRY_WORD, PROHIBITED_WORD, ORGANISATION_FORM_MISMATCH, RESERVED_TO_STATE_COUNCIL (规定 Art. 12: a name beginning with 中国, 中华, 中央, 全国 or 国家), DIVISION_NOT_BRACKETED (实施办法 Art. 9).',
  })
  rule!: string;

  @Field(() => ProhibitedWordCategory, { nullable: true, description: 'For PROHIBITED_WORD: the kind of harm.' })
  category!: ProhibitedCategory | null;

  @Field({ description: "The rule in the caller's language." })
  message!: string;
}

@ObjectType({ description: 'Why a name is special (notification-and-commitment route).' })
export class SpecialNameReason {
  @Field(() => SpecialNameReasonCode, { description: 'Stable code of the reason.' })
  code!: SpecialNameReasonCode;

  @Field(() => String, { nullable: true, description: 'The part of the name concerned, when there is one.' })
  term!: string | null;

  @Field({ description: "The reason in the caller's language." })
  message!: string;
}

@ObjectType({
  description:
    'An existing name a proposed one conflicts with, in the same registering authority: a registered name, a live reservation, or a name released less than 1 year ago.',
})
export class NameConflict {
  @Field({ description: 'The other name; a stand-in ("(name withheld)") when `nameWithheld`.' })
  name!: string;

  @Field({
    description:
      'True when the other name is a registered name withheld from the viewer pending a forced change (a special name found to rest on a false commitment): it still blocks an identical name, but neither it nor its enterprise is told (`enterprise` is null, `rule` is IDENTICAL_WITHHELD_NAME).',
  })
  nameWithheld!: boolean;

  @Field(() => NameConflictKind, { description: 'IDENTICAL (refused) or SIMILAR (warned).' })
  kind!: NameConflictKind;

  @Field({
    description:
      'Stable code of the rule: IDENTICAL_TRADE_NAME_SAME_INDUSTRY, IDENTICAL_TRADE_NAME_NO_INDUSTRY, IDENTICAL_REORDERED, IDENTICAL_WITHHELD_NAME (the other name is withheld from the viewer), SIMILAR_SYNONYM_INDUSTRY, SIMILAR_HOMOPHONE or SIMILAR_CONTAINS.',
  })
  rule!: string;

  @Field({ description: "Why, in the caller's language." })
  message!: string;

  @Field(() => NameConflictSource, { description: 'Where the other name comes from.' })
  source!: NameConflictSource;

  @Field(() => District, { description: 'The registering authority of the other name.' })
  district!: District;

  @Field(() => Date, { nullable: true, description: 'For RECENTLY_RELEASED: when the name was released.' })
  releasedAt!: Date | null;

  @Field(() => NameConflictException, {
    nullable: true,
    description:
      'Set when an exception lets this IDENTICAL conflict pass for the viewer (规定 Art. 15, 17): the name stays available as far as this conflict goes.',
  })
  exception!: NameConflictException | null;

  /** The registered enterprise, for the registration module's `enterprise` field. */
  enterpriseId!: string | null;
}

@ObjectType('CommitmentTerms', {
  description: 'A version of the commitment text an applicant accepts for a special name.',
})
export class CommitmentTermsType {
  @Field(() => Int, { description: 'Version number; a commitment names the version it was given on.' })
  version!: number;

  @Field({ description: 'The text in Chinese.' })
  textZh!: string;

  @Field({ description: 'The text in English.' })
  textEn!: string;

  @Field({ description: "The text in the caller's language." })
  text!: string;

  @Field(() => Date, { description: 'When this version was published.' })
  publishedAt!: Date;
}

@ObjectType('SimilarNameUndertakingTerms', {
  description:
    'A version of the undertaking every applicant gives on reserving a name (规定 Art. 16(3)): to bear the liability should the name prove confusingly similar to an existing one.',
})
export class UndertakingTermsType {
  @Field(() => Int, { description: 'Version number; an undertaking names the version it was given on.' })
  version!: number;

  @Field({ description: 'The text in Chinese.' })
  textZh!: string;

  @Field({ description: 'The text in English.' })
  textEn!: string;

  @Field({ description: "The text in the caller's language." })
  text!: string;

  @Field(() => Date, { description: 'When this version was published.' })
  publishedAt!: Date;
}

@ObjectType({ description: 'The answer to checkEnterpriseName: everything the rules say about a proposed name.' })
export class NameCheck {
  @Field({ description: 'The name as checked: normalised (brackets, spaces, traditional characters).' })
  name!: string;

  @Field(() => EnterpriseNameParts, { description: 'The name split into its parts.' })
  parts!: EnterpriseNameParts;

  @Field({ description: 'Whether the name can be reserved: no violation and no IDENTICAL conflict.' })
  available!: boolean;

  @Field({ description: 'Whether the name is special (granted only on a written commitment).' })
  special!: boolean;

  @Field(() => [SpecialNameReason], { description: 'Why the name is special; empty when it is not.' })
  specialReasons!: SpecialNameReason[];

  @Field(() => [NameViolation], { description: 'Every rule the name breaks.' })
  violations!: NameViolation[];

  @Field(() => [NameConflict], { description: 'Every existing name it conflicts with, IDENTICAL first.' })
  conflicts!: NameConflict[];

  @Field(() => CommitmentTermsType, {
    nullable: true,
    description: 'When the name is special: the current commitment terms the applicant must accept to reserve it.',
  })
  commitmentTerms!: CommitmentTermsType | null;

  @Field(() => UndertakingTermsType, {
    description:
      'The current undertaking on similar names (规定 Art. 16(3)) every applicant accepts to reserve any name.',
  })
  similarNameUndertakingTerms!: UndertakingTermsType;

  @Field(() => IndustryType, {
    nullable: true,
    description:
      "The GB/T 4754 division the name's industry words most often stand for: a hint for the applicant, not a decision.",
  })
  industryHint!: IndustryType | null;
}

@ObjectType({ description: "The applicant's written commitment for a special name." })
export class NameCommitment {
  @Field(() => Int, { description: 'The version of the terms accepted.' })
  termsVersion!: number;

  @Field({ description: 'Who signed the commitment.' })
  signatoryName!: string;

  @Field(() => Date, { description: 'When it was given.' })
  acceptedAt!: Date;

  @Field(() => CommitmentTermsType, { description: 'The terms accepted, in the version accepted.' })
  terms!: CommitmentTermsType;
}

@ObjectType('SimilarNameUndertaking', {
  description: "The applicant's written undertaking on similar names given with a reservation (规定 Art. 16(3)).",
})
export class NameUndertaking {
  @Field(() => Int, { description: 'The version of the undertaking text accepted.' })
  termsVersion!: number;

  @Field({ description: 'Who signed it.' })
  signatoryName!: string;

  @Field(() => Date, { description: 'When it was given.' })
  acceptedAt!: Date;

  @Field(() => UndertakingTermsType, { description: 'The text accepted, in the version accepted.' })
  terms!: UndertakingTermsType;
}

@ObjectType('NameInvestmentRelation', {
  description:
    'The investment relationship a reservation claimed with the registered enterprise holding the identical name (规定 Art. 17).',
})
export class NameInvestmentRelation {
  @Field(() => ID, { description: 'Global ID of the registered enterprise.' })
  enterpriseId!: string;

  @Field(() => InvestmentRelationship, { description: 'Which way the investment runs.' })
  relationship!: InvestmentRelationship;
}

@ObjectType('NameTransfer', {
  description:
    "A registered enterprise's consent to transfer its name to another applicant (规定 Art. 15: 企业名称可以转让).",
})
export class NameTransferType {
  @Field(() => ID, { description: 'Global ID of the enterprise whose name is transferred.' })
  enterpriseId!: string;

  @Field({ description: 'The name transferred, as it was when the consent was given.' })
  name!: string;

  @Field({ description: "The e-mail of the transferee's account." })
  transfereeEmail!: string;

  @Field(() => NameTransferStatus, { description: 'Where the consent stands.' })
  status!: NameTransferStatus;

  @Field(() => Date, { description: 'When the holder consented.' })
  consentedAt!: Date;

  @Field(() => Date, { description: 'Until when the transferee may reserve the name.' })
  validUntil!: Date;

  @Field(() => Date, { nullable: true, description: "When the transferee's reservation took it up." })
  usedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When a registration used the transferee's reservation: from then the holder must change its name.",
  })
  holderMustChangeSince!: Date | null;
}

@ObjectType({ description: "The registry's verification of a special name's commitment." })
export class NameVerification {
  @Field(() => NameVerificationStatus, { description: 'Where the verification stands.' })
  status!: NameVerificationStatus;

  @Field(() => DateScalar, {
    description: 'The day (Asia/Shanghai) by which the registry verifies, in working days after the grant.',
  })
  dueBy!: string;

  @Field({ description: 'Whether it is still pending after dueBy.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true, description: "The official's finding." })
  note!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the official decided.' })
  decidedAt!: Date | null;
}

@ObjectType('NameReservation', {
  implements: Node,
  description:
    'A name granted to an applicant: kept 2 months (12 with a prior approval), then it lapses unless a registration used it.',
})
export class NameReservationType extends Node {
  @Field({ description: 'The full name, normalised.' })
  name!: string;

  @Field(() => EnterpriseNameParts, { description: 'The name split into its parts.' })
  parts!: EnterpriseNameParts;

  @Field({ description: 'Whether it is a special name granted on a commitment.' })
  special!: boolean;

  @Field(() => NameReservationStatus, {
    description: 'Where the reservation stands, by the clock: EXPIRED once expiresAt has passed unused.',
  })
  status!: NameReservationStatus;

  @Field(() => District, { description: 'The district (registering authority) the name is reserved in.' })
  district!: District;

  @Field(() => EnterpriseKind, { description: 'The kind of enterprise the name is for.' })
  kind!: EnterpriseKind;

  @Field(() => IndustryType, { nullable: true, description: 'The GB/T 4754 division declared.' })
  industry!: IndustryType | null;

  @Field({ description: 'Whether the enterprise will be foreign-invested.' })
  foreignInvested!: boolean;

  @Field({ description: 'Whether a prior approval is needed (the name is then kept 12 months).' })
  priorApprovalRequired!: boolean;

  @Field(() => Date, { description: 'When the name was granted.' })
  reservedAt!: Date;

  @Field(() => Date, { description: 'When the reservation lapses unless used (end of that day, Asia/Shanghai).' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a registration used it.' })
  usedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;

  @Field(() => NameCommitment, { nullable: true, description: 'For a special name: the commitment it was granted on.' })
  commitment!: NameCommitment | null;

  @Field(() => NameVerification, {
    nullable: true,
    description: 'For a special name: the verification of the commitment.',
  })
  verification!: NameVerification | null;

  @Field(() => NameUndertaking, {
    nullable: true,
    description:
      'The undertaking on similar names given with the reservation (规定 Art. 16(3)); null only for reservations made before it was recorded.',
  })
  similarNameUndertaking!: NameUndertaking | null;

  @Field(() => NameInvestmentRelation, {
    nullable: true,
    description:
      'The investment relationship that let an identical registered name pass (规定 Art. 17); registration checks it at confirmation.',
  })
  investmentRelation!: NameInvestmentRelation | null;

  @Field(() => NameTransferType, {
    nullable: true,
    description: "The holder's consent to transfer the name that let this identical name pass (规定 Art. 15).",
  })
  nameTransfer!: NameTransferType | null;

  @Field(() => UserType, {
    nullable: true,
    description: 'The applicant. Visible to the applicant itself, officials and administrators.',
  })
  applicant!: UserType | null;
}

export const NameReservationConnection = ConnectionType(NameReservationType, 'NameReservation', 'name reservation');

@ObjectType('ProhibitedWord', { description: 'A word no enterprise name may contain.' })
export class ProhibitedWordType {
  @Field({ description: 'The word (simplified Chinese).' })
  word!: string;

  @Field(() => ProhibitedWordCategory, { description: 'The kind of harm it does.' })
  category!: ProhibitedCategory;

  @Field(() => Date, { description: 'When it was listed.' })
  createdAt!: Date;
}

export const ProhibitedWordConnection = ConnectionType(ProhibitedWordType, 'ProhibitedWord', 'prohibited word');

@ObjectType('SpecialWord', { description: 'A word that makes a name special (notification-and-commitment route).' })
export class SpecialWordType {
  @Field({ description: 'The word.' })
  word!: string;

  @Field(() => SpecialWordScope, { description: 'Where it makes a name special.' })
  scope!: SpecialWordScope;

  @Field({ description: 'Whether, inside a name, the word may only qualify the industry (规定 第十二条).' })
  qualifierOnlyInside!: boolean;
}

@ObjectType('DivisionNameException', {
  description:
    'A division name that has another meaning (规定 Art. 8 "另有含义的除外"): a trade name may be this word.',
})
export class DivisionNameExceptionType {
  @Field({ description: 'The word.' })
  word!: string;

  @Field({ description: 'Its other meaning.' })
  meaning!: string;

  @Field(() => Date, { description: 'When it was listed.' })
  createdAt!: Date;
}

@ObjectType('NameSettings', { description: "The names module's adjustable figures." })
export class NameSettingsType {
  @Field(() => Int, {
    description: "Working days after the grant within which a special name's commitment is verified (default 20).",
  })
  verificationWindowWorkingDays!: number;

  @Field(() => Date, { description: 'When they were last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'Result of reserveEnterpriseName.' })
export class ReserveEnterpriseNamePayload {
  @Field(() => NameReservationType, { nullable: true, description: 'The reservation granted.' })
  reservation?: NameReservationType;

  @Field(() => [UserError], { description: 'Why the name was not granted.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of recordNameVerification.' })
export class RecordNameVerificationPayload {
  @Field(() => NameReservationType, {
    nullable: true,
    description: 'The reservation verified (REVOKED after a false commitment).',
  })
  reservation?: NameReservationType;

  @Field(() => [UserError], { description: 'Problems that prevented recording.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of addProhibitedWord.' })
export class AddProhibitedWordPayload {
  @Field(() => ProhibitedWordType, { nullable: true, description: 'The word listed.' })
  prohibitedWord?: ProhibitedWordType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removeProhibitedWord.' })
export class RemoveProhibitedWordPayload {
  @Field(() => ProhibitedWordType, { nullable: true, description: 'The word taken off the list.' })
  prohibitedWord?: ProhibitedWordType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of addSpecialWord.' })
export class AddSpecialWordPayload {
  @Field(() => SpecialWordType, { nullable: true, description: 'The word listed.' })
  specialWord?: SpecialWordType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removeSpecialWord.' })
export class RemoveSpecialWordPayload {
  @Field(() => SpecialWordType, { nullable: true, description: 'The word taken off the list.' })
  specialWord?: SpecialWordType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of publishCommitmentTerms.' })
export class PublishCommitmentTermsPayload {
  @Field(() => CommitmentTermsType, { nullable: true, description: 'The new current version.' })
  commitmentTerms?: CommitmentTermsType;

  @Field(() => [UserError], { description: 'Problems that prevented publishing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateNameSettings.' })
export class UpdateNameSettingsPayload {
  @Field(() => NameSettingsType, { nullable: true, description: 'The settings now in force.' })
  settings?: NameSettingsType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of consentToNameTransfer.' })
export class ConsentToNameTransferPayload {
  @Field(() => NameTransferType, { nullable: true, description: 'The consent recorded.' })
  transfer?: NameTransferType;

  @Field(() => [UserError], { description: 'Problems that prevented the consent.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of addDivisionNameException.' })
export class AddDivisionNameExceptionPayload {
  @Field(() => DivisionNameExceptionType, { nullable: true, description: 'The word listed.' })
  divisionNameException?: DivisionNameExceptionType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removeDivisionNameException.' })
export class RemoveDivisionNameExceptionPayload {
  @Field(() => DivisionNameExceptionType, { nullable: true, description: 'The word taken off the list.' })
  divisionNameException?: DivisionNameExceptionType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of publishSimilarNameUndertakingTerms.' })
export class PublishSimilarNameUndertakingTermsPayload {
  @Field(() => UndertakingTermsType, { nullable: true, description: 'The new current version.' })
  undertakingTerms?: UndertakingTermsType;

  @Field(() => [UserError], { description: 'Problems that prevented publishing.' })
  userErrors!: UserError[];
}
