import type { RequestContext } from '../../shared/context.js';
import { CurrencyCode } from '../../shared/graphql/common.types.js';
import type { District } from '../../shared/graphql/reference.types.js';
import { fromUtcIsoText as instant } from '../../shared/instants.js';
import { formatFen } from '../../shared/money.js';
import type { Locale } from '../../shared/messages.js';
import { IndustryType, industryView } from '../names/index.js';
import {
  type CreditProductStatus,
  FinancingDemandStatus,
  FinancingOfferStatus,
  type CreditProductAudience,
  type FinancingPurpose,
  type GuaranteeType,
} from './financing.enums.js';
import { BankType, CreditProductType, FinancingDemandType, FinancingOfferType } from './financing.types.js';
import { formatRate } from './financing.values.js';

// Rows as the busy reads select them: exactly the columns the API shows, in SQL, read straight into
// the GraphQL object types (no ORM entities, no identity map). Instants come back as exact ISO text
// (microseconds) so a cursor written from them finds the same row again.

/** An instant column as ISO 8601 UTC text with microseconds. */
export function iso(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function money(fen: string | number) {
  return { amount: formatFen(fen), currency: CurrencyCode.CNY };
}

const industryCache = new Map<string, IndustryType>();

/** The division with its name in the caller's language (shared, immutable objects). */
export function industryOf(code: string, locale: Locale): IndustryType {
  const key = `${locale}:${code}`;
  let value = industryCache.get(key);
  if (!value) {
    value = Object.assign(new IndustryType(), industryView(locale, code) ?? { code, name: code });
    industryCache.set(key, value);
  }
  return value;
}

/**
 * The columns of a demand row. `details: false` leaves out those only the detail fields read (see
 * CORE_DEMAND_FIELDS in financing.lookahead.ts): a search page then parses a third fewer values.
 */
export function demandColumns(d: string, details = true): string {
  const core = `${d}.id, ${d}.number, ${d}.enterprise_id as "enterpriseId", ${d}.district, ${d}.industry,
  ${d}.amount_fen::text as "amountFen", ${d}.term_months as "termMonths", ${d}.purpose,
  ${d}.guarantee_type as "guaranteeType", ${d}.max_annual_rate::text as "maxAnnualRate", ${d}.status,
  ${iso(`${d}.published_at`)} as "publishedAt", ${iso(`${d}.expires_at`)} as "expiresAt", ${d}.offer_count as "offerCount",
  ${d}.contact_consent as "contactConsent", ${d}.accepted_bank_id as "acceptedBankId"`;
  if (!details) return core;
  return `${core}, ${d}.foreign_invested as "foreignInvested", ${d}.collateral, ${d}.desired_on::text as "desiredOn",
  ${iso(`${d}.matched_at`)} as "matchedAt", ${iso(`${d}.ended_at`)} as "endedAt",
  ${d}.accepted_offer_id as "acceptedOfferId", ${d}.published_by_id as "publishedById"`;
}

export interface DemandRow {
  id: string;
  number: string;
  enterpriseId: string;
  district: District;
  industry: string;
  amountFen: string;
  termMonths: number;
  purpose: FinancingPurpose;
  guaranteeType: GuaranteeType;
  maxAnnualRate: string | null;
  status: FinancingDemandStatus;
  publishedAt: string;
  expiresAt: string;
  offerCount: number;
  /** Read by the contact field's access rule (financing.access.ts canSeeContact). */
  contactConsent: boolean;
  acceptedBankId: string | null;
  /** The detail columns: absent from a row read with `demandColumns(d, false)`. */
  foreignInvested?: boolean;
  collateral?: string | null;
  desiredOn?: string | null;
  matchedAt?: string | null;
  endedAt?: string | null;
  acceptedOfferId?: string | null;
  publishedById?: string;
}

export function demandFromRow(row: DemandRow, nowMs: number, locale: Locale): FinancingDemandType {
  const demand = new FinancingDemandType();
  const expiresAt = instant(row.expiresAt);
  demand.id = row.id;
  demand.number = row.number;
  demand.enterpriseId = row.enterpriseId;
  demand.district = row.district;
  demand.industry = industryOf(row.industry, locale);
  demand.amountFen = row.amountFen;
  demand.amount = money(row.amountFen);
  demand.termMonths = row.termMonths;
  demand.purpose = row.purpose;
  demand.guaranteeType = row.guaranteeType;
  demand.maxAnnualRate = formatRate(row.maxAnnualRate);
  // Expiry is by the clock: an open demand past its time is expired whether or not the sweep has run.
  demand.status =
    row.status === FinancingDemandStatus.OPEN && expiresAt.getTime() <= nowMs
      ? FinancingDemandStatus.EXPIRED
      : row.status;
  demand.publishedAtText = row.publishedAt;
  demand.publishedAt = instant(row.publishedAt);
  demand.expiresAt = expiresAt;
  demand.offerCount = row.offerCount;
  demand.contactConsent = row.contactConsent;
  demand.acceptedBankId = row.acceptedBankId;
  // A row without the detail columns serves a query that selects none of the detail fields.
  if (row.publishedById === undefined) return demand;
  demand.foreignInvested = row.foreignInvested!;
  demand.collateral = row.collateral ?? null;
  demand.desiredOn = row.desiredOn ?? null;
  demand.matchedAt = instant(row.matchedAt ?? null);
  demand.endedAt = instant(row.endedAt ?? null) ?? (demand.status === FinancingDemandStatus.EXPIRED ? expiresAt : null);
  demand.acceptedOfferId = row.acceptedOfferId ?? null;
  demand.publishedById = row.publishedById;
  return demand;
}

/** Offer columns; `d` is the joined demand (its expiry decides whether a pending offer has expired). */
export function offerColumns(o: string, d: string): string {
  return `${o}.id, ${o}.demand_id as "demandId", ${o}.bank_id as "bankId", ${o}.product_id as "productId",
  ${o}.amount_fen::text as "amountFen", ${o}.annual_rate::text as "annualRate", ${o}.term_months as "termMonths", ${o}.note,
  ${o}.status, ${iso(`${o}.created_at`)} as "createdAt", ${iso(`${o}.decided_at`)} as "decidedAt",
  ${o}.disbursed_amount_fen::text as "disbursedAmountFen", ${o}.disbursed_on::text as "disbursedOn",
  ${o}.created_by_id as "createdById", ${iso(`${d}.expires_at`)} as "demandExpiresAt", ${d}.status as "demandStatus"`;
}

export interface OfferRow {
  id: string;
  demandId: string;
  bankId: string;
  productId: string | null;
  amountFen: string;
  annualRate: string;
  termMonths: number;
  note: string | null;
  status: FinancingOfferStatus;
  createdAt: string;
  decidedAt: string | null;
  disbursedAmountFen: string | null;
  disbursedOn: string | null;
  createdById: string;
  demandExpiresAt: string;
  demandStatus: FinancingDemandStatus;
}

export function offerFromRow(row: OfferRow, nowMs: number): FinancingOfferType {
  const offer = new FinancingOfferType();
  const demandExpiresAt = instant(row.demandExpiresAt);
  const expired =
    row.status === FinancingOfferStatus.PENDING &&
    row.demandStatus === FinancingDemandStatus.OPEN &&
    demandExpiresAt.getTime() <= nowMs;
  offer.id = row.id;
  offer.demandId = row.demandId;
  offer.bankId = row.bankId;
  offer.productId = row.productId;
  offer.amount = money(row.amountFen);
  offer.annualRate = formatRate(row.annualRate)!;
  offer.termMonths = row.termMonths;
  offer.note = row.note;
  offer.status = expired ? FinancingOfferStatus.EXPIRED : row.status;
  offer.createdAtText = row.createdAt;
  offer.createdAt = instant(row.createdAt);
  offer.decidedAt = instant(row.decidedAt) ?? (expired ? demandExpiresAt : null);
  offer.disbursedAmount = row.disbursedAmountFen === null ? null : money(row.disbursedAmountFen);
  offer.disbursedOn = row.disbursedOn;
  offer.createdById = row.createdById;
  return offer;
}

export function productColumns(p: string): string {
  return `${p}.id, ${p}.bank_id as "bankId", ${p}.name, ${p}.description, ${p}.min_amount_fen::text as "minAmountFen",
  ${p}.max_amount_fen::text as "maxAmountFen", ${p}.min_term_months as "minTermMonths", ${p}.max_term_months as "maxTermMonths",
  ${p}.min_annual_rate::text as "minAnnualRate", ${p}.max_annual_rate::text as "maxAnnualRate",
  ${p}.guarantee_types as "guaranteeTypes", ${p}.audience, ${p}.online_application as "onlineApplication",
  ${p}.application_url as "applicationUrl", ${p}.status, ${iso(`${p}.published_at`)} as "publishedAt",
  ${iso(`${p}.retired_at`)} as "retiredAt"`;
}

export interface ProductRow {
  id: string;
  bankId: string;
  name: string;
  description: string;
  minAmountFen: string;
  maxAmountFen: string;
  minTermMonths: number;
  maxTermMonths: number;
  minAnnualRate: string;
  maxAnnualRate: string;
  guaranteeTypes: GuaranteeType[] | string;
  audience: CreditProductAudience[] | string;
  onlineApplication: boolean;
  applicationUrl: string | null;
  status: CreditProductStatus;
  publishedAt: string;
  retiredAt: string | null;
}

function jsonList<T>(value: T[] | string): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

export function productFromRow(row: ProductRow): CreditProductType {
  const product = new CreditProductType();
  product.id = row.id;
  product.bankId = row.bankId;
  product.name = row.name;
  product.description = row.description;
  product.minAmount = money(row.minAmountFen);
  product.maxAmount = money(row.maxAmountFen);
  product.minTermMonths = row.minTermMonths;
  product.maxTermMonths = row.maxTermMonths;
  product.minAnnualRate = formatRate(row.minAnnualRate)!;
  product.maxAnnualRate = formatRate(row.maxAnnualRate)!;
  product.guaranteeTypes = jsonList(row.guaranteeTypes);
  product.audience = jsonList(row.audience);
  product.onlineApplication = row.onlineApplication;
  product.applicationUrl = row.applicationUrl;
  product.status = row.status;
  product.publishedAtText = row.publishedAt;
  product.publishedAt = instant(row.publishedAt);
  product.retiredAt = instant(row.retiredAt);
  return product;
}

export interface BankRow {
  id: string;
  name: string;
  uscc: string | null;
}

export function bankFromRow(row: BankRow): BankType {
  return Object.assign(new BankType(), { id: row.id, name: row.name, uscc: row.uscc });
}

/** Runs one SELECT on the operation's connection (inside its transaction when there is one). */
export function select<T>(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<T[]> {
  return ctx.em.execute<T[]>(sql, params as never[]);
}
