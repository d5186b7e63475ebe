import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize, emptyPageInfo, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { selectPrepared } from '../../db/prepared.js';
import { onReplica } from '../../db/replicas.js';
import { bankOf, isPartnerReader } from './financing.access.js';
import { decodeCursor, encodeCursor, pageInfoOf } from './financing.cursor.js';
import { VIEW_NOW, demandStatusCondition, offerStatusCondition, type Condition } from './financing.expiry.js';
import {
  enterpriseSummaryReader,
  type EnterpriseSummary,
  type EnterpriseSummaryReader,
} from '../registration/index.js';
import {
  FinancingDemandOrderField,
  FinancingDemandStatus,
  FinancingOfferStatus,
  OrderDirection,
} from './financing.enums.js';
import { parseDemandFilter, type DemandFilter } from './financing.filter.js';
import type { FinancingDemandFilter, FinancingDemandOrder } from './financing.inputs.js';
import type { NestedPage } from './financing.loaders.js';
import { demandSelection, nodeFields } from './financing.lookahead.js';
import { FinancingDemandType, FinancingOfferType } from './financing.types.js';
import { asViews, countRows, cursorInstant, viewList, viewSelect, type ViewSelect } from './financing.view.js';

// The bank search, the busiest query of the platform. One statement finds the page: every filter is
// a condition on the partial indexes of open demands (migration Financing), which carry the filter
// columns as trailing keys, so PostgreSQL walks the index in sort order, checks each entry inside the
// index and reads the table only for the rows it returns. Keyset pagination: page 2,000 costs what
// page 1 costs. Several districts become one index walk per district, merged.

interface Sql {
  where: string[];
  params: unknown[];
}

function add(sql: Sql, clause: string | Condition, ...params: unknown[]): void {
  sql.where.push(typeof clause === 'string' ? clause : clause.sql);
  sql.params.push(...(typeof clause === 'string' ? params : clause.params));
}

/**
 * Conditions of the filter except districts and the keyset; `bankId`: the viewing bank, if any; `amount`: the
 * expression the amount bounds compare (see demandSearchStatement).
 */
function filterConditions(filter: DemandFilter, now: Date, bankId: string | null, amount = 'd.amount_fen'): Sql {
  const sql: Sql = { where: [], params: [] };
  add(sql, demandStatusCondition(filter.status, now));
  if (bankId && filter.status !== FinancingDemandStatus.OPEN) {
    // Past the open stage, a bank sees only the demands it made an offer on.
    add(sql, 'exists (select 1 from financing_offers o where o.demand_id = d.id and o.bank_id = ?)', bankId);
  }
  if (filter.industries) add(sql, 'd.industry in (?)', filter.industries);
  if (filter.amountMinFen !== null) add(sql, `${amount} >= ?`, filter.amountMinFen);
  if (filter.amountMaxFen !== null) add(sql, `${amount} <= ?`, filter.amountMaxFen);
  if (filter.termMonthsMax !== null) add(sql, 'd.term_months <= ?', filter.termMonthsMax);
  if (filter.guaranteeTypes) add(sql, 'd.guarantee_type in (?)', filter.guaranteeTypes);
  if (filter.foreignInvested !== null) add(sql, 'd.foreign_invested = ?', filter.foreignInvested);
  if (filter.publishedAfter) add(sql, 'd.published_at >= ?', filter.publishedAfter);
  return sql;
}

export interface DemandOrder {
  field: FinancingDemandOrderField;
  direction: OrderDirection;
}

export function orderOf(input: FinancingDemandOrder | null | undefined): DemandOrder {
  return {
    field: input?.field ?? FinancingDemandOrderField.PUBLISHED_AT,
    direction: input?.direction ?? OrderDirection.DESC,
  };
}

/** The demands a viewer may search (partner keys: open only). */
function searchable(ctx: RequestContext, filter: DemandFilter): boolean {
  return !isPartnerReader(ctx.viewer) || filter.status === FinancingDemandStatus.OPEN;
}

function emptyConnection<T>(): ConnectionData<T> {
  return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
}

/** What to read of each row of the page, and what to bring along with it, in the same statement. */
export interface PageExtras {
  /** The demand fields the query selects (financing.lookahead.ts); null: all. */
  fields?: ReadonlySet<string> | null;
  /** The enterprise summary's columns (registration's reader, prefixed `e_`), joined by primary key. */
  enterprise?: EnterpriseSummaryReader | null;
  /** The viewing bank's newest offers (first + 1 of them, the selected fields) as a JSON array in `pageOffers`. */
  offers?: { bankId: string; first: number; fields: ReadonlySet<string> | null } | null;
}

