import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { User } from '../accounts/index.js';
import { DISTRICT_VALUES, Enterprise, type CommitmentData, type DistrictValue } from './registration.entity.js';

// Simplified deregistration (市场主体登记管理条例 第三十三条; 实施细则 第四十七条至第四十九条): the public notice
// an enterprise gives on the platform before it may apply, the objections anyone may raise during it,
// and the restrictions (frozen or pledged equity, an unpaid fine) that bar the simplified route.

/** OPEN: published (running, then ended); OBJECTED: someone objected; COMPLETED: the enterprise was deregistered through it. */
export const NOTICE_STORED_STATUSES = ['OPEN', 'OBJECTED', 'COMPLETED'] as const;
export type NoticeStoredStatus = (typeof NOTICE_STORED_STATUSES)[number];

@Entity({ tableName: 'simplified_deregistration_notices' })
@Index({ name: 'simplified_deregistration_notices_list_idx', properties: ['createdAt', 'id'] })
@Index({ name: 'simplified_deregistration_notices_district_idx', properties: ['district', 'createdAt', 'id'] })
@Index({ name: 'simplified_deregistration_notices_enterprise_idx', properties: ['enterprise', 'createdAt'] })
export class SimplifiedDeregistrationNotice {
  [OptionalProps]?: 'status' | 'objectedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  /** The enterprise's registering district when the notice was published (a public filter). */
  @Enum({ items: [...DISTRICT_VALUES] })
  district!: DistrictValue;

  @ManyToOne(() => User)
  startedBy!: User;

  /** The day it was published: the 20 days are counted from the next day (民法典 第二百零一条). */
  @Property({ type: CalendarDateType })
  startsOn!: string;

  /** The last day of the notice and of objections. */
  @Property({ type: CalendarDateType })
  endsOn!: string;

  /** The last day the simplified application may be made: 20 days after endsOn. */
  @Property({ type: CalendarDateType })
  applyBy!: string;

  @Enum({ items: [...NOTICE_STORED_STATUSES] })
  status: NoticeStoredStatus = 'OPEN';

  /** The investors' written promise, published with the notice (no debts, no unpaid wages, taxes or fines). */
  @Property({ type: 'json' })
  commitment!: CommitmentData;

  @Property({ type: 'datetime', nullable: true })
  objectedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ version: true })
  version: number = 1;
}

/** An objection to a simplified deregistration, raised by anyone during the notice. */
@Entity({ tableName: 'simplified_deregistration_objections' })
@Index({ name: 'simplified_deregistration_objections_notice_idx', properties: ['notice', 'createdAt', 'id'] })
export class SimplifiedDeregistrationObjection {
  [OptionalProps]?: 'submittedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SimplifiedDeregistrationNotice)
  notice!: SimplifiedDeregistrationNotice;

  /** The creditor or other interested party (a person or an organisation). */
  @Property({ type: 'string', length: 100 })
  objectorName!: string;

  /** How to reach the objector: a phone number, an email or an address. */
  @Property({ type: 'string', length: 200 })
  contact!: string;

  @Property({ type: 'text' })
  reason!: string;

  /** The signed-in account that raised it; null for an anonymous objection. */
  @ManyToOne(() => User, { nullable: true })
  submittedBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

export const RESTRICTION_KINDS = ['EQUITY_FROZEN', 'EQUITY_PLEDGED', 'UNPAID_FINE'] as const;
export type RestrictionKindValue = (typeof RESTRICTION_KINDS)[number];

/**
 * A fact about an enterprise that bars simplified deregistration (实施细则 第四十八条): frozen or pledged
 * equity, an administrative fine not yet paid. Recorded and lifted by market regulation.
 */
@Entity({ tableName: 'enterprise_restrictions' })
@Index({ name: 'enterprise_restrictions_enterprise_idx', properties: ['enterprise', 'liftedAt', 'since'] })
export class EnterpriseRestriction {
  [OptionalProps]?: 'liftedOn' | 'liftReason' | 'liftedBy' | 'liftedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  @Enum({ items: [...RESTRICTION_KINDS] })
  kind!: RestrictionKindValue;

  /** Why (the court order, the pledge registration, the penalty decision). */
  @Property({ type: 'text' })
  reason!: string;

  /** The day the restriction took effect. */
  @Property({ type: CalendarDateType })
  since!: string;

  @ManyToOne(() => User)
  recordedBy!: User;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  /** The day it ended (equity unfrozen, pledge released, fine paid); null while in force. */
  @Property({ type: CalendarDateType, nullable: true })
  liftedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  liftReason: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  liftedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  liftedAt: Date | null = null;

  @Property({ version: true })
  version: number = 1;
}
