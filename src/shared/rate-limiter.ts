import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from 'pino';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

// Counters of points per key and period (the cost budget, the sign-in lockout, the objection limit),
// kept where every API instance sees the same count, whichever instance a request reaches:
// - Redis when REDIS_URL is set (rate-limiter-flexible's RateLimiterRedis over ioredis: one atomic
//   Lua script per request, expiry by Redis itself);
// - otherwise the PostgreSQL server of DATABASE_URL (RateLimiterPostgres: one upsert per request) in
//   the table `rate_limits` that a migration creates, so no instance needs the right to create tables
//   and the key may be longer than the library's own varchar(255) (an email and an address);
// - in memory only for the embedded single process (PGlite lives in one process anyway).
//
// When the shared store fails (Redis or PostgreSQL down, slow beyond STORE_TIMEOUT_MS), each limiter
// falls back to its insurance limiter: the same limit counted in this instance's memory. Requests keep
// being served (an outage of the counter must not become an outage of the API, as GitHub's, Stripe's and
// Cloudflare's limiters fail open), yet no limit ever disappears: a caller gets at most the limit per
// instance while the store is away, and a password guesser at most the lockout's failures per instance.
// Once the store answers again the shared counts resume.
//
// A limiter asked on every request (the cost budget) may be given a local share, so that a request does
// not wait for the store each time: with one PostgreSQL upsert per request, the bank search at one
// connection cost 0.79–0.81 ms of PostgreSQL CPU per request and a p50 of 4.2–5.6 ms, with the local
// share 0.62–0.65 ms and 3.1–5.0 ms (npm run bench, same runs, BENCH_BASELINE of the commit before, on a
// busy two-core machine). The pattern is rate-limiter-flexible's own
// "consume with periodic sync" (its wiki, animir/node-rate-limiter-flexible#308) and bucket4j's batched
// consumption with a bounded overshoot (bucket4j/bucket4j#8): while a caller is far from its limit, each
// instance decides from the shared count it last read plus what it admitted since, and writes its
// admissions back in one call per key: at once when they would exceed its share, come within its share of
// the limit, or when the count it read is older than LOCAL_VIEW_MS, else within LOCAL_VIEW_MS. Near the
// limit, and for every refusal, the store decides. The bound: an instance admits at most `share` of the limit that the others have not yet
// seen, so n instances together admit at most (1 + n × share) × the limit in a period; one instance alone
// is exact. A crash loses at most one instance's share of counts.

/** What the services use of a limiter. */
export type RateLimiter = Pick<RateLimiterAbstract, 'consume' | 'get' | 'delete' | 'points'>;

export type RateLimitBackend =
  { kind: 'memory' } | { kind: 'redis'; url: string; keyPrefix: string } | { kind: 'postgres'; url: string };

/** How long the shared store may take to answer before the insurance limiter decides. */
const STORE_TIMEOUT_MS = 1000;

/** The table of the PostgreSQL store (migrations/…_RateLimits.ts). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** How long a count read from the shared store decides requests here without asking it again. */
export const LOCAL_VIEW_MS = 100;

export interface RateLimitStore {
  readonly kind: RateLimitBackend['kind'];
  /**
   * The limiter of these options; one per distinct `keyPrefix` and limits, created on first use.
   * `localShare` (0 to 1): the part of the limit an instance may admit before the others see it.
   */
  limiter(options: IRateLimiterOptions & { keyPrefix: string; localShare?: number }): RateLimiter;
  close(): Promise<void>;
}

interface LocalView {
  /** The store's count when last read. */
  shared: number;
  /** Admitted here since, not yet written to the store. */
  pending: number;
  readAt: number;
  resetAt: number;
  reading: boolean;
}

