import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { requestScope } from '../app/request-scope.js';

// Read replicas (DATABASE_REPLICA_URLS). MikroORM opens one connection pool per replica and, with
// `preferReadReplicas`, asks the driver for a 'read' connection for every read outside a transaction.
// Its own choice is a random replica, healthy or not; here the driver answers instead:
//  - a replica only inside `onReplica(...)` (the searches and public reads that may be a moment stale),
//    the primary for everything else, so no other read can see older data than before;
//  - the primary once the request wrote (a transaction, an INSERT/UPDATE/DELETE, a mutation), so a
//    request reads its own writes;
//  - only replicas that answered the last health check and replay within REPLICA_MAX_LAG_MS;
//    none healthy: the primary (readiness depends on the primary alone).

interface Connection {
  execute(sql: unknown, params?: unknown[], method?: string, ctx?: unknown, loggerContext?: unknown): Promise<unknown>;
  begin(options?: unknown): Promise<unknown>;
}

interface RoutingDriver {
  connection: Connection;
  replicas: Connection[];
  getConnection(type?: 'read' | 'write'): Connection;
  execute(sql: unknown, params?: unknown[], method?: string, ctx?: unknown, loggerContext?: unknown): Promise<unknown>;
  rethrow<T>(promise: Promise<T>): Promise<T>;
}

/** What one health check found of a replica. */
export interface ReplicaHealth {
  name: string;
  healthy: boolean;
  /** Replay lag in milliseconds, or null when the replica did not answer. */
  lagMs: number | null;
  reason: string | null;
}

export interface ReplicaRouting {
  /** The last health check of each replica, in DATABASE_REPLICA_URLS order. */
  health(): ReplicaHealth[];
  /** Runs a health check now (tests; the timer runs one every interval). */
  check(): Promise<ReplicaHealth[]>;
  stop(): void;
}

const replicaWanted = new AsyncLocalStorage<{ wrote: boolean }>();
/** Requests (their request scope) that wrote: their reads stay on the primary. */
const requestsThatWrote = new WeakSet<object>();
/** Each replica connection's way of taking itself out of use (see replicaFailed). */
const takeOutOfUse = new WeakMap<object, (reason: string) => void>();

/**
 * Whether `error` says the server went away or cannot serve the read (connection refused or broken, a
 * server shutting down, a query cancelled by a conflict with WAL replay), rather than a fault of the query.
 */
function isOutage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    /^(08|57P0[1-3]|40001|E(CONN(REFUSED|RESET|ABORTED)|PIPE|TIMEDOUT|HOSTUNREACH))/.test(code)
  )
    return true;
  return typeof message === 'string' && /Connection terminated|Timeout acquiring a connection/i.test(message);
}

/**
 * Called when a read on `connection` failed: true when it is a replica and the failure an outage, which
 * takes the replica out of use until a health check finds it well; the caller then reads the primary.
 */
export function replicaFailed(connection: object, error: unknown): boolean {
  const markDown = takeOutOfUse.get(connection);
  if (!markDown || !isOutage(error)) return false;
  markDown(`unreachable: ${(error as Error).message}`);
  return true;
}

/**
 * Runs `read` with its reads served by a healthy replica when there is one: for searches and public
 * reads, whose answer may be up to REPLICA_MAX_LAG_MS old. Reads inside a transaction, and every read
 * of a request that has written, still go to the primary.
 */
export function onReplica<T>(read: () => Promise<T>): Promise<T> {
  return replicaWanted.run({ wrote: false }, read);
}

/** Marks the current request (and replica scope) as having written: its further reads go to the primary. */
export function markWritten(): void {
  const scope = requestScope.getStore();
  if (scope) requestsThatWrote.add(scope);
  const wanted = replicaWanted.getStore();
  if (wanted) wanted.wrote = true;
}

function mayReadReplica(): boolean {
  const wanted = replicaWanted.getStore();
  if (!wanted || wanted.wrote) return false;
  const scope = requestScope.getStore();
  return !scope || !requestsThatWrote.has(scope);
}

const WRITE_STATEMENT = /^\s*(?:insert|update|delete|merge|truncate|copy|call|create|alter|drop|grant|lock)\b/i;

/**
 * What a replica has replayed. Its lag is judged against the primary's WAL position sampled at each
 * check (see lagOf), not against the age of the last transaction it replayed: after a quiet spell that
 * age is large even for a replica that is up to date. A server that is not in recovery is no replica
 * (e.g. one promoted after a failover): not used.
 */
const REPLAYED_SQL = `select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed`;

/** A WAL position ("16/B374D848") as a number, to compare. */
function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface WalSample {
  at: number;
  lsn: bigint;
}

/**
 * How far behind a replica that replayed up to `replayed` is: none when it has everything the primary
 * had written at the latest sample; otherwise the age of the latest sample it has fully replayed (it
 * holds at least everything the primary had then). Older than every sample kept: beyond any bound.
 */
