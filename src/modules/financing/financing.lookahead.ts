import {
  GraphQLInt,
  Kind,
  valueFromAST,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../shared/graphql/connection.js';

// Which fields a query selects on the nodes of a connection: the read model (financing.view.ts) selects
// just their columns. The bank search also looks ahead so that it can load the enterprises and the bank's
// offers of a whole page in the same statement as the page; their field resolvers then answer
// synchronously, without a promise per row.

export interface DemandSelection {
  /** The fields selected on the nodes (any alias, through fragments). */
  fields: ReadonlySet<string>;
  /** The fields selected on `enterprise` (any alias), or null when it is not selected. */
  enterprise: ReadonlySet<string> | null;
  /** The page size of `offers` when it is selected exactly once and without `after`, else null. */
  offersFirst: number | null;
  /** The fields selected on the nodes of that `offers` connection. */
  offerFields: ReadonlySet<string>;
}

/** The fields selected directly in a selection set, through fragments; only those named `name` if given. */
function fieldsIn(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined,
  name?: string,
  out: FieldNode[] = [],
): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (name === undefined || selection.name.value === name) out.push(selection);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      fieldsIn(info, fragment?.selectionSet, name, out);
    }
  }
  return out;
}

function nodeSelections(info: GraphQLResolveInfo, connections: readonly FieldNode[]): FieldNode[] {
  const nodes: FieldNode[] = [];
  for (const connection of connections) {
    for (const edges of fieldsIn(info, connection.selectionSet, 'edges'))
      fieldsIn(info, edges.selectionSet, 'node', nodes);
  }
  return nodes;
}

function namesOn(info: GraphQLResolveInfo, fields: readonly FieldNode[]): Set<string> {
  return new Set(fields.flatMap((field) => fieldsIn(info, field.selectionSet).map((f) => f.name.value)));
}

/** The fields selected on the nodes of the connection being resolved; null (all) without `info`. */
export function nodeFields(info: GraphQLResolveInfo | undefined): ReadonlySet<string> | null {
  return info ? namesOn(info, nodeSelections(info, info.fieldNodes)) : null;
}

export function demandSelection(info: GraphQLResolveInfo): DemandSelection {
  const nodes = nodeSelections(info, info.fieldNodes);
  const fields = namesOn(info, nodes);
  const enterprises = nodes.flatMap((node) => fieldsIn(info, node.selectionSet, 'enterprise'));
  const enterprise = enterprises.length ? namesOn(info, enterprises) : null;
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
  const offerFields = namesOn(info, nodeSelections(info, offers));
  return { fields, enterprise, offersFirst, offerFields };
}
