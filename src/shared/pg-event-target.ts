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

export class PostgresEventTarget implements EventTarget {
  private readonly local = new EventTarget();

  private constructor(
    private readonly listener: pg.Client,
    private readonly publisher: pg.Client,
    private readonly logger: Logger,
  ) {}

  static async connect(url: string, logger: Logger): Promise<PostgresEventTarget> {
    const listener = new pg.Client({ connectionString: url });
    const publisher = new pg.Client({ connectionString: url });
    await Promise.all([listener.connect(), publisher.connect()]);
    const target = new PostgresEventTarget(listener, publisher, logger);
    listener.on('notification', (message) => target.receive(message.payload));
    listener.on('error', (error) => logger.error({ err: error }, 'event listener connection failed'));
    publisher.on('error', (error) => logger.error({ err: error }, 'event publisher connection failed'));
    await listener.query(`LISTEN ${CHANNEL}`);
    return target;
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
    await Promise.allSettled([this.listener.end(), this.publisher.end()]);
  }
}
