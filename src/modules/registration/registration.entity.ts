import {
  ArrayType,
  BigIntType,
  Entity,
  Enum,
  Formula,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { User } from '../accounts/index.js';
import type { ClearanceDepartment, Declaration, DeregistrationDeclaration } from './registration.declaration.js';
import {
  DISTRICT_VALUES,
  ENTERPRISE_KIND_VALUES,
  ZONE_VALUES,
  type DistrictValue,
  type EnterpriseKindValue,
  type ZoneValue,
} from './registration.values.js';

// Registration confirmation (domain-rules §1). Columns a list filters or sorts on are real columns with
// indexes; the declared items themselves are one structured jsonb document, validated in
// registration.declaration.ts, because they are read and written as a whole.

export const REGISTRATION_KINDS = ['ESTABLISHMENT', 'CHANGE', 'DEREGISTRATION'] as const;
export type RegistrationKindValue = (typeof REGISTRATION_KINDS)[number];

export const REGISTRATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CONFIRMED',
  'CORRECTION_REQUESTED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type RegistrationStatusValue = (typeof REGISTRATION_STATUSES)[number];

export const ENTERPRISE_STATUSES = ['ACTIVE', 'DEREGISTERED', 'REVOKED'] as const;
export type EnterpriseStatusValue = (typeof ENTERPRISE_STATUSES)[number];

// The declared items' value lists live apart, so the pure declaration checks need not import entities.
export {
  DISTRICT_VALUES,
  ENTERPRISE_KIND_VALUES,
  ZONE_VALUES,
  type DistrictValue,
  type EnterpriseKindValue,
  type ZoneValue,
} from './registration.values.js';

export const CLEARANCE_STATUSES = ['PENDING', 'CLEARED', 'BLOCKED'] as const;
export type ClearanceStatusValue = (typeof CLEARANCE_STATUSES)[number];

export const LICENCE_STATUSES = ['VALID', 'SUPERSEDED', 'CANCELLED'] as const;
export type LicenceStatusValue = (typeof LICENCE_STATUSES)[number];

export interface NamePartsData {
  administrativeDivision: string | null;
  tradeName: string | null;
  industry: string | null;
  organisationForm: string | null;
}

/** A registered market entity. Public facts are columns; the full declared items are in `declaration`. */
/**
 * The SQL form of the public name, for Enterprise.publicName and its indexes: keep it in step with
 * visibleName in withheld-name.ts (the public stand-in for a name under a forced change is the credit code).
 * Lists by name sort on it for every viewer, so a cursor never carries a withheld name, whoever
 * it was handed to; `alias` null gives the bare expression the indexes are built on.
 */
export function publicNameSql(alias: string | null): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `(case when ${column('name_change_required_by')} is null then ${column('name')} else coalesce(${column('uscc')}, ${column('name')}) end)`;
}

