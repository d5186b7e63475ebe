import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import proxyAddress from 'proxy-addr';

// Every setting comes from the environment, parsed and checked once at start. A bad value stops the
// process with a message naming the variable (exit code 2, see main.ts), never halfway through a request.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  /** TCP port of the HTTP server (GraphQL, WebSocket, health, web client). */
  port: number;
  /** Host/interface to bind. */
  host: string;
  /** PostgreSQL server; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
  /**
   * Read replicas of `databaseUrl` (streaming standbys) for searches and public reads; empty: none.
   * Each gets its own pool of `databasePoolSize` connections.
   */
  databaseReplicaUrls: string[];
  /** Replay lag beyond which a replica is skipped until it catches up (checked every quarter of it, at most every second). */
  replicaMaxLagMs: number;
  /** Connections in the pool when `databaseUrl` is set. */
  databasePoolSize: number;
  /** Folder of the embedded database and of generated local secrets. */
  dataDir: string;
  /**
   * Apply pending migrations at start (under an advisory lock, db/orm.ts). Off: the release applies them
   * (`npm run migrate`), and an instance that finds one pending refuses to start (main.ts).
   */
  migrateOnStart: boolean;
  /** Load the demo accounts and data (default: on in embedded mode, off on a server). */
  demoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long in-flight requests may take to finish on SIGTERM/SIGINT. */
  shutdownGraceMs: number;
  /** Lifetime of a sign-in session. */
  sessionTtlHours: number;
  /** Whether the schema may be introspected (partners and the explorer need it). */
  introspection: boolean;
  /** Highest cost one operation may have (see app/limits). */
  maxQueryCost: number;
  /** Cost points each API key, user or anonymous IP may spend per minute. */
  rateLimitPointsPerMinute: number;
  /**
   * Which peers' X-Forwarded-For is believed when reading the client's address: a number of proxy hops
   * in front of the server, or the addresses/CIDR ranges (or proxy-addr's names loopback, linklocal,
   * uniquelocal) of the proxies. Default: none, the socket's own address.
   */
  trustProxy: number | string[];
  /**
   * Failed sign-ins before a lockout: per account and source address (within 15 minutes, then that
   * source waits 15 minutes) and per account from all sources (within an hour, then everyone waits an hour).
   */
  signInLockout: { failuresPerSource: number; failuresPerAccount: number };
  /** Secret for signing licence verification codes; in embedded mode generated into dataDir when absent. */
  signingKey: string | null;
  /** Serve the built web client from web/dist at `/`. */
  serveWeb: boolean;
  /**
   * The address people reach the web client at, e.g. "https://qes.qingdao.gov.cn", for links printed on
   * documents (the licence's QR code). When absent, the origin the request came to is used.
   */
  publicUrl: string | null;
  /**
   * Redis shared by every API instance, e.g. "redis://redis.internal:6379/0": the rate-limit and lockout
   * counts and the event bus go through it. When absent they use the PostgreSQL server (or memory).
   */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel of this deployment, so that several can share one Redis. */
  redisKeyPrefix: string;
  /**
   * Where the rate-limit and lockout counts live (shared/rate-limiter.ts): Redis with REDIS_URL, else the
   * PostgreSQL server of DATABASE_URL, else (the embedded single process) memory. Not a setting of its own.
   */
  rateLimitStore: 'memory' | 'postgres' | 'redis';
  /**
   * Where events for subscriptions travel: inside this process, through PostgreSQL LISTEN/NOTIFY or through
   * Redis pub/sub, so that several server processes hear each other. Default: redis with REDIS_URL, else
   * postgres with DATABASE_URL, else memory.
   */
  eventBus: 'memory' | 'postgres' | 'redis';
  /** Seconds a recognised session token or API key is trusted without asking the database again. */
  credentialCacheSeconds: number;
  /**
   * Processes serving requests (app/cluster.ts). Default: one per usable core, up to four, with a server
   * database and the postgres or redis event bus (a single Node.js thread is what limits the busy searches);
   * one otherwise, as the embedded database lives in one process. Several need DATABASE_URL and such a bus.
   */
  workers: number;
  /** Hours an uploaded file never attached to anything is kept before the scheduled sweep deletes it. */
  unattachedUploadRetentionHours: number;
  /** Subscriptions one WebSocket may have open at once (each costs a resolution per published event). */
  webSocketMaxSubscriptionsPerSocket: number;
  /** Subscriptions one session or API key may have open at once over all its WebSockets to one process. */
  webSocketMaxSubscriptionsPerCredential: number;
  /**
   * Seconds between checks of the credentials of open WebSockets against the database: a session that
   * expired or whose user was disabled closes its sockets within this time (revocations arrive at once).
   */
  webSocketCredentialCheckSeconds: number;
  /**
   * Whether this process runs the scheduled sweeps and background jobs (app/jobs.ts): `in-process` (the
   * default) or `off`, for API instances beside a `npm run worker` process. Embedded, they run on timers;
   * with DATABASE_URL through the pg-boss queue, once per schedule however many processes run them.
   */
  jobs: 'in-process' | 'off';
  /** Seconds between a job process's looks for due jobs and schedule ticks (pg-boss polling). */
  jobPollSeconds: number;
  /**
   * Let webhook endpoints use plain http and private, loopback or link-local addresses (development and
   * tests only). Off, the default: https only, and a URL whose host resolves to any such address is
   * refused at registration and again at every delivery (server-side request forgery, DNS rebinding).
   */
  webhooksAllowPrivate: boolean;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const normalised = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalised)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalised)) return false;
  throw new ConfigError(name, `must be 1/0, true/false, yes/no or on/off, got "${raw}"`);
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'must name a database');
  return raw;
}

