import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { PROHIBITED_CATEGORIES, type EnterpriseKind, type ProhibitedCategory } from './rules/index.js';

// The names module's tables: the conflict index every check searches, the reservations applicants
// hold, and the reference data an administrator maintains (word lists, commitment terms, settings).

export const DISTRICT_VALUES = [
  'SHINAN',
  'SHIBEI',
  'HUANGDAO',
  'LAOSHAN',
  'LICANG',
  'CHENGYANG',
  'JIMO',
  'JIAOZHOU',
  'PINGDU',
  'LAIXI',
] as const;
export type DistrictValue = (typeof DISTRICT_VALUES)[number];

export const ENTERPRISE_KIND_VALUES = [
  'LIMITED_LIABILITY_COMPANY',
  'JOINT_STOCK_COMPANY',
  'PARTNERSHIP',
  'SOLE_PROPRIETORSHIP',
  'BRANCH',
  'FARMERS_COOPERATIVE',
  'INDIVIDUAL_BUSINESS',
] as const satisfies readonly EnterpriseKind[];

export type EnterpriseNameStatus = 'ACTIVE' | 'RELEASED';

/** Why a registered enterprise's name left the index; each keeps it protected for 1 year (规定 第十七条). */
export const ENTERPRISE_NAME_RELEASE_REASONS = ['DEREGISTERED', 'NAME_CHANGED', 'REVOKED'] as const;
export type EnterpriseNameReleaseReason = (typeof ENTERPRISE_NAME_RELEASE_REASONS)[number];

/**
 * One name in the conflict index: a registered enterprise's name (enterpriseId set) or a live
 * reservation's (reservationId set). Checks find candidates here through exact keys only.
 * A row counts while ACTIVE (and, for a reservation, until expiresAt), or while RELEASED within
 * protectedUntil (an enterprise's name for 1 year after deregistration, a change or revocation).
 * The indexes the search relies on are explained in the migration that creates them.
 */
@Entity({ tableName: 'enterprise_names' })
@Index({ properties: ['enterpriseId'] })
@Index({ properties: ['reservationId'] })
@Index({ properties: ['tradeName'] })
@Index({ properties: ['tradeNamePinyin'] })
@Index({ properties: ['reorderKey'] })
@Index({
  name: 'enterprise_names_trade_name_grams_index',
  expression:
    'create index "enterprise_names_trade_name_grams_index" on "enterprise_names" using gin ("trade_name_grams") with (fastupdate = off)',
})
@Index({
  name: 'enterprise_names_live_reservation_unique',
  expression:
    'create unique index "enterprise_names_live_reservation_unique" on "enterprise_names" ("district", "trade_name", coalesce("industry_word", \'\')) where "status" = \'ACTIVE\' and "reservation_id" is not null',
})
export class EnterpriseName {
  [OptionalProps]?:
    'status' | 'releasedAt' | 'protectedUntil' | 'releaseReason' | 'expiresAt' | 'enterpriseId' | 'reservationId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  reservationId: string | null = null;

  /** The full name, normalised. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The registering authority: the district whose names compete with each other. */
  @Enum({ items: [...DISTRICT_VALUES] })
  district!: DistrictValue;

  @Property({ type: 'string', length: 100, nullable: true })
  tradeName!: string | null;

  /** Toneless pinyin of the trade name (homophones share it). */
  @Property({ type: 'string', length: 300, nullable: true })
  tradeNamePinyin!: string | null;

  /** Every substring of two characters or more of the trade name: finds names containing another. */
  @Property({ type: 'text[]' })
  tradeNameGrams: string[] = [];

  /** The characters of trade name + industry, sorted: finds the same words in another order. */
  @Property({ type: 'string', length: 200, nullable: true })
  reorderKey!: string | null;

  /** The industry part as written in the name (海川智能科技 → 智能科技). */
  @Property({ type: 'string', length: 100, nullable: true })
  industryWord!: string | null;

  /** Synonym group of the industry word (地产 / 房地产 / 置业 share one). */
  @Property({ type: 'string', length: 100, nullable: true })
  industryGroup!: string | null;

  /** GB/T 4754-2017 division code declared for the enterprise or reservation. */
  @Property({ type: 'string', length: 3, nullable: true })
  industryCode!: string | null;

  @Enum({ items: ['ACTIVE', 'RELEASED'] })
  status: EnterpriseNameStatus = 'ACTIVE';

  /** For a reservation: when it lapses unless used. */
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  releasedAt: Date | null = null;

  /** Until when a released name still blocks others (1 year for an enterprise's name; none for a reservation). */
  @Property({ type: 'datetime', nullable: true })
  protectedUntil: Date | null = null;