/**
 * The statement of one search page: `size + 1` rows (the extra one tells whether a next page exists),
 * with what the query selects of each row's enterprise and of the viewing bank's offers joined in, so
 * that a page costs one round trip. Pure, so the benchmark can EXPLAIN exactly what the server runs.
 *
 * Two steps, as an index can serve them best: `page` finds the ids in sort order from the partial
 * index of open demands alone (an index-only scan: every filter column is a key of it), then only
 * those rows are read. The statement runs prepared (db/prepared.ts), so PostgreSQL plans it without
 * seeing the values: ordered by time, the amount bounds are written `amount_fen + 0`, which keeps a
 * plan from choosing the amount index on a guessed selectivity and sorting a whole district.
 */
export function demandSearchStatement(
  filter: DemandFilter,
  order: DemandOrder,
  cursor: [string, string] | null,
  size: number,
  now: Date,
  bankId: string | null,
  extras: PageExtras = {},
): { sql: string; params: unknown[]; view: ViewSelect } {
  const byTime = order.field === FinancingDemandOrderField.PUBLISHED_AT;
  const base = filterConditions(filter, now, bankId, byTime ? 'd.amount_fen + 0' : 'd.amount_fen');
  const desc = order.direction === OrderDirection.DESC;
  const keyColumn = byTime ? 'd.published_at' : 'd.amount_fen';
  const keyCast = byTime ? 'timestamptz' : 'bigint';
  const direction = desc ? 'desc' : 'asc';
  const orderBy = `order by ${keyColumn} ${direction}, d.id ${direction}`;
  const page = { where: [...base.where], params: [...base.params] };
  if (cursor) add(page, `(${keyColumn}, d.id) ${desc ? '<' : '>'} (?::${keyCast}, ?::uuid)`, cursor[0], cursor[1]);
  const limit = size + 1;
  const keys = `d.id, ${keyColumn} as sort_key`;
  let ids: { sql: string; params: unknown[] };
  if (!filter.districts || filter.districts.length === 1) {
    const where = filter.districts ? ['d.district = ?', ...page.where] : page.where;
    ids = {
      sql: `select ${keys} from financing_demands d where ${where.join(' and ')} ${orderBy} limit ?`,
      params: [...(filter.districts ?? []), ...page.params, limit],
    };
  } else {
    // One ordered index walk per district, then the best `limit` of their union.
    const branch = `(select ${keys} from financing_demands d where d.district = ? and ${page.where.join(' and ')} ${orderBy} limit ?)`;
    ids = {
      sql: `select * from (${filter.districts.map(() => branch).join(' union all ')}) x order by x.sort_key ${direction}, x.id ${direction} limit ?`,
      params: [...filter.districts.flatMap((district) => [district, ...page.params, limit]), limit],
    };
  }
  // The cursor reads the exact sort key (microseconds), not the API's text of the instant.
  const view = viewSelect(FinancingDemandType, extras.fields ?? null);
  const select = [view.sql, `${byTime ? cursorInstant('p.sort_key') : 'p.sort_key::text'} as "cursorKey"`];
  const joins = ['join financing_demands d on d.id = p.id'];
  const params = [now, ...ids.params];
  const { enterprise, offers } = extras;
  if (enterprise) {
    select.push(enterprise.columns('e', 'e_'));
    joins.push(`left join "${enterprise.table}" e on e.id = d.enterprise_id`);
  }
  if (offers) {
    select.push('lo.offers as "pageOffers"');
    joins.push(`left join lateral (
      select json_agg(x order by x.rn) as offers from (
        select ${viewSelect(FinancingOfferType, offers.fields).sql}, ${cursorInstant('o.created_at')} as "cursorKey",
          row_number() over (order by o.created_at desc, o.id desc) as rn
        from financing_offers o
        where o.demand_id = d.id and o.bank_id = ? order by o.created_at desc, o.id desc limit ?
      ) x) lo on true`);
    params.push(offers.bankId, offers.first + 1);
  }
  return {
    sql: `with ${VIEW_NOW}, page as materialized (${ids.sql})
    select ${select.join(', ')} from n, page p ${joins.join(' ')} order by p.sort_key ${direction}, p.id ${direction}`,
    params,
    view,
  };
}

/** A search page's viewing-bank offers of one row, read by the `offers` field (financing-fields.resolver.ts). */
export type PageOffers = NestedPage<FinancingOfferType> & { size: number; bankId: string };

// What a search page brought along for its rows, beside the rows rather than on them (the view objects
// carry only what the API shows): the field resolvers look here before their DataLoaders. Weak, so a
// page's entries go with its rows.
export const pageEnterprises = new WeakMap<FinancingDemandType, EnterpriseSummary | null>();
export const pageOffers = new WeakMap<FinancingDemandType, PageOffers>();

/**
 * One page of demands matching the filter, keyset-paginated. Read from a replica when one is healthy
 * (a search may be up to REPLICA_MAX_LAG_MS old), from the primary once the request has written.
 */
