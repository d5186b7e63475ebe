import pg from 'pg';
import type { Logger } from 'pino';
import { BusEvent, EVENTS_INTERRUPTED, type FlushingEventTarget } from './pubsub.js';

// The pub/sub event target for several server processes: events travel through PostgreSQL
// LISTEN/NOTIFY, so a subscriber connected to one process hears a commit made in another.
// Every process (the publisher included) receives its own NOTIFY and dispatches it locally, so an
// event is delivered exactly once per listening process. Payloads stay far below NOTIFY's 8,000-byte
// limit because events carry identifiers and small facts only.
//
// Publishing goes through one connection with at most one statement in flight (pg's client refuses
// to queue queries in its next major version and warns now): events published while one is being
// sent wait in a queue and leave together in the next statement, in publishing order, so every
// process hears them in that order. `flush()` lets a request wait until its events have been sent,
// so an event published after a commit is sent before the client is told of that commit.
//
// A lost connection (PostgreSQL restarted, the connection killed) is replaced. Events sent while this
// process was not listening never reach it, so it then dispatches EVENTS_INTERRUPTED locally: the bus
// ends its subscribers with an error rather than let them carry on with a silent gap.

const CHANNEL = 'qes_events';
/** Below NOTIFY's 8,000 bytes, with room for the envelope; the Redis bus keeps to it too. */
export const MAX_PAYLOAD_BYTES = 7900;

/** At most this many events leave in one statement. */
const MAX_BATCH = 100;
const RECONNECT_DELAY_MS = 1000;

export class PostgresEventTarget implements FlushingEventTarget {
  private readonly local = new EventTarget();
  private readonly pending: string[] = [];
  private sending: Promise<void> = Promise.resolve();
  private sendingActive = false;
  private sequence = 0;
  private listener: pg.Client | null = null;
  private publisher: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  static async connect(url: string, logger: Logger): Promise<PostgresEventTarget> {
    const target = new PostgresEventTarget(url, logger);
    await Promise.all([target.listen(), target.publisherClient()]);
    return target;
  }

  /** Opens the listening connection; when it is lost, interrupts the subscribers and opens another. */
  private async listen(): Promise<void> {
    const listener = new pg.Client({ connectionString: this.url, application_name: 'qes-events-listener' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.closed) return;
      lost = true;
      this.listener = null;
      this.logger.error({ err: error }, 'event listener connection lost; reconnecting');
      listener.end().catch(() => undefined);
      this.local.dispatchEvent(new Event(EVENTS_INTERRUPTED));
      void this.reconnectListener();
    };
    listener.on('notification', (message) => this.receive(message.payload));
    listener.on('error', onLost);
    listener.on('end', () => onLost());
    await listener.connect();
    await listener.query(`LISTEN ${CHANNEL}`);
    this.listener = listener;
  }

  private async reconnectListener(): Promise<void> {
    while (!this.closed && !this.listener) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
      if (this.closed) return;
      try {
        await this.listen();
        this.logger.warn('event listener reconnected');
      } catch (error) {
        this.logger.error({ err: error }, 'event listener could not reconnect; trying again');
      }
    }
  }

  /** The publishing connection, opened again if it was lost. */
  private async publisherClient(): Promise<pg.Client> {
    if (this.publisher) return this.publisher;
    const publisher = new pg.Client({ connectionString: this.url, application_name: 'qes-events-publisher' });
    const forget = (error?: Error) => {
      if (this.publisher === publisher) this.publisher = null;
      if (error && !this.closed) this.logger.error({ err: error }, 'event publisher connection lost');
    };
    publisher.on('error', forget);
    publisher.on('end', () => forget());
    await publisher.connect();
    this.publisher = publisher;
    return publisher;
  }

  private receive(payload: string | undefined): void {
    if (!payload) return;
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

  /** Publishes to every process (this one included, through its own LISTEN). */
  dispatchEvent(event: Event): boolean {
    // `seq` keeps two equal events of one batch apart: PostgreSQL folds identical notifications of a transaction into one.
    const payload = JSON.stringify({
      type: event.type,
      detail: (event as Event & { detail?: unknown }).detail ?? null,
      seq: this.sequence++,
    });
    if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
      this.logger.error(
        { type: event.type, bytes: Buffer.byteLength(payload, 'utf8') },
        'event payload too large; not published',
      );
      return false;
    }
    this.pending.push(payload);
    if (!this.sendingActive) {
      this.sendingActive = true;
      this.sending = this.sendPending();
    }
    return true;
  }

  /** Settles once every event dispatched so far has been sent (or its failure logged). */
  flush(): Promise<void> {
    return this.sending;
  }

  private async sendPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      // A connection found broken is replaced once: the batch is sent on a fresh one or given up.
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          // One transaction: PostgreSQL delivers its notifications together, in the order they were made.
          await (
            await this.publisherClient()
          ).query(
            'select pg_notify($1, payload) from unnest($2::text[]) with ordinality as events(payload, position) order by position',
            [CHANNEL, batch],
          );
          break;
        } catch (error) {
          this.publisher?.end().catch(() => undefined);
          this.publisher = null;
          if (attempt === 2) this.logger.error({ err: error, events: batch.length }, 'publishing events failed');
        }
      }
    }
    this.sendingActive = false;
  }

  /** Sends what is still queued (events of the last requests before a shutdown), then disconnects. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await Promise.allSettled([this.listener?.end(), this.publisher?.end()]);
  }
}
