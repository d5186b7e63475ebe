import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import type { ApiScope, Department, Role } from '../../shared/viewer.js';

export type OrganisationKind = 'BANK' | 'LAW_FIRM' | 'ACCOUNTING_FIRM';

/** A bank or a host firm that staff accounts work for. */
@Entity({ tableName: 'organisations' })
export class Organisation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: ['BANK', 'LAW_FIRM', 'ACCOUNTING_FIRM'], nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Property({ type: 'string', length: 200 })
  @Unique()
  name!: string;

  /** Unified social credit code of the organisation, when known. */
  @Property({ type: 'string', length: 18, nullable: true })
  uscc: string | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Lower-cased; unique. */
  @Property({ type: 'string', length: 254 })
  @Unique()
  email!: string;

  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Enum({ items: ['APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'PARTNER', 'ADMIN'], nativeEnumName: 'role' })
  role!: Role;

  @Enum({
    items: ['MARKET_REGULATION', 'COMMERCE', 'FINANCE', 'TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'],
    nativeEnumName: 'department',
    nullable: true,
  })
  department: Department | null = null;

  @ManyToOne(() => Organisation, { nullable: true })
  organisation: Organisation | null = null;

  /** The organisation's own administrator: manages its API keys (set by the platform administrator). */
  @Property({ type: 'boolean', default: false })
  organisationAdmin: boolean & Opt = false;

  @Enum({ items: ['ZH_CN', 'EN'], nativeEnumName: 'locale' })
  locale: 'ZH_CN' | 'EN' = 'ZH_CN';

  /** A foreign investor (for investor services and bilingual defaults). */
  @Property({ type: 'boolean' })
  foreignInvestor: boolean = false;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;
}

/** A sign-in session. Only the SHA-256 of the token is stored. */
@Entity({ tableName: 'sessions' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  @Index()
  user!: User;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}

/**
 * A partner system's key. Only the SHA-256 of the secret is stored; the secret is shown once. A key of an
 * organisation is managed by that organisation's administrator; a key without one by the platform's.
 * After a rotation the previous secret keeps working until `previousSecretValidUntil` (the overlap in
 * which the partner deploys the new one).
 */
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['organisation', 'createdAt'] })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** First characters of the secret, so people can tell keys apart. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64 })
  @Unique()
  secretHash!: string;

  @Property({ type: 'json' })
  scopes: ApiScope[] = [];

  @ManyToOne(() => Organisation, { nullable: true })
  organisation: Organisation | null = null;

  @ManyToOne(() => User)
  createdBy!: User;

  /** The secret before the last rotation, valid until `previousSecretValidUntil`. */
  @Property({ type: 'string', length: 64, nullable: true })
  @Unique()
  previousSecretHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  previousSecretValidUntil: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  rotatedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}

/**
 * How many requests a key made on one calendar day (Asia/Shanghai). Counted in memory and added here in
 * batches off the request's path (key-usage.ts).
 */
@Entity({ tableName: 'api_key_daily_uses' })
export class ApiKeyDailyUse {
  @ManyToOne(() => ApiKey, { primary: true, deleteRule: 'cascade' })
  apiKey!: ApiKey;

  @Property({ type: CalendarDateType, primary: true })
  day!: string;

  @Property({ type: 'integer' })
  requests!: number;
}
