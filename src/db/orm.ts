import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { PGliteDriver, type PGliteConnectionConfig } from 'mikro-orm-pglite';
import './pglite-statements.js';
import type { Logger } from 'pino';
import { allEntities } from './entities.js';
import { allMigrations } from '../../migrations/index.js';

export type Orm = MikroORM;

export type DatabaseTarget =
  | { kind: 'server'; url: string; poolSize: number }
  | { kind: 'embedded'; dataDir: string | null /* null: in memory */ };

export interface Database {
  orm: Orm;
  target: DatabaseTarget;
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
    const orm = await MikroORM.init({
      ...baseOptions(logger, onQuery),
      clientUrl: target.url,
      dbName: decodeURIComponent(url.pathname.slice(1)),
      pool: { min: 0, max: target.poolSize },
      driverOptions: { log: knexLog(logger) },
    });
    return { orm, target, close: () => orm.close(true) };
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
    close: async () => {
      await orm.close(true);
      await pglite.close();
    },
  };
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