@Entity({ tableName: 'enterprises' })
@Index({ name: 'enterprises_name_id_idx', properties: ['name', 'id'] })
@Index({ name: 'enterprises_status_name_id_idx', properties: ['status', 'name', 'id'] })
@Index({ name: 'enterprises_district_name_id_idx', properties: ['district', 'name', 'id'] })
@Index({ name: 'enterprises_zone_name_id_idx', properties: ['zone', 'name', 'id'] })
// "The enterprises a user acts for" is a containment test on agent_ids (GIN).
@Index({
  name: 'enterprises_agent_ids_idx',
  expression: 'create index "enterprises_agent_ids_idx" on "enterprises" using gin ("agent_ids")',
})
@Index({
  name: 'enterprises_name_trgm_idx',
  expression: 'create index "enterprises_name_trgm_idx" on "enterprises" using gin ("name" gin_trgm_ops)',
})
// The public list by name sorts and searches on the public name (publicName below).
@Index({
  name: 'enterprises_public_name_id_idx',
  expression: `create index "enterprises_public_name_id_idx" on "enterprises" (${publicNameSql(null)}, "id")`,
})
@Index({
  name: 'enterprises_status_public_name_id_idx',
  expression: `create index "enterprises_status_public_name_id_idx" on "enterprises" ("status", ${publicNameSql(null)}, "id")`,
})
@Index({
  name: 'enterprises_district_public_name_id_idx',
  expression: `create index "enterprises_district_public_name_id_idx" on "enterprises" ("district", ${publicNameSql(null)}, "id")`,
})
@Index({
  name: 'enterprises_zone_public_name_id_idx',
  expression: `create index "enterprises_zone_public_name_id_idx" on "enterprises" ("zone", ${publicNameSql(null)}, "id")`,
})
@Index({
  name: 'enterprises_public_name_trgm_idx',
  expression: `create index "enterprises_public_name_trgm_idx" on "enterprises" using gin (${publicNameSql(null)} gin_trgm_ops)`,
})
export class Enterprise {
  [OptionalProps]?:
    | 'uscc'
    | 'nameParts'
    | 'foreignInvested'
    | 'zone'
    | 'industry'
    | 'registeredCapitalFen'
    | 'businessScope'
    | 'legalRepresentativeName'
    | 'registeredAddress'
    | 'establishedOn'
    | 'deregisteredOn'
    | 'status'
    | 'nameChangeRequiredBy'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Unified social credit code, issued on confirmation. */
  @Property({ type: 'string', length: 18, nullable: true })
  @Unique({ name: 'enterprises_uscc_unique' })
  uscc: string | null = null;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'json', nullable: true })
  nameParts: NamePartsData | null = null;

  @Enum({ items: [...ENTERPRISE_KIND_VALUES] })
  kind!: EnterpriseKindValue;

  @Property({ type: 'boolean' })
  foreignInvested: boolean = false;

  @Enum({ items: [...DISTRICT_VALUES] })
  district!: DistrictValue;

  @Enum({ items: [...ZONE_VALUES] })
  zone: ZoneValue = 'NONE';

  /** GB/T 4754-2017 division code, e.g. "I65". */
  @Property({ type: 'string', length: 8, nullable: true })
  industry: string | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  registeredCapitalFen: number | null = null;

  @Property({ type: 'text', nullable: true })
  businessScope: string | null = null;

  /** The legal representative's name (public); the ID number stays inside `declaration`. */
  @Property({ type: 'string', length: 100, nullable: true })
  legalRepresentativeName: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  registeredAddress: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  establishedOn: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  deregisteredOn: string | null = null;

  @Enum({ items: [...ENTERPRISE_STATUSES] })
  status: EnterpriseStatusValue = 'ACTIVE';

  /**
   * The applicant accounts that act for the enterprise (帮办代办: its own staff, an accountant, an
   * agency), never empty. Kept on the row, not in a join table, so that every access rule that holds
   * an enterprise can answer "does the viewer act for it?" without another query; who added or
   * removed whom, and when, is in the invitations and the audit trail.
   */
  @Property({ type: new ArrayType(), columnType: 'uuid[]' })
  agentIds!: string[];

  /**
   * Set when its special name was found to rest on a false commitment: the name must change by this
   * day, and until then the public sees the credit code instead of the name.
   */
  @Property({ type: CalendarDateType, nullable: true })
  nameChangeRequiredBy: string | null = null;

  /**
   * The name as anyone may read it (the credit code while the name is withheld, withheld-name.ts):
   * what the list by name sorts on (and searches, for the public), so that neither its order nor a
   * cursor gives a withheld name away. Indexed above; loaded only when asked for.
   */
  @Formula((alias) => publicNameSql(String(alias)), { type: 'string', lazy: true })
  publicName?: string;

  /** Every registered and filed item as last confirmed (personal details included: never public). */
  @Property({ type: 'json' })
  declaration!: Declaration;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version: number = 1;
}

