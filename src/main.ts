import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createAppServer } from './app/server.js';
import { startJobs } from './app/jobs.js';
import { isFirstWorker, reportReady, runPrimary } from './app/cluster.js';
import { createLogger, createPlatformDeps } from './app/platform.js';
import { migrate, openDatabase } from './db/orm.js';
import { loadDemoData, DEMO_PASSWORD } from './db/demo/index.js';

// Process entry: read config, open the database, run migrations, load demo data, serve, shut down cleanly.
// With several workers (config.workers) this process is the primary and starts them (app/cluster.ts).

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  if (cluster.isPrimary && config.workers > 1) return runPrimary(config, logger);
  const first = isFirstWorker();
  const started = Date.now();
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'server', url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { kind: 'embedded', dataDir: config.dataDir },
    logger,
  );
  const applied = await migrate(database.orm);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  const deps = await createPlatformDeps(config, logger);
  await deps.calendar.reload(database.orm.em.fork());
  const demo = config.demoData && first ? await loadDemoData(database.orm, deps) : null;
  const server = await createAppServer(database.orm, deps);
  const stopJobs = first ? startJobs(database.orm, deps) : async () => {};
  const port = await server.listen(config.port, config.host);
  const url = `http://localhost:${port}`;
  logger.info(
    { url, database: config.databaseUrl ? 'postgresql' : 'embedded', startupMs: Date.now() - started },
    'server ready',
  );
  reportReady();
  if (first)
    process.stdout.write(
      `\nQingdao Enterprise Services is running.\n  Web client: ${url}/\n  GraphQL:    ${url}/graphql\n  Explorer:   ${url}/explorer\n` +
        (demo
          ? `  Demo accounts (password ${DEMO_PASSWORD}):\n${demo.accounts.map((a) => `    ${a.email.padEnd(24)} ${a.role}${a.organisationAdmin ? ' (organisation admin: its API keys)' : ''}`).join('\n')}\n`
          : '') +
        '\n',
    );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 5000);
    try {
      await server.stop();
      await stopJobs();
      logger.info('http and websocket closed');
      await deps.close();
      await database.close();
      clearTimeout(timer);
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