function postgresUrl(variable: string, raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, 'is not a valid URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(variable, `must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(variable, 'must name a database');
}

/** DATABASE_REPLICA_URLS: comma-separated PostgreSQL URLs of read replicas of DATABASE_URL. */
function replicaUrls(env: Env, primary: string | null): string[] {
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (urls.length && !primary) throw new ConfigError('DATABASE_REPLICA_URLS', 'replicas need DATABASE_URL');
  for (const url of urls) postgresUrl('DATABASE_REPLICA_URLS', url);
  return urls;
}

/**
 * The default stops at four workers: each has its own pool of DATABASE_POOL_SIZE connections, and
 * PostgreSQL allows 100 by default. A bigger host sets WORKERS, within max_connections.
 */
const MAX_DEFAULT_WORKERS = 4;

/**
 * The whole cores a cgroup v2 CPU limit (`cpu.max`: "quota period", or "max period" for none) allows,
 * at least one; null without a limit. Node.js 20 counts the host's cores even in a limited container.
 */
export function coresAllowedBy(cpuMax: string | null): number | null {
  const [quota, period] = (cpuMax ?? '').trim().split(/\s+/);
  if (!quota || !period || quota === 'max') return null;
  const cores = Number(quota) / Number(period);
  return Number.isFinite(cores) && cores > 0 ? Math.max(1, Math.floor(cores)) : null;
}

function usableCores(): number {
  let cpuMax: string | null = null;
  try {
    cpuMax = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8');
  } catch {
    // no cgroup v2 limit to read (another OS, or cgroup v1)
  }
  return Math.min(availableParallelism(), coresAllowedBy(cpuMax) ?? Infinity);
}

function workers(env: Env, url: string | null, bus: Config['eventBus']): number {
  const fallback = url && bus !== 'memory' ? Math.min(usableCores(), MAX_DEFAULT_WORKERS) : 1;
  const count = integer(env, 'WORKERS', fallback, 1, availableParallelism() * 4);
  if (count > 1 && !url)
    throw new ConfigError('WORKERS', 'several workers need DATABASE_URL: the embedded database lives in one process');
  if (count > 1 && bus === 'memory')
    throw new ConfigError(
      'EVENT_BUS',
      'memory reaches only its own process; with several WORKERS use postgres or redis',
    );
  return count;
}

function eventBus(env: Env, url: string | null, redis: string | null): Config['eventBus'] {
  const raw = env.EVENT_BUS?.trim().toLowerCase();
  if (!raw) return redis ? 'redis' : url ? 'postgres' : 'memory';
  if (raw !== 'memory' && raw !== 'postgres' && raw !== 'redis')
    throw new ConfigError('EVENT_BUS', `must be memory, postgres or redis, got "${raw}"`);
  if (raw === 'postgres' && !url) throw new ConfigError('EVENT_BUS', 'postgres needs DATABASE_URL');
  if (raw === 'redis' && !redis) throw new ConfigError('EVENT_BUS', 'redis needs REDIS_URL');
  return raw;
}

