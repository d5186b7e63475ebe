import type { PubSub } from 'type-graphql';

/**
 * The one pub/sub interface of the platform. Services publish small facts (identifiers) after commit;
 * subscription resolvers load the rest with the subscriber's own permissions. Payloads stay small so a
 * PostgreSQL LISTEN/NOTIFY event target (8,000-byte payloads) can carry them between processes.
 *
 * Delivery is exact: each subscriber has a queue of its own and receives every event of its topic
 * that arrives while it is subscribed, once, in the order the process received them (on the PostgreSQL
 * bus: the order of the NOTIFY commits, the same in every process). A subscriber that falls more than
 * `maxQueued` events behind is ended with an error once it has consumed what it was queued: it never
 * silently loses an event in the middle of its stream.
 */
export interface EventBus extends PubSub {
  subscribe<T = unknown>(topic: string, id?: unknown, options?: SubscribeOptions<T>): AsyncIterableIterator<T>;
  /** Settles once every event published so far has left this process (no-op in memory). */
  flush(): Promise<void>;
}

export interface SubscribeOptions<T> {
  /** Only events passing this are queued (the others never count against the subscriber's queue). */
  where?: (payload: T) => boolean;
  /** The error that ends a subscriber which fell too far behind (default: SubscriberTooSlowError). */
  overflowError?: () => Error;
  /** How far this subscriber may fall behind (default: the bus's `maxQueued`). */
  maxQueued?: number;
  /**
   * The error that ends the subscriber when events may have been missed (the bus lost its database
   * connection). Without it the subscriber carries on: for followers of the process's own events.
   */
  interruptedError?: () => Error;
  /** Called when events may have been missed, whether or not that ends the subscriber. */
  onInterrupted?: () => void;
}

/** Dispatched by an event target that may have missed events (its connection was lost). */
export const EVENTS_INTERRUPTED = 'qes:events-interrupted';

export interface DomainEvent {
  /** Global or local id of the object the event is about. */
  id: string;
  [fact: string]: string | number | boolean | null;
}

/** An event target whose dispatches leave the process asynchronously (PostgreSQL NOTIFY). */
export interface FlushingEventTarget extends EventTarget {
  flush(): Promise<void>;
}

/** An Event carrying a published payload (`detail`), as the PostgreSQL target dispatches them too. */
export class BusEvent extends Event {
  constructor(
    type: string,
    readonly detail: unknown,
  ) {
    super(type);
  }
}

/** How far a subscriber may fall behind before it is ended (about a minute of a busy topic). */
export const DEFAULT_MAX_QUEUED = 5000;

export class SubscriberTooSlowError extends Error {
  constructor() {
    super('The subscriber fell too far behind the events of its topic');
    this.name = 'SubscriberTooSlowError';
  }
}

/** One subscriber's stream: its own queue, fed by the topic's single listener. */
class Subscriber<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private finished = false;

  constructor(
    private readonly options: SubscribeOptions<T>,
    private readonly maxQueued: number,
    private readonly detach: (subscriber: Subscriber<T>) => void,
  ) {}

  /** Called by the topic's listener, synchronously, in the order events arrive. */
  deliver(payload: T): void {
    if (this.finished || this.failure) return;
    if (this.options.where && !this.options.where(payload)) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: payload, done: false });
    } else if (this.queue.length < this.maxQueued) {
      this.queue.push(payload);
    } else {
      // Later events are not queued: what the subscriber receives stays a gapless prefix, then the error.
      this.fail(this.options.overflowError?.() ?? new SubscriberTooSlowError());
    }
  }

  /** Ends the subscriber with `error` once it has consumed what was queued before. */
  fail(error: Error): void {
    if (this.finished || this.failure) return;
    this.failure = error;
    this.detach(this);
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.end();
      reject(error);
    }
  }

  /** The event target may have missed events: end this subscriber (after its queue), if it asked to be. */
  interrupt(): void {
    if (this.finished || this.failure) return;
    this.options.onInterrupted?.();
    if (this.options.interruptedError) this.fail(this.options.interruptedError());
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.end();
      return Promise.reject(failure);
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private end(): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = null;
    this.queue.length = 0;
    this.detach(this);
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ value: undefined, done: true });
  }
}

