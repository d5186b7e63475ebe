import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  GraphQLError,
  astFromValue,
  execute,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Logger } from 'pino';
import { markWritten } from '../db/replicas.js';
import type { RequestContext } from '../shared/context.js';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];

// The one module aware of graphql-jit: compiled execution, plugged into Apollo as its executor.
//
// Why: queries a client sends again and again (a bank polling the demand search) run as JavaScript
// compiled for that operation: no per-field lookups, argument objects or resolve-info objects, which in
// graphql-js cost more than the data itself on a 50-row page. Measured on the bank search
// (npm run bench): about 18% less server CPU per request than graphql-js, the one large gain of the
// speed work. Everything else runs on graphql-js: mutations and subscriptions, a query the first time it
// is seen (compiling costs more than running it once, and would let a client make the server compile at
// will), and a query whose variables graphql-jit refuses (it then answers nothing, and graphql-js does).
//
// Why through `gateway`: Apollo Server 4 and 5 have no executor option; it was removed in favour of the
// gateway interface, whose `load()` returns the executor (apollographql/apollo-server#6771, "Remove
// executor constructor option"; graphql-jit's own question about it: zalando-incubator/graphql-jit#219).
// No plugin hook can replace execution. So the gateway below only hands Apollo our schema and executor.
// Parsing, validation, limits and error masking stay Apollo's (apollo.ts); test/platform/compiled-queries
// compares every answer with graphql-js's.

/** How often a document must run before it is compiled. */
const COMPILE_AFTER_RUNS = 2;

/**
 * graphql-jit refuses an omitted input field that is non-null with a default (`currency: CurrencyCode!
 * = CNY`) where graphql-js applies the default. The variables it is given have those defaults written
 * in (as a client would write them); anything else it still refuses falls back to graphql-js.
 */
function withInputDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return withInputDefaults(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? value.map((item) => withInputDefaults(type.ofType, item)) : value;
  if (!isInputObjectType(type) || typeof value !== 'object') return value;
  const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of Object.values(type.getFields())) {
    if (field.name in filled) filled[field.name] = withInputDefaults(field.type, filled[field.name]);
    else if (field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      if (literal) filled[field.name] = valueFromASTUntyped(literal);
    }
  }
  return filled;
}

function variablesWithDefaults(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type && name in out) out[name] = withInputDefaults(type, out[name]);
  }
  return out;
}

/** graphql-jit's errors as graphql-js errors (Apollo and app/errors.ts read `extensions` and `originalError`). */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  (converted as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return converted;
}

interface Entry {
  runs: number;
  compiled: CompiledQuery | null;
}

/** Apollo's gateway interface, used only to hand Apollo the schema and the executor (see above). */
export function compilingGateway(schema: GraphQLSchema, logger: Logger): Gateway {
  // Keyed by the parsed document Apollo keeps per query text: a document it forgets, we forget.
  const entries = new WeakMap<DocumentNode, Map<string, Entry>>();
  const entryFor = (document: DocumentNode, operationName: string | null): Entry => {
    let byName = entries.get(document);
    if (!byName) entries.set(document, (byName = new Map()));
    let entry = byName.get(operationName ?? '');
    if (!entry) byName.set(operationName ?? '', (entry = { runs: 0, compiled: null }));
    return entry;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        async executor(request) {
          const context = request.context as RequestContext;
          const variables = request.request.variables ?? {};
          // A mutation reads what it needs from the primary, searches included (replicas.ts).
          if (request.operation?.operation === 'mutation') markWritten();
          if (request.operation?.operation === 'query') {
            const entry = entryFor(request.document, request.operationName);
            entry.runs++;
            if (!entry.compiled && entry.runs >= COMPILE_AFTER_RUNS) {
              const compiled = compileQuery(schema, request.document, request.operationName ?? undefined);
              if (isCompiledQuery(compiled)) {
                entry.compiled = compiled;
                logger.debug({ operationName: request.operationName }, 'query compiled');
              }
            }
            if (entry.compiled) {
              const result = await entry.compiled.query(
                undefined,
                context,
                variablesWithDefaults(schema, request.operation, variables),
              );
              // No data at all: the variables were refused before anything ran. graphql-js words that
              // refusal (and Apollo recognises it as BAD_USER_INPUT), so it answers these.
              if (result.data !== undefined || !result.errors) {
                return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
              }
            }
          }
          return execute({
            schema,
            document: request.document,
            contextValue: context,
            variableValues: variables,
            operationName: request.request.operationName,
          });
        },
      };
    },
    async stop() {},
  };
}
