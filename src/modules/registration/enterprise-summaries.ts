import { ReferenceKind, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import {
  fieldReads,
  fieldReadsVersion,
  propertiesRead,
  readsOf,
  type FieldReads,
} from '../../shared/graphql/field-reads.js';
import { Enterprise } from './registration.entity.js';
import { EnterpriseType } from './registration.types.js';

// Enterprise summaries: an enterprise read as a plain object holding just the properties that the
// selected fields of the Enterprise type read, for other modules that join enterprises into their own
// SQL (the bank search joins each row's enterprise into its one statement). Hydrating managed entities
// (enterpriseById) cost about 120 µs of CPU each, the largest part of a 50-row bank search.
//
// What each field reads is derived from the type metadata (shared/graphql/field-reads.ts): a @Field of
// EnterpriseType reads the entity property of its name; a field resolver declares what it reads with
// @Reads, and TypeScript holds its root parameter to that; a field resolver without a declaration needs
// the whole entity, and a selection with it is served by enterpriseById instead.

/** Declares the Enterprise properties a field resolver of the Enterprise type reads of its root. */
export const Reads = readsOf<Enterprise>();

/**
 * An enterprise as a summary reader reads it: its id and the properties the selected fields read,
 * each as on the entity (references as `{ id }`); a plain object, read only.
 */
export type EnterpriseSummary = Pick<Enterprise, 'id'> & Partial<Enterprise>;

/** Reads enterprise summaries: the columns to select and the conversion of a selected row. */
export interface EnterpriseSummaryReader {
  table: string;
  /** Column list selecting every property read, from `alias`, each named `${prefix}${property}`. */
  columns(alias: string, prefix: string): string;
  /** The summary of a row selected with `columns(…, prefix)`, or null when its id is null. */
  read(row: Record<string, unknown>, prefix: string): EnterpriseSummary | null;
}

// Never in a summary, whatever a field declares: the declaration holds personal details and the
// business scope is long text; the fields that need them take the whole entity.
const LEFT_OUT = new Set(['declaration', 'businessScope']);

function summarisable(prop: EntityProperty): boolean {
  return (
    prop.persist !== false &&
    !prop.lazy &&
    !LEFT_OUT.has(prop.name) &&
    prop.fieldNames?.length === 1 &&
    (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE)
  );
}

type Convert = (value: unknown) => unknown;

function converterOf(prop: EntityProperty, platform: Platform): Convert {
  if (prop.kind === ReferenceKind.MANY_TO_ONE) return (value) => ({ id: value });
  const { customType } = prop;
  if (customType) return (value) => customType.convertToJSValue(value, platform);
  if (prop.runtimeType === 'Date') return (value) => new Date(value as string);
  return (value) => value;
}

/**
 * A reader of the given properties (plus the id), or null when one of them is not a column a summary
 * carries (a relation, a lazy or computed property, one left out) or `properties` is null.
 */
export function summaryReader(
  meta: EntityMetadata<Enterprise>,
  platform: Platform,
  properties: ReadonlySet<string> | null,
): EnterpriseSummaryReader | null {
  if (!properties) return null;
  const wanted = new Set(['id', ...properties]);
  const props = meta.props.filter((p) => wanted.has(p.name));
  if (props.length !== wanted.size || !props.every(summarisable)) return null;
  const names = props.map((p) => p.name);
  const converters = props.map((p) => converterOf(p, platform));
  const count = props.length;
  // The row keys for the last prefix asked for (the caller always uses the same one): no string work per row.
  let prefixed = '';
  let keys: string[] = [];
  let idKey = '';
  return {
    table: meta.tableName,
    columns: (alias, prefix) => props.map((p) => `${alias}."${p.fieldNames[0]}" as "${prefix}${p.name}"`).join(', '),
    read: (row, prefix) => {
      if (prefix !== prefixed || keys.length === 0) {
        keys = names.map((name) => `${prefix}${name}`);
        idKey = `${prefix}id`;
        prefixed = prefix;
      }
      if (row[idKey] === null || row[idKey] === undefined) return null;
      const summary: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const value = row[keys[i]!];
        summary[names[i]!] = value === null || value === undefined ? null : converters[i]!(value);
      }
      return summary as EnterpriseSummary;
    },
  };
}

/** Field sets come from clients' queries: a bound keeps a client that varies them from growing the map. */
const MAX_READERS = 200;
const readers = new Map<string, EnterpriseSummaryReader | null>();
let reads: FieldReads | null = null;
let readsVersion = '';

/** What each Enterprise field reads, derived again only when resolvers or declarations were added since. */
export function enterpriseFieldReads(): FieldReads {
  const version = fieldReadsVersion();
  if (!reads || version !== readsVersion) {
    reads = fieldReads(EnterpriseType);
    readsVersion = version;
    readers.clear();
  }
  return reads;
}

/**
 * A reader of enterprise summaries for the Enterprise fields a query selects (`fields`: their GraphQL
 * names), or null when one of them needs the whole entity: the caller then loads it with enterpriseById.
 * One per set of fields, kept.
 */
export function enterpriseSummaryReader(
  ctx: RequestContext,
  fields: ReadonlySet<string>,
): EnterpriseSummaryReader | null {
  return enterpriseSummaryReaderOf(ctx.em.getMetadata().get<Enterprise>(Enterprise.name), ctx.em.getPlatform(), fields);
}

/** enterpriseSummaryReader, given the entity's metadata and the platform (for the benchmark, which has no request). */
export function enterpriseSummaryReaderOf(
  meta: EntityMetadata<Enterprise>,
  platform: Platform,
  fields: ReadonlySet<string>,
): EnterpriseSummaryReader | null {
  const fieldReads = enterpriseFieldReads();
  const key = [...fields].sort().join(',');
  const known = readers.get(key);
  if (known !== undefined) return known;
  const reader = summaryReader(meta, platform, propertiesRead(fieldReads, fields));
  if (readers.size >= MAX_READERS) readers.clear();
  readers.set(key, reader);
  return reader;
}
