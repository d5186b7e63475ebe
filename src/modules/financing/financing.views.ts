import type { RequestContext } from '../../shared/context.js';
import type { Locale } from '../../shared/messages.js';
import { money as moneyOf } from '../../shared/money.js';
import { IndustryType, industryView } from '../names/index.js';
import type { EnterpriseSummaryReader } from '../registration/index.js';
import { clockOf } from './financing.expiry.js';
import { BankType, CreditProductType, FinancingDemandType, FinancingOfferType } from './financing.types.js';

// The read model of financing: each object type is read straight from SQL into an instance of itself,
// so its fields resolve as plain properties, without any resolver function. The tables
// below say, for every property of a type, the SQL that gives its value; TypeScript holds each table
// complete (a property added to the type without a column does not compile). Rates come as their API
// text and instants as the API's ISO text with the +08:00 offset, written by PostgreSQL once; amounts
// in fen become Money here; the status of a demand or offer applies expiry by the clock
// (financing.expiry.ts), through the `${d}c` join of clockOf(d), whose parameter is now. A demand's
// enterprise comes in the same row, as the registration module's summary of it.

/** The SQL of a property, and how to read its value when the driver's is not the API's. */
type Column = string | { sql: string; read: (value: unknown) => unknown };
/** The column of each property of a view, for table alias(es) given when the statement is built. */
type Columns<T> = { readonly [K in keyof T]-?: Column };

/** An instant as the API writes it: ISO 8601 in China Standard Time (UTC+8, no daylight saving since 1991). */
export const apiInstant = (column: string) =>
  `to_char(${column} at time zone interval '+08:00', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"')`;

/** A sort key instant for a cursor: exact (microseconds), in UTC (financing.cursor.ts checks the shape). */
export const cursorInstant = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An amount in fen, read as the Money object ({ amount: "1234.56", currency: "CNY" }). */
const money = (fen: string): Column => ({
  sql: `${fen}::text`,
  read: (value) => (value === null ? null : moneyOf(value as string)),
});

/** A numeric(7,4) rate as the API writes it: at least two decimals ("4.3500" → "4.35", "4.0000" → "4.00"). */
const rate = (column: string) => `round(${column}, greatest(scale(trim_scale(${column})), 2))::text`;

function demandTable(d: string): Columns<Omit<FinancingDemandType, 'enterprise'>> {
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
    disbursedAmount: money(`${o}.disbursed_amount_fen`),
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

const selectList = (table: Record<string, Column>) =>
  Object.entries(table)
    .map(([property, column]) => `${typeof column === 'string' ? column : column.sql} as "${property}"`)
    .join(', ');

/** The properties of a view with the reader of each that has one. */
type Readers = [property: string, read: ((value: unknown) => unknown) | null][];
const readersOf = (table: Record<string, Column>): Readers =>
  Object.entries(table).map(([property, column]) => [property, typeof column === 'string' ? null : column.read]);

const DEMAND = readersOf(demandTable('d'));
const ENTERPRISE_PREFIX = 'e_';
const OFFER = readersOf(offerTable('o', 'd'));
const PRODUCT = readersOf(productTable('p'));
const BANK = readersOf(bankTable('b'));

/**
 * The select list of a demand view from `d` and, when given, its enterprise's summary from `e`; the
 * statement joins clockOf(d) and the enterprise (demandsFrom).
 */
export const demandColumns = (d: string, enterprises: EnterpriseSummaryReader | null) =>
  enterprises
    ? `${selectList(demandTable(d))}, ${enterprises.columns('e', ENTERPRISE_PREFIX)}`
    : selectList(demandTable(d));
/** The select list of an offer view from `o` and its demand `d`; the statement joins clockOf(d). */
export const offerColumns = (o: string, d: string) => selectList(offerTable(o, d));
export const productColumns = (p: string) => selectList(productTable(p));
export const bankColumns = (b: string) => selectList(bankTable(b));

/** The join of demand `d`'s enterprise `e`, when its summary is read. */
export const enterpriseJoin = (enterprises: EnterpriseSummaryReader | null, d = 'd') =>
  enterprises ? `left join "${enterprises.table}" e on e.id = ${d}.enterprise_id` : '';

/** `from financing_demands d` with the joins the demand columns read (parameter: now). */
export const demandsFrom = (enterprises: EnterpriseSummaryReader | null) =>
  `financing_demands d ${clockOf('d')} ${enterpriseJoin(enterprises)}`;
/** Offers `o` with their demands `d` and the clock join (parameter: now). */
export const OFFERS_FROM = `financing_offers o join financing_demands d on d.id = o.demand_id ${clockOf('d')}`;

/** An instance of `type` with its properties read from a row (other columns of the row stay out). */
function viewOf<T extends object>(type: new () => T, readers: Readers, row: Record<string, unknown>): T {
  const view = new type() as Record<string, unknown>;
  for (const [property, read] of readers) view[property] = read ? read(row[property]) : row[property];
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

export function demandView(
  row: Record<string, unknown>,
  locale: Locale,
  enterprises: EnterpriseSummaryReader | null,
): FinancingDemandType {
  const demand = viewOf(FinancingDemandType, DEMAND, row);
  demand.industry = industryOf(row.industry as string, locale);
  if (enterprises) demand.enterprise = enterprises.read(row, ENTERPRISE_PREFIX)!;
  return demand;
}

export const offerView = (row: Record<string, unknown>) => viewOf(FinancingOfferType, OFFER, row);

/** jsonb lists: parsed by the pg driver, text from PGlite. */
const jsonList = <T>(value: T[] | string): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : value);

export function productView(row: Record<string, unknown>): CreditProductType {
  const product = viewOf(CreditProductType, PRODUCT, row);
  product.guaranteeTypes = jsonList(product.guaranteeTypes);
  product.audience = jsonList(product.audience);
  return product;
}

export const bankView = (row: Record<string, unknown>) => viewOf(BankType, BANK, row);

/** A row with the sort key of its list, for the cursor (never part of the view). */
export type Keyed = Record<string, unknown> & { id: string; cursorKey: string };

/** Runs one SELECT on the operation's connection (inside its transaction when there is one). */
export function select<T>(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<T[]> {
  return ctx.em.execute<T[]>(sql, params as never[]);
}
