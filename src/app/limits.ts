import {
  GraphQLError,
  Kind,
  type ValidationRule,
  getNamedType,
  getVariableValues,
  TypeInfo,
  ValidationContext,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
} from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity';
import { createRequire } from 'node:module';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RequestContext } from '../shared/context.js';
import type { RateLimiter, RateLimitStore } from '../shared/rate-limiter.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/graphql/connection.js';
import { translate, defineMessages, type Locale } from '../shared/messages.js';

// Limits every client can rely on, the same on HTTP and WebSocket: size of the document, depth,
// aliases, cost, and a cost budget per minute for each API key, session and anonymous IP.
//
// The cost model (GitHub's), computed by graphql-query-complexity on the operation as graphql-js
// executes it (variables coerced, their defaults applied, @skip/@include honoured):
// - a connection costs 1 point per page, and what is selected inside it costs once per item the page
//   may hold (`first`, or `last`, at most 100, default 20): nested connections multiply;
// - `nodes(ids:)` costs 1 point per id, and what is selected inside once per id;
// - a field that does more than read rows declares its cost (`complexity` in @Query/@Mutation/@Field,
//   numbers in shared/graphql/cost.ts), added once per parent item; the full schema (`__schema`) costs
//   INTROSPECTION_COST;
// - every other field costs nothing; an operation costs at least 1.

export const MAX_DEPTH = 12;
export const MAX_ALIASES_PER_FIELD = 50;
/**
 * Tokens of one document. graphql-js parses (and validates) recursively, and overflows the stack near
 * 1,500 levels of nesting; 2,000 tokens allow at most 1,000 (a list of lists, two tokens a level), with
 * room to spare, and five times the largest query of the web client.
 */
export const MAX_TOKENS = 2000;
export const PARSE_OPTIONS: ParseOptions = { maxTokens: MAX_TOKENS };
/** `__schema`: about 45 ms of CPU for the explorer's full introspection, some ten pages of a search. */
export const INTROSPECTION_COST = 10;
/**
 * Fields a query may evaluate (graphql-query-complexity counts a fragment each time it is spread): a
 * few fragments spreading one another twice would otherwise make millions out of a short document.
 */
const MAX_EVALUATED_FIELDS = 10_000;
/** Introspection nests deeper than data (`ofType` within `ofType`); graphql-js's MaxIntrospectionDepthRule bounds it. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

// graphql-query-complexity's CommonJS build, as type-graphql uses graphql's CommonJS build: the ES build
// (what `import` picks) imports graphql's ES build, whose schema classes the other does not recognise.
const { createComplexityRule, fieldExtensionsEstimator, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;
type ComplexityEstimator = QueryComplexity.ComplexityEstimator;

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
  'limits.tooManyFields': {
    zh: '查询展开后的字段过多（最多 {max} 个），请减少片段的重复使用。',
    en: 'The query selects too many fields once its fragments are spread (at most {max}).',
  },
});

/** A refusal of the client's query: QUERY_TOO_COMPLEX, answered with HTTP 400. */
function tooComplex(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...extra, http: { status: 400 } } });
}

/** A page of a connection, or `nodes(ids:)`: what is selected inside is paid once per item. */
const listEstimator: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  if (getNamedType(field.type).name.endsWith('Connection')) {
    const requested = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
    const items = Math.min(Math.max(requested ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const page = typeof field.extensions.complexity === 'number' ? field.extensions.complexity : 1;
    return page + items * childComplexity;
  }
  if (field.name === 'nodes' && type.name === 'Query' && Array.isArray(args.ids)) {
    const ids = Math.max(args.ids.length, 1);
    return ids + ids * childComplexity;
  }
  return undefined;
};

/** The whole schema at a fixed price (what is selected below it costs nothing: the answer is in memory). */
const introspectionEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  field.name === '__schema' ? INTROSPECTION_COST + childComplexity : undefined;

/** Ends the description of each field that declares a cost with that cost, where clients read it. */
export function describeDeclaredCosts(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = field.extensions.complexity;
      if (typeof cost !== 'number') continue;
      const note = getNamedType(field.type).name.endsWith('Connection')
        ? `Cost: ${cost} points a page (instead of 1).`
        : `Cost: ${cost} points.`;
      field.description = field.description ? `${field.description} ${note}` : note;
    }
  }
}

const ESTIMATORS = [
  introspectionEstimator,
  listEstimator,
  fieldExtensionsEstimator(),
  simpleEstimator({ defaultComplexity: 0 }),
];

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  locale: Locale,
): number {
  // Variables execution would refuse: nothing will run, and execution words the refusal as before.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return 1;
  let cost = 0;
  const errors: GraphQLError[] = [];
  const context = new ValidationContext(schema, document, new TypeInfo(schema), (error) => errors.push(error));
  const rule = createComplexityRule({
    maximumComplexity: Number.MAX_SAFE_INTEGER,
    variables,
    estimators: ESTIMATORS,
    maxQueryNodes: MAX_EVALUATED_FIELDS,
    onComplete: (complexity) => (cost = complexity),
  })(context);
  // The rule measures the whole operation when it enters it; run as a validation rule, it would also be
  // walked through every node of the document with type information, three times its own work.
  try {
    rule.onOperationDefinitionEnter(operation);
  } catch (error) {
    // The library's one refusal of its own; its message is all that tells it apart.
    if (
      error instanceof GraphQLError &&
      error.message.startsWith('Query exceeds the maximum allowed number of nodes')
    ) {
      throw tooComplex(translate(locale, 'limits.tooManyFields', { max: MAX_EVALUATED_FIELDS }));
    }
    throw error;
  }
  rule.onOperationDefinitionLeave(operation);
  if (errors.length > 0) throw errors[0];
  return Math.max(1, cost);
}

