import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { District } from '../../shared/graphql/reference.types.js';
import { Organisation, User } from '../accounts/index.js';
import { Enterprise } from '../registration/index.js';
import {
  CreditProductAudience,
  CreditProductStatus,
  FinancingDemandStatus,
  FinancingOfferStatus,
  FinancingPurpose,
  GuaranteeType,
} from './financing.enums.js';

// The tables of 金企通. Written through these entities; the busy reads (the bank search, the loaders)
// select exactly their columns in SQL (financing.search.ts, financing.loaders.ts). References are
// declared as relations mapped to their keys (mapToPk): the schema gets its foreign keys, the code
// keeps plain ids. Every index is declared here so the next generated migration never drops one.

/**
 * A financing demand an enterprise published. The enterprise facts a bank filters on (district,
 * industry, foreign investment) are copied here at publication, so the search never joins the
 * enterprise table; the contact person lives in its own table, so the search never reads it.
 */
const SEARCH_FILTERS = 'expires_at, term_months, industry, guarantee_type, foreign_invested';

function openIndex(name: string, keys: string): { name: string; expression: string } {
  return {
    name,
    expression: `create index ${name} on financing_demands (${keys}, ${SEARCH_FILTERS}) where status = 'OPEN'`,
  };
}

@Entity({ tableName: 'financing_demands' })
@Index({ properties: ['enterpriseId', 'publishedAt', 'id'] })
// The bank search walks one of these in sort order; each filter is a trailing key, checked inside the index.
@Index(openIndex('financing_demands_open_published_idx', 'published_at, id, amount_fen, district'))
@Index(openIndex('financing_demands_open_district_published_idx', 'district, published_at, id, amount_fen'))
@Index(openIndex('financing_demands_open_amount_idx', 'amount_fen, id, district, published_at'))
@Index(openIndex('financing_demands_open_district_amount_idx', 'district, amount_fen, id, published_at'))
// Officials' lists of other statuses, the figures over a date range, the expiry sweep.
@Index({ name: 'financing_demands_status_published_idx', properties: ['status', 'publishedAt', 'id'] })
@Index({ name: 'financing_demands_published_at_idx', properties: ['publishedAt'] })
@Index({
  name: 'financing_demands_open_expires_idx',
  expression: `create index financing_demands_open_expires_idx on financing_demands (expires_at) where status = 'OPEN'`,
})
export class FinancingDemand {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Human-facing number, e.g. RZ2026000123. */
  @Property({ type: 'string', length: 20, unique: true })
  number!: string;

