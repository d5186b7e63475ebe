import type { IncomingMessage, Server } from 'node:http';
import {
  GraphQLError,
  parse,
  validate,
  getOperationAST,
  getVariableValues,
  specifiedRules,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { endedCredentials } from '../modules/accounts/index.js';
import type { PlatformDeps, RequestContext } from '../shared/context.js';
import { localeFromAcceptLanguage } from '../shared/messages.js';
import type { Viewer } from '../shared/viewer.js';
import { clientAddress, createRequestContext, proxyTrust, requestIdFrom } from './context.js';
import { maskError, withoutInputValue } from './errors.js';
import { PARSE_OPTIONS, admit, extraValidationRules, type OperationLimits } from './limits.js';
import { OpenSockets, tooManySubscriptions } from './open-sockets.js';

// GraphQL over WebSocket on the same path as HTTP. Apollo does not run here, so onSubscribe runs the
// steps of its pipeline (apollo.ts) with the same functions: parse with PARSE_OPTIONS, validate with
// extraValidationRules, the same context (createRequestContext), admit (depth, aliases, cost, budget),
// and maskError on every error, with Apollo's error codes. Authentication happens once in onConnect
// (a bad token closes the socket with 4403 Forbidden).
// A socket outlives the check of its credential, so it is closed with 4401 Unauthorized when that
// credential ends: at once when any process revokes it (closeRevoked, fed from the event bus), and
// within WS_CREDENTIAL_CHECK_SECONDS when it expires or its user is disabled. Subscriptions are capped
// per socket and per credential: each costs a resolution for every event published on its topic.

export interface WebSocketOptions extends OperationLimits {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  deps: PlatformDeps;
  logger: Logger;
  introspection: boolean;
}

interface ConnectionExtra {
  authorization: string | null;
  acceptLanguage: string | null;
  ip: string;
}

function stringParam(params: Record<string, unknown> | undefined, ...names: string[]): string | null {
  for (const name of names) {
    const value = params?.[name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
}

/** A graphql-js error as the HTTP path reports it: with its code, and without the rejected input value. */
function clientError(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(withoutInputValue(error.message, error.originalError?.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code },
  });
}

export interface AttachedWebSocketServer {
  /** Closes the sockets opened with a credential that `isRevoked` matches (revocations from the event bus). */
  closeRevoked: (isRevoked: (viewer: Viewer) => boolean) => void;
  dispose: () => Promise<void>;
}

export function attachWebSocketServer(options: WebSocketOptions): AttachedWebSocketServer {
  const { config } = options.deps;
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: 1024 * 1024 });
  const connectionInfo = new WeakMap<object, ConnectionExtra>();
  const openSockets = new OpenSockets({
    perSocket: config.webSocketMaxSubscriptionsPerSocket,
    perCredential: config.webSocketMaxSubscriptionsPerCredential,
  });
  const closeEnded = (ended: (viewer: Viewer) => boolean, reason: string) => {
    const closed = openSockets.closeWhere(ended, reason);
    if (closed > 0) options.logger.info({ closed, reason }, 'websockets closed: their credential ended');
  };

  // Expiry and disabled users are not announced on the bus: ask the database now and then.
  let checking = false;
  const checkCredentials = async () => {
    const viewers = openSockets.viewersWithCredentials();
    if (checking || viewers.length === 0) return;
    checking = true;
    try {
      closeEnded(await endedCredentials(options.orm.em.fork(), options.deps.clock, viewers), 'Credential ended');
    } catch (error) {
      options.logger.warn({ err: error }, 'checking the credentials of open websockets failed');
    } finally {
      checking = false;
    }
  };
  const credentialChecks = setInterval(() => void checkCredentials(), config.webSocketCredentialCheckSeconds * 1000);
  credentialChecks.unref();
  const rules = [...specifiedRules, ...extraValidationRules(options.introspection)];

  const trust = proxyTrust(options.deps.config.trustProxy);
  const serverCleanup = useServer<
    Record<string, unknown>,
    { request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } } }
  >(
    {
      schema: options.schema,
      async onConnect(ctx) {
        const params = ctx.connectionParams;
        const extra: ConnectionExtra = {
          authorization: stringParam(params, 'authorization', 'Authorization'),
          acceptLanguage:
            stringParam(params, 'acceptLanguage', 'accept-language') ??
            (ctx.extra.request.headers['accept-language'] as string | undefined) ??
            null,
          ip: clientAddress(ctx.extra.request as IncomingMessage, trust),
        };
        // Refuse a presented credential that does not authenticate, at once.
        let viewer: Viewer;
        try {
          ({ viewer } = await createRequestContext(options.orm, options.deps, { ...extra }));
        } catch {
          return false;
        }
        // Closed while it was being authenticated: onClose has run, nothing to register.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        connectionInfo.set(ctx, extra);
        openSockets.add(ctx, viewer, (code, reason) => ctx.extra.socket.close(code, reason));
        return true;
      },
      onClose(ctx) {
        openSockets.remove(ctx);
      },
      async onSubscribe(ctx, id, payload) {
        const extra = connectionInfo.get(ctx);
        const locale = localeFromAcceptLanguage(extra?.acceptLanguage);
        const requestId = requestIdFrom(undefined);
        const mask = (error: GraphQLError) =>
          maskError({ message: error.message, extensions: error.extensions }, error, {
            locale,
            requestId,
            logger: options.logger,
          });
        let document;
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (error) {
          return [clientError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const validationErrors = validate(options.schema, document, rules);
        if (validationErrors.length > 0) {
          return validationErrors.map((error) => clientError(error, 'GRAPHQL_VALIDATION_FAILED'));
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [clientError(new GraphQLError('No operation to run'), 'OPERATION_RESOLUTION_FAILURE')];
        }
        if (operation.operation === 'subscription') {
          const reached = openSockets.startSubscription(ctx, id);
          if (reached) return [tooManySubscriptions(reached, locale)];
        }
        // Coerced here, as Apollo does on HTTP: left to execution, a bad variable would surface as an
        // error without a code and be masked as INTERNAL.
        const variables = getVariableValues(
          options.schema,
          operation.variableDefinitions ?? [],
          payload.variables ?? {},
        );
        if (variables.errors) return variables.errors.map((error) => clientError(error, 'BAD_USER_INPUT'));
        let contextValue: RequestContext;
        try {
          contextValue = await createRequestContext(options.orm, options.deps, { ...extra!, requestId });
          await admit(options, options.schema, document, operation, payload.variables ?? undefined, contextValue);
        } catch (error) {
          if (error instanceof GraphQLError)
            return [new GraphQLError(error.message, { extensions: mask(error).extensions })];
          throw error;
        }
        options.logger.info(
          {
            requestId,
            subscriptionId: id,
            operationName: payload.operationName ?? null,
            viewer: contextValue.viewer.kind,
          },
          'graphql subscription',
        );
        const args: ExecutionArgs = {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
        return args;
      },
      onNext(_ctx, _id, _payload, args, result) {
        if (!('errors' in result) || !result.errors?.length) return result;
        const context = args.contextValue as RequestContext;
        return {
          ...result,
          errors: (result.errors as readonly GraphQLError[]).map((error) =>
            maskError(error.toJSON(), error, {
              locale: context.locale,
              requestId: context.requestId,
              logger: options.logger,
            }),
          ),
        };
      },
    },
    wss,
  );
  return {
    closeRevoked: (isRevoked) => closeEnded(isRevoked, 'Credential revoked'),
    dispose: async () => {
      clearInterval(credentialChecks);
      await serverCleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
