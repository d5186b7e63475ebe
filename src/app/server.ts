import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { PlatformDeps, RequestContext } from '../shared/context.js';
import { createApollo } from './apollo.js';
import { clientAddress, createRequestContext, proxyTrust, scopeOf } from './context.js';
import { CostRateLimiter } from './limits.js';
import { requestScope } from './request-scope.js';
import { buildApiSchema } from './schema.js';
import { docsSite, webClient } from './static-files.js';
import { attachWebSocketServer } from './websocket.js';
import { followCredentialRevocations, flushApiKeyUse } from '../modules/accounts/index.js';
import { followNamesReferenceChanges } from '../modules/names/index.js';
import { mountLicenceRoutes } from '../modules/registration/index.js';
import { followCalendarChanges } from '../shared/calendar/calendar.service.js';
import { mountFileRoutes } from '../shared/files/uploads.js';

export const GRAPHQL_PATH = '/graphql';
const MAX_BODY_BYTES = 1024 * 1024;

/** Headers on every answer of the server, GraphQL or not. */
const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
];

const refusal = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });
/** The answers to a request body refused before GraphQL, by HTTP status. */
const BODY_REFUSALS: Record<number, ReturnType<typeof refusal>> = {
  400: refusal('Malformed request body', 'BAD_REQUEST'),
  413: refusal('Request body larger than 1 MB', 'BAD_REQUEST'),
  415: refusal('Unsupported body encoding or charset', 'BAD_REQUEST'),
};

type ContextFactory = (request: IncomingMessage, response: ServerResponse) => Promise<RequestContext>;

export interface AppServer {
  httpServer: Server;
  apollo: ApolloServer<RequestContext>;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), closes WebSockets. */
  stop(): Promise<void>;
}

/** Assembles HTTP, GraphQL and WebSocket on one server; does not listen yet. */
export async function createAppServer(orm: MikroORM, deps: PlatformDeps): Promise<AppServer> {
  const { config, logger } = deps;
  const schema = await buildApiSchema(deps.events);
  const app = express();
  app.disable('x-powered-by');
  const trust = proxyTrust(config.trustProxy);
  app.set('trust proxy', trust);
  const httpServer = createServer();
  const rateLimiter = new CostRateLimiter(deps.rateLimits, config.rateLimitPointsPerMinute);
  const websocket = attachWebSocketServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    orm,
    deps,
    logger,
    maxQueryCost: config.maxQueryCost,
    rateLimiter,
    introspection: config.introspection,
  });
  const apollo = createApollo({
    schema,
    httpServer,
    logger,
    maxQueryCost: config.maxQueryCost,
    rateLimiter,
    introspection: config.introspection,
    shutdownGraceMs: config.shutdownGraceMs,
    onDrain: websocket.dispose,
  });
  await apollo.start();
  // What another worker changes must reach what this worker keeps in memory at once too: revoked
  // credentials, the holiday calendar, the name word lists.
  const stopFollowing = [
    followCredentialRevocations(deps.events, websocket.closeRevoked),
    followCalendarChanges(
      deps.events,
      deps.calendar,
      () => orm.em.fork(),
      (error) => logger.error({ err: error }, 'reloading the holiday calendar failed'),
    ),
    followNamesReferenceChanges(deps),
  ];

  app.use((_request, response, next) => {
    for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
    next();
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  app.get('/readyz', async (_request, response) => {
    try {
      await orm.em.getConnection().execute('select 1');
      response.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'unavailable' });
    }
  });

  const context: ContextFactory = (request, response) => {
    const scope = requestScope.getStore();
    response.setHeader('X-Request-Id', scope?.requestId ?? '');
    return createRequestContext(orm, deps, {
      authorization: request.headers.authorization,
      acceptLanguage: request.headers['accept-language'],
      ip: clientAddress(request, trust),
      requestId: scope?.requestId,
    });
  };
  mountFileRoutes(app, context);
  mountLicenceRoutes(app, context);
  // GraphQL over HTTP, POST and GET: Apollo's Express integration (apollo.ts has the pipeline), in an
  // application of its own with no ETag: a POST is never revalidated, and hashing a 50-row answer costs
  // ~2%. Only there: res.sendFile takes the application's setting, and index.html needs its ETag.
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.set('etag', false);
  app.use(GRAPHQL_PATH, graphql);
  graphql.use(
    (request, _response, next) => requestScope.run(scopeOf(request), () => next()),
    express.json({ limit: MAX_BODY_BYTES }),
    (request, _response, next) => {
      // A body express.json does not read (a GET, another content type) is Apollo's to refuse, not a 500.
      (request as { body?: unknown }).body ??= undefined;
      next();
    },
    expressMiddleware(apollo, { context: ({ req, res }) => context(req, res) }),
  );

  // The API documentation (scripts/docs/build-docs.mjs), from the project's own build like the web client.
  const docsDist = resolve('docs/dist');
  if (config.serveWeb && existsSync(docsDist)) app.use('/docs', docsSite(docsDist));

  // The GraphQL explorer and the web client, from the project's own builds: nothing loads from a CDN.
  const webDist = resolve('web/dist');
  if (config.serveWeb && existsSync(webDist)) {
    // Compressed copies made at build time; hashed assets cached as immutable, index.html revalidated.
    app.use(webClient(webDist, (path) => !/^\/(?:graphql|healthz|readyz|docs)(?:\/|$)/.test(path)));
  }

  const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
    if (response.headersSent) return next(error);
    const refused = BODY_REFUSALS[(error as { status?: number }).status ?? 500];
    if (refused) {
      response.status((error as { status: number }).status).json(refused);
      return;
    }
    logger.error({ err: error }, 'http error');
    response.status(500).json(refusal('Internal error', 'INTERNAL'));
  };
  app.use(bodyErrors);
  httpServer.on('request', app);

  return {
    httpServer,
    apollo,
    listen: (port, host) =>
      new Promise((resolveListen, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolveListen(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      await apollo.stop();
      await Promise.all(stopFollowing.map((stopOne) => stopOne()));
      // The requests counted per key since the last write, before the database closes.
      await flushApiKeyUse();
    },
  };
}
