import type { RequestContext } from '../../shared/context.js';
import { byKeys, defineLoader } from '../../shared/loaders.js';
import { decodeCursor, encodeCursor } from './financing.cursor.js';
import {
  bankFromRow,
  demandColumns,
  demandFromRow,
  offerColumns,
  offerFromRow,
  productColumns,
  productFromRow,
  select,
  type BankRow,
  type DemandRow,
  type OfferRow,
  type ProductRow,
} from './financing.rows.js';
import { CreditProductStatus } from './financing.enums.js';
import type { BankType, CreditProductType, FinancingDemandType, FinancingOfferType } from './financing.types.js';
import { ContactPersonType } from './financing.types.js';

// One SQL statement per loader and batch, selecting exactly the columns shown. The nested lists (a
// demand's offers, a bank's products) are paginated in SQL per parent with a window function, so 50
// demands with their offers cost one statement, and never more rows than asked for.

export const demandById = defineLoader<string, FinancingDemandType | null>('financing.demandById', async (ctx, ids) => {
  const rows = await select<DemandRow>(ctx, `select ${demandColumns('d')} from financing_demands d where d.id in (?)`, [
    [...ids],
  ]);
  const now = ctx.deps.clock.now().getTime();
  return byKeys(
    ids,
    rows.map((row) => demandFromRow(row, now, ctx.locale)),
    (d) => d.id,
  );
});

export const contactByDemandId = defineLoader<string, ContactPersonType | null>(
  'financing.contactByDemandId',
  async (ctx, ids) => {
    const rows = await select<{
      demandId: string;
      name: string;
      phone: string;
      email: string | null;
      idNumber: string | null;
    }>(
      ctx,
      `select c.demand_id as "demandId", c.name, c.phone, c.email, c.id_number as "idNumber" from financing_demand_contacts c where c.demand_id in (?)`,
      [[...ids]],
    );
    return byKeys(ids, rows, (r) => r.demandId).map((r) =>
      r
        ? Object.assign(new ContactPersonType(), { name: r.name, phone: r.phone, email: r.email, idNumber: r.idNumber })
        : null,
    );
  },
);

/** Whether the viewer's bank made any offer (in any state) on a demand: it may then still see it. */
export const bankHasOffered = defineLoader<string, boolean>('financing.bankHasOffered', async (ctx, demandIds) => {
  const bankId = ctx.viewer.role === 'BANK_OFFICER' ? ctx.viewer.organisationId : null;
  if (!bankId) return demandIds.map(() => false);
  const rows = await select<{ demandId: string }>(
    ctx,
    `select distinct o.demand_id as "demandId" from financing_offers o where o.demand_id in (?) and o.bank_id = ?`,
    [[...demandIds], bankId],
  );
  const found = new Set(rows.map((r) => r.demandId));
  return demandIds.map((id) => found.has(id));
});

export const offerById = defineLoader<string, FinancingOfferType | null>('financing.offerById', async (ctx, ids) => {
  const rows = await select<OfferRow>(
    ctx,
    `select ${offerColumns('o', 'd')} from financing_offers o join financing_demands d on d.id = o.demand_id where o.id in (?)`,
    [[...ids]],
  );
  const now = ctx.deps.clock.now().getTime();
  return byKeys(
    ids,
    rows.map((row) => offerFromRow(row, now)),
    (o) => o.id,
  );
});

export const productById = defineLoader<string, CreditProductType | null>('financing.productById', async (ctx, ids) => {
  const rows = await select<ProductRow>(ctx, `select ${productColumns('p')} from credit_products p where p.id in (?)`, [
    [...ids],
  ]);
  return byKeys(ids, rows.map(productFromRow), (p) => p.id);
});

export const bankById = defineLoader<string, BankType | null>('financing.bankById', async (ctx, ids) => {
  const rows = await select<BankRow>(
    ctx,
    `select o.id, o.name, o.uscc from organisations o where o.id in (?) and o.kind = 'BANK'`,
    [[...ids]],
  );
  return byKeys(ids, rows.map(bankFromRow), (b) => b.id);
});

/** A page of a nested list, for one parent. */
export interface NestedPage<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
}

export interface NestedPageKey {
  parentId: string;
  first: number;
  after: string | null;
  /** Offers: the bank whose offers are shown, or null for all of them. */
  bankId?: string | null;
}

const nestedKey = (key: NestedPageKey) => `${key.parentId}|${key.first}|${key.after ?? ''}|${key.bankId ?? ''}`;

/** Groups keys that share page arguments, so each group is one statement. */
function groupsOf(keys: readonly NestedPageKey[]): NestedPageKey[][] {
  const groups = new Map<string, NestedPageKey[]>();
  for (const key of keys) {
    const shape = `${key.first}|${key.after ?? ''}|${key.bankId ?? ''}`;
    const group = groups.get(shape);
    if (group) group.push(key);
    else groups.set(shape, [key]);
  }
  return [...groups.values()];
}

