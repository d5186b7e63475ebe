import {
  GraphQLInt,
  Kind,
  valueFromAST,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../shared/graphql/connection.js';

// Which nested fields a query selects on the nodes of a demand connection. The bank search looks
// ahead so that it can load the enterprises and the bank's offers of a whole page at once, right after
// the page, and hand them to the rows: their field resolvers then answer synchronously, without a
// promise per row (through the same DataLoaders, so nothing is fetched twice).

/**
 * Demand fields served by the columns every search row carries (financing.rows.ts demandColumns), their
 * resolvers and access rules included (`contact` reads the consent and the accepted bank). A node
 * selecting anything else (a detail such as collateral, or a field added later) brings all columns.
 */
const CORE_DEMAND_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'number',
  'district',
  'industry',
  'amount',
  'termMonths',
  'purpose',
  'guaranteeType',
  'maxAnnualRate',
  'status',
  'publishedAt',
  'expiresAt',
  'offerCount',
  'enterprise',
  'contact',
  'offers',
]);

export interface DemandSelection {
  /** Whether a node selects a field beyond CORE_DEMAND_FIELDS, so its rows need the detail columns. */
  details: boolean;
  /** The fields selected on `enterprise` (any alias), or null when it is not selected. */
  enterprise: ReadonlySet<string> | null;
  /** The page size of `offers` when it is selected exactly once and without `after`, else null. */
  offersFirst: number | null;
}

function fieldsIn(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined,
  name: string,
  out: FieldNode[] = [],
): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsIn(info, selection.selectionSet, name, out);
    } else {
      fieldsIn(info, info.fragments[selection.name.value]?.selectionSet, name, out);
    }
  }
  return out;
}

/** Names of the fields directly selected in a selection set, through fragments. */
function fieldNames(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined,
  out = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldNames(info, selection.selectionSet, out);
    else fieldNames(info, info.fragments[selection.name.value]?.selectionSet, out);
  }
  return out;
}

function nodeSelections(info: GraphQLResolveInfo): FieldNode[] {
  const nodes: FieldNode[] = [];
  for (const connection of info.fieldNodes) {
    for (const edges of fieldsIn(info, connection.selectionSet, 'edges'))
      fieldsIn(info, edges.selectionSet, 'node', nodes);
  }
  return nodes;
}

export function demandSelection(info: GraphQLResolveInfo | undefined): DemandSelection {
  if (!info) return { details: true, enterprise: null, offersFirst: null };
  const nodes = nodeSelections(info);
  const nodeFields = new Set<string>();
  for (const node of nodes) fieldNames(info, node.selectionSet, nodeFields);
  const details = [...nodeFields].some((name) => !CORE_DEMAND_FIELDS.has(name));
  const enterprises = nodes.flatMap((node) => fieldsIn(info, node.selectionSet, 'enterprise'));
  const enterprise = enterprises.length ? new Set<string>() : null;
  for (const field of enterprises) fieldNames(info, field.selectionSet, enterprise!);
  const offers = nodes.flatMap((node) => fieldsIn(info, node.selectionSet, 'offers'));
  let offersFirst: number | null = null;
  if (offers.length === 1) {
    const args = offers[0]!.arguments ?? [];
    const after = args.find((a) => a.name.value === 'after')?.value;
    const noAfter =
      after === undefined ||
      after.kind === Kind.NULL ||
      (after.kind === Kind.VARIABLE && (info.variableValues[after.name.value] ?? null) === null);
    const first = args.find((a) => a.name.value === 'first')?.value;
    const size = first === undefined ? DEFAULT_PAGE_SIZE : valueFromAST(first, GraphQLInt, info.variableValues);
    if (noAfter && typeof size === 'number') offersFirst = size;
  }
  return { details, enterprise, offersFirst };
}
