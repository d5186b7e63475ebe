import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createAppServer } from './app/server.js';
import { startJobRunner } from './app/job-queue.js';
import { isFirstWorker, reportReady, runPrimary } from './app/cluster.js';
import { createLogger, createPlatformDeps } from './app/platform.js';
import { openDatabase, prepareSchema, SCHEMA_BEHIND_CODE } from './db/orm.js';
import { armShutdownDeadline, onStopRequest, SHUTDOWN_MARGIN_MS, ShutdownSteps } from './app/shutdown.js';
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
  // A stop request before the server listens ends the process at once: nothing is being served yet,
  // and the migrations run in one transaction.
  let onStop: (reason: string) => void = (reason) => {
    logger.warn({ reason }, 'stopped while starting');
    process.exit(1);
  };
  onStopRequest((reason) => onStop(reason));
  const first = isFirstWorker();
  const started = Date.now();
  const database = await openDatabase(
    config.databaseUrl
      ? {
          kind: 'server',
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          replicas: { urls: config.databaseReplicaUrls, maxLagMs: config.replicaMaxLagMs },
        }
      : { kind: 'embedded', dataDir: config.dataDir },
    logger,
  );
  if (!(await prepareSchema(database, config, logger))) {
    await database.close();
    process.exit(SCHEMA_BEHIND_CODE);
  }
  const deps = await createPlatformDeps(config, logger);
  await deps.calendar.reload(database.orm.em.fork());
  const demo = config.demoData && first ? await loadDemoData(database.orm, deps) : null;
  const server = await createAppServer(database.orm, deps);
  const stopJobs = await startJobRunner(database.orm, deps, first && config.jobs === 'in-process');
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
          ? `  Demo accounts (password ${DEMO_PASSWORD}):\n${demo.accounts
              .map((a) =>
                `    ${a.email.padEnd(24)} ${a.role.padEnd(13)} ${a.of ?? ''}${a.organisationAdmin ? ' (its API keys)' : ''}`.trimEnd(),
              )
              .join('\n')}\n`
          : '') +
        '\n',
    );

  let stopping = false;
  const steps = new ShutdownSteps();
  const shutdown = async (reason: string) => {
    if (stopping) {
      logger.warn({ reason, waitingFor: steps.waitingFor() }, 'already shutting down');
      return;
    }
    stopping = true;
    logger.info({ reason }, 'shutting down');
    armShutdownDeadline({
      afterMs: config.shutdownGraceMs + SHUTDOWN_MARGIN_MS,
      logger,
      waitingFor: () => steps.waitingFor(),
    });
    try {
      // A running job and the requests in flight finish side by side, within the one grace period.
      await Promise.all([
        steps.run('http and websocket connections', () => server.stop()),
        steps.run('scheduled jobs', stopJobs),
      ]);
      logger.info('http and websocket closed');
      await steps.run('event bus connections', () => deps.close());
      await steps.run('database pool', () => database.close());
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error, waitingFor: steps.waitingFor() }, 'shutdown failed');
      process.exit(1);
    }
  };
  onStop = (reason) => void shutdown(reason);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
