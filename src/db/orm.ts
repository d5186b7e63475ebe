import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { PGliteDriver, type PGliteConnectionConfig } from 'mikro-orm-pglite';
import type { Logger } from 'pino';
import { allEntities } from './entities.js';
import { allMigrations } from '../../migrations/index.js';
import { routeReads, type ReplicaRouting } from './replicas.js';

export type Orm = MikroORM;

export type DatabaseTarget =
  | {
      kind: 'server';
      url: string;
      poolSize: number;
      /** Read replicas of that server (see replicas.ts) and the replay lag beyond which one is skipped. */
      replicas?: { urls: string[]; maxLagMs: number; checkIntervalMs?: number };
    }
  | { kind: 'embedded'; dataDir: string | null /* null: in memory */ };

export interface Database {
  orm: Orm;
  target: DatabaseTarget;
  /** The read replicas' routing and health, when replicas are configured. */
  replicas: ReplicaRouting | null;
  close(): Promise<void>;
}

/** Options shared by both drivers; the migrations are listed in code so tests and builds load the same ones. */
function baseOptions(logger?: Logger, onQuery?: (sql: string) => void): Partial<Options> {
  return {
    entities: allEntities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // Every query goes through the request's own fork; the global context is a bug waiting to happen.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Statements only, with $1, $2... for their values: the 'query-params' namespace (which `debug: true`
    // turns on too) would inline every value (password hashes, contact details, ID numbers) into the log.
    debug: onQuery || logger?.isLevelEnabled('trace') ? ['query'] : false,
    logger: (message) => {
      onQuery?.(message);
      logger?.trace({ orm: message });
    },
    // Written by rate-limiter-flexible, not an entity (shared/rate-limiter.ts): a generated migration must not drop it.
    schemaGenerator: { skipTables: ['rate_limits'] },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: 'dist/migrations',
      pathTs: 'migrations',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      migrationsList: allMigrations,
    },
  };
}

/**
 * What knex itself says (a broken pooled connection, a deprecation) goes to our logger, without its
 * text: knex writes "Connection Error: <error>" with the error's message, which holds the failed
 * statement with its values inlined. Without this, knex prints it on the console.
 */
function knexLog(logger?: Logger) {
  const note = (level: 'warn' | 'error' | 'debug') => () =>
    logger?.[level]('database driver message (statement and values not logged)');
  return { warn: note('warn'), error: note('error'), debug: note('debug'), deprecate: note('debug') };
}

/**
 * Opens the database the target names. Migrations are not run here: see migrate().
 * `onQuery` hears every SQL statement (the tests count them to catch N+1 queries).
 */
export async function openDatabase(
  target: DatabaseTarget,
  logger?: Logger,
  onQuery?: (sql: string) => void,
): Promise<Database> {
  if (target.kind === 'server') {
    const url = new URL(target.url);
    const replicaUrls = target.replicas?.urls ?? [];
    const orm = await MikroORM.init({
      ...baseOptions(logger, onQuery),
      clientUrl: target.url,
      dbName: decodeURIComponent(url.pathname.slice(1)),
      pool: { min: 0, max: target.poolSize },
      driverOptions: { log: knexLog(logger) },
      // Reads outside transactions ask for a 'read' connection; replicas.ts decides which server that is.
      replicas: replicaUrls.map((clientUrl, index) => ({ name: `replica-${index + 1}`, clientUrl })),
      preferReadReplicas: true,
    });
    const replicas =
      target.replicas && replicaUrls.length
        ? await routeReads(orm, {
            maxLagMs: target.replicas.maxLagMs,
            checkIntervalMs: target.replicas.checkIntervalMs,
            logger,
          })
        : null;
    return {
      orm,
      target,
      replicas,
      close: async () => {
        replicas?.stop();
        await orm.close(true);
      },
    };
  }
  if (target.dataDir) await mkdir(resolve(target.dataDir), { recursive: true });
  // PGlite is real PostgreSQL in WebAssembly, one connection, in this process.
  const pglite = await PGlite.create({
    dataDir: target.dataDir ? resolve(target.dataDir, 'pglite') : undefined,
    extensions: { pg_trgm },
  });
  const orm = await MikroORM.init({
    ...baseOptions(logger, onQuery),
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } satisfies PGliteConnectionConfig },
  } as unknown as Options);
  return {
    orm,
    target,
    replicas: null,
    close: async () => {
      await orm.close(true);
      await pglite.close();
    },
  };
}

/**
 * Applies pending migrations; returns the names applied. Nothing stops two processes doing this at
 * once: tests and benchmarks that own their database call it; servers and `npm run migrate` call
 * migrateDatabase().
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** The advisory lock every migrating process takes first (a constant of this application: 'qes-migr'). */
export const MIGRATION_LOCK_KEY = 0x7165732d6d696772n;

/**
 * Applies pending migrations holding a PostgreSQL advisory lock, so that instances starting at once
 * (and `npm run migrate` in a release) never race: the second waits for the first, then finds nothing
 * left to apply. The lock is held by a connection of its own, outside the ORM's pool, for as long as
 * the migrations run; it goes with that connection if the process dies. The embedded database is one
 * process's own: no lock.
 */
export async function migrateDatabase(database: Database, logger?: Logger): Promise<string[]> {
  if (database.target.kind !== 'server') return migrate(database.orm);
  const lock = new pg.Client({ connectionString: database.target.url, application_name: 'qes-migrations-lock' });
  await lock.connect();
  try {
    const key = MIGRATION_LOCK_KEY.toString();
    const { rows } = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [key]);
    if (!rows[0]!.locked) {
      logger?.info('another process is applying migrations; waiting for it');
      await lock.query('select pg_advisory_lock($1::bigint)', [key]);
    }
    return await migrate(database.orm);
  } finally {
    // Ending the session releases its advisory locks.
    await lock.end();
  }
}

/**
 * Names of the migrations the database has not had yet. Read-only (unlike the migrator's own list,
 * which creates its table first): an instance told not to migrate writes nothing to the schema.
 */
/** Exit code of a process told not to migrate (MIGRATE_ON_START=false) that finds migrations pending. */
export const SCHEMA_BEHIND_CODE = 3;

/**
 * At the start of a server or worker: applies pending migrations (MIGRATE_ON_START, under the lock), or,
 * told not to migrate, checks none is pending. False when the schema is behind the code: serving it
 * would fail request by request, so the caller exits and its supervisor retries after `npm run migrate`.
 */
export async function prepareSchema(
  database: Database,
  config: { migrateOnStart: boolean },
  logger: Logger,
): Promise<boolean> {
  if (config.migrateOnStart) {
    const applied = await migrateDatabase(database, logger);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    return true;
  }
  const pending = await pendingMigrations(database.orm);
  if (pending.length)
    logger.fatal(
      { pending },
      'the database schema is behind this code and MIGRATE_ON_START=false: run npm run migrate',
    );
  return pending.length === 0;
}

export async function pendingMigrations(orm: Orm): Promise<string[]> {
  const connection = orm.em.getConnection();
  const [table] = await connection.execute<{ found: string | null }[]>(
    `select to_regclass('mikro_orm_migrations')::text as found`,
  );
  const applied = new Set(
    table?.found
      ? (await connection.execute<{ name: string }[]>('select name from mikro_orm_migrations')).map((row) => row.name)
      : [],
  );
  return allMigrations.map((migration) => migration.name).filter((name) => !applied.has(name));
}
