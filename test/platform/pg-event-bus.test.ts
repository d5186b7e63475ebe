import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { PostgresEventTarget } from '../../src/shared/pg-event-target.js';
import { createEventBus, followEvents, type EventBus } from '../../src/shared/pubsub.js';

// Two event buses on one PostgreSQL database stand for two server processes: an event published
// through one reaches the subscribers of both, once each. Needs the PostgreSQL server (CI sets
// TEST_DATABASE_URL); PGlite is one connection inside one process and has no use for it.
const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('the PostgreSQL LISTEN/NOTIFY event bus', () => {
  const logger = pino({ level: 'silent' });
  let targets: PostgresEventTarget[] = [];
  let processA: EventBus;
  let processB: EventBus;

  beforeAll(async () => {
    targets = [await PostgresEventTarget.connect(url!, logger), await PostgresEventTarget.connect(url!, logger)];
    processA = createEventBus(targets[0]);
    processB = createEventBus(targets[1]);
  });
  afterAll(async () => {
    await Promise.all(targets.map((t) => t.close()));
  });

  async function next(iterable: AsyncIterable<unknown>): Promise<unknown> {
    const iterator = iterable[Symbol.asyncIterator]();
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no event within 5 s')), 5000));
    const result = (await Promise.race([iterator.next(), timeout])) as IteratorResult<unknown>;
    await iterator.return?.();
    return result.value;
  }

  it('delivers an event published in one process to a subscriber in another', async () => {
    const heard = next(processB.subscribe('NOTIFICATION_RECEIVED', 'user-1'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    processA.publish('NOTIFICATION_RECEIVED', 'user-1', { id: 'n-1' });
    expect(await heard).toEqual({ id: 'n-1' });
  });

  it('delivers to the publishing process too, once', async () => {
    const iterator = processA.subscribe('NOTIFICATION_RECEIVED', 'user-2')[Symbol.asyncIterator]();
    const received: unknown[] = [];
    const collecting = (async () => {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return;
        received.push(value);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    processA.publish('NOTIFICATION_RECEIVED', 'user-2', { id: 'n-2' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await iterator.return?.();
    await collecting;
    expect(received).toEqual([{ id: 'n-2' }]);
  });

  it('does not deliver an event to a subscriber of another topic id', async () => {
    const iterator = processB.subscribe('NOTIFICATION_RECEIVED', 'user-3')[Symbol.asyncIterator]();
    const pending = iterator.next();
    processA.publish('NOTIFICATION_RECEIVED', 'user-4', { id: 'n-4' });
    const outcome = await Promise.race([
      pending.then(() => 'heard'),
      new Promise((r) => setTimeout(() => r('silent'), 500)),
    ]);
    await iterator.return?.();
    expect(outcome).toBe('silent');
  });

  it('delivers a burst from several publishers to every process, each event once, in one order everywhere', async () => {
    const inA = processA.subscribe<{ id: string }>('FINANCING_DEMAND_PUBLISHED');
    const inB = processB.subscribe<{ id: string }>('FINANCING_DEMAND_PUBLISHED');
    const inB2 = processB.subscribe<{ id: string }>('FINANCING_DEMAND_PUBLISHED');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Published in one tick from both processes, as concurrent requests do; equal payloads included.
    for (let i = 0; i < 300; i++) {
      (i % 2 ? processA : processB).publish('FINANCING_DEMAND_PUBLISHED', { id: i % 50 === 0 ? 'same' : `d-${i}` });
    }
    await Promise.all([processA.flush(), processB.flush()]);
    const read = async (iterator: AsyncIterableIterator<{ id: string }>) => {
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) ids.push((await iterator.next()).value.id);
      await iterator.return?.();
      return ids;
    };
    const [a, b, b2] = await Promise.all([read(inA), read(inB), read(inB2)]);

    expect(a.filter((id) => id === 'same')).toHaveLength(6);
    expect(new Set(a.filter((id) => id !== 'same')).size).toBe(294);
    // Each publisher's events in its own order, and the same interleaving in every process.
    const fromA = a.filter((id) => id !== 'same' && Number(id.slice(2)) % 2 === 1);
    expect(fromA).toEqual([...fromA].sort((x, y) => Number(x.slice(2)) - Number(y.slice(2))));
    expect(b).toEqual(a);
    expect(b2).toEqual(a);
  });

  it('refuses a payload larger than NOTIFY allows instead of failing silently downstream', () => {
    const event = Object.assign(new Event('BIG'), { detail: { id: 'x'.repeat(9000) } });
    expect(targets[0]!.dispatchEvent(event)).toBe(false);
  });

  describe('when a connection is lost', () => {
    const database = `qes_test_bus_${randomBytes(4).toString('hex')}`;
    let busUrl = '';
    let target: PostgresEventTarget;
    let bus: EventBus;

    async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    }
    const terminate = (applicationName: string) =>
      admin((client) =>
        client.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = $2',
          [database, applicationName],
        ),
      );

    beforeAll(async () => {
      await admin((client) => client.query(`create database "${database}"`));
      const parsed = new URL(url!);
      parsed.pathname = `/${database}`;
      busUrl = parsed.toString();
      target = await PostgresEventTarget.connect(busUrl, logger);
      bus = createEventBus(target);
    });
    afterAll(async () => {
      await target?.close();
      await admin((client) => client.query(`drop database if exists "${database}" with (force)`));
    });

    it('ends its subscribers with an error after what they had, listens again, and keeps its followers', async () => {
      const followed: string[] = [];
      const stopFollowing = followEvents<{ id: string }>(bus, 'CALENDAR_CHANGED', (event) => {
        followed.push(event.id);
      });
      class Interrupted extends Error {}
      const subscriber = bus.subscribe<{ id: string }>('FINANCING_DEMAND_PUBLISHED', undefined, {
        interruptedError: () => new Interrupted(),
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      bus.publish('FINANCING_DEMAND_PUBLISHED', { id: 'before' });
      await bus.flush();
      expect((await subscriber.next()).value).toEqual({ id: 'before' });

      await terminate('qes-events-listener');
      await expect(subscriber.next()).rejects.toBeInstanceOf(Interrupted);

      const again = bus.subscribe<{ id: string }>('FINANCING_DEMAND_PUBLISHED');
      const deadline = Date.now() + 10_000;
      let heard: IteratorResult<{ id: string }> | 'silent' = 'silent';
      // Published until the new listening connection hears it (it reconnects within about a second).
      while (heard === 'silent' && Date.now() < deadline) {
        bus.publish('FINANCING_DEMAND_PUBLISHED', { id: 'after' });
        bus.publish('CALENDAR_CHANGED', { id: 'after' });
        heard = await Promise.race([again.next(), new Promise<'silent'>((r) => setTimeout(() => r('silent'), 300))]);
      }
      expect(heard).toEqual({ value: { id: 'after' }, done: false });
      await again.return!();
      while (!followed.includes('after') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(followed).toContain('after');
      await stopFollowing();
    });

    it('sends on a new connection when the publishing one was lost', async () => {
      const subscriber = bus.subscribe<{ id: string }>('FINANCING_DEMAND_PUBLISHED');
      await terminate('qes-events-publisher');
      await new Promise((resolve) => setTimeout(resolve, 100));
      bus.publish('FINANCING_DEMAND_PUBLISHED', { id: 'resent' });
      await bus.flush();
      expect((await subscriber.next()).value).toEqual({ id: 'resent' });
      await subscriber.return!();
    });
  });
});
