import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Locale } from './messages.js';
import type { EventBus } from './pubsub.js';
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
  loaders: OperationLoaders;
  deps: PlatformDeps;
  /** Work to do once the surrounding transaction has committed (publishing events). */
  afterCommit: (() => void)[];
}

// The two contracts below take the context as an argument while the context holds them, so they are
// declared here, beside it: shared/loaders.ts (the DataLoaders) and app/job-queue.ts (the pg-boss
// queue) implement them and import this file, and this file imports neither.

/** A DataLoader's batch function, defined once at module level with `defineLoader` (shared/loaders.ts). */
export interface LoaderDefinition<K, V> {
  name: string;
  batch: (ctx: RequestContext, keys: readonly K[]) => Promise<(V | Error)[]>;
}

/** The operation's DataLoaders, one per definition, made on first use (`Loaders` in shared/loaders.ts). */
export interface OperationLoaders {
  /** Sets the context the batch functions receive; called once, as soon as the context exists. */
  bind(ctx: RequestContext): void;
  get<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V>;
}

/**
 * Work a mutation hands to a job instead of doing it inline: with a server database, the pg-boss queue
 * (app/job-queue.ts). The job is added inside the caller's transaction, so it exists, and later runs,
 * exactly when the change that caused it commits; a rolled-back mutation leaves no job behind.
 */
export interface JobQueue {
  enqueue(tx: RequestContext, name: string, data: object): Promise<void>;
}
