import { Field, getMetadataStorage, type FieldOptions } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { CurrencyCode } from '../../shared/graphql/common.types.js';
import { emptyPageInfo, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import type { Locale } from '../../shared/messages.js';
import { IndustryType, industryView } from '../names/index.js';
import { encodeCursor, pageInfoOf } from './financing.cursor.js';
import { VIEW_NOW } from './financing.expiry.js';

// The read model of the financing types: each view field declares its SQL in its own declaration
// (@ViewField: @Field with the SQL; @Reads for properties outside the schema), so a field cannot be added
// without it, and a type missing one fails at start-up (@ReadModel). Fields answered by field resolvers
// declare which view properties they and their access rules read. A query's select list is derived from
// the fields it selects, kept per selection; the rows PostgreSQL returns are the view objects, already in
// the API's shape (money, rates, instants as the API's text), so a page costs no per-field JavaScript.
// Fixed aliases: `d` a demand, `o` an offer (its demand joined as `d`), `p` a credit product; `n.now` the
// request's instant (financing.expiry.ts VIEW_NOW).

/** A view property's SQL; `read` converts its value when it cannot come ready from SQL (per row: rare). */
interface Column {
  sql: string;
  read?: (value: never, ctx: RequestContext) => unknown;
}

interface Model {
  name: string;
  columns: Map<string, Column>;
  /** Field → the view properties its field resolver and access rule read. */
  resolved: Map<string, readonly string[]>;
}

const models = new Map<object, Model>();

function modelOf(type: object): Model {
  if (!models.has(type))
    models.set(type, { name: (type as { name: string }).name, columns: new Map(), resolved: new Map() });
  return models.get(type)!;
}

/** The SQL a view property reads. */
export function Reads<V>(sql: string, read?: (value: V, ctx: RequestContext) => unknown): PropertyDecorator {
  return (target, property) => {
    modelOf(target.constructor).columns.set(String(property), { sql, read } as Column);
  };
}

type ReturnTypeFunc = NonNullable<Parameters<typeof Field>[0]>;

/** A field of a view type with the SQL it reads: type-graphql's @Field (same arguments) and @Reads in one. */
export function ViewField(sql: string, options: FieldOptions): PropertyDecorator;
export function ViewField(sql: string, type: ReturnTypeFunc, options: FieldOptions): PropertyDecorator;
export function ViewField(sql: string, type: ReturnTypeFunc | FieldOptions, options?: FieldOptions): PropertyDecorator {
  return (target, property) => {
    Reads(sql)(target, property);
    (typeof type === 'function' ? Field(type, options) : Field(type))(target, property);
  };
}

/**
 * A view type: `key` is the SQL of its id (always selected: the global id, cursors and DataLoaders use
 * it); `resolvedBy` names the fields answered by field resolvers with the view properties they read.
 */
export function ReadModel(options: { key: string; resolvedBy?: Record<string, readonly string[]> }): ClassDecorator {
  return (type) => {
    const model = modelOf(type);
    // Errors name the GraphQL type (@ObjectType, applied before this decorator) when there is one.
    model.name = getMetadataStorage().objectTypes.find((t) => t.target === type)?.name ?? model.name;
    model.columns.set('id', { sql: options.key });
    model.resolved.set('id', []);
    for (const [field, reads] of Object.entries(options.resolvedBy ?? {})) model.resolved.set(field, reads);
    // Checked when the type is defined, so at start-up: a field without SQL would be served as undefined.
    const missing = unreadFields(type);
    if (missing.length) throw new Error(`${model.name}: no SQL for ${missing.join(', ')}`);
    for (const [field, reads] of model.resolved)
      for (const property of reads)
        if (!model.columns.has(property)) throw new Error(`${model.name}.${field} reads ${property}: no SQL`);
  };
}

/** The schema fields of a type (own and inherited) that neither read SQL nor have a field resolver. */
export function unreadFields(type: object): string[] {
  const model = modelOf(type);
  const classes: unknown[] = [];
  for (let t: unknown = type; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) classes.push(t);
  return getMetadataStorage()
    .fields.filter((field) => classes.includes(field.target) && !model.columns.has(field.name))
    .map((field) => field.name)
    .filter((name) => !model.resolved.has(name));
}

/** The select list of a selection, and the conversions its rows need. */
export interface ViewSelect {
  sql: string;
  reads: readonly (readonly [string, NonNullable<Column['read']>])[];
}

const selects = new Map<string, ViewSelect>();
/** Selections come from clients' queries: the bound keeps a client that varies them from growing the map. */
const MAX_SELECTS = 500;

/**
 * The select list reading the given fields of a view type (every property when `fields` is null). A
 * field the type does not know is a programming error, thrown, never served as undefined.
 */
export function viewSelect(type: object, fields: ReadonlySet<string> | null): ViewSelect {
  const model = modelOf(type);
  const key = fields === null ? `${model.name}:*` : `${model.name}:${[...fields].sort().join(',')}`;
  let select = selects.get(key);
  if (select) return select;
  const properties = new Set(['id']);
  if (fields === null) for (const property of model.columns.keys()) properties.add(property);
  else {
    for (const field of fields) {
      if (field === '__typename') continue;
      const reads = model.resolved.get(field);
      if (reads) for (const property of reads) properties.add(property);
      else if (model.columns.has(field)) properties.add(field);
      else throw new Error(`${model.name}.${field}: neither SQL nor a field resolver`);
    }
  }
  const columns: string[] = [];
  const reads: [string, NonNullable<Column['read']>][] = [];
  for (const property of properties) {
    const column = model.columns.get(property)!;
    columns.push(`${column.sql} as "${property}"`);
    if (column.read) reads.push([property, column.read]);
  }
  select = { sql: columns.join(', '), reads };
  if (selects.size >= MAX_SELECTS) selects.clear();
  selects.set(key, select);
  return select;
}

/** The rows of a select list as view objects (in place: most selections need no conversion at all). */
export function asViews<T>(rows: Record<string, unknown>[], select: ViewSelect, ctx: RequestContext): T[] {
  for (const [property, read] of select.reads) {
    for (const row of rows) row[property] = read(row[property] as never, ctx);
  }
  return rows as T[];
}

/** A keyset page from its `size + 1` rows, each with its cursor key (the exact sort key) in `cursorKey`. */
export function viewPage<T extends { id: string }>(
  ctx: RequestContext,
  rows: Record<string, unknown>[],
  view: ViewSelect,
  size: number,
  hasPreviousPage: boolean,
  totalCount: ConnectionData<T>['totalCount'],
): ConnectionData<T> {
  const hasNextPage = rows.length > size;
  if (hasNextPage) rows.length = size;
  const edges = asViews<T>(rows, view, ctx).map((node, i) => ({
    cursor: encodeCursor(rows[i]!.cursorKey as string, node.id),
    node,
  }));
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, hasPreviousPage), totalCount };
}

