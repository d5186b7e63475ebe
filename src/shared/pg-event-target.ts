import pg from 'pg';
import type { Logger } from 'pino';

// The pub/sub event target for several server processes: events travel through PostgreSQL
// LISTEN/NOTIFY, so a subscriber connected to one process hears a commit made in another.
// Every process (the publisher included) receives its own NOTIFY and dispatches it locally, so an
// event is delivered exactly once per listening process. Payloads stay far below NOTIFY's 8,000-byte
// limit because events carry identifiers and small facts only.

const CHANNEL = 'qes_events';
const MAX_PAYLOAD_BYTES = 7900;

/** An Event carrying the published payload the way graphql-yoga's pub/sub reads it (`detail`). */
class BusEvent extends Event {
  constructor(
    type: string,
    readonly detail: unknown,
  ) {
    super(type);
  }
}

/** Waits between attempts to listen again after the connection broke. */
const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];

export class PostgresEventTarget implements EventTarget {
  private readonly local = new EventTarget();
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    // A pool of one replaces a broken connection by itself on the next publish.
    private readonly publisher: pg.Pool,
    private readonly logger: Logger,
  ) {}

  static async connect(url: string, logger: Logger): Promise<PostgresEventTarget> {
    const publisher = new pg.Pool({ connectionString: url, max: 1 });
    publisher.on('error', (error) => logger.error({ err: error }, 'event publisher connection failed'));
    const target = new PostgresEventTarget(url, publisher, logger);
    await target.listen();
    return target;
  }

  /** Opens the LISTEN connection. When it breaks later, lost() opens a new one. */
  private async listen(): Promise<void> {
    const listener = new pg.Client({ connectionString: this.url });
    listener.on('notification', (message) => this.receive(message.payload));
    listener.on('error', (error) => this.lost(listener, error));
    listener.on('end', () => this.lost(listener));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      listener.end().catch(() => undefined);
      throw error;
    }
    this.listener = listener;
    if (this.closed) await listener.end();
  }

  /** The established LISTEN connection broke (PostgreSQL restarted, say): listen again until it works. */
  private lost(listener: pg.Client, error?: Error): void {
    if (this.closed || listener !== this.listener) return;
    this.listener = null;
    this.logger.error({ err: error }, 'event listener connection lost; reconnecting');
    listener.end().catch(() => undefined);
    void this.listenAgain();
  }

  private async listenAgain(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((resolve) =>
        setTimeout(resolve, RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]),
      );
      try {
        await this.listen();
        this.logger.info('event listener connected again');
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'event listener cannot connect yet');
      }
    }
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
    const payload = JSON.stringify({
      type: event.type,
      detail: (event as Event & { detail?: unknown }).detail ?? null,
    });
    if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
      this.logger.error(
        { type: event.type, bytes: Buffer.byteLength(payload, 'utf8') },
        'event payload too large; not published',
      );
      return false;
    }
    this.publisher
      .query('select pg_notify($1, $2)', [CHANNEL, payload])
      .catch((error: unknown) => this.logger.error({ err: error, type: event.type }, 'publishing an event failed'));
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([this.listener?.end(), this.publisher.end()]);
  }
}