/**
 * The bus over an event target: in memory by default, or PostgreSQL LISTEN/NOTIFY between processes.
 * Each topic has one listener on the target however many subscribe to it; that listener hands each
 * event to the topic's subscribers in turn.
 */
export function createEventBus(
  eventTarget: EventTarget | FlushingEventTarget = new EventTarget(),
  maxQueued = DEFAULT_MAX_QUEUED,
): EventBus {
  const topics = new Map<string, { listener: (event: Event) => void; subscribers: Set<Subscriber<unknown>> }>();
  const topicOf = (name: string, id: unknown) => (id === undefined ? name : `${name}:${String(id)}`);

  const detach = (topic: string) => (subscriber: Subscriber<unknown>) => {
    const entry = topics.get(topic);
    if (!entry?.subscribers.delete(subscriber) || entry.subscribers.size > 0) return;
    topics.delete(topic);
    eventTarget.removeEventListener(topic, entry.listener);
  };

  eventTarget.addEventListener(EVENTS_INTERRUPTED, () => {
    for (const { subscribers } of [...topics.values()])
      for (const subscriber of [...subscribers]) subscriber.interrupt();
  });

  return {
    publish(name: string, ...args: unknown[]) {
      const [id, payload] = args.length > 1 ? args : [undefined, args[0]];
      eventTarget.dispatchEvent(new BusEvent(topicOf(name, id), payload ?? null));
    },
    subscribe<T>(name: string, id?: unknown, options: SubscribeOptions<T> = {}): AsyncIterableIterator<T> {
      const topic = topicOf(name, id);
      let entry = topics.get(topic);
      if (!entry) {
        const subscribers = new Set<Subscriber<unknown>>();
        const listener = (event: Event) => {
          const payload = (event as BusEvent).detail;
          // A copy: a subscriber ending while this event is handed out must not skip its neighbours.
          for (const subscriber of [...subscribers]) {
            try {
              subscriber.deliver(payload);
            } catch (error) {
              // A filter that throws ends its own subscriber, never the others' delivery.
              subscriber.fail(error instanceof Error ? error : new Error(String(error)));
            }
          }
        };
        entry = { listener, subscribers };
        topics.set(topic, entry);
        eventTarget.addEventListener(topic, listener);
      }
      const subscriber = new Subscriber<T>(
        options,
        options.maxQueued ?? maxQueued,
        detach(topic) as (s: Subscriber<T>) => void,
      );
      entry.subscribers.add(subscriber as Subscriber<unknown>);
      return subscriber;
    },
    flush() {
      return 'flush' in eventTarget ? eventTarget.flush() : Promise.resolve();
    },
  };
}

/**
 * Runs `onEvent` for every event on `topic` (from every process, on the PostgreSQL bus) until the
 * returned function is called. For what each process keeps in memory and another process can change:
 * revoked credentials, the holiday calendar, the name word lists.
 */
export function followEvents<T>(
  events: EventBus,
  topic: string,
  onEvent: (payload: T) => void | Promise<void>,
  onInterrupted?: () => void,
): () => Promise<void> {
  // Unbounded and never ended by an interruption: these followers are the process's own, rare events,
  // and ending one would leave the process wrong for good (a revoked credential accepted until a restart).
  // `onInterrupted` lets a follower drop what a missed event could have made wrong.
  const iterator = events.subscribe<T>(topic, undefined, { maxQueued: Infinity, onInterrupted });
  const following = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await onEvent(next.value);
  })();
  return async () => {
    await iterator.return?.();
    await following;
  };
}
