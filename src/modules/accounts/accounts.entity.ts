import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
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

/** A partner system's key. Only the SHA-256 of the secret is stored; the secret is shown once. */
@Entity({ tableName: 'api_keys' })
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

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
