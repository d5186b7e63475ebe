import type { EntityMetadata, EntityProperty, Platform } from '@mikro-orm/core';
import { ReferenceKind } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { byKeys, defineLoader } from '../../shared/loaders.js';
import { Enterprise } from './registration.entity.js';
import { enterpriseById } from './registration.loaders.js';

// Enterprises as other modules' lists show them (a page of the bank search: 50 demands, each with its
// enterprise). Hydrating managed entities cost about 120 µs of CPU each, the largest part of such a
// page; a summary is one row read into a plain object. It holds every column of the Enterprise entity
// (the list comes from the entity's metadata, so a property added later is in it) except the
// declaration, the one large value with personal details: the Enterprise fields that read it load the
// entity (`withDeclaration`), and any other code that reads it from a summary fails loudly.

/** An enterprise without its declaration; the Enterprise type resolves from it as from the entity. */
export class EnterpriseSummary {
  id!: string;
  get declaration(): never {
    throw new Error('EnterpriseSummary has no declaration: read it through withDeclaration()');
  }
}

/** The entity's properties left out of a summary. */
const LEFT_OUT: ReadonlySet<string> = new Set(['declaration']);

/** Reads summaries from rows: the columns to select and the conversion of a selected row. */
export interface EnterpriseSummaryReader {
  table: string;
  /** Every summary column from `alias`, each named `${prefix}${property}`. */
  columns(alias: string, prefix: string): string;
  /** The summary of a row selected with `columns(…, prefix)`, or null when its id is null. */
  read(row: Record<string, unknown>, prefix: string): EnterpriseSummary | null;
}

function isColumn(p: EntityProperty): boolean {
  return (
    p.persist !== false &&
    !p.lazy &&
    !p.formula &&
    p.fieldNames?.length === 1 &&
    (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE)
  );
}

function readerOf(meta: EntityMetadata<Enterprise>, platform: Platform): EnterpriseSummaryReader {
  const props = meta.props.filter((p) => isColumn(p) && !LEFT_OUT.has(p.name));
  return {
    table: meta.tableName,
    columns: (alias, prefix) => props.map((p) => `${alias}."${p.fieldNames[0]}" as "${prefix}${p.name}"`).join(', '),
    read: (row, prefix) => {
      if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
      const summary = new EnterpriseSummary() as unknown as Record<string, unknown>;
      for (const prop of props) {
        const value = row[`${prefix}${prop.name}`];
        if (value === null || value === undefined) summary[prop.name] = null;
        else if (prop.kind === ReferenceKind.MANY_TO_ONE) summary[prop.name] = { id: value };
        else if (prop.customType) summary[prop.name] = prop.customType.convertToJSValue(value, platform);
        else if (prop.runtimeType === 'Date' && !(value instanceof Date))
          summary[prop.name] = new Date(value as string);
        else summary[prop.name] = value;
      }
      return summary as unknown as EnterpriseSummary;
    },
  };
}

let reader: EnterpriseSummaryReader | null = null;

/** The reader of enterprise summaries, for a module that joins them into its own statement. */
export function enterpriseSummaryReader(ctx: Pick<RequestContext, 'em'>): EnterpriseSummaryReader {
  return (reader ??= readerOf(ctx.em.getMetadata().get<Enterprise>(Enterprise.name), ctx.em.getPlatform()));
}

/** Enterprise summaries by id; another module may prime it with summaries it read in its own statement. */
export const enterpriseSummaryById = defineLoader<string, EnterpriseSummary | null>(
  'registration.enterpriseSummaryById',
  async (ctx, ids) => {
    const summaries = enterpriseSummaryReader(ctx);
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select ${summaries.columns('e', '')} from "${summaries.table}" e where e.id in (?)`,
      [[...ids]],
    );
    return byKeys(
      ids,
      rows.map((row) => summaries.read(row, '')!),
      (s) => s.id,
    );
  },
);

/** The entity of an enterprise the Enterprise type resolves from, for the fields that read its declaration. */
export async function withDeclaration(
  ctx: RequestContext,
  enterprise: Enterprise | EnterpriseSummary,
): Promise<Enterprise | null> {
  if (enterprise instanceof EnterpriseSummary) return ctx.loaders.get(enterpriseById).load(enterprise.id);
  return enterprise;
}
