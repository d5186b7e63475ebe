import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../shared/context.js';
import { sweepLapsedReservations } from '../modules/names/index.js';
import { expireDueDemands } from '../modules/financing/index.js';
import { purgeLapsedUploads } from '../shared/files/retention.js';
import { forgetExpiredIdempotencyKeys } from '../shared/idempotency/idempotency.js';
import { createSystemContext } from './context.js';

// Work the platform does by the clock. Every read already shows a lapsed reservation, an expired
// demand or a lapsed upload as such; these sweeps write that state down (and send the notifications
// it causes), or delete what is gone, so indexes stay small and the figures count it. Each runs at
// start and then periodically, never twice at once.

interface Job {
  name: string;
  everyMs: number;
  run(orm: MikroORM, deps: PlatformDeps): Promise<number>;
}

export const JOBS: Job[] = [
  {
    name: 'names.lapsedReservations',
    everyMs: 5 * 60_000,
    run: (orm, deps) => sweepLapsedReservations(createSystemContext(orm, deps)),
  },
  {
    name: 'financing.expiredDemands',
    everyMs: 5 * 60_000,
    run: (orm, deps) => expireDueDemands(orm.em.fork(), deps.clock),
  },
  {
    name: 'idempotency.expiredKeys',
    everyMs: 60 * 60_000,
    run: (orm, deps) => forgetExpiredIdempotencyKeys(orm.em.fork(), deps.clock),
  },
  {
    name: 'files.lapsedUploads',
    everyMs: 60 * 60_000,
    run: (orm, deps) => purgeLapsedUploads(orm.em.fork(), deps),
  },
];

/** Starts the jobs; returns a function that stops them and waits for a running one to finish. */
export function startJobs(orm: MikroORM, deps: PlatformDeps, jobs: Job[] = JOBS): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const runOnce = (job: Job) => {
    if (stopped || running.has(job.name)) return;
    const run = job
      .run(orm, deps)
      .then((count) => {
        if (count > 0) deps.logger.info({ job: job.name, count }, 'scheduled job done');
      })
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
