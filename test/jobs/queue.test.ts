import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createSystemContext } from '../../src/app/context.js';
import { startJobQueue, type RunningJobQueue } from '../../src/app/job-queue.js';
import { BACKGROUND_JOBS, type ScheduledJob } from '../../src/app/jobs.js';
import { createPlatformDeps } from '../../src/app/platform.js';
import type { Database } from '../../src/db/orm.js';
import { FixedClock } from '../../src/shared/clock.js';
import type { PlatformDeps } from '../../src/shared/context.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { deliverFanOut, notifyEach, type FanOut } from '../../src/shared/notifications/notification.service.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { openTestDatabase } from '../helpers/database.js';
import { waitFor } from '../helpers/ws.js';

// The pg-boss runner (app/job-queue.ts) in this process, on this file's own PostgreSQL database:
// retries, and notification fan-outs added in the mutation's transaction. Several processes on one
// schedule: processes.test.ts.
const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('the pg-boss job queue', () => {
  let database: Database;
  let deps: PlatformDeps;
  const running: RunningJobQueue[] = [];

  const jobRows = async (name: string) =>
    (await database.orm.em
      .fork()
      .execute(
        'select state, retry_count from pgboss.job where name = ? union all select state, retry_count from pgboss.archive where name = ?',
        [name, name],
      )) as { state: string; retry_count: number }[];

  beforeAll(async () => {
    database = await openTestDatabase();
    const config = {
      ...loadConfig({ DATA_DIR: '/tmp/qes-test-unused', SIGNING_KEY: 'test-signing-key-0123456789abcdef0123456789' }),
      databaseUrl: database.orm.config.get('clientUrl')!,
      jobPollSeconds: 1,
      shutdownGraceMs: 2000,
    };
    deps = await createPlatformDeps(config, pino({ level: 'silent' }), new FixedClock('2026-12-07T09:00:00+08:00'));
  });

  afterAll(async () => {
    await Promise.all(running.map((queue) => queue.stop()));
    await deps?.close();
    await database?.close();
  });

  it('retries a failed run, after the retry delay, until it succeeds', async () => {
    const attempts: number[] = [];
    const flaky: ScheduledJob = {
      name: 'test.flaky',
      cron: '0 0 1 1 *',
      everyMs: 60_000,
      run: async () => {
        attempts.push(Date.now());
        if (attempts.length === 1) throw new Error('database away');
        return 1;
      },
    };
    const queue = await startJobQueue(database.orm, deps, {
      work: true,
      scheduled: [flaky],
      background: [],
      retry: { retryDelaySeconds: 1, retryLimit: 2 },
    });
    running.push(queue);
    await waitFor(() => attempts.length >= 2, 'the retry of the failed run', 15_000);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(1000);
    await expect.poll(() => jobRows('test.flaky'), { timeout: 5000 }).toEqual([{ state: 'completed', retry_count: 1 }]);
    expect(attempts).toHaveLength(2);
  });

  it('adds a fan-out as a job in the mutation’s transaction: sent when it commits, gone when it rolls back', async () => {
    const producer = await startJobQueue(database.orm, deps, { work: false });
    running.push(producer);
    const producerDeps: PlatformDeps = { ...deps, jobQueue: producer.queue };
    const agents = [randomUUID(), randomUUID(), randomUUID()];
    const subjectId = randomUUID();
    const input = { kind: 'TEST_FAN_OUT', subjectType: 'Enterprise', subjectId, titleKey: 't', bodyKey: 'b' };

    // Rolled back after the fan-out was added: no job, no notification.
    await expect(
      inTransaction(createSystemContext(database.orm, producerDeps), async (tx) => {
        await notifyEach(tx, agents, input);
        throw new Error('the change fails after it');
      }),
    ).rejects.toThrow('the change fails after it');
    expect(await jobRows('notifications.fanOut')).toEqual([]);

    // Committed: one job, and no notification until a worker takes it.
    await inTransaction(createSystemContext(database.orm, producerDeps), (tx) => notifyEach(tx, agents, input));
    expect(await jobRows('notifications.fanOut')).toEqual([{ state: 'created', retry_count: 0 }]);
    expect(await database.orm.em.fork().count(Notification, { subjectId })).toBe(0);

    const worker = await startJobQueue(database.orm, deps, { work: true, scheduled: [] });
    running.push(worker);
    await expect
      .poll(() => database.orm.em.fork().find(Notification, { subjectId }, { orderBy: { userId: 'asc' } }), {
        timeout: 10_000,
      })
      .toHaveLength(3);
    const sent = await database.orm.em.fork().find(Notification, { subjectId });
    expect(sent.map((n) => n.userId).sort()).toEqual([...agents].sort());
    // Dated when the change was made, not when the job ran.
    for (const notification of sent) expect(notification.createdAt.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    await expect
      .poll(() => jobRows('notifications.fanOut'), { timeout: 5000 })
      .toEqual([{ state: 'completed', retry_count: 0 }]);
  });

  it('writes each notification of a fan-out once, though its job runs again after committing', async () => {
    const fanOut: FanOut = {
      notification: { kind: 'TEST_RETRY', titleKey: 't', bodyKey: 'b', subjectId: randomUUID() },
      recipients: [
        { userId: randomUUID(), id: randomUUID() },
        { userId: randomUUID(), id: randomUUID() },
      ],
      createdAt: '2026-12-07T01:00:00.000Z',
    };
    const job = BACKGROUND_JOBS.find((candidate) => candidate.name === 'notifications.fanOut')!;
    expect(await job.run(database.orm, deps, fanOut)).toBe(2);
    expect(await job.run(database.orm, deps, fanOut)).toBe(0);
    expect(await deliverFanOut(createSystemContext(database.orm, deps), fanOut)).toBe(0);
    expect(await database.orm.em.fork().count(Notification, { subjectId: fanOut.notification.subjectId })).toBe(2);
  });
});