/** A shared limiter that decides locally within `slack` points per key (the bound above). */
function withLocalShare(store: RateLimiter, slack: number): { limiter: RateLimiter; stop: () => void } {
  const points = store.points;
  const views = new Map<string, LocalView>();
  const read = async (key: string, view: LocalView | undefined, cost: number): Promise<RateLimiterRes> => {
    const sent = (view?.pending ?? 0) + cost;
    const next: LocalView = view ?? { shared: 0, pending: 0, readAt: 0, resetAt: 0, reading: true };
    next.pending = 0;
    next.reading = true;
    views.set(key, next);
    const record = (answer: RateLimiterRes) => {
      next.shared = answer.consumedPoints;
      next.readAt = Date.now();
      next.resetAt = next.readAt + answer.msBeforeNext;
      next.reading = false;
    };
    try {
      const answer = await store.consume(key, sent);
      record(answer);
      return answer;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) record(rejection);
      else {
        views.delete(key); // unknown: the next request asks the store again
      }
      throw rejection;
    }
  };
  // Admissions nobody asked about since are written within LOCAL_VIEW_MS.
  const flush = setInterval(() => {
    const now = Date.now();
    for (const [key, view] of views) {
      if (now >= view.resetAt && !view.reading) views.delete(key);
      else if (view.pending > 0 && !view.reading) read(key, view, 0).catch(() => undefined);
    }
  }, LOCAL_VIEW_MS);
  flush.unref();
  const limiter: RateLimiter = {
    points,
    async consume(key, cost = 1) {
      const view = views.get(String(key));
      const now = Date.now();
      // Locally only while far from the limit: near it (and for every refusal) the store decides.
      const local =
        view !== undefined &&
        now < view.resetAt &&
        view.pending + cost <= slack &&
        view.shared + view.pending + cost <= points - slack &&
        (view.reading || now - view.readAt < LOCAL_VIEW_MS);
      // Beyond the share while a read is under way: this one request asks the store by itself.
      if (!local) return view?.reading ? store.consume(key, cost) : read(String(key), view, cost);
      view.pending += cost;
      const total = view.shared + view.pending;
      return new RateLimiterRes(points - total, view.resetAt - now, total, false);
    },
    get: (key, options) => store.get(key, options),
    async delete(key, options) {
      views.delete(String(key));
      return store.delete(key, options);
    },
  };
  return { limiter, stop: () => clearInterval(flush) };
}

export async function createRateLimitStore(backend: RateLimitBackend, logger: Logger): Promise<RateLimitStore> {
  const limiters = new Map<string, RateLimiter>();
  const stops: (() => void)[] = [];
  let make: (options: IRateLimiterOptions & { keyPrefix: string }) => RateLimiter;
  let close = async () => {};

  if (backend.kind === 'redis') {
    const redis = new Redis(backend.url, {
      lazyConnect: true,
      // A command while disconnected fails at once (the insurance limiter answers) instead of waiting.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: STORE_TIMEOUT_MS,
      connectionName: 'qes-rate-limits',
    });
    let reported = false;
    redis.on('error', (error: Error) => {
      // ioredis reconnects by itself; one line per outage, not one per retry.
      if (!reported) logger.error({ err: error }, 'rate-limit store (Redis) unreachable; counting in memory');
      reported = true;
    });
    redis.on('ready', () => {
      if (reported) logger.warn('rate-limit store (Redis) reachable again');
      reported = false;
    });
    await redis.connect().catch(() => undefined);
    make = (options) =>
      new RateLimiterRedis({
        ...options,
        keyPrefix: `${backend.keyPrefix}${options.keyPrefix}`,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    close = async () => {
      redis.disconnect();
    };
  } else if (backend.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: backend.url,
      application_name: 'qes-rate-limits',
      // A count lost in a crash costs nothing; waiting for a flush to disk on every request would.
      options: '-c synchronous_commit=off',
      max: 4,
      connectionTimeoutMillis: STORE_TIMEOUT_MS,
      query_timeout: STORE_TIMEOUT_MS,
    });
    // An idle connection lost (the server restarted) is only dropped from the pool; unhandled, it would end the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'rate-limit store connection lost'));
    let reported = false;
    // The pool as the limiter sees it: one line per outage in the log, the failure passed on to the insurance limiter.
    const store = {
      query: async (query: pg.QueryConfig) => {
        try {
          const result = await pool.query(query);
          if (reported) logger.warn('rate-limit store (PostgreSQL) reachable again');
          reported = false;
          return result;
        } catch (error) {
          if (!reported) logger.error({ err: error }, 'rate-limit store (PostgreSQL) unreachable; counting in memory');
          reported = true;
          throw error;
        }
      },
    };
    make = (options) =>
      new RateLimiterPostgres({
        ...options,
        storeClient: store,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        // Rows expired an hour ago are deleted every five minutes; one such timer per process is enough.
        clearExpiredByTimeout: limiters.size === 0,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    close = () => pool.end();
  } else {
    make = (options) => new RateLimiterMemory(options);
  }

  return {
    kind: backend.kind,
    limiter({ localShare = 0, ...options }) {
      const identity = JSON.stringify([
        options.keyPrefix,
        options.points,
        options.duration,
        options.blockDuration ?? 0,
        localShare,
      ]);
      let limiter = limiters.get(identity);
      if (!limiter) {
        limiter = make(options);
        const slack = Math.floor((options.points ?? 0) * localShare);
        // In memory the count is local anyway; a limiter that blocks must see every count at once.
        if (backend.kind !== 'memory' && slack > 0 && !options.blockDuration) {
          const shared = withLocalShare(limiter, slack);
          limiter = shared.limiter;
          stops.push(shared.stop);
        }
        limiters.set(identity, limiter);
      }
      return limiter;
    },
    close: async () => {
      for (const stop of stops) stop();
      await close();
    },
  };
}