interface Shape {
  fragments: Map<string, FragmentDefinitionNode>;
  /** Depth of each fragment's own selections, measured once however often it is spread. */
  fragmentDepths: Map<string, number>;
  aliases: Map<string, number>;
}

/** Depth of a selection set (fields below introspection fields not counted); counts aliases on the way. */
function depthOf(shape: Shape, selectionSet: SelectionSetNode): number {
  let depth = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (selection.alias) shape.aliases.set(name, (shape.aliases.get(name) ?? 0) + 1);
      const inner = selection.selectionSet ? depthOf(shape, selection.selectionSet) : 0;
      depth = Math.max(depth, 1 + (INTROSPECTION_FIELDS.has(name) ? 0 : inner));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = Math.max(depth, depthOf(shape, selection.selectionSet));
    } else {
      const name = selection.name.value;
      let fragmentDepth = shape.fragmentDepths.get(name);
      if (fragmentDepth === undefined) {
        shape.fragmentDepths.set(name, 0); // a cycle (which validation refuses) ends here
        const fragment = shape.fragments.get(name);
        fragmentDepth = fragment ? depthOf(shape, fragment.selectionSet) : 0;
        shape.fragmentDepths.set(name, fragmentDepth);
      }
      depth = Math.max(depth, fragmentDepth);
    }
  }
  return depth;
}

export interface OperationMeasure {
  depth: number;
  cost: number;
}

/**
 * The rules every operation is validated with beyond graphql-js's own (specifiedRules), on HTTP (Apollo
 * adds them to its) and WebSocket: introspection only where allowed.
 */
export function extraValidationRules(introspection: boolean): ValidationRule[] {
  if (introspection) return [];
  const noIntrospection: ValidationRule = (context) => ({
    Field(node) {
      if (INTROSPECTION_FIELDS.has(node.name.value)) {
        context.reportError(new GraphQLError('Introspection is disabled', { nodes: node }));
      }
    },
  });
  return [noIntrospection];
}

/** Measures one validated operation; throws QUERY_TOO_COMPLEX (HTTP 400) when a limit is exceeded. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
  locale: Locale,
): OperationMeasure {
  const shape: Shape = { fragments: new Map(), fragmentDepths: new Map(), aliases: new Map() };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) shape.fragments.set(definition.name.value, definition);
  }
  const depth = depthOf(shape, operation.selectionSet);
  if (depth > MAX_DEPTH) {
    throw tooComplex(translate(locale, 'limits.tooDeep', { max: MAX_DEPTH }), { depth, maxDepth: MAX_DEPTH });
  }
  for (const [field, count] of shape.aliases) {
    if (count > MAX_ALIASES_PER_FIELD) {
      throw tooComplex(translate(locale, 'limits.tooManyAliases', { max: MAX_ALIASES_PER_FIELD, field }));
    }
  }
  const cost = costOf(schema, document, operation, variables ?? {}, locale);
  if (cost > maxCost) {
    throw tooComplex(translate(locale, 'limits.tooCostly', { cost, max: maxCost }), { cost, maxCost });
  }
  return { depth, cost };
}

export interface RateLimitState {
  remaining: number;
  resetInSeconds: number;
}

export interface OperationLimits {
  maxQueryCost: number;
  rateLimiter: CostRateLimiter;
}

export interface Admission {
  cost: number;
  budget: RateLimitState;
}

/**
 * Admits a validated operation, on HTTP and WebSocket alike: depth, aliases and cost within the limits
 * (else QUERY_TOO_COMPLEX), then its cost taken from the caller's budget (else RATE_LIMITED).
 */
export async function admit(
  limits: OperationLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  context: RequestContext,
): Promise<Admission> {
  const { cost } = checkOperationLimits(schema, document, operation, variables, limits.maxQueryCost, context.locale);
  const budget = await limits.rateLimiter.spend(context.viewer.rateLimitKey, cost, context.locale);
  return { cost, budget };
}

/**
 * The part of a caller's budget an instance may admit before the other instances see it: asked on every
 * request, the budget is counted locally within this share and written back in the background
 * (shared/rate-limiter.ts: n instances admit at most (1 + n × 5%) of the budget in a minute).
 */
export const COST_LOCAL_SHARE = 0.05;

/** The per-minute cost budget of each caller, one count for all instances (shared/rate-limiter.ts). */
export class CostRateLimiter {
  private readonly limiter: RateLimiter;
  constructor(
    store: RateLimitStore,
    readonly pointsPerMinute: number,
  ) {
    this.limiter = store.limiter({
      keyPrefix: 'cost',
      points: pointsPerMinute,
      duration: 60,
      localShare: COST_LOCAL_SHARE,
    });
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
