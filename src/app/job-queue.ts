import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { JobQueue, PlatformDeps, RequestContext } from '../shared/context.js';
import { BACKGROUND_JOBS, JOBS, logJobDone, startJobs, type BackgroundJob, type ScheduledJob } from './jobs.js';

// The jobs on a server database: pg-boss, a queue in PostgreSQL itself (its own schema, "pgboss").
//
// - Each sweep is a queue with a cron schedule. Every process that works the queue checks the schedule,
//   but pg-boss lets one of them add the tick's job (a per-minute singleton), and one process takes it
//   (SELECT … FOR UPDATE SKIP LOCKED): one run per tick, however many processes run. The queue's
//   "stately" policy keeps at most one run active and one waiting, so runs never overlap or pile up;
//   a failed run is retried (with backoff), and a run whose process died is retried once it expires.
// - Notification fan-outs are jobs added inside the mutation's own transaction (pg-boss's `db` option
//   on the transaction's connection): the job exists if and only if the change commits, with no window
//   in which a crash after commit loses it, and a rolled-back mutation leaves none.
// - pg-boss creates and upgrades its schema at start under its own transaction-scoped advisory lock, so
//   instances starting at once do not race; it is apart from our migrations (migrations/), which never
//   touch that schema, and our tables know nothing of it.

/** How a failed job is retried: after this many seconds, doubling each time, up to this many times. */
export interface RetryPolicy {
  retryDelaySeconds: number;
  retryLimit: number;
}

export interface JobQueueOptions {
  /**
   * Run the jobs here (schedules and workers), or only add jobs to the queue: an API instance with
   * JOBS=off still adds its fan-outs, for the worker to do.
   */
  work: boolean;
  scheduled?: ScheduledJob[];
  background?: BackgroundJob[];
  retry?: RetryPolicy;
}

export interface RunningJobQueue {
  queue: JobQueue;
  /** Stops taking jobs, lets running ones finish within the shutdown grace period, closes the pool. */
  stop(): Promise<void>;
}

const DEFAULT_RETRY: RetryPolicy = { retryDelaySeconds: 30, retryLimit: 3 };
/** A sweep still running after this long is taken for dead (its process gone) and retried. */
const SWEEP_EXPIRY_SECONDS = 15 * 60;

/**
 * pg-boss 10 creates its schema under an advisory lock, but not a queue: two processes creating queues
 * at once deadlock (each attaches a partition to the job table). They take turns under this lock.
 */
const QUEUE_CREATION_LOCK = 'qes.pgboss.createQueues';

/** Runs `work` holding a session advisory lock, on a connection of its own that ends (and frees it) after. */
async function holdingLock<T>(databaseUrl: string, lock: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'qes-jobs' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lock]);
    return await work();
  } finally {
    await client.end();
  }
}

/**
 * pg-boss's SQL on the transaction's connection: its $n parameters as the ? bindings MikroORM takes
 * (a parameter may appear more than once), objects as JSON text for its jsonb.
 */
function transactionDb(tx: RequestContext): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const bindings: unknown[] = [];
      const sql = text.replace(/\$(\d+)/g, (_match, position: string) => {
        const value: unknown = values[Number(position) - 1];
        bindings.push(
          value === undefined ? null : typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
        );
        return '?';
      });
      return { rows: await tx.em.execute(sql, bindings, 'all') };
    },
  };
}

export async function startJobQueue(
  orm: MikroORM,
  deps: PlatformDeps,
  options: JobQueueOptions,
): Promise<RunningJobQueue> {
  const { config, logger } = deps;
  if (!config.databaseUrl) throw new Error('the job queue needs DATABASE_URL');
  const scheduled = options.scheduled ?? JOBS;
  const background = options.background ?? BACKGROUND_JOBS;
  const retry = options.retry ?? DEFAULT_RETRY;
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    application_name: 'qes-jobs',
    // A process that only adds jobs adds them on its own transactions' connections.
    max: options.work ? 4 : 1,
    // Only processes that work the queue check the schedules and do pg-boss's upkeep.
    schedule: options.work,
    supervise: options.work,
    cronMonitorIntervalSeconds: config.jobPollSeconds,
    cronWorkerIntervalSeconds: config.jobPollSeconds,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const retryOptions = {
    retryLimit: retry.retryLimit,
    retryDelay: retry.retryDelaySeconds,
    retryBackoff: true,
  };
  // Creating a queue that exists changes nothing: every process makes sure of them all.
  await holdingLock(config.databaseUrl, QUEUE_CREATION_LOCK, async () => {
    for (const job of scheduled) {
      await boss.createQueue(job.name, {
        name: job.name,
        policy: 'stately',
        expireInSeconds: SWEEP_EXPIRY_SECONDS,
        ...retryOptions,
      });
    }
    for (const job of background) await boss.createQueue(job.name, { name: job.name, ...retryOptions });
  });

  if (options.work) {
    const polling = { pollingIntervalSeconds: config.jobPollSeconds };
    const names = new Set(scheduled.map((job) => job.name));
    // A sweep no longer defined loses its schedule (schedules live in the database, not in the code).
    for (const schedule of await boss.getSchedules()) {
      if (!names.has(schedule.name)) await boss.unschedule(schedule.name);
    }
    for (const job of scheduled) {
      await boss.work(job.name, polling, async () => {
        logJobDone(deps, job.name, await job.run(orm, deps));
      });
      // Each tick's job, and the one added at start below, is the minute's singleton: one run a minute
      // at most, whichever process adds it.
      await boss.schedule(job.name, job.cron, {}, { singletonSeconds: 60 });
      // Also once now, as the timer runner does, so a backlog from while no worker ran goes at once.
      await boss.send(job.name, {}, { singletonSeconds: 60 });
    }
    for (const job of background) {
      await boss.work(job.name, polling, async ([queued]) => {
        const count = await job.run(orm, deps, queued!.data);
        logger.debug({ job: job.name, count }, 'background job done');
      });
    }
  }

  return {
    queue: {
      enqueue: async (tx, name, data) => {
        await boss.send(name, data, { db: transactionDb(tx) });
      },
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: config.shutdownGraceMs }),
  };
}

/**
 * Starts the runner this process needs: embedded, the timers (when `work`); on a server database, the
 * pg-boss queue (working it when `work`, else only adding jobs) and background work goes to it.
 * Returns the function that stops it.
 */
export async function startJobRunner(orm: MikroORM, deps: PlatformDeps, work: boolean): Promise<() => Promise<void>> {
  if (!deps.config.databaseUrl) return work ? startJobs(orm, deps) : async () => {};
  const running = await startJobQueue(orm, deps, { work });
  deps.jobQueue = running.queue;
  return running.stop;
}
