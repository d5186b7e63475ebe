import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Loaders } from './loaders.js';
import type { Locale } from './messages.js';
import type { EventBus } from './pubsub.js';
import type { JobQueue } from './job-queue.js';
import type { Viewer } from './viewer.js';
import type { CalendarCache } from './calendar/calendar.cache.js';
import type { RateLimitStore } from './rate-limiter.js';

/** What lives for the whole process and every request may use. */
export interface PlatformDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  calendar: CalendarCache;
  /** Where the rate-limit and lockout counts live, shared by every instance (shared/rate-limiter.ts). */
  rateLimits: RateLimitStore;
  /** Secret for signatures the platform issues (licence verification codes). */
  signingKey: Buffer;
  /**
   * The job queue background work goes to (notification fan-outs), set once the pg-boss runner has
   * started (app/job-queue.ts); absent on the embedded database, where that work runs inline.
   */
  jobQueue?: JobQueue;
  /** Releases what the dependencies hold (the event bus's and the rate-limit store's connections). */
  close(): Promise<void>;
}

/**
 * One operation's context: built once per HTTP request or WebSocket subscription. Services take it
 * first, so every query runs on this operation's EntityManager (inside its transaction when there is one).
 */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  viewer: Viewer;
  /** The client's address (the forwarded one only from a trusted proxy); null for the platform's own work. */
  clientAddress: string | null;
  em: EntityManager;
  loaders: Loaders;
  deps: PlatformDeps;
  /** Work to do once the surrounding transaction has committed (publishing events). */
  afterCommit: (() => void)[];
}
