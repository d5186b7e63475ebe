import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startJobQueue } from './app/job-queue.js';
import { createLogger, createPlatformDeps } from './app/platform.js';
import { openDatabase, prepareSchema, SCHEMA_BEHIND_CODE } from './db/orm.js';
import { followNamesReferenceChanges } from './modules/names/index.js';
import { followCalendarChanges } from './shared/calendar/calendar.service.js';
import { loadDemoData } from './db/demo/index.js';
import { onStopRequest } from './app/shutdown.js';

// `npm run worker`: the scheduled sweeps and background jobs, apart from the API, on the pg-boss queue
// of the server database (app/job-queue.ts). It serves no HTTP; API instances beside it run with
// JOBS=off. Several workers may run: each tick's job still runs once. Stops on SIGTERM/SIGINT, letting a
// running job finish within SHUTDOWN_GRACE_MS (an unfinished one is retried by another worker).

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    if (!config.databaseUrl)
      throw new ConfigError('DATABASE_URL', 'the worker needs a server database; embedded, npm start runs the jobs');
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const database = await openDatabase(
    { kind: 'server', url: config.databaseUrl, poolSize: config.databasePoolSize },
    logger,
  );
  if (!(await prepareSchema(database, config, logger))) {
    await database.close();
    process.exit(SCHEMA_BEHIND_CODE);
  }
  const deps = await createPlatformDeps(config, logger);
  await deps.calendar.reload(database.orm.em.fork());
  // What the sweeps read from memory follows changes made through the API, as in every API process.
  const stopFollowing = [
    followCalendarChanges(
      deps.events,
      deps.calendar,
      () => database.orm.em.fork(),
      (error) => logger.error({ err: error }, 'reloading the holiday calendar failed'),
    ),
    followNamesReferenceChanges(deps),
  ];
  // With API instances started apart (JOBS=off, DEMO_DATA=0), the worker is the one process that loads
  // the demo data (DEMO_DATA=1): never two loads racing, and it is in place before the worker is ready.
  if (config.demoData) {
    const demo = await loadDemoData(database.orm, deps);
    logger.info({ accounts: demo.accounts }, 'demo data loaded');
  }
  const jobs = await startJobQueue(database.orm, deps, { work: true });
  deps.jobQueue = jobs.queue;
  logger.info('worker ready');

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'worker stopping');
    const timer = setTimeout(() => {
      logger.error('worker took too long to stop; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 5000);
    try {
      await jobs.stop();
      await Promise.all(stopFollowing.map((stopOne) => stopOne()));
      await deps.close();
      await database.close();
      clearTimeout(timer);
      logger.info('worker stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'worker shutdown failed');
      process.exit(1);
    }
  };
  // SIGTERM, SIGINT, or the launcher's IPC channel closing (npm run topology killed outright).
  onStopRequest((reason) => void shutdown(reason));
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
