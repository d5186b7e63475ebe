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
import { prefetchEnterprises } from './financing.prefetch.js';
import { demandSelection } from './financing.lookahead.js';
import { enterpriseSummaryReader, type EnterpriseSummaryReader as EnterpriseReader } from '../registration/index.js';
import type { NestedPage } from './financing.loaders.js';
import type { FinancingDemandFilter, FinancingDemandOrder } from './financing.inputs.js';
import {
  demandColumns,
  demandFromRow,
  offerColumns,
  offerFromRow,
  select,
  type DemandRow,
  type OfferRow,
} from './financing.rows.js';
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
      add(sql, `d.status = 'OPEN' and d.expires_at > ?`, now);
      break;
    case FinancingDemandStatus.EXPIRED:
      add(sql, `(d.status = 'EXPIRED' or (d.status = 'OPEN' and d.expires_at <= ?))`, now);
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
  /** Whether the rows need the detail columns (financing.lookahead.ts); default yes. */
  details?: boolean;
  /** The enterprise's lean columns (prefixed `e_`), joined by primary key. */
  enterprise?: EnterpriseReader | null;
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
  const select = [demandColumns('d', extras.details ?? true), 'p.sort_key'];
  const joins = ['join financing_demands d on d.id = p.id'];
  const params = [...ids.params];
  const { enterprise, offers } = extras;
  if (enterprise) {
    select.push(enterprise.columns('e', 'e_'));
    joins.push(`left join "${enterprise.table}" e on e.id = d.enterprise_id`);
  }
  if (offers) {
    select.push('o.offers');
    joins.push(`left join lateral (
      select json_agg(x order by x.rn) as offers from (
        select ${offerColumns('f', 'd')}, row_number() over (order by f.created_at desc, f.id desc) as rn
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

  // What the query selects of the rows' enterprises and offers comes in the same statement.
  const selection = demandSelection(info);
  const enterpriseReader = selection.enterprise !== null ? enterpriseSummaryReader(ctx, selection.enterprise) : null;
  const offers =
    bankId && selection.offersFirst !== null ? { bankId, first: checkPageSize(ctx, selection.offersFirst) } : null;
  const extras: PageExtras = { details: selection.details, enterprise: enterpriseReader, offers };
  const { sql, params } = demandSearchStatement(filter, order, cursor, size, now, bankId, extras);
  const rows = await selectPrepared<DemandRow & Record<string, unknown>>(ctx.em, sql, params);
  const nowMs = now.getTime();
  const hasNextPage = rows.length > size;
  const edges = (hasNextPage ? rows.slice(0, size) : rows).map((row) => {
    const node = demandFromRow(row, nowMs, ctx.locale);
    if (extras.enterprise) node.prefetchedEnterprise = extras.enterprise.read(row, 'e_');
    if (offers)
      node.prefetchedOffers = {
        size: offers.first,
        bankId: offers.bankId,
        page: offerPage(row.offers as OfferRow[] | null, offers.first, nowMs),
      };
    return { cursor: encodeCursor(byTime ? node.publishedAtText : node.amountFen, node.id), node };
  });
  // An enterprise field the lean columns cannot serve: the registration module's loader, once for the page.
  if (selection.enterprise !== null && !enterpriseReader)
    await prefetchEnterprises(
      ctx,
      edges.map((edge) => edge.node),
    );
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}

function offerPage(rows: OfferRow[] | null, first: number, nowMs: number): NestedPage<FinancingOfferType> {
  const list = rows ?? [];
  const items = list.slice(0, first).map((row) => {
    const node = offerFromRow(row, nowMs);
    return { cursor: encodeCursor(node.createdAtText, node.id), node };
  });
  return { items, hasNextPage: list.length > first };
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
  if (status === FinancingDemandStatus.OPEN) add(sql, `d.status = 'OPEN' and d.expires_at > ?`, now);
  else if (status === FinancingDemandStatus.EXPIRED)
    add(sql, `(d.status = 'EXPIRED' or (d.status = 'OPEN' and d.expires_at <= ?))`, now);
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
  const rows = await select<DemandRow>(
    ctx,
    `select ${demandColumns('d')} from financing_demands d where ${sql.where.join(' and ')} order by d.published_at desc, d.id desc limit ?`,
    [...sql.params, size + 1],
  );
  const nowMs = now.getTime();
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((row) => {
    const node = demandFromRow(row, nowMs, ctx.locale);
    return { cursor: encodeCursor(node.publishedAtText, node.id), node };
  });
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
  if (status === FinancingOfferStatus.PENDING)
    add(sql, `o.status = 'PENDING' and not (d.status = 'OPEN' and d.expires_at <= ?)`, now);
  else if (status === FinancingOfferStatus.EXPIRED)
    add(sql, `(o.status = 'EXPIRED' or (o.status = 'PENDING' and d.status = 'OPEN' and d.expires_at <= ?))`, now);
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
  const rows = await select<OfferRow>(
    ctx,
    `select ${offerColumns('o', 'd')} from ${from} where ${sql.where.join(' and ')} order by o.created_at desc, o.id desc limit ?`,
    [...sql.params, size + 1],
  );
  const nowMs = now.getTime();
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((row) => {
    const node = offerFromRow(row, nowMs);
    return { cursor: encodeCursor(node.createdAtText, node.id), node };
  });
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}