async function nestedPages<T, R>(
  ctx: RequestContext,
  keys: readonly NestedPageKey[],
  run: (group: NestedPageKey[]) => Promise<(R & { parentId: string; rn: string | number })[]>,
  toNode: (row: R) => T,
  cursorOf: (node: T) => string,
): Promise<NestedPage<T>[]> {
  const pages = new Map<string, NestedPage<T>>();
  for (const group of groupsOf(keys)) {
    const rows = await run(group);
    for (const key of group) pages.set(nestedKey(key), { items: [], hasNextPage: false });
    for (const row of rows) {
      const key = group[0]!;
      const page = pages.get(nestedKey({ ...key, parentId: row.parentId }))!;
      if (Number(row.rn) > key.first) {
        page.hasNextPage = true;
        continue;
      }
      const node = toNode(row);
      page.items.push({ cursor: cursorOf(node), node });
    }
  }
  void ctx;
  return keys.map((key) => pages.get(nestedKey(key))!);
}

/**
 * Offers of each demand, newest first: all of them (bankId null) or one bank's. The caller decides
 * the scope from the viewer; keys of one batch normally share it.
 */
export const offersPage = defineLoader<NestedPageKey, NestedPage<FinancingOfferType>>(
  'financing.offersPage',
  (ctx, keys) => {
    const now = ctx.deps.clock.now().getTime();
    return nestedPages<FinancingOfferType, OfferRow>(
      ctx,
      keys,
      async (group) => {
        const { first, after, bankId } = group[0]!;
        const cursor = decodeCursor(ctx, after, 'time');
        const params: unknown[] = [group.map((k) => k.parentId)];
        let where = 'o.demand_id in (?)';
        if (bankId) {
          where += ' and o.bank_id = ?';
          params.push(bankId);
        }
        if (cursor) {
          where += ' and (o.created_at, o.id) < (?::timestamptz, ?::uuid)';
          params.push(cursor[0], cursor[1]);
        }
        params.push(first + 1);
        return select(
          ctx,
          `select * from (select ${offerColumns('o', 'd')}, o.demand_id as "parentId",
           row_number() over (partition by o.demand_id order by o.created_at desc, o.id desc) as rn
         from financing_offers o join financing_demands d on d.id = o.demand_id where ${where}) x where x.rn <= ?`,
          params,
        );
      },
      (row) => offerFromRow(row, now),
      (offer) => encodeCursor(offer.createdAtText, offer.id),
    );
  },
);

/** Active products of each bank, newest first. */
export const productsPage = defineLoader<NestedPageKey, NestedPage<CreditProductType>>(
  'financing.productsPage',
  (ctx, keys) =>
    nestedPages<CreditProductType, ProductRow>(
      ctx,
      keys,
      async (group) => {
        const { first, after } = group[0]!;
        const cursor = decodeCursor(ctx, after, 'time');
        const params: unknown[] = [group.map((k) => k.parentId), CreditProductStatus.ACTIVE];
        let where = 'p.bank_id in (?) and p.status = ?';
        if (cursor) {
          where += ' and (p.published_at, p.id) < (?::timestamptz, ?::uuid)';
          params.push(cursor[0], cursor[1]);
        }
        params.push(first + 1);
        return select(
          ctx,
          `select * from (select ${productColumns('p')}, p.bank_id as "parentId",
           row_number() over (partition by p.bank_id order by p.published_at desc, p.id desc) as rn
         from credit_products p where ${where}) x where x.rn <= ?`,
          params,
        );
      },
      productFromRow,
      (product) => encodeCursor(product.publishedAtText, product.id),
    ),
);

/** How many offers each demand has in a scope; key "demandId|bankId" (bankId empty: all banks). */
export const offerTotal = defineLoader<string, number>('financing.offerTotal', async (ctx, keys) => {
  const counts = new Map<string, number>();
  const byBank = new Map<string, string[]>();
  for (const key of keys) {
    const [demandId, bankId] = key.split('|') as [string, string];
    byBank.set(bankId, [...(byBank.get(bankId) ?? []), demandId]);
  }
  for (const [bankId, demandIds] of byBank) {
    const rows = await select<{ demandId: string; count: number }>(
      ctx,
      `select o.demand_id as "demandId", count(*)::int as count from financing_offers o
       where o.demand_id in (?) ${bankId ? 'and o.bank_id = ?' : ''} group by o.demand_id`,
      bankId ? [demandIds, bankId] : [demandIds],
    );
    for (const row of rows) counts.set(`${row.demandId}|${bankId}`, row.count);
  }
  return keys.map((key) => counts.get(key) ?? 0);
});

/** How many active products each bank has. */
export const activeProductTotal = defineLoader<string, number>('financing.activeProductTotal', async (ctx, bankIds) => {
  const rows = await select<{ bankId: string; count: number }>(
    ctx,
    `select p.bank_id as "bankId", count(*)::int as count from credit_products p where p.bank_id in (?) and p.status = 'ACTIVE' group by p.bank_id`,
    [[...bankIds]],
  );
  const counts = new Map(rows.map((r) => [r.bankId, r.count]));
  return bankIds.map((id) => counts.get(id) ?? 0);
});
