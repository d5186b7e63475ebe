import { Cursor, type EntityClass, type EntityDictionary } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import {
  checkCursor,
  checkPageSize,
  emptyPageInfo,
  lazy,
  type ConnectionData,
  type PageArgs,
} from '../../shared/graphql/connection.js';
import { byKeys, defineLoader, groupByKeys } from '../../shared/loaders.js';
import { DocumentForwarding, Host, HostedAddress, HostingAgreement } from './hosting.entity.js';
import { HostingAgreementStatus } from './hosting.enums.js';

// Batched reads by id: every field below a list costs one statement for the whole page.

export const hostById = defineLoader<string, Host | null>('hosting.hostById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(Host, { id: { $in: [...ids] } }), (h) => h.id),
);

export const addressById = defineLoader<string, HostedAddress | null>('hosting.addressById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(HostedAddress, { id: { $in: [...ids] } }), (a) => a.id),
);

export const agreementById = defineLoader<string, HostingAgreement | null>('hosting.agreementById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(HostingAgreement, { id: { $in: [...ids] } }), (a) => a.id),
);

/** Every listing of each enterprise, newest first (current and past: both are public facts). */
/** The address each enterprise is hosted at now (its active agreement's), or null. */
export const hostedAddressByEnterprise = defineLoader<string, HostedAddress | null>(
  'hosting.hostedAddressByEnterprise',
  async (ctx, ids) => {
    const agreements = await ctx.em.find(
      HostingAgreement,
      { enterpriseId: { $in: [...ids] }, status: HostingAgreementStatus.ACTIVE },
      { fields: ['enterpriseId', 'addressId'] },
    );
    const addresses = agreements.length
      ? await ctx.em.find(HostedAddress, { id: { $in: agreements.map((a) => a.addressId) } })
      : [];
    return ids.map((id) => {
      const agreement = agreements.find((a) => a.enterpriseId === id);
      return (agreement && addresses.find((a) => a.id === agreement.addressId)) ?? null;
    });
  },
);

// --- nested lists ---------------------------------------------------------------------------------

/** One kind of nested list: the rows of `table` under each parent of `parentTable`, in one keyset order. */
interface NestedList<E extends object> {
  name: string;
  entity: EntityClass<E>;
  parentTable: string;
  table: string;
  parentColumn: string;
  parentOf: (row: E) => string;
  /** The sort key, id last, all in one direction: each property with its column and SQL type. */
  sortKey: { property: keyof E & string; column: string; type: string }[];
  direction: 'asc' | 'desc';
}

/** "a|b|c" as ["a", "b|c"]. */
function splitAtBar(key: string): [string, string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar), key.slice(bar + 1)];
}

/**
 * The batched pages of a nested list. A page's key is `${parentId}|${first}|${after}` (cursors are
 * base64url, so never contain '|'); the keys of one batch that share first and after are one statement,
 * whatever the number of parents: a lateral join reads each parent's next rows from its index. Cursors
 * are paginate's, so a page's endCursor turns to the next page through the same loader.
 */
function nestedList<E extends object>(list: NestedList<E>) {
  const orderBy = Object.fromEntries(list.sortKey.map((k) => [k.property, list.direction]));
  const columns = list.sortKey.map((k) => `c.${k.column}`).join(', ');
  const order = list.sortKey.map((k) => `c.${k.column} ${list.direction}`).join(', ');

  const total = defineLoader<string, number>(`${list.name}.total`, async (ctx, parentIds) => {
    const rows = await ctx.em.execute<{ parent: string; n: string }[]>(
      `select c.${list.parentColumn} as parent, count(*) as n from ${list.table} c
       where c.${list.parentColumn} in (?) group by c.${list.parentColumn}`,
      [[...parentIds]],
    );
    const counts = new Map(rows.map((r) => [String(r.parent), Number(r.n)]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  });

  const pages = defineLoader<string, ConnectionData<E>>(`${list.name}.pages`, async (ctx, keys) => {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const [parentId, shape] = splitAtBar(key);
      groups.set(shape, [...(groups.get(shape) ?? []), parentId]);
    }
    const result = new Map<string, ConnectionData<E>>();
    for (const [shape, parentIds] of groups) {
      const [size, cursor] = splitAtBar(shape);
      const first = Number(size);
      const after = cursor || null;
      const params: unknown[] = [];
      let keyset = '';
      if (after) {
        const values = Cursor.decode(after) as unknown[];
        keyset = ` and (${columns}) ${list.direction === 'asc' ? '>' : '<'} (${list.sortKey.map((k) => `?::${k.type}`).join(', ')})`;
        params.push(...values);
      }
      params.push(first + 1, parentIds);
      const rows = await ctx.em.execute<EntityDictionary<E>[]>(
        `select c.* from ${list.parentTable} p cross join lateral (
           select * from ${list.table} c where c.${list.parentColumn} = p.id${keyset} order by ${order} limit ?
         ) c where p.id in (?) order by c.${list.parentColumn}, ${order}`,
        params,
      );
      const byParent = groupByKeys(
        parentIds,
        rows.map((row) => ctx.em.map(list.entity, row)),
        list.parentOf,
      );
      parentIds.forEach((parentId, i) => {
        const all = byParent[i]!;
        const edges = all.slice(0, first).map((node) => ({
          cursor: Cursor.encode(list.sortKey.map((k) => node[k.property])),
          node,
        }));
        result.set(`${parentId}|${shape}`, {
          edges,
          pageInfo: {
            hasNextPage: all.length > first,
            hasPreviousPage: after !== null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          totalCount: lazy(() => ctx.loaders.get(total).load(parentId)),
        });
      });
    }
    return keys.map((key) => result.get(key)!);
  });

  /** One parent's page, checked as paginate checks it (size, cursor), batched with its siblings'. */
  return (ctx: RequestContext, parentId: string, page: PageArgs): Promise<ConnectionData<E>> | ConnectionData<E> => {
    const first = checkPageSize(ctx, page.first);
    const after = checkCursor(ctx, list.entity, orderBy, page.after) ?? '';
    if (first === 0) {
      return { edges: [], pageInfo: emptyPageInfo(), totalCount: lazy(() => ctx.loaders.get(total).load(parentId)) };
    }
    return ctx.loaders.get(pages).load(`${parentId}|${first}|${after}`);
  };
}

/** A host's addresses, oldest first. */
export const addressesOfHost = nestedList({
  name: 'hosting.addressesOfHost',
  entity: HostedAddress,
  parentTable: 'hosts',
  table: 'hosted_addresses',
  parentColumn: 'host_id',
  parentOf: (a) => a.hostId,
  sortKey: [
    { property: 'createdAt', column: 'created_at', type: 'timestamptz' },
    { property: 'id', column: 'id', type: 'uuid' },
  ],
  direction: 'asc',
});

/** The items forwarded under an agreement, newest first. */
export const forwardingsOfAgreement = nestedList({
  name: 'hosting.forwardingsOfAgreement',
  entity: DocumentForwarding,
  parentTable: 'hosting_agreements',
  table: 'document_forwardings',
  parentColumn: 'agreement_id',
  parentOf: (f) => f.agreementId,
  sortKey: [
    { property: 'forwardedOn', column: 'forwarded_on', type: 'date' },
    { property: 'id', column: 'id', type: 'uuid' },
  ],
  direction: 'desc',
});