function redisUrl(env: Env): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL', 'is not a valid URL (expected redis://host:port/db or rediss://…)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must start with redis:// or rediss://, got ${url.protocol}//`);
  }
  return raw;
}

/** TRUST_PROXY: a hop count, or a comma-separated list of addresses, CIDR ranges and proxy-addr's names. */
function trustProxy(env: Env): Config['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '') return [];
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const addresses = raw.split(',').map((address) => address.trim());
  try {
    proxyAddress.compile(addresses);
  } catch (error) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be a number of hops or a list of addresses/CIDR ranges (or loopback, linklocal, uniquelocal): ${(error as Error).message}`,
    );
  }
  return addresses;
}

function publicUrl(env: Env): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', 'is not a valid URL (expected e.g. https://qes.example.cn)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('PUBLIC_URL', `must start with https:// or http://, got ${url.protocol}//`);
  }
  // Only the origin and a path prefix are kept; links are made by appending to it.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function jobs(env: Env, url: string | null): Config['jobs'] {
  const raw = env.JOBS?.trim().toLowerCase();
  if (!raw) return 'in-process';
  if (raw !== 'in-process' && raw !== 'off') throw new ConfigError('JOBS', `must be in-process or off, got "${raw}"`);
  if (raw === 'off' && !url)
    throw new ConfigError('JOBS', 'off needs DATABASE_URL: only a server database can have a separate worker');
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const url = databaseUrl(env);
  const logLevel = (env.LOG_LEVEL ?? 'info').trim() as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const signingKey = env.SIGNING_KEY?.trim() || null;
  if (signingKey !== null && signingKey.length < 32) {
    throw new ConfigError('SIGNING_KEY', 'must be at least 32 characters of random text');
  }
  if (url !== null && signingKey === null && env.NODE_ENV === 'production') {
    throw new ConfigError('SIGNING_KEY', 'is required in production with DATABASE_URL');
  }
  const redis = redisUrl(env);
  const bus = eventBus(env, url, redis);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl: url,
    databaseReplicaUrls: replicaUrls(env, url),
    replicaMaxLagMs: integer(env, 'REPLICA_MAX_LAG_MS', 2000, 10, 3_600_000),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    dataDir: env.DATA_DIR?.trim() || './data',
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', true),
    demoData: boolean(env, 'DEMO_DATA', url === null),
    logLevel,
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    introspection: boolean(env, 'INTROSPECTION', true),
    maxQueryCost: integer(env, 'MAX_QUERY_COST', 10_000, 10, 10_000_000),
    rateLimitPointsPerMinute: integer(env, 'RATE_LIMIT_POINTS_PER_MINUTE', 60_000, 1, 100_000_000),
    trustProxy: trustProxy(env),
    signInLockout: {
      failuresPerSource: integer(env, 'SIGN_IN_FAILURES_PER_SOURCE', 5, 1, 1000),
      failuresPerAccount: integer(env, 'SIGN_IN_FAILURES_PER_ACCOUNT', 50, 1, 100_000),
    },
    signingKey,
    serveWeb: boolean(env, 'SERVE_WEB', true),
    publicUrl: publicUrl(env),
    redisUrl: redis,
    redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || 'qes:',
    rateLimitStore: redis ? 'redis' : url ? 'postgres' : 'memory',
    eventBus: bus,
    workers: workers(env, url, bus),
    credentialCacheSeconds: integer(env, 'CREDENTIAL_CACHE_SECONDS', 5, 0, 60),
    unattachedUploadRetentionHours: integer(env, 'UNATTACHED_UPLOAD_RETENTION_HOURS', 24, 1, 24 * 90),
    webSocketMaxSubscriptionsPerSocket: integer(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 20, 1, 1000),
    webSocketMaxSubscriptionsPerCredential: integer(env, 'WS_MAX_SUBSCRIPTIONS_PER_CREDENTIAL', 50, 1, 100_000),
    webSocketCredentialCheckSeconds: integer(env, 'WS_CREDENTIAL_CHECK_SECONDS', 5, 1, 3600),
    jobs: jobs(env, url),
    jobPollSeconds: integer(env, 'JOB_POLL_SECONDS', 5, 1, 45),
    webhooksAllowPrivate: boolean(env, 'WEBHOOKS_ALLOW_PRIVATE', false),
  };
}
