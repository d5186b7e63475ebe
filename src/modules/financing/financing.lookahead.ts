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
// ahead so that it can read the enterprises and the bank's offers of a whole page in the statement of
// the page, and prime the DataLoaders the field resolvers read them through (nothing is fetched twice).

export interface DemandSelection {
  /** Whether the nodes select `enterprise` (any alias). */
  enterprise: boolean;
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

function nodeSelections(info: GraphQLResolveInfo): FieldNode[] {
  const nodes: FieldNode[] = [];
  for (const connection of info.fieldNodes) {
    for (const edges of fieldsIn(info, connection.selectionSet, 'edges'))
      fieldsIn(info, edges.selectionSet, 'node', nodes);
  }
  return nodes;
}

export function demandSelection(info: GraphQLResolveInfo | undefined): DemandSelection {
  if (!info) return { enterprise: false, offersFirst: null };
  const nodes = nodeSelections(info);
  const enterprise = nodes.some((node) => fieldsIn(info, node.selectionSet, 'enterprise').length > 0);
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
  return { enterprise, offersFirst };
}