export function lagOf(replayed: bigint, samples: WalSample[], now: number): number {
  const latest = samples.at(-1);
  if (!latest || replayed >= latest.lsn) return 0;
  for (let index = samples.length - 2; index >= 0; index--) {
    if (replayed >= samples[index]!.lsn) return now - samples[index]!.at;
  }
  return Infinity;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Takes over the driver's choice of connection (see the top of this file) and checks the replicas
 * every `checkIntervalMs`. Until the first check has answered no replica is used.
 */
export async function routeReads(
  orm: MikroORM,
  options: { maxLagMs: number; checkIntervalMs?: number; logger?: Logger },
): Promise<ReplicaRouting> {
  const driver = orm.em.getDriver() as unknown as RoutingDriver;
  const primary = driver.connection;
  const replicas = driver.replicas.map((connection, index) => ({
    connection,
    /** Its own execute, without the fallback to the primary added below: what the health check uses. */
    execute: connection.execute.bind(connection),
    state: { name: `replica ${index + 1}`, healthy: false, lagMs: null, reason: 'not checked yet' } as ReplicaHealth,
  }));
  const interval = options.checkIntervalMs ?? Math.min(1000, Math.max(50, Math.floor(options.maxLagMs / 4)));
  const timeoutMs = Math.max(1000, interval);

  // Writes through the primary mark the request, whichever way they come (flush, em.transactional, raw SQL).
  const begin = primary.begin.bind(primary);
  primary.begin = (beginOptions?: unknown) => {
    markWritten();
    return begin(beginOptions);
  };
  const execute = primary.execute.bind(primary);
  primary.execute = (sql, params, method, ctx, loggerContext) => {
    if (typeof sql !== 'string' || WRITE_STATEMENT.test(sql)) markWritten();
    return execute(sql, params, method, ctx, loggerContext);
  };
  // `em.execute` (raw SQL) always takes MikroORM's primary connection; a SELECT outside a transaction
  // may take a replica here like the ORM's own reads.
  driver.execute = (sql, params, method, ctx, loggerContext) => {
    const reads = !ctx && typeof sql === 'string' && !WRITE_STATEMENT.test(sql);
    const connection = reads ? driver.getConnection('read') : primary;
    return driver.rethrow(connection.execute(sql, params, method, ctx, loggerContext));
  };

  // A replica that fails between two checks is taken out of use at once and the read repeated on the primary.
  for (const replica of replicas) {
    takeOutOfUse.set(replica.connection, (reason) => {
      if (replica.state.healthy) options.logger?.warn({ replica: replica.state.name, reason }, 'read replica skipped');
      replica.state = { ...replica.state, healthy: false, lagMs: null, reason };
    });
    replica.connection.execute = async (sql, params, method, ctx, loggerContext) => {
      try {
        return await replica.execute(sql, params, method, ctx, loggerContext);
      } catch (error) {
        if (ctx || !replicaFailed(replica.connection, error)) throw error;
        return execute(sql, params, method, ctx, loggerContext);
      }
    };
  }

  driver.getConnection = (type = 'write') => {
    if (type === 'write' || !mayReadReplica()) return primary;
    const healthy = replicas.filter((replica) => replica.state.healthy);
    if (healthy.length === 0) return primary;
    return healthy[Math.floor(Math.random() * healthy.length)]!.connection;
  };

  // The primary's WAL position at each check, as long as a lag bound needs looking back.
  const samples: WalSample[] = [];
  const checkOne = async (replica: (typeof replicas)[number], now: number): Promise<ReplicaHealth> => {
    const name = replica.state.name;
    try {
      const rows = (await withTimeout(replica.execute(REPLAYED_SQL, [], 'all'), timeoutMs)) as {
        standby: boolean;
        replayed: string | null;
      }[];
      const row = rows[0]!;
      if (!row.standby || !row.replayed)
        return { name, healthy: false, lagMs: null, reason: 'not in recovery (not a replica)' };
      const lagMs = lagOf(lsnValue(row.replayed), samples, now);
      return lagMs <= options.maxLagMs
        ? { name, healthy: true, lagMs, reason: null }
        : { name, healthy: false, lagMs, reason: `replay lag above ${options.maxLagMs} ms` };
    } catch (error) {
      return { name, healthy: false, lagMs: null, reason: `unreachable: ${(error as Error).message}` };
    }
  };

  const check = async (): Promise<ReplicaHealth[]> => {
    const now = Date.now();
    try {
      const rows = (await execute('select pg_current_wal_lsn()::text as lsn', [], 'all')) as { lsn: string }[];
      samples.push({ at: now, lsn: lsnValue(rows[0]!.lsn) });
      while (samples.length > 2 && now - samples[1]!.at > options.maxLagMs + 2 * interval) samples.shift();
    } catch {
      // The primary did not answer: keep the last verdicts (a replica is judged against the primary).
      return replicas.map((replica) => replica.state);
    }
    const results = await Promise.all(replicas.map((replica) => checkOne(replica, now)));
    results.forEach((result, index) => {
      const replica = replicas[index]!;
      if (result.healthy !== replica.state.healthy) {
        if (result.healthy) options.logger?.info({ replica: result.name, lagMs: result.lagMs }, 'read replica in use');
        else options.logger?.warn({ replica: result.name, reason: result.reason }, 'read replica skipped');
      }
      replica.state = result;
    });
    return results;
  };

  // At start a replica out of use changes no state, so say here why it is not used.
  for (const state of await check())
    if (!state.healthy) options.logger?.warn({ replica: state.name, reason: state.reason }, 'read replica skipped');
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(() => {
      void check().finally(() => {
        if (!stopped) loop();
      });
    }, interval);
    timer.unref();
  };
  loop();
  return {
    health: () => replicas.map((replica) => replica.state),
    check,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
