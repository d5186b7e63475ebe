import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize, emptyPageInfo, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { bankOf, isPartnerReader } from './financing.access.js';
import { decodeCursor, encodeCursor, pageInfoOf } from './financing.cursor.js';
import {
  FinancingDemandOrderField,
  FinancingDemandStatus,
  FinancingOfferStatus,
  OrderDirection,
} from './financing.enums.js';
import { selectPrepared } from '../../db/prepared.js';
import { onReplica } from '../../db/replicas.js';
import { parseDemandFilter, type DemandFilter } from './financing.filter.js';
import { demandSelection } from './financing.lookahead.js';
import { enterpriseSummaryReader, type EnterpriseSummaryReader } from '../registration/index.js';
import { expiredByClock, openByClock, clockOf } from './financing.expiry.js';
import { nestedPage, offersPage } from './financing.loaders.js';
import type { FinancingDemandFilter, FinancingDemandOrder } from './financing.inputs.js';
import {
  OFFERS_FROM,
  cursorInstant,
  demandColumns,
  demandsFrom,
  enterpriseJoin,
  demandView,
  offerColumns,
  offerView,
  select,
  type Keyed,
} from './financing.views.js';
import type { FinancingDemandType, FinancingOfferType } from './financing.types.js';

// The bank search, the busiest query of the platform. One statement finds the page: every filter is
// a condition on the partial indexes of open demands (migration Financing), which carry the filter
// columns as trailing keys, so PostgreSQL walks the index in sort order, checks each entry inside the
// index and reads the table only for the rows it returns. Keyset pagination: page 2,000 costs what
// page 1 costs. Several districts become one index walk per district, merged.

interface Sql {
  where: string[];
  params: unknown[];
}

function add(sql: Sql, clause: string, ...params: unknown[]): void {
  sql.where.push(clause);
  sql.params.push(...params);
}

/**
 * Conditions of the filter except districts and the keyset; `bankId`: the viewing bank, if any; `amount`: the
 * expression the amount bounds compare (see demandSearchStatement).
 */
function filterConditions(filter: DemandFilter, now: Date, bankId: string | null, amount = 'd.amount_fen'): Sql {
  const sql: Sql = { where: [], params: [] };
  switch (filter.status) {
    case FinancingDemandStatus.OPEN:
      add(sql, openByClock('d'), now);
      break;
    case FinancingDemandStatus.EXPIRED:
      add(sql, `(d.status = 'EXPIRED' or ${expiredByClock('d')})`, now);
      break;
    default:
      add(sql, 'd.status = ?', filter.status);
  }
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

export interface SearchStatement {
  sql: string;
  params: unknown[];
}

/** What to bring along with each row of the page, in the same statement. */
export interface PageExtras {
  /** The enterprise's summary columns (prefixed `e_`), joined by primary key. */
  enterprise?: EnterpriseSummaryReader | null;
  /** The viewing bank's newest offers (first + 1 of them) as a JSON array in column `offers`. */
  offers?: { bankId: string; first: number } | null;
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
): SearchStatement {
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
  let ids: SearchStatement;
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
  const cursorKey = byTime ? cursorInstant('p.sort_key') : 'p.sort_key::text';
  const { enterprise = null, offers } = extras;
  const select = [demandColumns('d', enterprise), `${cursorKey} as "cursorKey"`];
  const joins = [`join financing_demands d on d.id = p.id ${clockOf('d')} ${enterpriseJoin(enterprise)}`];
  const params = [...ids.params, now];
  if (offers) {
    select.push('o.offers');
    joins.push(`left join lateral (
      select json_agg(x order by x.rn) as offers from (
        select ${offerColumns('f', 'd')}, ${cursorInstant('f.created_at')} as "cursorKey",
          row_number() over (order by f.created_at desc, f.id desc) as rn
        from financing_offers f
        where f.demand_id = d.id and f.bank_id = ? order by f.created_at desc, f.id desc limit ?
      ) x) o on true`);
    params.push(offers.bankId, offers.first + 1);
  }
  return {
    sql: `with page as materialized (${ids.sql})
    select ${select.join(', ')} from page p ${joins.join(' ')} order by p.sort_key ${direction}, p.id ${direction}`,
    params,
  };
}

/**
 * One page of demands matching the filter, keyset-paginated. Read from a replica when one is healthy
 * (a search may be up to REPLICA_MAX_LAG_MS old), from the primary once the request has written.
 */
export function searchDemands(
  ctx: RequestContext,
  filterInput: FinancingDemandFilter | null | undefined,
  orderInput: FinancingDemandOrder | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  info?: GraphQLResolveInfo,
): Promise<ConnectionData<FinancingDemandType>> {
  return onReplica(() => searchDemandPage(ctx, filterInput, orderInput, first, after, info));
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

  const countDemands = async () => {
    const count = filterConditions(filter, now, bankId);
    if (filter.districts) add(count, 'd.district in (?)', filter.districts);
    const [row] = await select<{ count: number }>(
      ctx,
      `select count(*)::int as count from financing_demands d where ${count.where.join(' and ')}`,
      count.params,
    );
    return row?.count ?? 0;
  };
  // Counted only if asked for, after the page: on the replica too.
  const totalCount = lazy(() => onReplica(countDemands));
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };

  // What the query selects of the rows' enterprises and offers comes in the same statement; the offers
  // prime the loader the field resolver reads them through.
  const selection = demandSelection(info);
  const enterprises = selection.enterprise ? enterpriseSummaryReader(ctx) : null;
  const offers =
    bankId && selection.offersFirst !== null ? { bankId, first: checkPageSize(ctx, selection.offersFirst) } : null;
  const { sql, params } = demandSearchStatement(filter, order, cursor, size, now, bankId, {
    enterprise: enterprises,
    offers,
  });
  const rows = await selectPrepared<Keyed & { offers?: Keyed[] | null }>(ctx.em, sql, params);
  const hasNextPage = rows.length > size;
  const edges = (hasNextPage ? rows.slice(0, size) : rows).map((row) => {
    const node = demandView(row, ctx.locale, enterprises);
    if (offers)
      ctx.loaders
        .get(offersPage)
        .prime(
          { parentId: node.id, first: offers.first, after: null, bankId: offers.bankId },
          nestedPage(row.offers ?? [], offers.first, offerView),
        );
    return { cursor: encodeCursor(row.cursorKey, row.id), node };
  });
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}

