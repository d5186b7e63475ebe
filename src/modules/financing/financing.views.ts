import type { RequestContext } from '../../shared/context.js';
import type { Locale } from '../../shared/messages.js';
import { IndustryType, industryView } from '../names/index.js';
import { clockOf } from './financing.expiry.js';
import { BankType, CreditProductType, FinancingDemandType, FinancingOfferType } from './financing.types.js';

// The read model of financing: each object type is read straight from SQL into an instance of itself,
// so its fields resolve as plain properties (no resolver function, no per-row conversion). The tables
// below say, for every property of a type, the SQL that gives its value as the API shows it; TypeScript
// holds each table complete (a property added to the type without a column does not compile). Money
// comes as a JSON object, rates as their API text, instants as the API's ISO text with the +08:00 offset,
// written by PostgreSQL once; the status of a demand or offer applies expiry by the clock
// (financing.expiry.ts), through the `${d}c` join of clockOf(d), whose parameter is now.

/** The SQL of each property of a view, for table alias(es) given when the statement is built. */
type Columns<T> = { readonly [K in keyof T]-?: string };

/** An instant as the API writes it: ISO 8601 in China Standard Time (UTC+8, no daylight saving since 1991). */
export const apiInstant = (column: string) =>
  `to_char(${column} at time zone interval '+08:00', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"')`;

/** A sort key instant for a cursor: exact (microseconds), in UTC (financing.cursor.ts checks the shape). */
export const cursorInstant = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An amount in fen as the Money object ({ amount: "1234.56", currency: "CNY" }). */
const money = (fen: string) =>
  `json_build_object('amount', (${fen}::numeric / 100)::numeric(20, 2)::text, 'currency', 'CNY')`;

/** A numeric(7,4) rate as the API writes it: at least two decimals ("4.3500" → "4.35", "4.0000" → "4.00"). */
const rate = (column: string) => `round(${column}, greatest(scale(trim_scale(${column})), 2))::text`;

function demandTable(d: string): Columns<FinancingDemandType> {
  const expired = `${d}c.expired`;
  return {
    id: `${d}.id`,
    number: `${d}.number`,
    district: `${d}.district`,
    industry: `${d}.industry`, // the division code; the view holds it with its name (demandView)
    foreignInvested: `${d}.foreign_invested`,
    amount: money(`${d}.amount_fen`),
    termMonths: `${d}.term_months`,
    purpose: `${d}.purpose`,
    guaranteeType: `${d}.guarantee_type`,
    collateral: `${d}.collateral`,
    maxAnnualRate: rate(`${d}.max_annual_rate`),
    desiredOn: `${d}.desired_on::text`,
    contactConsent: `${d}.contact_consent`,
    status: `case when ${expired} then 'EXPIRED' else ${d}.status end`,
    publishedAt: apiInstant(`${d}.published_at`),
    expiresAt: apiInstant(`${d}.expires_at`),
    matchedAt: apiInstant(`${d}.matched_at`),
    endedAt: apiInstant(`coalesce(${d}.ended_at, case when ${expired} then ${d}.expires_at end)`),
    offerCount: `${d}.offer_count`,
    enterpriseId: `${d}.enterprise_id`,
    acceptedBankId: `${d}.accepted_bank_id`,
    acceptedOfferId: `${d}.accepted_offer_id`,
    publishedById: `${d}.published_by_id`,
  };
}

function offerTable(o: string, d: string): Columns<FinancingOfferType> {
  const expired = `(${o}.status = 'PENDING' and ${d}c.expired)`;
  return {
    id: `${o}.id`,
    amount: money(`${o}.amount_fen`),
    annualRate: rate(`${o}.annual_rate`),
    termMonths: `${o}.term_months`,
    note: `${o}.note`,
    status: `case when ${expired} then 'EXPIRED' else ${o}.status end`,
    createdAt: apiInstant(`${o}.created_at`),
    decidedAt: apiInstant(`coalesce(${o}.decided_at, case when ${expired} then ${d}.expires_at end)`),
    disbursedAmount: `case when ${o}.disbursed_amount_fen is not null then ${money(`${o}.disbursed_amount_fen`)} end`,
    disbursedOn: `${o}.disbursed_on::text`,
    demandId: `${o}.demand_id`,
    bankId: `${o}.bank_id`,
    productId: `${o}.product_id`,
    createdById: `${o}.created_by_id`,
  };
}