  /** For a registered enterprise's name: why it was released (null for a reservation's row). */
  @Enum({ items: [...ENTERPRISE_NAME_RELEASE_REASONS], nullable: true })
  releaseReason: EnterpriseNameReleaseReason | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * Which way the investment runs between the registered enterprise (the holder of the identical
 * name) and the enterprise the reservation is for.
 */
export const INVESTMENT_RELATIONSHIPS = ['HOLDER_INVESTS_IN_NEW', 'NEW_INVESTS_IN_HOLDER'] as const;
export type InvestmentRelationship = (typeof INVESTMENT_RELATIONSHIPS)[number];

export type NameTransferStatus = 'CONSENTED' | 'USED' | 'WITHDRAWN';

/**
 * A registered enterprise's consent to transfer its name (企业名称登记管理规定 第十五条: 企业名称可以
 * 转让): given by the enterprise's agent to one transferee (named by the e-mail of its account), valid
 * until `validUntil`. The transferee may then reserve the identical name; once a registration uses
 * that reservation the holder must change its own name (holderMustChangeSince records it).
 */
@Entity({ tableName: 'name_transfers' })
@Index({ properties: ['enterpriseId'] })
@Index({ properties: ['transfereeEmail', 'status'] })
export class NameTransfer {
  [OptionalProps]?: 'status' | 'reservationId' | 'usedAt' | 'holderMustChangeSince' | 'withdrawnAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The registered enterprise whose name is transferred. */
  @Property({ type: 'uuid' })
  enterpriseId!: string;

  /** Its name when the consent was given, normalised. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The transferee's account e-mail, lower-cased. */
  @Property({ type: 'string', length: 320 })
  transfereeEmail!: string;

  @Enum({ items: ['CONSENTED', 'USED', 'WITHDRAWN'] })
  status: NameTransferStatus = 'CONSENTED';

  @Property({ type: 'uuid' })
  consentedBy!: string;

  @Property({ type: 'datetime' })
  consentedAt!: Date;

  /** The consent lapses at the end of this instant unless a reservation took it up. */
  @Property({ type: 'datetime' })
  validUntil!: Date;

  /** The transferee's reservation of the name. */
  @Property({ type: 'uuid', nullable: true })
  reservationId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  /** When a registration used the transferee's reservation: from then the holder must change its name. */
  @Property({ type: 'datetime', nullable: true })
  holderMustChangeSince: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;
}

export type NameReservationStatus = 'RESERVED' | 'USED' | 'EXPIRED' | 'REVOKED';
export type NameVerificationStatus = 'PENDING' | 'COMPLIANT' | 'FALSE_COMMITMENT';

/**
 * A name granted to an applicant: kept for 2 months (12 with a prior approval), then lapsed unless
 * a registration used it. A special name is granted on the applicant's written commitment and
 * verified afterwards; the commitment (terms version, signatory, time) is stored with it.
 * A RESERVED row whose expiresAt has passed is EXPIRED whatever the stored status says until the
 * sweep writes it: read the status through effectiveReservationStatus.
 */
@Entity({ tableName: 'name_reservations' })
@Index({ properties: ['applicantId', 'reservedAt', 'id'] })
@Index({
  name: 'name_reservations_lapse_idx',
  expression:
    'create index "name_reservations_lapse_idx" on "name_reservations" ("expires_at", "id") where "status" = \'RESERVED\'',
})
@Index({
  name: 'name_reservations_verification_queue_idx',
  expression:
    "create index name_reservations_verification_queue_idx on name_reservations (reserved_at, id) where verification_status = 'PENDING'",
})
export class NameReservation {
  [OptionalProps]?:
    | 'status'
    | 'enterpriseId'
    | 'usedAt'
    | 'heldForApplicationId'
    | 'revokedAt'
    | 'expiredAt'
    | 'commitmentTermsVersion'
    | 'commitmentSignatoryName'
    | 'commitmentAcceptedAt'
    | 'verificationStatus'
    | 'verificationDueBy'
    | 'verificationNote'
    | 'verificationDecidedAt'
    | 'verificationDecidedBy'
    | 'priorApprovalRequired'
    | 'nameEntry'
    | 'undertakingTermsVersion'
    | 'undertakingSignatoryName'
    | 'undertakingAcceptedAt'
    | 'relatedEnterpriseId'
    | 'investmentRelationship'
    | 'nameTransfer'
    | 'declaredInApplicationId'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The full name, normalised. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'uuid' })
  applicantId!: string;

  @Enum({ items: ['RESERVED', 'USED', 'EXPIRED', 'REVOKED'] })
  status: NameReservationStatus = 'RESERVED';

  @Property({ type: 'boolean' })
  special!: boolean;

  @Enum({ items: [...DISTRICT_VALUES] })
  district!: DistrictValue;

  @Enum({ items: [...ENTERPRISE_KIND_VALUES] })
  kind!: EnterpriseKind;

  /** GB/T 4754-2017 division code, e.g. "I65". */
  @Property({ type: 'string', length: 3, nullable: true })
  industry!: string | null;

  @Property({ type: 'boolean' })
  foreignInvested!: boolean;

  @Property({ type: 'boolean' })
  priorApprovalRequired: boolean = false;

  @Property({ type: 'datetime' })
  reservedAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  expiredAt: Date | null = null;

  /**
   * The registration application, submitted while the reservation was live, that is using it. Until
   * the registry decides, the reservation does not lapse (规定 第十八条: the registry's own review time
   * does not defeat an application made in time).
   */
  @Property({ type: 'uuid', nullable: true })
  heldForApplicationId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** This reservation's row in the conflict index; loaded with it so a state change can release it. */
  @ManyToOne(() => EnterpriseName, { nullable: true, eager: true })
  nameEntry: EnterpriseName | null = null;

  /**
   * The applicant's written undertaking to bear liability should the name prove confusingly similar
   * to an existing one (规定 第十六条第三项): given on every reservation since it was introduced
   * (null only on reservations made before), with the text version, the signatory and the time.
   */
  @Property({ type: 'integer', nullable: true })
  undertakingTermsVersion: number | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  undertakingSignatoryName: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  undertakingAcceptedAt: Date | null = null;

  /**
   * A registered enterprise with which the new enterprise has an investment relationship
   * (规定 第十七条): an IDENTICAL name of that enterprise did not block this reservation. Registration
   * checks the claim at confirmation (investmentRelationOf).
   */
  @Property({ type: 'uuid', nullable: true })
  relatedEnterpriseId: string | null = null;

  @Enum({ items: [...INVESTMENT_RELATIONSHIPS], nullable: true })
  investmentRelationship: InvestmentRelationship | null = null;

  /** The holder's consent to transfer its name (规定 第十五条) that this reservation took up. */
  @ManyToOne(() => NameTransfer, { nullable: true, eager: true })
  nameTransfer: NameTransfer | null = null;

  /**
   * Set on the record of a special name declared directly in a change application, without a
   * reservation (市场主体登记管理条例实施细则 第三十四条): that application, confirmed. The name was granted
   * on the commitment given there and is verified afterwards like a reserved one.
   */
  @Property({ type: 'uuid', nullable: true })
  declaredInApplicationId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  commitmentTermsVersion: number | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  commitmentSignatoryName: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  commitmentAcceptedAt: Date | null = null;

  @Enum({ items: ['PENDING', 'COMPLIANT', 'FALSE_COMMITMENT'], nullable: true })
  verificationStatus: NameVerificationStatus | null = null;

  /** Calendar day (Asia/Shanghai) by which the commitment must be verified. */
  @Property({ type: CalendarDateType, nullable: true })
  verificationDueBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  verificationNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  verificationDecidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  verificationDecidedBy: string | null = null;

  @Property({ version: true, type: 'integer' })
  version: number = 1;
}