/** A page of views from rows carrying their `cursorKey`, `size` + 1 of them at most. */
function pageOf<T>(rows: Keyed[], size: number, toNode: (row: Keyed) => T) {
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(row.cursorKey, row.id), node: toNode(row) }));
  return { edges, hasNextPage: rows.length > size };
}

/** The demands of the enterprises the viewer acts for (optionally one of them), newest first. */
export async function myDemands(
  ctx: RequestContext,
  enterpriseIds: string[],
  status: FinancingDemandStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<ConnectionData<FinancingDemandType>> {
  const size = checkPageSize(ctx, first);
  const cursor = decodeCursor(ctx, after, 'time');
  if (enterpriseIds.length === 0) return emptyConnection();
  const now = ctx.deps.clock.now();
  const sql: Sql = { where: [], params: [] };
  add(sql, 'd.enterprise_id in (?)', enterpriseIds);
  if (status === FinancingDemandStatus.OPEN) add(sql, openByClock('d'), now);
  else if (status === FinancingDemandStatus.EXPIRED) add(sql, `(d.status = 'EXPIRED' or ${expiredByClock('d')})`, now);
  else if (status) add(sql, 'd.status = ?', status);
  const totalCount = lazy(async () => {
    const [row] = await select<{ count: number }>(
      ctx,
      `select count(*)::int as count from financing_demands d where ${sql.where.join(' and ')}`,
      sql.params,
    );
    return row?.count ?? 0;
  });
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };
  if (cursor) add(sql, '(d.published_at, d.id) < (?::timestamptz, ?::uuid)', cursor[0], cursor[1]);
  const enterprises = enterpriseSummaryReader(ctx);
  const rows = await select<Keyed>(
    ctx,
    `select ${demandColumns('d', enterprises)}, ${cursorInstant('d.published_at')} as "cursorKey" from ${demandsFrom(enterprises)}
     where ${sql.where.join(' and ')} order by d.published_at desc, d.id desc limit ?`,
    [now, ...sql.params, size + 1],
  );
  const { edges, hasNextPage } = pageOf(rows, size, (row) => demandView(row, ctx.locale, enterprises));
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}

/** The offers of the viewer's bank, newest first, optionally in one status (as stored; pending includes expired-by-clock). */
export async function bankOffers(
  ctx: RequestContext,
  bankId: string,
  status: FinancingOfferStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<ConnectionData<FinancingOfferType>> {
  const size = checkPageSize(ctx, first);
  const cursor = decodeCursor(ctx, after, 'time');
  const now = ctx.deps.clock.now();
  const sql: Sql = { where: [], params: [] };
  add(sql, 'o.bank_id = ?', bankId);
  if (status === FinancingOfferStatus.PENDING) add(sql, `o.status = 'PENDING' and not ${expiredByClock('d')}`, now);
  else if (status === FinancingOfferStatus.EXPIRED)
    add(sql, `(o.status = 'EXPIRED' or (o.status = 'PENDING' and ${expiredByClock('d')}))`, now);
  else if (status) add(sql, 'o.status = ?', status);
  const from = 'financing_offers o join financing_demands d on d.id = o.demand_id';
  const totalCount = lazy(async () => {
    const [row] = await select<{ count: number }>(
      ctx,
      `select count(*)::int as count from ${from} where ${sql.where.join(' and ')}`,
      sql.params,
    );
    return row?.count ?? 0;
  });
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };
  if (cursor) add(sql, '(o.created_at, o.id) < (?::timestamptz, ?::uuid)', cursor[0], cursor[1]);
  const rows = await select<Keyed>(
    ctx,
    `select ${offerColumns('o', 'd')}, ${cursorInstant('o.created_at')} as "cursorKey" from ${OFFERS_FROM}
     where ${sql.where.join(' and ')} order by o.created_at desc, o.id desc limit ?`,
    [now, ...sql.params, size + 1],
  );
  const { edges, hasNextPage } = pageOf(rows, size, offerView);
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}
