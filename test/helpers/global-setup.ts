import type { TestProject } from 'vitest/node';
import pg from 'pg';

// With TEST_DATABASE_URL (CI): one migrated template database per run; each test file then gets
// its own database copied from it (see database.ts). Without it, each test file migrates an
// in-memory PGlite of its own and this does nothing.

export const TEMPLATE_PREFIX = 'qes_template_';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `${TEMPLATE_PREFIX}${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists "${template}"`);
  await admin.query(`create database "${template}"`);
  await admin.end();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  // Migrations run through vite-node in a worker would need the whole app; a child process with
  // the TypeScript sources compiled by SWC is simpler: run them here through the same code path.
  const { migrateTemplate } = await import('./migrate-template.js');
  await migrateTemplate(templateUrl.toString());
  project.provide('templateDatabase', template);
  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      `select datname from pg_database where datname like 'qes_test_${process.pid}_%' or datname = $1`,
      [template],
    );
    for (const row of rows) await cleanup.query(`drop database if exists "${row.datname}" with (force)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
