import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { RequestContext } from '../shared/context.js';
import { compilingGateway } from './compiled-execution.js';
import { maskError } from './errors.js';
import { PARSE_OPTIONS, admit, extraValidationRules, type Admission, type OperationLimits } from './limits.js';
import { requestScope } from './request-scope.js';

// GraphQL over HTTP (POST and GET, through Apollo's Express integration in server.ts): Apollo parses
// with PARSE_OPTIONS and validates with extraValidationRules, the plugin below admits the operation (limits
// and budget), compiled-execution.ts executes, maskError words every error. websocket.ts runs the same
// functions in the same order for graphql-ws.

export interface ApolloOptions extends OperationLimits {
  schema: GraphQLSchema;
  httpServer: Server;
  logger: Logger;
  introspection: boolean;
  shutdownGraceMs: number;
  /** Extra shutdown work (closing WebSockets) run while the HTTP server drains. */
  onDrain: () => Promise<void>;
}

/** Limits, cost reporting and the one log line per operation. */
function operationPlugin(options: ApolloOptions): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let admitted: Admission | null = null;
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (operation) admitted = await admit(options, schema, document, operation, request.variables, contextValue);
        },
        async willSendResponse({ response, operationName, errors }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: {
                requested: admitted?.cost ?? 0,
                limit: options.maxQueryCost,
                remaining: admitted?.budget.remaining ?? null,
                resetInSeconds: admitted?.budget.resetInSeconds ?? null,
              },
            };
          }
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = (errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL');
          options.logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              viewer: contextValue.viewer.kind,
              durationMs: Math.round(durationMs * 10) / 10,
              cost: admitted?.cost ?? null,
              outcome: codes.length ? 'error' : 'ok',
              errorCodes: codes.length ? codes : undefined,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

export function createApollo(options: ApolloOptions): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    gateway: compilingGateway(options.schema, options.logger),
    // Introspection is refused by extraValidationRules, the one rule for HTTP and WebSocket.
    introspection: true,
    validationRules: extraValidationRules(options.introspection),
    csrfPrevention: true,
    // main.ts owns shutdown (drain, close the database, exit code); Apollo must not race it.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // A document too long or nested too deeply is a parse error (400), never a stack overflow.
    parseOptions: PARSE_OPTIONS,
    includeStacktraceInErrorResponses: false,
    // Persisted queries save parsing; they are not an allow-list. Kept off so every query is visible in logs.
    persistedQueries: false,
    formatError: (formatted, error) => {
      const scope = requestScope.getStore();
      return maskError(formatted, error, {
        locale: scope?.locale ?? 'ZH_CN',
        requestId: scope?.requestId ?? 'unknown',
        logger: options.logger,
      });
    },
    plugins: [
      // The API sets no cache hints and serves no cached responses; Apollo's default cache-control plugin
      // would still wrap every field resolver to compute them (measured: a few % of a 50-row search).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({
        httpServer: options.httpServer,
        stopGracePeriodMillis: options.shutdownGraceMs,
      }),
      {
        async serverWillStart() {
          return { drainServer: options.onDrain };
        },
      },
      operationPlugin(options),
    ],
  });
}
