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
export async function openTestDatabase(onQuery?: (sql: string) => void, logger?: Logger): Promise<Database> {
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
  const database = await openDatabase({ kind: 'server', url: dbUrl.toString(), poolSize: 8 }, logger, onQuery);
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
