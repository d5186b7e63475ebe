import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { User } from '../accounts/index.js';
import { Enterprise } from '../registration/index.js';

export const INSPECTION_STATUSES = ['ASSIGNED', 'COMPLETED'] as const;
export type InspectionStatusValue = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_FINDINGS = ['COMPLIANT', 'DEFECTS_CORRECTED', 'FALSE_DECLARATION'] as const;
export type InspectionFindingValue = (typeof INSPECTION_FINDINGS)[number];
export const PROCEEDING_STATUSES = ['NOTICE_ISSUED', 'PUBLIC_NOTICE', 'REVOKED', 'CLOSED'] as const;
export type ProceedingStatusValue = (typeof PROCEEDING_STATUSES)[number];

/**
 * One random draw (双随机): the enterprises confirmed in a window and the inspecting officials, both
 * picked by a PRNG from the recorded seed over the recorded population and roster, so anyone can
 * draw it again and get the same sample.
 */
@Entity({ tableName: 'inspection_samples' })
@Index({ name: 'inspection_samples_drawn_idx', properties: ['drawnAt', 'id'] })
export class InspectionSample {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 20 })
  @Unique({ name: 'inspection_samples_number_unique' })
  number!: string;

  @Property({ type: 'string', length: 64 })
  seed!: string;

  @Property({ type: CalendarDateType })
  confirmedFrom!: string;

  @Property({ type: CalendarDateType })
  confirmedTo!: string;

  @Property({ type: 'integer' })
  sampleSize!: number;

  @Property({ type: 'integer' })
  inspectorsPerEnterprise!: number;

  /** The population snapshot: ids of the enterprises eligible at the draw, sorted. */
  @Property({ type: 'json' })
  populationIds!: string[];

  /** The roster snapshot: ids of the officials who could be drawn, sorted. */
  @Property({ type: 'json' })
  rosterIds!: string[];

  @ManyToOne(() => User)
  drawnBy!: User;

  @Property({ type: 'datetime' })
  drawnAt!: Date;
}

/** One drawn enterprise and its drawn inspectors; the finding they record. */
@Entity({ tableName: 'inspections' })
@Unique({ name: 'inspections_sample_position_unique', properties: ['sample', 'position'] })
@Index({ name: 'inspections_enterprise_idx', properties: ['enterprise'] })
export class Inspection {
  [OptionalProps]?: 'status' | 'finding' | 'findingNote' | 'recordedBy' | 'recordedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => InspectionSample)
  sample!: InspectionSample;

  /** Order in the draw (0 first). */
  @Property({ type: 'integer' })
  position!: number;

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  /** The drawn inspecting officials, in draw order. */
  @Property({ type: 'json' })
  inspectorIds!: string[];

  @Enum({ items: [...INSPECTION_STATUSES] })
  status: InspectionStatusValue = 'ASSIGNED';

  @Enum({ items: [...INSPECTION_FINDINGS], nullable: true })
  finding: InspectionFindingValue | null = null;

  @Property({ type: 'text', nullable: true })
  findingNote: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  recordedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  recordedAt: Date | null = null;

  @Property({ version: true })
  version: number = 1;
}

/**
 * From a false declaration to revocation: a notice to the enterprise with a deadline (working
 * days), or a 45-day public notice where it cannot be reached, then the decision.
 */
@Entity({ tableName: 'revocation_proceedings' })
@Index({ name: 'revocation_proceedings_status_idx', properties: ['status', 'updatedAt', 'id'] })
@Index({ name: 'revocation_proceedings_enterprise_idx', properties: ['enterprise'] })
export class RevocationProceeding {
  [OptionalProps]?:
    | 'status'
    | 'publicNoticeFrom'
    | 'publicNoticeUntil'
    | 'publicNoticeReason'
    | 'revokedOn'
    | 'revocationReason'
    | 'closedReason'
    | 'decidedBy'
    | 'answerStatement'
    | 'answerEvidence'
    | 'answeredAt'
    | 'answeredBy'
    | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Inspection)
  inspection!: Inspection;

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  @Enum({ items: [...PROCEEDING_STATUSES] })
  status: ProceedingStatusValue = 'NOTICE_ISSUED';

  /** What the inspection found false (the notice's ground). */
  @Property({ type: 'text' })
  ground!: string;

  @Property({ type: CalendarDateType })
  noticeIssuedOn!: string;

  /** Last day for the enterprise to answer the notice. */
  @Property({ type: CalendarDateType })
  answerBy!: string;

  /**
   * The enterprise's answer to the notice (its statement and, optionally, the evidence it relies on,
   * as text), given by the person acting for it while it could still be heard; the official reads it
   * before deciding.
   */
  @Property({ type: 'text', nullable: true })
  answerStatement: string | null = null;

  @Property({ type: 'text', nullable: true })
  answerEvidence: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  answeredBy: User | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  publicNoticeFrom: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  publicNoticeUntil: string | null = null;

  @Property({ type: 'text', nullable: true })
  publicNoticeReason: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  revokedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  revocationReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  closedReason: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version: number = 1;
}

export const supervisionEntities = [InspectionSample, Inspection, RevocationProceeding];
