import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { User } from '../accounts/index.js';
import { Enterprise } from '../registration/index.js';
import {
  ServiceCaseDeclineReason,
  ServiceCaseKind,
  ServiceCaseOutcome,
  ServiceCaseStatus,
} from './service-case.enums.js';

// The tables of foreign-investment services. Deadlines are never stored: what is stored are the
// facts they are counted from (the day materials were complete, the day of acceptance) and the one
// date an official chooses (an extension); deadlines.ts counts the rest on the live calendar.

function userRef(fieldName: string, nullable = false) {
  return ManyToOne(() => User, {
    mapToPk: true,
    fieldName,
    nullable,
    updateRule: 'cascade',
    deleteRule: 'no action',
  });
}

@Entity({ tableName: 'service_cases' })
@Index({ properties: ['submitterId', 'submittedAt', 'id'] })
@Index({ properties: ['status', 'submittedAt', 'id'] })
@Index({ properties: ['assigneeId', 'submittedAt', 'id'] })
@Index({ properties: ['submittedAt', 'id'] })
export class ServiceCase {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Human-facing number, e.g. WZ2026000012. */
  @Property({ type: 'string', length: 20, unique: true })
  number!: string;

  @Enum({ items: () => ServiceCaseKind })
  kind!: ServiceCaseKind;

  @Property({ type: 'string', length: 40 })
  category!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  /** The language the investor chose; the office replies in it. */
  @Property({ type: 'string', length: 5 })
  language!: 'ZH_CN' | 'EN';

  @Enum({ items: () => ServiceCaseStatus })
  status: ServiceCaseStatus = ServiceCaseStatus.SUBMITTED;

  @userRef('submitter_id')
  submitterId!: string;

  @ManyToOne(() => Enterprise, {
    mapToPk: true,
    fieldName: 'enterprise_id',
    nullable: true,
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  enterpriseId: string | null = null;

  /** The authority complained about (complaints). */
  @Property({ type: 'string', length: 200, nullable: true })
  respondent: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  respondentContact: string | null = null;

  /** The administrative act complained about. */
  @Property({ type: 'text', nullable: true })
  administrativeAct: string | null = null;

  /** What the complainant asks for. */
  @Property({ type: 'text', nullable: true })
  request: string | null = null;

  /** Whether the same matter is in administrative reconsideration or litigation. */
  @Property({ type: 'boolean', nullable: true })
  inReconsiderationOrLitigation: boolean | null = null;

  /** The part the investor marked confidential: only the submitter and the handling officials read it. */
  @Property({ type: 'text', nullable: true })
  confidentialDetails: string | null = null;

  @Property({ type: 'json' })
  confidentialKinds: string[] = [];

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Property({ type: CalendarDateType })
  submittedOn!: string;

  /** The day the complaint's materials were complete (the acceptance clock starts the next working day); null while supplements are awaited. */
  @Property({ type: CalendarDateType, nullable: true })
  materialsCompleteOn: string | null = null;

  /** The one consolidated request for missing materials. */
  @Property({ type: 'text', nullable: true })
  materialsRequest: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  materialsRequestedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  materialsSuppliedAt: Date | null = null;

  @userRef('assignee_id', true)
  assigneeId: string | null = null;

  /** The official who decided on acceptance (a handling official with the assignee). */
  @userRef('decided_by_id', true)
  decidedById: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  decidedOn: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  acceptedOn: string | null = null;

  @Enum({ items: () => ServiceCaseDeclineReason, nullable: true })
  declineReason: ServiceCaseDeclineReason | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  /** The office a case outside this office's remit belongs to (declined OUTSIDE_REMIT or referred). */
  @Property({ type: 'string', length: 200, nullable: true })
  competentOffice: string | null = null;

  /** The resolution deadline after the one extension (chosen by the official). */
  @Property({ type: CalendarDateType, nullable: true })
  extendedResolveBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  extensionReason: string | null = null;

  @Enum({ items: () => ServiceCaseOutcome, nullable: true })
  outcome: ServiceCaseOutcome | null = null;

  @Property({ type: 'text', nullable: true })
  resolutionSummary: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  resolvedOn: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'smallint', nullable: true })
  rating: number | null = null;

  @Property({ type: 'text', nullable: true })
  ratingComment: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  ratedAt: Date | null = null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** A message on a case: to or from the investor, or an internal note officials alone read. */
@Entity({ tableName: 'service_case_messages' })
@Index({ properties: ['caseId', 'createdAt', 'id'] })
export class ServiceCaseMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ServiceCase, { mapToPk: true, fieldName: 'case_id', updateRule: 'cascade', deleteRule: 'cascade' })
  caseId!: string;

  @userRef('author_id')
  authorId!: string;

  @Property({ type: 'string', length: 10 })
  authorRole!: 'SUBMITTER' | 'OFFICIAL';

  /** An internal note: commerce officials only, never the investor. */
  @Property({ type: 'boolean' })
  internal: boolean = false;

  /** Marked confidential by the investor: the submitter and the handling officials only. */
  @Property({ type: 'boolean' })
  confidential: boolean = false;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** A file attached to a case (the bytes live in the shared file store). */
@Entity({ tableName: 'service_case_attachments' })
@Index({ properties: ['caseId'] })
export class ServiceCaseAttachment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ServiceCase, { mapToPk: true, fieldName: 'case_id', updateRule: 'cascade', deleteRule: 'cascade' })
  caseId!: string;

  /** The stored file; one file belongs to at most one case. */
  @Property({ type: 'uuid', unique: true })
  fileId!: string;

  @Property({ type: 'datetime' })
  attachedAt!: Date;
}

/** An anonymised summary of a resolved case, published for every investor to read. */
@Entity({ tableName: 'typical_cases' })
// Partial indexes (the published ones only) are in Migration20261207160000_TypicalCaseEditWithdraw.
export class TypicalCase {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The case it summarises: published at most once at a time (a partial unique index, see the migration). */
  @ManyToOne(() => ServiceCase, {
    mapToPk: true,
    fieldName: 'case_id',
    updateRule: 'cascade',
    deleteRule: 'cascade',
  })
  caseId!: string;

  @Enum({ items: () => ServiceCaseKind })
  kind!: ServiceCaseKind;

  @Property({ type: 'string', length: 40 })
  category!: string;

  @Property({ type: 'string', length: 5 })
  language!: 'ZH_CN' | 'EN';

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Enum({ items: () => ServiceCaseOutcome })
  outcome!: ServiceCaseOutcome;

  @userRef('published_by_id')
  publishedById!: string;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  /** When the text was last edited after publication. */
  @Property({ type: 'datetime', nullable: true })
  editedAt: Date | null = null;

  /** Withdrawn from publication: nobody reads it any more (the row stays, for the audit trail). */
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason: string | null = null;
}

/** The adjustable answer deadlines: one row (id 1), set by an administrator. */
@Entity({ tableName: 'investor_service_settings' })
export class InvestorServiceSettings {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  @Property({ type: 'integer' })
  consultationWorkingDays!: number;

  @Property({ type: 'integer' })
  suggestionWorkingDays!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

export const investorServicesEntities = [
  ServiceCase,
  ServiceCaseMessage,
  ServiceCaseAttachment,
  TypicalCase,
  InvestorServiceSettings,
];