/** A word no enterprise name may contain (企业名称登记管理规定 第十一条). */
@Entity({ tableName: 'name_prohibited_words' })
export class ProhibitedNameWord {
  @PrimaryKey({ type: 'string', length: 50 })
  word!: string;

  @Enum({ items: [...PROHIBITED_CATEGORIES] })
  category!: ProhibitedCategory;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** A word that makes a name special (notification-and-commitment route). */
@Entity({ tableName: 'name_special_words' })
export class SpecialNameWord {
  @PrimaryKey({ type: 'string', length: 50 })
  word!: string;

  @Enum({ items: ['START', 'ANYWHERE'] })
  scope!: 'START' | 'ANYWHERE';

  @Property({ type: 'boolean' })
  qualifierOnlyInside!: boolean;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** One version of the commitment text an applicant accepts for a special name. Never changed once published. */
@Entity({ tableName: 'name_commitment_terms' })
export class CommitmentTerms {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  version!: number;

  @Property({ type: 'text' })
  textZh!: string;

  @Property({ type: 'text' })
  textEn!: string;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  publishedBy: string | null = null;
}

/**
 * One version of the undertaking every applicant gives on reserving a name (规定 第十六条第三项): to
 * bear the legal liability should the name prove confusingly similar to an existing one. Never
 * changed once published.
 */
@Entity({ tableName: 'name_undertaking_terms' })
export class UndertakingTerms {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  version!: number;

  @Property({ type: 'text' })
  textZh!: string;

  @Property({ type: 'text' })
  textEn!: string;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  publishedBy: string | null = null;
}

/**
 * A division name that also has another meaning (规定 第八条 "另有含义的除外"): a trade name may be
 * this word although a county-level-or-above division bears it. Maintained by an administrator.
 */
@Entity({ tableName: 'name_division_exceptions' })
export class DivisionNameException {
  @PrimaryKey({ type: 'string', length: 50 })
  word!: string;

  /** The other meaning, for the people maintaining the list. */
  @Property({ type: 'string', length: 200 })
  meaning!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** The module's adjustable figures: one row (id 1). */
@Entity({ tableName: 'name_settings' })
export class NameSettings {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  /** Working days after the grant within which a special name's commitment is verified. */
  @Property({ type: 'integer' })
  verificationWindowWorkingDays!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

export const namesEntities = [
  EnterpriseName,
  NameReservation,
  ProhibitedNameWord,
  SpecialNameWord,
  CommitmentTerms,
  NameSettings,
  UndertakingTerms,
  DivisionNameException,
  NameTransfer,
];
