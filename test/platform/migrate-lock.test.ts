import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../../migrations/index.js';
import {
  createServerDatabase,
  ensureServerBuild,
  LoggedProcess,
  MAIN,
  MIGRATE_CLI,
} from '../helpers/server-process.js';

// Migrations as a release step: `npm run migrate` (dist/src/db/migrate-cli.js) and every server that
// migrates at start take one PostgreSQL advisory lock, so processes started at once on a fresh database
// apply each migration once and all succeed. MIGRATE_ON_START=false leaves migrating to the release: an
// instance that finds the schema behind refuses to start (exit code 3) and writes nothing.

const MIGRATION_NAMES = allMigrations.map((migration) => migration.name);

const started: LoggedProcess[] = [];
const databases: { drop(): Promise<void> }[] = [];

async function freshDatabase(migrated = false) {
  const database = await createServerDatabase({ migrated });
  databases.push(database);
  return database;
}

/** The names in the migrations table, one row each, in the order they were applied. */
async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string | null }>(
      `select to_regclass('mikro_orm_migrations')::text as found`,
    );
    if (!rows[0]!.found) return [];
    return (await client.query<{ name: string }>('select name from mikro_orm_migrations order by id')).rows.map(
      (row) => row.name,
    );
  } finally {
    await client.end();
  }
}

function serverEnvironment(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    WORKERS: '1',
    PORT: '0',
    HOST: '127.0.0.1',
    SERVE_WEB: '0',
    LOG_LEVEL: 'info',
    SIGNING_KEY: 'migrate-test-signing-key-0123456789abcdef',
    ...extra,
  };
}

beforeAll(() => ensureServerBuild());

afterEach(async () => {
  for (const process of started.splice(0)) process.kill('SIGKILL');
  for (const database of databases.splice(0)) await database.drop();
});

describe.runIf(process.env.TEST_DATABASE_URL)('migrations as a release step', () => {
  it(
    'two `npm run migrate` started at once on a fresh database both succeed, each migration applied once',
    {
      timeout: 120_000,
    },
    async () => {
      const { url } = await freshDatabase();

      const runs = [0, 1].map(() => {
        const run = LoggedProcess.spawn(process.execPath, [MIGRATE_CLI, 'up'], {
          DATABASE_URL: url,
          LOG_LEVEL: 'info',
        });
        started.push(run);
        return run;
      });
      const exits = await Promise.all(runs.map((run) => run.exitWithin(90_000)));

      expect(exits).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      expect(await appliedMigrations(url)).toEqual(MIGRATION_NAMES);
      // What each says it applied: together, every migration exactly once.
      const saidApplied = runs.flatMap((run) => /Applied: (.*)/.exec(run.output)?.[1]?.split(', ') ?? []);
      expect(saidApplied.sort()).toEqual([...MIGRATION_NAMES].sort());
    },
  );

  it(
    'two servers started at once on a fresh database both start, each migration applied once',
    {
      timeout: 120_000,
    },
    async () => {
      const { url } = await freshDatabase();

      const servers = [0, 1].map(() => {
        const server = LoggedProcess.spawn(process.execPath, [MAIN], serverEnvironment(url));
        started.push(server);
        return server;
      });
      await Promise.all(servers.map((server) => server.waitForLine('server ready')));

      expect(await appliedMigrations(url)).toEqual(MIGRATION_NAMES);
      const saidApplied = servers.flatMap(
        (server) => (server.line('migrations applied')?.migrations as string[]) ?? [],
      );
      expect(saidApplied.sort()).toEqual([...MIGRATION_NAMES].sort());
    },
  );

  it(
    'with MIGRATE_ON_START=false, a server on a database behind refuses to start and changes nothing',
    {
      timeout: 120_000,
    },
    async () => {
      const { url } = await freshDatabase();

      const server = LoggedProcess.spawn(
        process.execPath,
        [MAIN],
        serverEnvironment(url, { MIGRATE_ON_START: 'false' }),
      );
      started.push(server);

      expect(await server.exitWithin(60_000)).toEqual({ code: 3, signal: null });
      expect(server.line('server ready')).toBeUndefined();
      expect(server.lines.find((line) => Array.isArray(line.pending))?.pending).toEqual(MIGRATION_NAMES);
      expect(await appliedMigrations(url)).toEqual([]);
    },
  );

  it('with MIGRATE_ON_START=false, a server on a migrated database serves', { timeout: 120_000 }, async () => {
    const { url } = await freshDatabase(true);

    const server = LoggedProcess.spawn(process.execPath, [MAIN], serverEnvironment(url, { MIGRATE_ON_START: 'false' }));
    started.push(server);
    const ready = await server.waitForLine('server ready');

    const response = await fetch(`${String(ready.url).replace('localhost', '127.0.0.1')}/readyz`);
    expect(response.status).toBe(200);
    expect(server.line('migrations applied')).toBeUndefined();
  });
});
