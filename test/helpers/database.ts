import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { migrate, openDatabase, type Database } from '../../src/db/orm.js';

/**
 * A database of this test file's own: a copy of the migrated template on the PostgreSQL server
 * (TEST_DATABASE_URL), or a migrated in-memory PGlite. Nothing is shared between test files.
 */
export interface TestReplicas {
  /** Port of a streaming replica of the test server on 127.0.0.1 (see replica.ts). */
  port: number;
  maxLagMs: number;
  checkIntervalMs?: number;
}

/** Waits until the database made on the primary has reached the replica too. */
async function reachesReplica(url: URL, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function openTestDatabase(
  onQuery?: (sql: string) => void,
  logger?: Logger,
  replicas?: TestReplicas,
): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'embedded', dataDir: null }, logger, onQuery);
    await migrate(database.orm);
    return database;
  }
  const template = inject('templateDatabase');
  const name = `qes_test_${template.split('_').at(-1)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  let replicaOptions: { urls: string[]; maxLagMs: number; checkIntervalMs?: number } | undefined;
  if (replicas) {
    const replicaUrl = new URL(dbUrl);
    replicaUrl.port = String(replicas.port);
    await reachesReplica(replicaUrl);
    replicaOptions = { urls: [replicaUrl.toString()], ...replicas };
  }
  const database = await openDatabase(
    { kind: 'server', url: dbUrl.toString(), poolSize: 8, replicas: replicaOptions },
    logger,
    onQuery,
  );
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
