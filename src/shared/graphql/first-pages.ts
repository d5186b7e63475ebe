import { Cursor, Utils, type EntityName, type EntityProperty, type FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../context.js';
import { defineLoader, type LoaderDefinition } from '../loaders.js';
import { emptyPageInfo, lazy, paginate, type ConnectionData, type PageArgs } from './connection.js';

// The first page of a list under each of many parents (an enterprise's demands, agreements, cases
// on a page of enterprises) in one statement per page size: row_number() over the parent's rows in
// the list's order, cut at `first` + 1. Cursors are paginate's (the sort values and the id), so
// `after` turns to the next page through paginate, for one parent at a time. Counts are one grouped
// statement, run only when a client selects totalCount.

export interface ChildList<E extends object> {
  /** Loader name, unique in the process. */
  name: string;
  entity: EntityName<E>;
  /** The many-to-one property naming the parent. */
  parent: string;
  /** Sort key in order; the id is appended as the tie-breaker. One direction for the whole key. */
  orderBy: readonly string[];
  direction: 'asc' | 'desc';
  /** More conditions, as SQL on the child table's columns (alias `c`) with their parameters. */
  where?: (ctx: RequestContext) => { sql: string; params: unknown[] } | null;
  /** The same conditions as a MikroORM filter, for later pages and the count. */
  filter?: (ctx: RequestContext) => FilterQuery<E>;
}

interface Compiled<E extends object> {
  firstPages: LoaderDefinition<string, ConnectionData<E>>;
  counts: LoaderDefinition<string, number>;
}

const compiled = new Map<string, Compiled<object>>();

function columnOf(props: Record<string, EntityProperty>, name: string): string {
  const prop = props[name];
  if (!prop?.fieldNames?.[0]) throw new Error(`no column for ${name}`);
  return prop.fieldNames[0];
}

function compile<E extends object>(list: ChildList<E>): Compiled<E> {
  const existing = compiled.get(list.name);
  if (existing) return existing as unknown as Compiled<E>;
  const keys = [...list.orderBy, 'id'];
  const meta = (ctx: RequestContext) => ctx.em.getMetadata().get(Utils.className(list.entity));
  const conditions = (ctx: RequestContext, parentIds: string[]) => {
    const props = meta(ctx).properties as Record<string, EntityProperty>;
    const extra = list.where?.(ctx) ?? null;
    return {
      props,
      sql: `c."${columnOf(props, list.parent)}" in (?)${extra ? ` and (${extra.sql})` : ''}`,
      params: [parentIds, ...(extra?.params ?? [])],
    };
  };
  const counts = defineLoader<string, number>(`${list.name}.count`, async (ctx, parentIds) => {
    const { props, sql, params } = conditions(ctx, [...parentIds]);
    const parent = columnOf(props, list.parent);
    const rows = await ctx.em.execute<{ parent: string; n: string }[]>(
      `select c."${parent}" as parent, count(*) as n from "${meta(ctx).tableName}" c where ${sql} group by c."${parent}"`,
      params,
    );
    const byParent = new Map(rows.map((r) => [String(r.parent), Number(r.n)]));
    return parentIds.map((id) => byParent.get(id) ?? 0);
  });
  const firstPages = defineLoader<string, ConnectionData<E>>(list.name, async (ctx, requests) => {
    const bySize = new Map<number, string[]>();
    for (const request of requests) {
      const [parentId, size] = request.split('|') as [string, string];
      bySize.set(Number(size), [...(bySize.get(Number(size)) ?? []), parentId]);
    }
    const pages = new Map<string, ConnectionData<E>>();
    for (const [size, parentIds] of bySize) {
      const { props, sql, params } = conditions(ctx, parentIds);
      const parent = columnOf(props, list.parent);
      const order = keys.map((k) => `c."${columnOf(props, k)}" ${list.direction}`).join(', ');
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select * from (select c.*, row_number() over (partition by c."${parent}" order by ${order}) as rn__
           from "${meta(ctx).tableName}" c where ${sql}) x where x.rn__ <= ? order by x."${parent}", x.rn__`,
        [...params, size + 1],
      );
      const grouped = new Map<string, E[]>();
      for (const row of rows) {
        const { rn__: _rn, ...columns } = row;
        const parentId = String(row[parent]);
        grouped.set(parentId, [...(grouped.get(parentId) ?? []), ctx.em.map(list.entity, columns as never) as E]);
      }
      for (const parentId of parentIds) {
        const all = grouped.get(parentId) ?? [];
        const edges = all.slice(0, size).map((node) => ({
          cursor: Cursor.encode(keys.map((k) => (node as Record<string, unknown>)[k])),
          node,
        }));
        pages.set(`${parentId}|${size}`, {
          edges,
          pageInfo: {
            hasNextPage: all.length > size,
            hasPreviousPage: false,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          totalCount: lazy(() => ctx.loaders.get(counts).load(parentId)),
        });
      }
    }
    return requests.map((request) => pages.get(request)!);
  });
  const result = { firstPages, counts };
  compiled.set(list.name, result as unknown as Compiled<object>);
  return result;
}

/**
 * A page of the list under `parentId`: the first page batched with every other parent's in the
 * operation, a later page (`after`) through paginate.
 */
export async function childPage<E extends object>(
  ctx: RequestContext,
  list: ChildList<E>,
  parentId: string,
  page: PageArgs,
  size: number,
): Promise<ConnectionData<E>> {
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
  const { firstPages } = compile(list);
  if (!page.after) return ctx.loaders.get(firstPages).load(`${parentId}|${size}`);
  const orderBy = Object.fromEntries([...list.orderBy, 'id'].map((k) => [k, list.direction]));
  const where = { [list.parent]: parentId, ...(list.filter?.(ctx) ?? {}) } as FilterQuery<E>;
  return paginate(ctx, list.entity, where, { orderBy: orderBy as never, first: size, after: page.after });
}
