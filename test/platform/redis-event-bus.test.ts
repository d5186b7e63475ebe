import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEventTarget } from '../../src/shared/pg-event-target.js';
import { createEventBus, followEvents, type EventBus } from '../../src/shared/pubsub.js';
import { RedisEventTarget } from '../../src/shared/redis-event-target.js';
import { waitFor } from '../helpers/ws.js';

// Two Redis event targets on one Redis stand for two API instances on different hosts: the bus above
// them keeps its contract (delivery once per instance, in publishing order, flush, interruption on a
// lost connection). Needs Redis (CI sets TEST_REDIS_URL); each run uses a key prefix of its own.
const redisUrl = process.env.TEST_REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;
const logger = pino({ level: 'silent' });

/** Collects what a subscription yields until `stop` is called. */
function collect<T>(iterator: AsyncIterableIterator<T>) {
  const received: T[] = [];
  let failure: Error | null = null;
  const done = (async () => {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(next.value);
    } catch (error) {
      failure = error as Error;
    }
  })();
  return {
    received,
    failure: () => failure,
    stop: async () => {
      await iterator.return?.();
      await done;
    },
  };
}

describe.runIf(redisUrl)('the Redis pub/sub event bus', () => {
  const prefix = `qes-test-${randomBytes(4).toString('hex')}:`;
  let targets: RedisEventTarget[] = [];
  let instanceA: EventBus;
  let instanceB: EventBus;

  beforeAll(async () => {
    targets = await Promise.all([0, 1].map(() => RedisEventTarget.connect(redisUrl!, prefix, logger)));
    instanceA = createEventBus(targets[0]);
    instanceB = createEventBus(targets[1]);
  });
  afterAll(async () => {
    await Promise.all(targets.map((target) => target.close()));
  });

  it('delivers an event published on one instance once to each instance, in publishing order', async () => {
    const onA = collect(instanceA.subscribe('NOTIFICATION_RECEIVED', 'user-1'));
    const onB = collect(instanceB.subscribe('NOTIFICATION_RECEIVED', 'user-1'));
    const sent = Array.from({ length: 50 }, (_, i) => ({ id: `n-${i}` }));
    for (const payload of sent) instanceA.publish('NOTIFICATION_RECEIVED', 'user-1', payload);
    await instanceA.flush();
    await waitFor(() => onA.received.length >= 50 && onB.received.length >= 50, 'fifty events on each instance');
    // Nothing more comes (each instance heard each event once).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all([onA.stop(), onB.stop()]);
    expect(onA.received).toEqual(sent);
    expect(onB.received).toEqual(sent);
  });

  it('keeps deployments with different key prefixes apart', async () => {
    const other = await RedisEventTarget.connect(redisUrl!, `${prefix}other:`, logger);
    try {
      const elsewhere = collect(createEventBus(other).subscribe('CALENDAR_CHANGED'));
      const here = collect(instanceB.subscribe('CALENDAR_CHANGED'));
      instanceA.publish('CALENDAR_CHANGED', { id: '2031' });
      await waitFor(() => here.received.length === 1, 'the event on this deployment');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await Promise.all([here.stop(), elsewhere.stop()]);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('refuses a payload over the NOTIFY limit, as the PostgreSQL bus does, so events carry ids', async () => {
    const onB = collect(instanceB.subscribe('TOO_LARGE'));
    const row = { id: 'x', body: 'x'.repeat(8000) };
    expect(targets[0]!.dispatchEvent(Object.assign(new Event('TOO_LARGE'), { detail: row }))).toBe(false);
    instanceA.publish('TOO_LARGE', { id: 'small' });
    await waitFor(() => onB.received.length === 1, 'the small event');
    await onB.stop();
    expect(onB.received).toEqual([{ id: 'small' }]);
  });

  it('ends the subscribers that asked for it when its connection to Redis is lost, then hears again', async () => {
    const target = await RedisEventTarget.connect(redisUrl!, prefix, logger);
    try {
      const bus = createEventBus(target);
      const interrupted = collect(
        bus.subscribe('SERVICE_CASE_UPDATED', 'c-1', { interruptedError: () => new Error('events may be missing') }),
      );
      // A follower of the process's own events (revocations) is told, and carries on.
      let followerTold = 0;
      const followed: unknown[] = [];
      const stopFollowing = followEvents(
        bus,
        'accounts.credentialsRevoked',
        (payload) => void followed.push(payload),
        () => followerTold++,
      );
      // The listening connection, found by its local port, is killed by the server as a network failure would.
      const listenerPort = (target as unknown as { subscriber: Redis }).subscriber.stream.localPort;
      const admin = new Redis(redisUrl!);
      try {
        await admin.client('KILL', 'ADDR', `127.0.0.1:${listenerPort}`);
      } finally {
        admin.disconnect();
      }
      await waitFor(() => interrupted.failure() !== null, 'the interruption');
      expect(interrupted.failure()!.message).toBe('events may be missing');
      expect(followerTold).toBe(1);
      // ioredis reconnects and subscribes again: a new subscriber hears new events.
      const later = collect(bus.subscribe('SERVICE_CASE_UPDATED', 'c-1'));
      await waitFor(
        () => {
          instanceA.publish('SERVICE_CASE_UPDATED', 'c-1', { id: 'c-1' });
          return later.received.length > 0;
        },
        'an event after the reconnection',
        10_000,
      );
      await later.stop();
      instanceA.publish('accounts.credentialsRevoked', { id: 's-1', scope: 'SESSION' });
      await waitFor(() => followed.length === 1, 'the follower hearing again');
      await stopFollowing();
    } finally {
      await target.close();
    }
  });
});

describe.runIf(databaseUrl)('the PostgreSQL event bus and the NOTIFY limit', () => {
  it('refuses a payload over 8,000 bytes instead of failing the NOTIFY of the others', async () => {
    const target = await PostgresEventTarget.connect(databaseUrl!, logger);
    try {
      const row = { id: 'x', body: 'x'.repeat(8000) };
      expect(target.dispatchEvent(Object.assign(new Event('TOO_LARGE'), { detail: row }))).toBe(false);
      expect(target.dispatchEvent(Object.assign(new Event('SMALL'), { detail: { id: 'x' } }))).toBe(true);
    } finally {
      await target.close();
    }
  });
});
