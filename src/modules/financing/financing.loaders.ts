import type { RequestContext } from '../../shared/context.js';
import { byKeys, defineLoader } from '../../shared/loaders.js';
import { decodeCursor, encodeCursor } from './financing.cursor.js';
import { VIEW_NOW } from './financing.expiry.js';
import { CreditProductStatus } from './financing.enums.js';
import {
  BankType,
  type ContactPersonType,
  CreditProductType,
  FinancingDemandType,
  FinancingOfferType,
} from './financing.types.js';
import { asViews, cursorInstant, select, viewSelect } from './financing.view.js';

// One SQL statement per loader and batch, reading the whole view (financing.view.ts): a loaded object
// may serve any selection. The nested lists (a demand's offers, a bank's products) are paginated in SQL
// per parent with a window function, so 50 demands with their offers cost one statement, and never more
// rows than asked for. Objects loaded by id can come back where a Node is expected (node(id), payloads):
// they get their type's prototype, by which the Node interface knows their type.

async function byIds<T extends { id: string }>(
  ctx: RequestContext,
  type: { prototype: T },
  sql: string,
  params: unknown[],
  ids: readonly string[],
): Promise<(T | null)[]> {
  const view = viewSelect(type, null);
  const rows = await select<Record<string, unknown>>(
    ctx,
    sql.replace('$columns', () => view.sql),
    params,
  );
  // node(id) and nodes(ids) tell a row's GraphQL type by its class (shared/graphql/node.ts nodeTypeNameOf).
  for (const row of rows) Object.setPrototypeOf(row, type.prototype);
  return byKeys(ids, asViews<T>(rows, view, ctx), (row) => row.id);
}

export const demandById = defineLoader<string, FinancingDemandType | null>('financing.demandById', (ctx, ids) =>
  byIds(
    ctx,
    FinancingDemandType,
    `with ${VIEW_NOW} select $columns from n, financing_demands d where d.id in (?)`,
    [ctx.deps.clock.now(), [...ids]],
    ids,
  ),
);

export const contactByDemandId = defineLoader<string, ContactPersonType | null>(
  'financing.contactByDemandId',
  async (ctx, ids) => {
    const rows = await select<ContactPersonType & { demandId: string }>(
      ctx,
      `select c.demand_id as "demandId", c.name, c.phone, c.email, c.id_number as "idNumber" from financing_demand_contacts c where c.demand_id in (?)`,
      [[...ids]],
    );
    return byKeys(ids, rows, (r) => r.demandId);
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

export const offerById = defineLoader<string, FinancingOfferType | null>('financing.offerById', (ctx, ids) =>
  byIds(
    ctx,
    FinancingOfferType,
    `with ${VIEW_NOW} select $columns from n, financing_offers o join financing_demands d on d.id = o.demand_id where o.id in (?)`,
    [ctx.deps.clock.now(), [...ids]],
    ids,
  ),
);

export const productById = defineLoader<string, CreditProductType | null>('financing.productById', (ctx, ids) =>
  byIds(ctx, CreditProductType, `select $columns from credit_products p where p.id in (?)`, [[...ids]], ids),
);

export const bankById = defineLoader<string, BankType | null>('financing.bankById', async (ctx, ids) => {
  const rows = await select<BankType>(
    ctx,
    `select o.id, o.name, o.uscc from organisations o where o.id in (?) and o.kind = 'BANK'`,
    [[...ids]],
  );
  for (const row of rows) Object.setPrototypeOf(row, BankType.prototype);
  return byKeys(ids, rows, (b) => b.id);
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

/** The first `first` rows of a list under each parent of a group (keys sharing page arguments), in one statement. */
interface NestedList {
  from: string;
  /** The column naming the parent. */
  parent: string;
  /** The instant column of the order, newest first (the id breaks ties). */
  key: string;
  /** More conditions, from the group's page arguments. */
  where?: (key: NestedPageKey) => { sql: string; params: unknown[] } | null;
}

async function nestedPages<T extends { id: string }>(
  ctx: RequestContext,
  type: object,
  keys: readonly NestedPageKey[],
  list: NestedList,
): Promise<NestedPage<T>[]> {
  const view = viewSelect(type, null);
  const id = `${list.parent.split('.')[0]}.id`;
  const pages = new Map<string, NestedPage<T>>();
  for (const group of groupsOf(keys)) {
    const { first, after } = group[0]!;
    const cursor = decodeCursor(ctx, after, 'time');
    const extra = list.where?.(group[0]!);
    const where = [`${list.parent} in (?)`, ...(extra ? [extra.sql] : [])];
    if (cursor) where.push(`(${list.key}, ${id}) < (?::timestamptz, ?::uuid)`);
    const rows = await select<Record<string, unknown>>(
      ctx,
      `with ${VIEW_NOW} select * from (select ${view.sql}, ${cursorInstant(list.key)} as "cursorKey",
         ${list.parent} as "parentId", row_number() over (partition by ${list.parent} order by ${list.key} desc, ${id} desc) as rn
       from n, ${list.from} where ${where.join(' and ')}) x where x.rn <= ?`,
      [ctx.deps.clock.now(), group.map((k) => k.parentId), ...(extra?.params ?? []), ...(cursor ?? []), first + 1],
    );
    for (const key of group) pages.set(nestedKey(key), { items: [], hasNextPage: false });
    for (const row of asViews<T & { parentId: string; rn: string | number; cursorKey: string }>(rows, view, ctx)) {
      const page = pages.get(nestedKey({ ...group[0]!, parentId: row.parentId }))!;
      if (Number(row.rn) > first) page.hasNextPage = true;
      else page.items.push({ cursor: encodeCursor(row.cursorKey, row.id), node: row });
    }
  }
  return keys.map((key) => pages.get(nestedKey(key))!);
}

/**
 * Offers of each demand, newest first: all of them (bankId null) or one bank's. The caller decides
 * the scope from the viewer; keys of one batch normally share it.
 */
export const offersPage = defineLoader<NestedPageKey, NestedPage<FinancingOfferType>>(
  'financing.offersPage',
  (ctx, keys) =>
    nestedPages(ctx, FinancingOfferType, keys, {
      from: 'financing_offers o join financing_demands d on d.id = o.demand_id',
      parent: 'o.demand_id',
      key: 'o.created_at',
      where: (key) => (key.bankId ? { sql: 'o.bank_id = ?', params: [key.bankId] } : null),
    }),
);

/** Active products of each bank, newest first. */
export const productsPage = defineLoader<NestedPageKey, NestedPage<CreditProductType>>(
  'financing.productsPage',
  (ctx, keys) =>
    nestedPages(ctx, CreditProductType, keys, {
      from: 'credit_products p',
      parent: 'p.bank_id',
      key: 'p.published_at',
      where: () => ({ sql: 'p.status = ?', params: [CreditProductStatus.ACTIVE] }),
    }),
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