/** A list of a view type, newest first: its rows, conditions and the instant it is ordered by. */
export interface ViewList {
  from: string;
  where: string[];
  params: unknown[];
  /** The instant column of the order (the id breaks ties). */
  key: string;
  /** The request's instant, when the type's SQL reads `n.now`. */
  now?: Date;
}

/** How many rows match. */
export async function countRows(ctx: RequestContext, from: string, where: string[], params: unknown[]) {
  const sql = `select count(*)::int as count from ${from} where ${where.join(' and ')}`;
  return (await select<{ count: number }>(ctx, sql, params))[0]?.count ?? 0;
}

/** One keyset page of a list, reading the selected fields (null: all) of each row. */
export async function viewList<T extends { id: string }>(
  ctx: RequestContext,
  type: object,
  list: ViewList,
  size: number,
  cursor: [string, string] | null,
  fields: ReadonlySet<string> | null,
): Promise<ConnectionData<T>> {
  const totalCount = lazy(() => countRows(ctx, list.from, list.where, list.params));
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };
  const id = modelOf(type).columns.get('id')!.sql;
  const where = cursor ? [...list.where, `(${list.key}, ${id}) < (?::timestamptz, ?::uuid)`] : list.where;
  const view = viewSelect(type, fields);
  const rows = await select<Record<string, unknown>>(
    ctx,
    `${list.now ? `with ${VIEW_NOW} ` : ''}select ${view.sql}, ${cursorInstant(list.key)} as "cursorKey"
     from ${list.now ? 'n, ' : ''}${list.from} where ${where.join(' and ')} order by ${list.key} desc, ${id} desc limit ?`,
    [...(list.now ? [list.now] : []), ...list.params, ...(cursor ?? []), size + 1],
  );
  return viewPage<T>(ctx, rows, view, size, cursor !== null, totalCount);
}

// SQL of the API's value shapes, written once by PostgreSQL.

/** An instant as the API writes it: Asia/Shanghai wall time with milliseconds and its fixed +08:00 offset. */
export function instant(column: string): string {
  return `to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"')`;
}

/** The exact UTC text (microseconds) of an ordering instant, as cursors carry it (financing.cursor.ts). */
export function cursorInstant(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Money over integer fen, as the Money type: { amount: "1500000.00", currency: CNY }; null stays null. */
export function money(fen: string): string {
  const amount = `(${fen}::numeric / 100)::numeric(20, 2)::text`;
  return `case when ${fen} is not null then json_build_object('amount', ${amount}, 'currency', '${CurrencyCode.CNY}') end`;
}

/** A numeric(7,4) rate in percent with at least two decimals: 4.3500 → "4.35", 4.3750 → "4.375". */
export function rate(column: string): string {
  return `to_char(${column}, 'FM990.0099')`;
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

/** Runs one SELECT on the operation's connection (inside its transaction when there is one). */
export function select<T>(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<T[]> {
  return ctx.em.execute<T[]>(sql, params as never[]);
}