export interface CommitmentData {
  termsVersion: string;
  textZh: string;
  textEn: string;
  signatoryName: string;
  committedAt: string;
}

/** The written commitment a special name declared directly in a change needs (as a reservation would). */
export interface NameCommitmentData {
  termsVersion: number;
  signatoryName: string;
  committedAt: string;
  /** Why the name is special (the names module's codes). */
  specialReasons: string[];
}

export interface ApplicationSnapshot {
  declaration: Declaration;
  deregistration: DeregistrationDeclaration | null;
  nameReservationId: string | null;
  changeDecidedOn: string | null;
}

export interface CorrectionItemData {
  field: string[];
  message: string;
}

export interface CorrectionNoticeData {
  round: number;
  items: CorrectionItemData[];
  requestedAt: string;
  requestedById: string;
  /** What the applicant had declared when the notice was issued: a later notice may only name items changed since. */
  snapshot: ApplicationSnapshot;
  /** When the applicant resubmitted after this notice. */
  answeredAt: string | null;
}

@Entity({ tableName: 'registration_applications' })
@Index({ name: 'registration_applications_queue_idx', properties: ['status', 'submittedAt', 'id'] })
@Index({ name: 'registration_applications_kind_queue_idx', properties: ['kind', 'status', 'submittedAt', 'id'] })
@Index({ name: 'registration_applications_applicant_idx', properties: ['applicant', 'createdAt', 'id'] })
@Index({
  name: 'registration_applications_applicant_status_idx',
  properties: ['applicant', 'status', 'createdAt', 'id'],
})
@Index({ name: 'registration_applications_enterprise_idx', properties: ['enterprise', 'status'] })
@Index({ name: 'registration_applications_reservation_idx', properties: ['nameReservationId'] })
export class RegistrationApplication {
  [OptionalProps]?:
    | 'status'
    | 'enterprise'
    | 'nameReservationId'
    | 'declaration'
    | 'deregistration'
    | 'changeDecidedOn'
    | 'commitment'
    | 'nameCommitment'
    | 'firstSubmittedAt'
    | 'submittedAt'
    | 'receivedOn'
    | 'reviewReasons'
    | 'decideBy'
    | 'extendedAt'
    | 'extensionReason'
    | 'extensionRequestedAt'
    | 'extensionRequestedBy'
    | 'extensionApprovedBy'
    | 'decidedAt'
    | 'decidedBy'
    | 'decisionNote'
    | 'rejectionReasons'
    | 'correctionNotices'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Human-facing number, e.g. DJ20261126000042. */
  @Property({ type: 'string', length: 24 })
  @Unique({ name: 'registration_applications_number_unique' })
  number!: string;

  @Enum({ items: [...REGISTRATION_KINDS] })
  kind!: RegistrationKindValue;

  @Enum({ items: [...REGISTRATION_STATUSES] })
  status: RegistrationStatusValue = 'DRAFT';

  @ManyToOne(() => User)
  applicant!: User;

  /** The enterprise changed or deregistered; for an establishment, the one created on confirmation. */
  @ManyToOne(() => Enterprise, { nullable: true })
  enterprise: Enterprise | null = null;

  /** The names module's reservation (establishment, or a change of name). */
  @Property({ type: 'uuid', nullable: true })
  nameReservationId: string | null = null;

  @Property({ type: 'json' })
  declaration: Declaration = {};

  @Property({ type: 'json', nullable: true })
  deregistration: DeregistrationDeclaration | null = null;

  /** For a change: the day the change was decided (the application is due within 30 days of it). */
  @Property({ type: CalendarDateType, nullable: true })
  changeDecidedOn: string | null = null;

  @Property({ type: 'json', nullable: true })
  commitment: CommitmentData | null = null;

  /** For a change declaring a special name directly (no reservation): the applicant's written commitment. */
  @Property({ type: 'json', nullable: true })
  nameCommitment: NameCommitmentData | null = null;

