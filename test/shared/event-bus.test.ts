import { describe, expect, it } from 'vitest';
import { createEventBus, SubscriberTooSlowError } from '../../src/shared/pubsub.js';

// The in-process bus: each subscriber its own stream, whatever the others do.

/** An EventTarget that counts the listeners added to it for one event type. */
class CountingTarget extends EventTarget {
  added = 0;
  removed = 0;
  constructor(private readonly type: string) {
    super();
  }
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    if (args[0] === this.type) this.added++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    if (args[0] === this.type) this.removed++;
    super.removeEventListener(...args);
  }
}

async function take<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i++) values.push((await iterator.next()).value as T);
  return values;
}

describe('the event bus', () => {
  it('gives each subscriber every event of a burst, once and in order, though none was reading', async () => {
    const bus = createEventBus();
    const all = bus.subscribe<{ id: string }>('DEMAND');
    const even = bus.subscribe<{ id: string }>('DEMAND', undefined, { where: (e) => Number(e.id) % 2 === 0 });
    for (let i = 0; i < 10; i++) bus.publish('DEMAND', { id: String(i) });

    expect((await take(all, 10)).map((e) => e.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect((await take(even, 5)).map((e) => e.id)).toEqual(['0', '2', '4', '6', '8']);
  });

  it('keeps the subscribers of one topic id apart from those of another', async () => {
    const bus = createEventBus();
    const first = bus.subscribe<{ id: string }>('OFFER', 'demand-1');
    const second = bus.subscribe<{ id: string }>('OFFER', 'demand-2');
    bus.publish('OFFER', 'demand-1', { id: 'a' });
    bus.publish('OFFER', 'demand-2', { id: 'b' });
    bus.publish('OFFER', 'demand-1', { id: 'c' });

    expect(await take(first, 2)).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(await take(second, 1)).toEqual([{ id: 'b' }]);
  });

  it('listens once per topic however many subscribe, and stops listening when the last leaves', async () => {
    const target = new CountingTarget('DEMAND');
    const bus = createEventBus(target);
    const subscribers = Array.from({ length: 50 }, () => bus.subscribe('DEMAND'));
    expect(target.added).toBe(1);

    await Promise.all(subscribers.map((subscriber) => subscriber.return!()));
    expect(target.removed).toBe(1);
  });

  it('ends a subscriber that falls too far behind after what it was queued, and spares the others', async () => {
    const bus = createEventBus(new EventTarget(), 3);
    const slow = bus.subscribe<{ id: string }>('DEMAND');
    const reading = bus.subscribe<{ id: string }>('DEMAND');
    const heard: string[] = [];
    for (let i = 0; i < 5; i++) {
      bus.publish('DEMAND', { id: String(i) });
      heard.push(((await reading.next()).value as { id: string }).id);
    }

    expect((await take(slow, 3)).map((e) => e.id)).toEqual(['0', '1', '2']);
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(heard).toEqual(['0', '1', '2', '3', '4']);
  });

  it('ends a waiting subscriber when it is returned', async () => {
    const bus = createEventBus();
    const subscriber = bus.subscribe('DEMAND');
    const pending = subscriber.next();
    await subscriber.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});
