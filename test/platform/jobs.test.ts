import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { JOBS, startJobs } from '../../src/app/jobs.js';
import type { PlatformDeps } from '../../src/shared/context.js';
import { waitFor } from '../helpers/ws.js';

// The scheduler itself; what each sweep writes is tested with its module (names, financing).

const orm = {} as MikroORM;
const deps = { logger: pino({ level: 'silent' }) } as unknown as PlatformDeps;

describe('scheduled jobs', () => {
  it('runs every job once at start', async () => {
    const ran: string[] = [];
    const stop = startJobs(orm, deps, [
      { name: 'a', cron: '* * * * *', everyMs: 60_000, run: async () => (ran.push('a'), 0) },
      { name: 'b', cron: '* * * * *', everyMs: 60_000, run: async () => (ran.push('b'), 1) },
    ]);
    await stop();
    expect(ran.sort()).toEqual(['a', 'b']);
  });

  it('never runs a job twice at once, and stop waits for the running one', async () => {
    let active = 0;
    let maxActive = 0;
    let finished = 0;
    const stop = startJobs(orm, deps, [
      {
        name: 'slow',
        cron: '* * * * *',
        everyMs: 5,
        run: async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await new Promise((resolve) => setTimeout(resolve, 40));
          active -= 1;
          finished += 1;
          return 0;
        },
      },
    ]);
    await waitFor(() => finished >= 2, 'two runs of the slow job');
    await stop();
    expect(maxActive).toBe(1);
    expect(active).toBe(0);
    const afterStop = finished;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(afterStop);
  });

  it('keeps running after a job fails', async () => {
    let calls = 0;
    const stop = startJobs(orm, deps, [
      {
        name: 'flaky',
        cron: '* * * * *',
        everyMs: 10,
        run: async () => {
          calls += 1;
          throw new Error('database away');
        },
      },
    ]);
    await waitFor(() => calls > 1, 'a second run after the failure');
    await stop();
    expect(calls).toBeGreaterThan(1);
  });

  it('schedules the reservation, financing, idempotency-key, unattached-upload and event-feed sweeps, and the webhook sender', () => {
    expect(JOBS.map((job) => job.name)).toEqual([
      'names.lapsedReservations',
      'financing.expiredDemands',
      'idempotency.expiredKeys',
      'files.lapsedUploads',
      'events.expiredEvents',
      'webhooks.dispatch',
    ]);
  });
});
