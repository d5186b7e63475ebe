import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MAX_PAYLOAD_BYTES } from './pg-event-target.js';
import { BusEvent, EVENTS_INTERRUPTED, type FlushingEventTarget } from './pubsub.js';

// The pub/sub event target for API instances on several hosts sharing one Redis (REDIS_URL): the same
// contract as the PostgreSQL LISTEN/NOTIFY target (pg-event-target.ts), so the bus above it (pubsub.ts)
// keeps its per-subscriber queues, flush and interruption unchanged.
//
// ioredis directly rather than graphql-redis-subscriptions: that package's RedisPubSub is an
// AsyncIterator factory of its own, with no flush and no signal that messages may have been missed,
// which are exactly what the bus needs from its transport; underneath it is the same ioredis
// PUBLISH/SUBSCRIBE used here.
//
// - Every instance (the publisher included) receives its own PUBLISH through its subscription and
//   dispatches it locally: an event reaches each listening instance once.
// - Order: one publishing connection sends commands in order and Redis relays a channel's messages in
//   the order it received them, so every instance hears one publisher's events in publishing order.
// - Size: the same limit as NOTIFY (events carry identifiers; subscription resolvers load the rest), so
//   an event that travels on one bus travels on the other.
// - A lost subscriber connection is reconnected and resubscribed by ioredis; messages published in
//   between never arrive, so the target dispatches EVENTS_INTERRUPTED locally and the bus ends the
//   subscribers that asked for it (the client resubscribes and reloads) instead of a silent gap.
// - Publishing never waits for a lost connection (no offline queue): the event is dropped and logged,
//   and a request's flush() is not held up by an outage.

const COMMAND_TIMEOUT_MS = 2000;

export class RedisEventTarget implements FlushingEventTarget {
  private readonly local = new EventTarget();
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;
  private closed = false;

  private constructor(
    private readonly channel: string,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {}

  /** Connects both connections and subscribes; rejects when Redis cannot be reached. */
  static async connect(url: string, keyPrefix: string, logger: Logger): Promise<RedisEventTarget> {
    const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    const publisher = new Redis(url, {
      ...options,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectionName: 'qes-events-publisher',
    });
    // The subscriber must queue its SUBSCRIBE replayed on reconnection, so it keeps the offline queue.
    const subscriber = new Redis(url, { lazyConnect: true, connectionName: 'qes-events-listener' });
    const target = new RedisEventTarget(`${keyPrefix}events`, publisher, subscriber, logger);
    target.watch();
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe(target.channel);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return target;
  }

  private watch(): void {
    let listening = false;
    let lost = false;
    this.subscriber.on('ready', () => {
      if (lost) this.logger.warn('event listener reconnected');
      listening = true;
      lost = false;
    });
    this.subscriber.on('close', () => {
      if (!listening || this.closed) return;
      listening = false;
      lost = true;
      this.logger.error('event listener connection lost; reconnecting');
      this.local.dispatchEvent(new Event(EVENTS_INTERRUPTED));
    });
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel === this.channel) this.receive(payload);
    });
    // ioredis reports each failed attempt here; without a listener it would print them all.
    let reported = false;
    const onError = (error: Error) => {
      if (!reported && !this.closed) this.logger.error({ err: error }, 'event bus Redis connection failed');
      reported = true;
    };
    this.subscriber.on('error', onError);
    this.publisher.on('error', onError);
    this.publisher.on('ready', () => (reported = false));
  }

  private receive(payload: string): void {
    try {
      const { type, detail } = JSON.parse(payload) as { type: string; detail: unknown };
      this.local.dispatchEvent(new BusEvent(type, detail));
    } catch (error) {
      this.logger.error({ err: error }, 'unreadable event payload');
    }
  }

  addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.local.addEventListener(...args);
  }

  removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.local.removeEventListener(...args);
  }

  /** Publishes to every instance (this one included, through its own subscription). */
  dispatchEvent(event: Event): boolean {
    const payload = JSON.stringify({
      type: event.type,
      detail: (event as Event & { detail?: unknown }).detail ?? null,
      seq: this.sequence++,
    });
    const bytes = Buffer.byteLength(payload, 'utf8');
    if (bytes > MAX_PAYLOAD_BYTES) {
      this.logger.error({ type: event.type, bytes }, 'event payload too large; not published');
      return false;
    }
    const sent: Promise<void> = this.publisher.publish(this.channel, payload).then(
      () => undefined,
      (error: unknown) => this.logger.error({ err: error, type: event.type }, 'publishing an event failed'),
    );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
    return true;
  }

  /** Settles once every event dispatched so far has been sent (or its failure logged). */
  async flush(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
