import {
  GraphQLError,
  Kind,
  getNamedType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createRateLimiter } from '../shared/rate-limiter.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/graphql/connection.js';
import { translate, defineMessages, type Locale } from '../shared/messages.js';
import { topLevelError } from '../shared/errors.js';

// Limits every client can rely on, the same on HTTP and WebSocket: depth, aliases, cost (GitHub's
// model: what a query may return, from `first` along each connection), and a cost budget per minute
// for each API key, session and anonymous IP.

export const MAX_DEPTH = 12;
export const MAX_ALIASES_PER_FIELD = 50;

defineMessages({
  'limits.tooDeep': { zh: '查询嵌套过深（最多 {max} 层）。', en: 'The query is too deep (at most {max} levels).' },
  'limits.tooManyAliases': {
    zh: '同一字段的别名过多（最多 {max} 个）：{field}。',
    en: 'Too many aliases of one field (at most {max}): {field}.',
  },
  'limits.tooCostly': {
    zh: '查询成本 {cost} 超过上限 {max}，请减小 first 或拆分查询。',
    en: 'The query costs {cost} points, more than the limit of {max}. Ask for fewer items with `first` or split it.',
  },
});

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  aliases: Map<string, number>;
}

function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | null {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return null;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function listArgumentLength(field: FieldNode, name: string, variables: Record<string, unknown>): number | null {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return null;
  if (argument.value.kind === Kind.LIST) return argument.value.values.length;
  if (argument.value.kind === Kind.VARIABLE) {
    const v = variables[argument.value.name.value];
    return Array.isArray(v) ? v.length : null;
  }
  return null;
}

/** Depth and cost of a selection set under a parent type; counts aliases on the way. */
function measure(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType | undefined,
  multiplier: number,
  depth: number,
  visitedFragments: Set<string>,
): { depth: number; cost: number } {
  let maxDepth = depth;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (selection.alias) walk.aliases.set(name, (walk.aliases.get(name) ?? 0) + 1);
      const fieldDef =
        parentType && (isObjectType(parentType) || isInterfaceType(parentType))
          ? parentType.getFields()[name]
          : undefined;
      const namedType = fieldDef ? getNamedType(fieldDef.type) : undefined;
      let childMultiplier = multiplier;
      if (namedType && namedType.name.endsWith('Connection')) {
        const first = intArgument(selection, 'first', walk.variables) ?? intArgument(selection, 'last', walk.variables);
        const size = Math.min(Math.max(first ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE);
        cost += multiplier; // fetching the page
        childMultiplier = multiplier * Math.max(size, 1);
      } else if (name === 'nodes' && depth === 0) {
        childMultiplier = multiplier * Math.max(listArgumentLength(selection, 'ids', walk.variables) ?? 1, 1);
        cost += childMultiplier;
      }
      if (selection.selectionSet) {
        const inner = measure(
          walk,
          selection.selectionSet,
          namedType as GraphQLCompositeType | undefined,
          childMultiplier,
          depth + 1,
          visitedFragments,
        );
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      } else {
        maxDepth = Math.max(maxDepth, depth + 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? (walk.schema.getType(typeName) as GraphQLCompositeType) : parentType;
      const inner = measure(walk, selection.selectionSet, type, multiplier, depth, visitedFragments);
      maxDepth = Math.max(maxDepth, inner.depth);
      cost += inner.cost;
    } else {
      const fragmentName = selection.name.value;
      const fragment = walk.fragments.get(fragmentName);
      // A fragment spread twice on one path is a cycle, which validation refuses anyway.
      if (!fragment || visitedFragments.has(fragmentName)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
      const inner = measure(
        walk,
        fragment.selectionSet,
        type,
        multiplier,
        depth,
        new Set([...visitedFragments, fragmentName]),
      );
      maxDepth = Math.max(maxDepth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth: maxDepth, cost };
}

export interface OperationMeasure {
  depth: number;
  cost: number;
}

/** Measures one operation; throws QUERY_TOO_COMPLEX when a limit is exceeded. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
  locale: Locale,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const walk: Walk = { schema, fragments, variables: variables ?? {}, aliases: new Map() };
  const measured = measure(walk, operation.selectionSet, rootType ?? undefined, 1, 0, new Set());
  const cost = Math.max(1, measured.cost);
  if (measured.depth > MAX_DEPTH) {
    throw topLevelError('QUERY_TOO_COMPLEX', translate(locale, 'limits.tooDeep', { max: MAX_DEPTH }), {
      depth: measured.depth,
      maxDepth: MAX_DEPTH,
    });
  }
  for (const [field, count] of walk.aliases) {
    if (count > MAX_ALIASES_PER_FIELD) {
      throw topLevelError(
        'QUERY_TOO_COMPLEX',
        translate(locale, 'limits.tooManyAliases', { max: MAX_ALIASES_PER_FIELD, field }),
      );
    }
  }
  if (cost > maxCost) {
    throw topLevelError('QUERY_TOO_COMPLEX', translate(locale, 'limits.tooCostly', { cost, max: maxCost }), {
      cost,
      maxCost,
    });
  }
  return { depth: measured.depth, cost };
}

export interface RateLimitState {
  remaining: number;
  resetInSeconds: number;
}

/** The per-minute cost budget of each caller, one count for all workers (shared/rate-limiter.ts). */
export class CostRateLimiter {
  private readonly limiter: ReturnType<typeof createRateLimiter>;
  constructor(readonly pointsPerMinute: number) {
    this.limiter = createRateLimiter({ keyPrefix: 'cost', points: pointsPerMinute, duration: 60 });
  }

  /** Spends `cost` points of `key`'s budget or throws RATE_LIMITED with the seconds to wait. */
  async spend(key: string, cost: number, locale: Locale): Promise<RateLimitState> {
    try {
      const result = await this.limiter.consume(key, cost);
      return { remaining: result.remainingPoints, resetInSeconds: Math.ceil(result.msBeforeNext / 1000) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(translate(locale, 'error.rateLimited', { seconds }), {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: seconds,
          http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
        },
      });
    }
  }
}