export function searchDemands(
  ...args: Parameters<typeof searchDemandPage>
): Promise<ConnectionData<FinancingDemandType>> {
  return onReplica(() => searchDemandPage(...args));
}

async function searchDemandPage(
  ctx: RequestContext,
  filterInput: FinancingDemandFilter | null | undefined,
  orderInput: FinancingDemandOrder | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<ConnectionData<FinancingDemandType>> {
  const filter = parseDemandFilter(filterInput);
  const size = checkPageSize(ctx, first);
  const order = orderOf(orderInput);
  const byTime = order.field === FinancingDemandOrderField.PUBLISHED_AT;
  const cursor = decodeCursor(ctx, after, byTime ? 'time' : 'integer');
  if (!searchable(ctx, filter)) return emptyConnection();
  const now = ctx.deps.clock.now();
  const bankId = bankOf(ctx.viewer);

  const count = filterConditions(filter, now, bankId);
  if (filter.districts) add(count, 'd.district in (?)', filter.districts);
  // Counted only if asked for, after the page: on the replica too.
  const totalCount = lazy(() => onReplica(() => countRows(ctx, 'financing_demands d', count.where, count.params)));
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };

  // What the query selects of the rows, their enterprises and offers comes in the same statement.
  const selection = info ? demandSelection(info) : null;
  const enterpriseReader = selection?.enterprise ? enterpriseSummaryReader(ctx, selection.enterprise) : null;
  const offers =
    bankId && selection && selection.offersFirst !== null
      ? { bankId, first: checkPageSize(ctx, selection.offersFirst), fields: selection.offerFields }
      : null;
  const extras: PageExtras = { fields: selection?.fields ?? null, enterprise: enterpriseReader, offers };
  const { sql, params, view } = demandSearchStatement(filter, order, cursor, size, now, bankId, extras);
  const rows = await selectPrepared<Record<string, unknown>>(ctx.em, sql, params);
  const hasNextPage = rows.length > size;
  if (hasNextPage) rows.length = size;
  const nodes = asViews<FinancingDemandType>(rows, view, ctx);
  const offerView = offers ? viewSelect(FinancingOfferType, offers.fields) : null;
  const edges = nodes.map((node, i) => {
    const row = rows[i]!;
    // Without a summary reader (a field needs the whole entity), `enterprise` goes through the registration loader.
    if (enterpriseReader) pageEnterprises.set(node, enterpriseReader.read(row, 'e_'));
    if (offers)
      pageOffers.set(node, offerPage(ctx, row.pageOffers as Record<string, unknown>[] | null, offers, offerView!));
    return { cursor: encodeCursor(row.cursorKey as string, node.id), node };
  });
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}

function offerPage(
  ctx: RequestContext,
  rows: Record<string, unknown>[] | null,
  offers: { bankId: string; first: number },
  view: ViewSelect,
): PageOffers {
  const list = rows ?? [];
  const hasNextPage = list.length > offers.first;
  if (hasNextPage) list.length = offers.first;
  const nodes = asViews<FinancingOfferType>(list, view, ctx);
  const items = nodes.map((node, i) => ({ cursor: encodeCursor(list[i]!.cursorKey as string, node.id), node }));
  return { items, hasNextPage, size: offers.first, bankId: offers.bankId };
}

/** The demands of the enterprises the viewer acts for (optionally one of them), newest first. */
export function myDemands(
  ctx: RequestContext,
  enterpriseIds: string[],
  status: FinancingDemandStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<ConnectionData<FinancingDemandType>> {
  const size = checkPageSize(ctx, first);
  const cursor = decodeCursor(ctx, after, 'time');
  if (enterpriseIds.length === 0) return Promise.resolve(emptyConnection());
  const now = ctx.deps.clock.now();
  const list = { from: 'financing_demands d', where: ['d.enterprise_id in (?)'], params: [enterpriseIds] as unknown[] };
  if (status) add(list, demandStatusCondition(status, now));
  return viewList(ctx, FinancingDemandType, { ...list, key: 'd.published_at', now }, size, cursor, nodeFields(info));
}

/** The offers of the viewer's bank, newest first, optionally in one status (as effective by the clock). */
export function bankOffers(
  ctx: RequestContext,
  bankId: string,
  status: FinancingOfferStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<ConnectionData<FinancingOfferType>> {
  const size = checkPageSize(ctx, first);
  const cursor = decodeCursor(ctx, after, 'time');
  const now = ctx.deps.clock.now();
  const from = 'financing_offers o join financing_demands d on d.id = o.demand_id';
  const list = { from, where: ['o.bank_id = ?'], params: [bankId] as unknown[] };
  if (status) add(list, offerStatusCondition(status, now));
  return viewList(ctx, FinancingOfferType, { ...list, key: 'o.created_at', now }, size, cursor, nodeFields(info));
}