function productTable(p: string): Columns<CreditProductType> {
  return {
    id: `${p}.id`,
    name: `${p}.name`,
    description: `${p}.description`,
    minAmount: money(`${p}.min_amount_fen`),
    maxAmount: money(`${p}.max_amount_fen`),
    minTermMonths: `${p}.min_term_months`,
    maxTermMonths: `${p}.max_term_months`,
    minAnnualRate: rate(`${p}.min_annual_rate`),
    maxAnnualRate: rate(`${p}.max_annual_rate`),
    guaranteeTypes: `${p}.guarantee_types`,
    audience: `${p}.audience`,
    onlineApplication: `${p}.online_application`,
    applicationUrl: `${p}.application_url`,
    status: `${p}.status`,
    publishedAt: apiInstant(`${p}.published_at`),
    retiredAt: apiInstant(`${p}.retired_at`),
    bankId: `${p}.bank_id`,
  };
}

function bankTable(b: string): Columns<BankType> {
  return { id: `${b}.id`, name: `${b}.name`, uscc: `${b}.uscc` };
}

const selectList = (table: Record<string, string>) =>
  Object.entries(table)
    .map(([property, sql]) => `${sql} as "${property}"`)
    .join(', ');

const DEMAND_KEYS = Object.keys(demandTable('d')) as (keyof FinancingDemandType)[];
const OFFER_KEYS = Object.keys(offerTable('o', 'd')) as (keyof FinancingOfferType)[];
const PRODUCT_KEYS = Object.keys(productTable('p')) as (keyof CreditProductType)[];

/** The select list of a demand view from `d`; the statement joins clockOf(d). */
export const demandColumns = (d: string) => selectList(demandTable(d));
/** The select list of an offer view from `o` and its demand `d`; the statement joins clockOf(d). */
export const offerColumns = (o: string, d: string) => selectList(offerTable(o, d));
export const productColumns = (p: string) => selectList(productTable(p));
export const bankColumns = (b: string) => selectList(bankTable(b));

/** `from financing_demands d` with the clock join the demand columns read (parameter: now). */
export const DEMANDS_FROM = `financing_demands d ${clockOf('d')}`;
/** Offers `o` with their demands `d` and the clock join (parameter: now). */
export const OFFERS_FROM = `financing_offers o join financing_demands d on d.id = o.demand_id ${clockOf('d')}`;

/** An instance of `type` with the properties of `keys` from a row (other columns of the row stay out). */
function viewOf<T extends object>(type: new () => T, keys: readonly (keyof T)[], row: Record<string, unknown>): T {
  const view = new type() as Record<keyof T, unknown>;
  for (const key of keys) view[key] = row[key as string];
  return view as T;
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

export function demandView(row: Record<string, unknown>, locale: Locale): FinancingDemandType {
  const demand = viewOf(FinancingDemandType, DEMAND_KEYS, row);
  demand.industry = industryOf(row.industry as string, locale);
  return demand;
}

export const offerView = (row: Record<string, unknown>) => viewOf(FinancingOfferType, OFFER_KEYS, row);

/** jsonb lists: parsed by the pg driver, text from PGlite. */
const jsonList = <T>(value: T[] | string): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : value);

export function productView(row: Record<string, unknown>): CreditProductType {
  const product = viewOf(CreditProductType, PRODUCT_KEYS, row);
  product.guaranteeTypes = jsonList(product.guaranteeTypes);
  product.audience = jsonList(product.audience);
  return product;
}

export const bankView = (row: Record<string, unknown>) => viewOf(BankType, ['id', 'name', 'uscc'], row);

/** A row with the sort key of its list, for the cursor (never part of the view). */
export type Keyed = Record<string, unknown> & { id: string; cursorKey: string };

/** Runs one SELECT on the operation's connection (inside its transaction when there is one). */
export function select<T>(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<T[]> {
  return ctx.em.execute<T[]>(sql, params as never[]);
}
