import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../app/platform.js';
import { migrateDatabase, openDatabase, type DatabaseTarget } from './orm.js';

// npm run migrate             apply pending migrations to DATABASE_URL (or the embedded database), under
//                             the advisory lock that servers migrating at start take too: a release step
// npm run migration:create    write a migration for the difference between the entities and a
//                             database that has every existing migration applied (then read it,
//                             and add its class to migrations/index.ts)

async function run(command: string | undefined, name: string | undefined): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const target: DatabaseTarget = config.databaseUrl
    ? { kind: 'server', url: config.databaseUrl, poolSize: 2 }
    : { kind: 'embedded', dataDir: config.dataDir };
  const database = await openDatabase(target, logger);
  try {
    if (command === 'up') {
      const applied = await migrateDatabase(database, logger);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply.\n');
    } else if (command === 'create') {
      await migrateDatabase(database, logger);
      const result = await database.orm.getMigrator().createMigration(undefined, false, false, name);
      process.stdout.write(
        result.fileName ? `Created migrations/${result.fileName}\n` : 'No changes: nothing created.\n',
      );
    } else {
      process.stderr.write('usage: migrate-cli up | create [name]\n');
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

run(process.argv[2], process.argv[3]).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