  @ManyToOne(() => Enterprise, {
    mapToPk: true,
    fieldName: 'enterprise_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  enterpriseId!: string;

  @Enum({ items: Object.values(District) })
  district!: District;

  /** GB/T 4754-2017 division code, e.g. "I65". */
  @Property({ type: 'string', length: 3 })
  industry!: string;

  @Property({ type: 'boolean' })
  foreignInvested!: boolean;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Property({ type: 'smallint' })
  termMonths!: number;

  @Enum({ items: () => FinancingPurpose })
  purpose!: FinancingPurpose;

  @Enum({ items: () => GuaranteeType })
  guaranteeType!: GuaranteeType;

  @Property({ type: 'text', nullable: true })
  collateral: string | null = null;

  /** Percent per year, e.g. "4.3500". */
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  maxAnnualRate: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  desiredOn: string | null = null;

  /** The enterprise agreed that any bank may see its contact person. */
  @Property({ type: 'boolean' })
  contactConsent!: boolean;

  @Enum({ items: () => FinancingDemandStatus })
  status: FinancingDemandStatus = FinancingDemandStatus.OPEN;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Offers made and not withdrawn. */
  @Property({ type: 'integer' })
  offerCount: number = 0;

  @Property({ type: 'datetime', nullable: true })
  firstOfferAt: Date | null = null;

  @ManyToOne(() => FinancingOffer, {
    mapToPk: true,
    fieldName: 'accepted_offer_id',
    updateRule: 'cascade',
    deleteRule: 'set null',
    nullable: true,
  })
  acceptedOfferId: string | null = null;

  /** The bank whose offer was accepted: it may see the contact person. */
  @ManyToOne(() => Organisation, {
    mapToPk: true,
    fieldName: 'accepted_bank_id',
    updateRule: 'cascade',
    deleteRule: 'set null',
    nullable: true,
  })
  acceptedBankId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  matchedAt: Date | null = null;

  /** When it was withdrawn, expired or closed. */
  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @ManyToOne(() => User, {
    mapToPk: true,
    fieldName: 'published_by_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  publishedById!: string;
}

/** The person a bank talks to. Kept apart from the demand: only the enterprise and permitted banks read it. */
@Entity({ tableName: 'financing_demand_contacts' })
export class FinancingDemandContact {
  @ManyToOne(() => FinancingDemand, {
    mapToPk: true,
    fieldName: 'demand_id',
    updateRule: 'cascade',
    deleteRule: 'cascade',
    primary: true,
  })
  demandId!: string;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'string', length: 20 })
  phone!: string;

  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  /** Resident identity card number (GB 11643). */
  @Property({ type: 'string', length: 18, nullable: true })
  idNumber: string | null = null;
}

@Entity({ tableName: 'financing_offers' })
@Index({ properties: ['demandId', 'bankId', 'createdAt'] })
@Index({ properties: ['bankId', 'createdAt', 'id'] })
// At most one pending offer per bank and demand, and at most one accepted offer per demand, whatever
// the code above does: the row lock serialises the rules, these make the outcome structural.
@Index({
  name: 'financing_offers_one_pending_per_bank_idx',
  expression: `create unique index financing_offers_one_pending_per_bank_idx on financing_offers (demand_id, bank_id) where status = 'PENDING'`,
})
@Index({
  name: 'financing_offers_one_accepted_idx',
  expression: `create unique index financing_offers_one_accepted_idx on financing_offers (demand_id) where status in ('ACCEPTED', 'DISBURSED')`,
})
export class FinancingOffer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => FinancingDemand, {
    mapToPk: true,
    fieldName: 'demand_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  demandId!: string;

  /** The bank (an organisation of kind BANK). */
  @ManyToOne(() => Organisation, {
    mapToPk: true,
    fieldName: 'bank_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  bankId!: string;

  @ManyToOne(() => CreditProduct, {
    mapToPk: true,
    fieldName: 'product_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
    nullable: true,
  })
  productId: string | null = null;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Property({ type: 'decimal', precision: 7, scale: 4 })
  annualRate!: string;

  @Property({ type: 'smallint' })
  termMonths!: number;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Enum({ items: () => FinancingOfferStatus })
  status: FinancingOfferStatus = FinancingOfferStatus.PENDING;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @ManyToOne(() => User, { mapToPk: true, fieldName: 'created_by_id', updateRule: 'cascade', deleteRule: 'no action' })
  createdById!: string;

  /** When it was accepted, declined, withdrawn or expired. */
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  disbursedAmountFen: number | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  disbursedOn: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  disbursedAt: Date | null = null;
}

@Entity({ tableName: 'credit_products' })
@Index({ properties: ['bankId', 'status', 'publishedAt', 'id'] })
@Index({ properties: ['status', 'publishedAt', 'id'] })
export class CreditProduct {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, {
    mapToPk: true,
    fieldName: 'bank_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  bankId!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: new BigIntType('number') })
  minAmountFen!: number;

  @Property({ type: new BigIntType('number') })
  maxAmountFen!: number;

  @Property({ type: 'smallint' })
  minTermMonths!: number;

  @Property({ type: 'smallint' })
  maxTermMonths!: number;

  @Property({ type: 'decimal', precision: 7, scale: 4 })
  minAnnualRate!: string;

  @Property({ type: 'decimal', precision: 7, scale: 4 })
  maxAnnualRate!: string;

  @Property({ type: 'json' })
  guaranteeTypes: GuaranteeType[] = [];

  @Property({ type: 'json' })
  audience: CreditProductAudience[] = [];

  @Property({ type: 'boolean' })
  onlineApplication!: boolean;

  @Property({ type: 'string', length: 500, nullable: true })
  applicationUrl: string | null = null;

  @Enum({ items: () => CreditProductStatus })
  status: CreditProductStatus = CreditProductStatus.ACTIVE;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}

/**
 * A bank officer's saved search: each newly published demand that matches it lands in the officer's
 * inbox (the live subscription takes its filter per connection; this one works while offline).
 */
@Entity({ tableName: 'financing_demand_alerts' })
@Index({ properties: ['userId'] })
export class FinancingDemandAlert {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { mapToPk: true, fieldName: 'user_id', updateRule: 'cascade', deleteRule: 'cascade' })
  userId!: string;

  @ManyToOne(() => Organisation, {
    mapToPk: true,
    fieldName: 'bank_id',
    updateRule: 'cascade',
    deleteRule: 'no action',
  })
  bankId!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The filter as stored (financing.filter.ts DemandFilter). */
  @Property({ type: 'json' })
  filter!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * The figures of 金企通 an administrator may change (one row). Read when a demand is published:
 * each demand stores its own expiry, so a change applies to demands published after it and the
 * bank search never reads this row.
 */
@Entity({ tableName: 'financing_settings' })
export class FinancingSettings {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  /** Days a published demand stays open to offers (default 60). */
  @Property({ type: 'integer' })
  demandValidityDays!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

export const financingEntities = [
  FinancingDemand,
  FinancingDemandContact,
  FinancingOffer,
  CreditProduct,
  FinancingDemandAlert,
  FinancingSettings,
];