  @Property({ type: 'datetime', nullable: true })
  firstSubmittedAt: Date | null = null;

  /** The latest (re)submission: the review clock runs from it. */
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  receivedOn: string | null = null;

  /** Why the application is not on the same-day track (empty: complete and in standard form). */
  @Property({ type: 'json' })
  reviewReasons: string[] = [];

  @Property({ type: CalendarDateType, nullable: true })
  decideBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  extendedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  extensionReason: string | null = null;

  /**
   * The extension is asked for by one official and takes effect when the authority approves it: a
   * second official of market regulation, never the one who asked (市场主体登记管理条例 第十九条:
   * "经登记机关负责人批准，可以延长"). extendedAt is the approval.
   */
  @Property({ type: 'datetime', nullable: true })
  extensionRequestedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  extensionRequestedBy: User | null = null;

  @ManyToOne(() => User, { nullable: true })
  extensionApprovedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Property({ type: 'json' })
  rejectionReasons: string[] = [];

  @Property({ type: 'json' })
  correctionNotices: CorrectionNoticeData[] = [];

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version: number = 1;
}

/** One confirmed change of an enterprise's registration: establishment, change, deregistration. */
@Entity({ tableName: 'enterprise_changes' })
@Index({ name: 'enterprise_changes_enterprise_at_id_idx', properties: ['enterprise', 'at', 'id'] })
export class EnterpriseChange {
  [OptionalProps]?: 'items';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  @ManyToOne(() => RegistrationApplication)
  application!: RegistrationApplication;

  @Enum({ items: [...REGISTRATION_KINDS] })
  kind!: RegistrationKindValue;

  /** The items changed, with public before/after values (personal details are named, never copied). */
  @Property({ type: 'json' })
  items: { item: string; before: string | null; after: string | null }[] = [];

  @Property({ type: 'datetime' })
  at!: Date;
}

/** One department's clearance of a deregistration (一网通办): recorded in any order, in parallel. */
@Entity({ tableName: 'department_clearances' })
@Unique({ name: 'department_clearances_application_department_unique', properties: ['application', 'department'] })
@Index({ name: 'department_clearances_queue_idx', properties: ['department', 'status', 'createdAt', 'id'] })
export class DepartmentClearance {
  [OptionalProps]?: 'status' | 'note' | 'recordedBy' | 'recordedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => RegistrationApplication)
  application!: RegistrationApplication;

  @Enum({ items: ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] })
  department!: ClearanceDepartment;

  @Enum({ items: [...CLEARANCE_STATUSES] })
  status: ClearanceStatusValue = 'PENDING';

  /** What is owed when blocked; a remark when cleared. */
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  recordedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  recordedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ version: true })
  version: number = 1;
}

/** The facts an electronic business licence certifies, exactly as signed. */
export interface LicenceFacts {
  v: 1;
  licenceNumber: string;
  uscc: string;
  name: string;
  kind: EnterpriseKindValue;
  legalRepresentative: string | null;
  registeredCapitalFen: number | null;
  establishedOn: string;
  registeredAddress: string | null;
  businessScope: string | null;
  operatingTermEndsOn: string | null;
  issuedAt: string;
}

/** An electronic business licence, equal in force to paper; its verification code is an HMAC over its facts. */
@Entity({ tableName: 'business_licences' })
@Index({ name: 'business_licences_enterprise_status_idx', properties: ['enterprise', 'status'] })
export class BusinessLicence {
  [OptionalProps]?: 'status' | 'endedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  @Property({ type: 'string', length: 32 })
  @Unique({ name: 'business_licences_number_unique' })
  number!: string;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Property({ type: 'json' })
  facts!: LicenceFacts;

  @Property({ type: 'string', length: 64 })
  @Unique({ name: 'business_licences_verification_code_unique' })
  verificationCode!: string;

  @Enum({ items: [...LICENCE_STATUSES] })
  status: LicenceStatusValue = 'VALID';

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;
}
