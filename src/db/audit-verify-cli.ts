import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../app/platform.js';
import { verifyAuditChain } from '../shared/audit/audit-chain.service.js';
import { openDatabase, type DatabaseTarget } from './orm.js';

// npm run audit:verify    recompute the audit trail's hash chain in DATABASE_URL (or the embedded
//                         database); prints the result as JSON, exit code 0 when it holds, 1 when a
//                         link is broken (the first broken event is named), 2 on a configuration error.

async function run(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const target: DatabaseTarget = config.databaseUrl
    ? { kind: 'server', url: config.databaseUrl, poolSize: 1 }
    : { kind: 'embedded', dataDir: config.dataDir };
  const database = await openDatabase(target, logger);
  try {
    const result = await verifyAuditChain(database.orm.em.fork());
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

run().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
