import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { GraphQLFormattedError } from 'graphql';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { createRequestContext } from '../../src/app/context.js';
import { createPlatformDeps } from '../../src/app/platform.js';
import { requestScope } from '../../src/app/request-scope.js';
import { createAppServer, type AppServer } from '../../src/app/server.js';
import type { Database } from '../../src/db/orm.js';
import { FixedClock } from '../../src/shared/clock.js';
import type { PlatformDeps } from '../../src/shared/context.js';
import { localeFromAcceptLanguage } from '../../src/shared/messages.js';
import { openTestDatabase, type TestReplicas } from './database.js';

export interface ExecuteOptions {
  token?: string | null;
  /** An Accept-Language header value, e.g. "en". */
  language?: string;
  ip?: string;
}

export interface ExecuteResult<T = Record<string, any>> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  extensions: Record<string, any> | undefined;
}

/**
 * The real server (schema, Apollo with its plugins, HTTP, WebSocket) over this test file's own
 * database, with a clock the test controls. `execute` runs an operation through Apollo exactly as
 * an HTTP request would (limits, cost, masking) without the network; `url` serves real HTTP.
 */
export class TestApp {
  readonly queries: string[] = [];
  private counting = false;

  private constructor(
    readonly database: Database,
    readonly deps: PlatformDeps,
    readonly server: AppServer,
    readonly clock: FixedClock,
    readonly url: string,
  ) {}

  /**
   * `logger`: where the server logs (silent unless TEST_LOG_LEVEL is set), e.g. to assert what is logged.
   * `postgresEventBus`: events travel through this test database's LISTEN/NOTIFY, as between workers.
   */
  static async start(
    options: {
      config?: Partial<Config>;
      now?: string;
      logger?: Logger;
      postgresEventBus?: boolean;
      /** A streaming replica of the test server for the reads that may use one (needs TEST_DATABASE_URL). */
      replicas?: TestReplicas;
    } = {},
  ): Promise<TestApp> {
    // The database reports statements from its first migration on, before the app exists.
    const recorder: { app?: TestApp } = {};
    const database = await openTestDatabase(
      (sql) => {
        if (recorder.app?.counting) recorder.app.queries.push(sql);
      },
      undefined,
      options.replicas,
    );
    const config: Config = {
      // Credentials are looked up on every request (no cache) unless a test turns the cache on: statement counts stay exact.
      ...loadConfig({
        DATA_DIR: '/tmp/qes-test-unused',
        SIGNING_KEY: 'test-signing-key-0123456789abcdef0123456789',
        CREDENTIAL_CACHE_SECONDS: '0',
      }),
      ...options.config,
    };
    if (options.postgresEventBus) {
      const url = database.orm.config.get('clientUrl');
      if (!url) throw new Error('the PostgreSQL event bus needs TEST_DATABASE_URL');
      Object.assign(config, { eventBus: 'postgres', databaseUrl: url });
    }
    const clock = new FixedClock(options.now ?? '2026-11-26T09:00:00+08:00');
    const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const deps = await createPlatformDeps(config, logger, clock);
    await deps.calendar.reload(database.orm.em.fork());
    const server = await createAppServer(database.orm, deps);
    const port = await server.listen(0, '127.0.0.1');
    const app = new TestApp(database, deps, server, clock, `http://127.0.0.1:${port}`);
    recorder.app = app;
    return app;
  }

  get orm() {
    return this.database.orm;
  }

  /** A fresh EntityManager for assertions on what is stored. */
  em() {
    return this.database.orm.em.fork();
  }

  async execute<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<ExecuteResult<T>> {
    const scope = {
      requestId: `test-${Math.random().toString(36).slice(2, 10)}`,
      locale: localeFromAcceptLanguage(options.language),
    };
    return requestScope.run(scope, async () => {
      let contextValue;
      try {
        contextValue = await createRequestContext(this.orm, this.deps, {
          authorization: options.token ? `Bearer ${options.token}` : null,
          acceptLanguage: options.language ?? null,
          ip: options.ip ?? '127.0.0.1',
          requestId: scope.requestId,
        });
      } catch (error) {
        const e = error as { message: string; extensions?: Record<string, unknown> };
        return { data: null, errors: [{ message: e.message, extensions: e.extensions }], extensions: undefined };
      }
      const response = await this.server.apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
      const { data, errors, extensions } = response.body.singleResult;
      return { data: data as T, errors, extensions };
    });
  }

  /** Runs `work` and returns the SQL statements it issued. */
  async countQueries(work: () => Promise<unknown>): Promise<string[]> {
    this.queries.length = 0;
    this.counting = true;
    try {
      await work();
    } finally {
      this.counting = false;
    }
    return [...this.queries];
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.deps.close();
    await this.database.close();
  }
}

export function portOf(app: AppServer): number {
  return (app.httpServer.address() as AddressInfo).port;
}
