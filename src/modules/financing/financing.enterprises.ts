import { ReferenceKind, type EntityMetadata, type Platform } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { defineLoader } from '../../shared/loaders.js';
import { ENTERPRISE_FIELD_PROPERTIES, Enterprise } from '../registration/index.js';

// What financing needs of the registration module, in one place: which enterprises the viewer acts
// for (an enterprise's agents are the applicant accounts that act for it), an enterprise's facts at the
// moment a demand is published, and the enterprises of a page of demands.

/** The enterprises a user acts for, loaded once per operation. */
const actingEnterpriseIds = defineLoader<string, ReadonlySet<string>>(
  'financing.actingEnterpriseIds',
  async (ctx, userIds) => {
    // Plain rows, not entities: a partly loaded Enterprise in the identity map would surprise its owner module.
    const rows = await ctx.em.execute<{ id: string; agent: string }[]>(
      `select e.id, a.agent from enterprises e cross join unnest(e.agent_ids) as a(agent)
        where e.agent_ids && array[?]::uuid[] and a.agent in (?)`,
      [[...userIds], [...userIds]],
    );
    return userIds.map((userId) => new Set(rows.filter((e) => e.agent === userId).map((e) => e.id)));
  },
);

/** Whether the viewer is an applicant acting for this enterprise. */
export async function actsFor(ctx: RequestContext, enterpriseId: string): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.role !== 'APPLICANT' || viewer.userId === null) return false;
  return (await ctx.loaders.get(actingEnterpriseIds).load(viewer.userId)).has(enterpriseId);
}

/** The ids of the enterprises the viewer acts for (none unless an applicant). */
export async function enterprisesActedFor(ctx: RequestContext): Promise<string[]> {
  const { viewer } = ctx;
  if (viewer.role !== 'APPLICANT' || viewer.userId === null) return [];
  return [...(await ctx.loaders.get(actingEnterpriseIds).load(viewer.userId))];
}

export interface EnterpriseFacts {
  id: string;
  name: string;
  active: boolean;
  district: string;
  industry: string | null;
  foreignInvested: boolean;
  agentIds: string[];
}

/** An enterprise's facts now, when it exists. */
export async function enterpriseFacts(ctx: RequestContext, enterpriseId: string): Promise<EnterpriseFacts | null> {
  const enterprise = await ctx.em.findOne(Enterprise, { id: enterpriseId });
  if (!enterprise) return null;
  return {
    id: enterprise.id,
    name: enterprise.name,
    active: enterprise.status === 'ACTIVE',
    district: enterprise.district,
    industry: enterprise.industry,
    foreignInvested: enterprise.foreignInvested,
    agentIds: enterprise.agentIds,
  };
}

// The enterprises of a page of demands, for the registration module's Enterprise type and resolvers.
// Hydrating them as managed entities (the registration module's enterpriseById) cost about 120 µs
// of CPU each, which made it the largest part of a 50-row bank search. Here each is one row read into
// a plain, read-only Enterprise instance holding just the properties the selected fields read (the
// registration module lists them: ENTERPRISE_FIELD_PROPERTIES); the conversions come from the entity's
// own metadata, so they follow the registration module's schema; references become { id }. A query
// selecting a field that needs more (the declaration with its personal details, the business scope)
// is served by the registration module's loader instead.

const LEFT_OUT = new Set(['declaration', 'businessScope']);

/** Reads lean Enterprise rows: the columns to select and the conversion of a selected row. */
export interface EnterpriseReader {
  table: string;
  /** Column list selecting every property read, from `alias`, each named `${prefix}${property}`. */
  columns(alias: string, prefix: string): string;
  /** The Enterprise of a row selected with `columns(…, prefix)`, or null when its id is null. */
  read(row: Record<string, unknown>, prefix: string): Enterprise | null;
}

let leanClass: (new () => object) | null = null;

/**
 * Instances of a class whose prototype sits on Enterprise.prototype and shadows, with plain data
 * properties, the setters the ORM put there: assigning a property then stays an ordinary write.
 */
function leanEnterpriseClass(meta: EntityMetadata): new () => object {
  if (leanClass) return leanClass;
  class LeanEnterprise {}
  Object.setPrototypeOf(LeanEnterprise.prototype, Enterprise.prototype);
  for (const prop of meta.props) {
    Object.defineProperty(LeanEnterprise.prototype, prop.name, {
      value: undefined,
      writable: true,
      configurable: true,
    });
  }
  return (leanClass = LeanEnterprise);
}

const readers = new Map<string, EnterpriseReader | null>();
/** Field sets come from clients' queries: a bound keeps a client that varies them from growing the map. */
const MAX_READERS = 200;

/**
 * A reader for the Enterprise fields a query selects, or null when one of them needs more than a lean
 * row holds. One per set of fields, kept.
 */
export function enterpriseReader(
  meta: EntityMetadata,
  platform: Platform,
  fields: ReadonlySet<string>,
): EnterpriseReader | null {
  const key = [...fields].sort().join(',');
  if (readers.has(key)) return readers.get(key)!;
  const wanted = new Set(['id']);
  let lean = true;
  for (const field of fields) {
    const properties = ENTERPRISE_FIELD_PROPERTIES[field];
    if (!properties) lean = false;
    else for (const property of properties) wanted.add(property);
  }
  const props = meta.props.filter(
    (p) =>
      wanted.has(p.name) &&
      p.persist !== false &&
      !p.lazy &&
      !LEFT_OUT.has(p.name) &&
      p.fieldNames?.length === 1 &&
      (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE),
  );
  if (props.length !== wanted.size) lean = false;
  const LeanEnterprise = leanEnterpriseClass(meta);
  const reader: EnterpriseReader | null = !lean
    ? null
    : {
        table: meta.tableName,
        columns: (alias, prefix) =>
          props.map((p) => `${alias}."${p.fieldNames[0]}" as "${prefix}${p.name}"`).join(', '),
        read: (row, prefix) => {
          if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
          const enterprise = new LeanEnterprise() as Record<string, unknown>;
          for (const prop of props) {
            const value = row[`${prefix}${prop.name}`];
            if (value === null || value === undefined) enterprise[prop.name] = null;
            else if (prop.kind === ReferenceKind.MANY_TO_ONE) enterprise[prop.name] = { id: value };
            else if (prop.customType) enterprise[prop.name] = prop.customType.convertToJSValue(value, platform);
            else if (prop.runtimeType === 'Date') enterprise[prop.name] = new Date(value as string);
            else enterprise[prop.name] = value;
          }
          return enterprise as unknown as Enterprise;
        },
      };
  if (readers.size >= MAX_READERS) readers.clear();
  readers.set(key, reader);
  return reader;
}

export function enterpriseReaderOf(ctx: RequestContext, fields: ReadonlySet<string>): EnterpriseReader | null {
  return enterpriseReader(ctx.em.getMetadata().get<Enterprise>(Enterprise.name), ctx.em.getPlatform(), fields);
}
