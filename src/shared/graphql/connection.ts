import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import {
  Cursor,
  ReferenceKind,
  Utils,
  type EntityName,
  type EntityProperty,
  type FilterQuery,
  type OrderDefinition,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { RequestContext } from '../context.js';
import { topLevelError } from '../errors.js';
import { translate } from '../messages.js';

// Relay connections over keyset pagination in SQL: a page is "the next `first` rows after this sort
// key", never an offset, so page 2,000 costs what page 1 costs. Cursors are MikroORM's: they encode
// the values of the sort key, which always ends with the id to break ties. Cursors are readable by
// anyone holding them, so a sort key must be a value every reader of the list may see; a cursor
// coming back is checked against the sort key's column types before MikroORM turns it into SQL.

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page stands in its list (Relay).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionData<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A lazy thenable: counted only when a client selects totalCount. */
  totalCount: PromiseLike<number> | number;
}

/** Builds the Connection and Edge object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Cursor of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay connection).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has (counted on request).' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** A thenable that runs `compute` only when someone awaits it (GraphQL awaits only selected fields). */
export function lazy<T>(compute: () => Promise<T>): PromiseLike<T> {
  let promise: Promise<T> | null = null;
  return {
    then(onFulfilled, onRejected) {
      promise ??= compute();
      return promise.then(onFulfilled, onRejected);
    },
  };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function checkPageSize(ctx: RequestContext, first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw topLevelError('BAD_USER_INPUT', translate(ctx.locale, 'error.firstTooLarge'));
  }
  return size;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTEGER = /^-?\d{1,18}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT_KEY_LENGTH = 1_000;

/** Whether a decoded cursor value has the type of its sort key's column (what MikroORM would bind for it). */
function fitsSortKey(prop: EntityProperty | undefined, value: unknown): boolean {
  if (!prop || prop.kind !== ReferenceKind.SCALAR) return false;
  const column = prop.columnTypes?.[0]?.toLowerCase() ?? '';
  if (column === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (/^(bigint|int|smallint)/.test(column)) {
    return typeof value === 'string' ? INTEGER.test(value) : Number.isSafeInteger(value);
  }
  if (column === 'date') return typeof value === 'string' && DAY.test(value);
  switch (prop.runtimeType) {
    case 'string':
      return typeof value === 'string' && value.length <= MAX_TEXT_KEY_LENGTH;
    case 'Date':
      // MikroORM's Cursor.decode turns ISO timestamps into Dates; any other string is not a time.
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

/**
 * `after` when it is a cursor of this very sort key: as many values as keys, each of its key's type.
 * Anything else (operators such as {"$gt": ""}, a value of another type, another list's cursor) is
 * BAD_USER_INPUT before it comes near SQL.
 */
export function checkCursor<E extends object>(
  ctx: RequestContext,
  entity: EntityName<E>,
  orderBy: Record<string, unknown>,
  after: string | null | undefined,
): string | undefined {
  if (after === null || after === undefined || after === '') return undefined;
  const properties = ctx.em.getMetadata().get(Utils.className(entity)).properties as Record<string, EntityProperty>;
  const keys = Object.keys(orderBy);
  let decoded: unknown;
  try {
    decoded = Cursor.decode(after);
  } catch {
    decoded = null;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === keys.length &&
    keys.every((key, i) => fitsSortKey(properties[key], decoded[i]));
  if (!valid) throw topLevelError('BAD_USER_INPUT', translate(ctx.locale, 'error.invalidCursor'));
  return after;
}

export interface PaginateOptions<E extends object> {
  /** Sort key; `id` is appended as the tie-breaker when missing. */
  orderBy: QueryOrderMap<E>;
  first?: number | null;
  after?: string | null;
  populate?: readonly string[];
}

/** One page of `entity` rows matching `where`, keyset-paginated, as a connection. */
export async function paginate<E extends object>(
  ctx: RequestContext,
  entity: EntityName<E>,
  where: FilterQuery<E>,
  options: PaginateOptions<E>,
): Promise<ConnectionData<E>> {
  const first = checkPageSize(ctx, options.first);
  const orderBy = { ...options.orderBy } as Record<string, unknown>;
  if (!('id' in orderBy)) orderBy.id = 'asc';
  const after = checkCursor(ctx, entity, orderBy, options.after);
  const countWhere = where;
  const totalCount = lazy(() => ctx.em.count(entity, countWhere));
  if (first === 0) {
    return { edges: [], pageInfo: emptyPageInfo(), totalCount };
  }
  const cursor = await ctx.em.findByCursor(entity, where, {
    first,
    after,
    orderBy: orderBy as OrderDefinition<E>,
    includeCount: false,
    populate: options.populate as never,
  });
  const edges = cursor.items.map((node) => ({ cursor: cursor.from(node), node: node as E }));
  return {
    edges,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

export function emptyPageInfo(): PageInfo {
  return { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };
}
