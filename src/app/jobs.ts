import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../shared/context.js';
import { sweepLapsedReservations } from '../modules/names/index.js';
import { expireDueDemands } from '../modules/financing/index.js';
import { purgeLapsedUploads } from '../shared/files/retention.js';
import { forgetExpiredIdempotencyKeys } from '../shared/idempotency/idempotency.js';
import { NOTIFICATION_FAN_OUT, deliverFanOut, type FanOut } from '../shared/notifications/notification.service.js';
import { sweepExpiredEvents } from '../shared/events/event-feed.service.js';
import { runWebhooks } from '../modules/webhooks/index.js';
import { createSystemContext } from './context.js';

// Work the platform does by the clock, and work a mutation hands off. Every read already shows a lapsed
// reservation, an expired demand or a lapsed upload as such; the sweeps write that state down (and send
// the notifications it causes), or delete what is gone, so indexes stay small and the figures count it.
// (Overdue investor-service cases and hosting forwardings have no sweep: "overdue" is worked out on read
// from the live working-day calendar, and nothing is stored for it.)
//
// One list of definitions, two runners: on the embedded database, timers in the one process (startJobs
// below); with DATABASE_URL, the pg-boss queue (job-queue.ts), where each sweep is a cron schedule that
// runs once per tick however many processes work the queue.

export interface ScheduledJob {
  name: string;
  /** The pg-boss schedule (cron, UTC). */
  cron: string;
  /** The timer runner's interval: the same period as `cron`. */
  everyMs: number;
  /** Does the work; returns how many things it changed. */
  run(orm: MikroORM, deps: PlatformDeps): Promise<number>;
}

/** A job added on demand (shared/job-queue.ts), with what it carries. */
export interface BackgroundJob {
  name: string;
  run(orm: MikroORM, deps: PlatformDeps, data: unknown): Promise<number>;
}

/** Every `minutes` (a divisor of 60, or 60), as both runners count it. */
function every(minutes: number): Pick<ScheduledJob, 'cron' | 'everyMs'> {
  return { cron: minutes >= 60 ? '0 * * * *' : `*/${minutes} * * * *`, everyMs: minutes * 60_000 };
}

export const JOBS: ScheduledJob[] = [
  {
    name: 'names.lapsedReservations',
    ...every(5),
    run: (orm, deps) => sweepLapsedReservations(createSystemContext(orm, deps)),
  },
  {
    name: 'financing.expiredDemands',
    ...every(5),
    run: (orm, deps) => expireDueDemands(orm.em.fork(), deps.clock),
  },
  {
    name: 'idempotency.expiredKeys',
    ...every(60),
    run: (orm, deps) => forgetExpiredIdempotencyKeys(orm.em.fork(), deps.clock),
  },
  {
    name: 'files.lapsedUploads',
    ...every(60),
    run: (orm, deps) => purgeLapsedUploads(orm.em.fork(), deps),
  },
  {
    name: 'events.expiredEvents',
    ...every(60),
    run: (orm, deps) => sweepExpiredEvents(orm.em.fork(), deps.clock.now()),
  },
  {
    // Webhooks (modules/webhooks/webhook-delivery.ts): the new events' deliveries, then the due sends and
    // retries. Every minute, the schedule's finest step; a retry's backoff starts at one minute.
    name: 'webhooks.dispatch',
    ...every(1),
    run: (orm, deps) => runWebhooks(createSystemContext(orm, deps)),
  },
];

export const BACKGROUND_JOBS: BackgroundJob[] = [
  {
    name: NOTIFICATION_FAN_OUT,
    run: (orm, deps, data) => deliverFanOut(createSystemContext(orm, deps), data as FanOut),
  },
];

/** Logs a finished run: at info when it changed something, else at debug (a quiet sweep every few minutes). */
export function logJobDone(deps: PlatformDeps, job: string, count: number): void {
  if (count > 0) deps.logger.info({ job, count }, 'scheduled job done');
  else deps.logger.debug({ job, count }, 'scheduled job done');
}

/**
 * The embedded runner: starts the jobs on timers in this process, each at once and then periodically,
 * never twice at once; returns a function that stops them and waits for a running one to finish.
 */
export function startJobs(orm: MikroORM, deps: PlatformDeps, jobs: ScheduledJob[] = JOBS): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const runOnce = (job: ScheduledJob) => {
    if (stopped || running.has(job.name)) return;
    const run = job
      .run(orm, deps)
      .then((count) => logJobDone(deps, job.name, count))
      .catch((error: unknown) => deps.logger.error({ err: error, job: job.name }, 'scheduled job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  for (const job of jobs) {
    runOnce(job);
    const timer = setInterval(() => runOnce(job), job.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return async () => {
    stopped = true;
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled(running.values());
  };
}
