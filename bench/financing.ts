import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrate, openDatabase } from '../src/db/orm.js';
import { SESSION_TOKEN_PREFIX, hashPassword, newSecret, sha256 } from '../src/modules/accounts/credentials.js';
import {
  FinancingDemandOrderField,
  FinancingDemandStatus,
  OrderDirection,
} from '../src/modules/financing/financing.enums.js';
import { demandSearchStatement } from '../src/modules/financing/financing.search.js';
import { Enterprise } from '../src/modules/registration/index.js';
import { enterpriseSummaryReaderOf } from '../src/modules/registration/enterprise-summaries.js';
import { District } from '../src/shared/graphql/reference.types.js';
import { SERVER_NODE_FLAGS } from '../src/runtime-flags.js';
import { loadDataSet, loadMarker, type Sizes } from './load.js';
// Only its type here: dist/bench runs the module from scripts/, imported by path in main().
import type { StreamingReplica } from '../scripts/streaming-replica.mjs';

// npm run bench: the bank search at a million demands, against the floor of this machine.
//
// 1. Migrates the PostgreSQL database at DATABASE_URL and fills it with the synthetic set (bench/load.ts)
//    unless it already holds it (BENCH_RELOAD=1 forces a reload). The database is the benchmark's own.
// 2. Starts our server from dist (node dist/src/main.js) and the floor (dist/bench/floor.js); and the
//    production topology's variant: two API instances (WORKERS=1 each, as one process per container)
//    with a streaming replica of the PostgreSQL server (scripts/streaming-replica.mjs) serving the
//    search, and Redis for the limits when one answers. autocannon spreads its connections over the two
//    (connection i goes to instance i mod 2), as a connection-level load balancer does, without a proxy
//    process of its own on these cores. BENCH_TOPOLOGY=0 leaves the variant out.
// 3. Drives "the 50 newest open demands in Huangdao between 500,000 and 12,000,000 yuan, each with its
//    enterprise and the viewing bank's offers" over HTTP with autocannon: 1 and 32 connections, page 1
//    and page 2,000 back to back in slices of 5 s, the targets taking turns (alternating which goes
//    first), twice.
// 4. Prints requests/s, p50 and p99 latency, errors and each server's CPU milliseconds per request, and
//    our figures as ratios of the floor's; writes them to bench/results/latest.json.

const env = process.env;
const DATABASE_URL = env.DATABASE_URL;
const DURATION = Number(env.BENCH_DURATION_SECONDS ?? 10);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 2);
const POOL = Number(env.BENCH_POOL_SIZE ?? 10);
const SIZES: Sizes = {
  enterprises: Number(env.BENCH_ENTERPRISES ?? 20_000),
  demands: Number(env.BENCH_DEMANDS ?? 1_000_000),
  banks: 20,
  applicants: 200,
};
const OUR_PORT = 4210;
const FLOOR_PORT = 4211;
const SINGLE_PORT = 4212;
const TOPOLOGY_PORTS = [4213, 4214];
const REPLICA_PORT = 5435; // the read-replica tests use 5433, npm run topology 5434
const TOPOLOGY = env.BENCH_TOPOLOGY !== '0';
// A same-run A/B: the built checkout of another commit (its dist/ and node_modules/) served as the target `base`.
const BASELINE = env.BENCH_BASELINE ? resolve(env.BENCH_BASELINE) : null;
const BASELINE_PORT = 4215;
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DISTRICT = District.HUANGDAO;
const AMOUNT_MIN_FEN = 500_000_00;
const AMOUNT_MAX_FEN = 12_000_000_00;
const PAGE = 50;
// Far enough that an offset would show; a small data set (BENCH_DEMANDS) needs a nearer one.
const FAR_PAGE = Number(env.BENCH_FAR_PAGE ?? 2000);
const CLOCK_TICK_MS = 10; // /proc times are in USER_HZ = 100 ticks per second on Linux

const QUERY = `query BankSearch($after: String) {
  financingDemands(first: ${PAGE}, after: $after, filter: { districts: [${DISTRICT}], amountMin: { amount: "${(AMOUNT_MIN_FEN / 100).toFixed(2)}" }, amountMax: { amount: "${(AMOUNT_MAX_FEN / 100).toFixed(2)}" } }) {
    edges { cursor node {
      id number amount { amount currency } termMonths purpose guaranteeType maxAnnualRate publishedAt expiresAt status offerCount district
      industry { code }
      enterprise { id name uscc industry { code } }
      offers(first: 10) { edges { node { id status amount { amount currency } annualRate termMonths createdAt } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** CPU ticks of a process and its children (the cluster's workers). */
function treeTicks(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    children = [];
  }
  return cpuTicks(pid) + children.reduce((sum, child) => sum + treeTicks(child), 0);
}

function cpuTicks(pid: number): number {
  return processTicks(pid).ticks;
}

/** utime + stime of a process, and its start time: a pid can be reused, the pair cannot. */
function processTicks(pid: number): { ticks: number; started: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), started: fields[19] ?? '' };
  } catch {
    return { ticks: 0, started: '' };
  }
}

async function postgresBackends(client: pg.Client, database: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
    [database],
  );
  return rows.map((r) => r.pid);
}

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) fail(`${what} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: url.endsWith('/readyz') ? 'GET' : 'POST',
        body: url.endsWith('/readyz') ? undefined : '{}',
      });
      if (response.status < 500 || url.endsWith('/')) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) fail(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Whether Redis answers at `url`. */
async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function start(command: string[], extraEnv: Record<string, string>, what: string, cwd?: string): ChildProcess {
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`${what} exited (${code ?? signal})\n`);
  });
  return child;
}

interface Target {
  name: 'ours' | 'ours×1' | 'ours×2+r' | 'base' | 'floor';
  /** The processes whose CPU time counts (each with its children). */
  pids: number[];
  /** One, or the instances a client-side spread sends connections to. */
  urls: string[];
  headers: Record<string, string>;
  body: (page: 'first' | 'far') => string;
}

interface RunResult {
  target: string;
  connections: number;
  page: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

/** The latency below which a share `q` of the answers came (nearest rank), in milliseconds. */
function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function run(
  target: Target,
  connections: number,
  page: 'first' | 'far',
  seconds: number,
  admins: pg.Client[],
  database: string,
): Promise<RunResult> {
  // The backends of the primary and, once it runs, of the replica (all on this machine).
  const allBackends = async () => (await Promise.all(admins.map((a) => postgresBackends(a, database)))).flat();
  const backends = await allBackends();
  const pgBefore = new Map(backends.map((pid) => [pid, processTicks(pid)]));
  const treesTicks = () => target.pids.reduce((sum, pid) => sum + treeTicks(pid), 0);
  const before = treesTicks();
  // autocannon's histogram keeps whole milliseconds, too coarse for a ratio of 3 ms latencies: the
  // percentiles come from each answer's own time (hrtime, microseconds).
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    const instance = autocannon(
      {
        // autocannon takes several URLs (connection i to URL i mod n); its types know only one.
        url: (target.urls.length === 1 ? target.urls[0]! : target.urls) as string,
        method: 'POST',
        headers: target.headers,
        body: target.body(page),
        connections,
        duration: seconds,
      },
      (error, finished) => (error ? rejectRun(error) : resolveRun(finished)),
    );
    instance.on('response', (_client, status, _bytes, milliseconds) => {
      if (status >= 200 && status < 300) latencies.push(milliseconds);
    });
  });
  const serverTicks = treesTicks() - before;
  let pgTicks = 0;
  for (const pid of await allBackends()) {
    // A backend that started during the run (or reused a pid) counts from zero; one that ended during
    // the run is lost, so the figure is a floor, never negative.
    const after = processTicks(pid);
    const before = pgBefore.get(pid);
    pgTicks += before && before.started === after.started ? after.ticks - before.ticks : after.ticks;
  }
  const requests = result.requests.total;
  return {
    target: target.name,
    connections,
    page,
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests,
    serverCpuMsPerRequest: requests ? (serverTicks * CLOCK_TICK_MS) / requests : 0,
    postgresCpuMsPerRequest: requests ? (pgTicks * CLOCK_TICK_MS) / requests : 0,
  };
}

/** Whether the database holds the complete data set (the loader marks it last, after every index is rebuilt). */
async function isLoaded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `select obj_description('financing_demands'::regclass, 'pg_class') as comment`,
    );
    return rows[0]?.comment === loadMarker(SIZES);
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

async function main(): Promise<void> {
  if (!DATABASE_URL)
    fail(
      'set DATABASE_URL to a PostgreSQL database the benchmark may fill, e.g. postgres://postgres@127.0.0.1:5432/qes_bench',
    );
  const database = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
  if (!database.includes('bench') && env.BENCH_FORCE !== '1') {
    fail(`the benchmark empties the database it fills; name it *bench* (got "${database}") or set BENCH_FORCE=1`);
  }
  const loaded = await isLoaded(DATABASE_URL);
  if (!loaded || env.BENCH_RELOAD === '1') {
    // A fresh database each load: the migrations create every index, which the loader then drops and rebuilds.
    const maintenance = new URL(DATABASE_URL);
    maintenance.pathname = '/postgres';
    const server = new pg.Client({ connectionString: maintenance.toString() });
    await server.connect();
    await server.query(`drop database if exists "${database}" with (force)`);
    await server.query(`create database "${database}"`);
    await server.end();
  }
  process.stdout.write(`== migrate ${database}\n`);
  const orm = await openDatabase({ kind: 'server', url: DATABASE_URL, poolSize: 2 });
  await migrate(orm.orm);
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  if (!loaded || env.BENCH_RELOAD === '1') {
    process.stdout.write(
      `== load: ${SIZES.enterprises.toLocaleString('en')} enterprises, ${SIZES.demands.toLocaleString('en')} demands (70% open), ` +
        `${(2 * SIZES.demands).toLocaleString('en')} offers, ${SIZES.banks} banks\n`,
    );
    await loadDataSet(admin, SIZES, await hashPassword('Bench-password-1'));
  } else {
    process.stdout.write(`== data set already loaded; BENCH_RELOAD=1 reloads it\n`);
  }

  // The viewing bank's officer, signed in.
  const token = newSecret(SESSION_TOKEN_PREFIX);
  const { rows: officer } = await admin.query<{ id: string; bank: string }>(
    `select u.id, u.organisation_id as bank from users u where u.email = 'bench-officer-0@bench.local'`,
  );
  if (!officer[0]) fail('the bench officer is missing: run with BENCH_RELOAD=1');
  await admin.query(
    `insert into sessions (id, user_id, token_hash, created_at, expires_at, revoked_at) values (gen_random_uuid(), $1, $2, now(), now() + interval '1 day', null)`,
    [officer[0].id, sha256(token)],
  );
  const bankId = officer[0].bank;

  // The key of the last row before page 2,000 of the filter.
  const { rows: matching } = await admin.query<{ n: number }>(
    `select count(*)::int as n from financing_demands where status = 'OPEN' and district = $1 and expires_at > now() and amount_fen between $2 and $3`,
    [DISTRICT, AMOUNT_MIN_FEN, AMOUNT_MAX_FEN],
  );
  const { rows: far } = await admin.query<{ at: string; id: string }>(
    `select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from financing_demands
     where status = 'OPEN' and district = $1 and expires_at > now() and amount_fen between $2 and $3
     order by published_at desc, id desc offset ${(FAR_PAGE - 1) * PAGE - 1} limit 1`,
    [DISTRICT, AMOUNT_MIN_FEN, AMOUNT_MAX_FEN],
  );
  if (!far[0]) fail(`the filter matches ${matching[0]!.n} demands, fewer than ${FAR_PAGE} pages (BENCH_FAR_PAGE)`);
  const farCursor = Buffer.from(JSON.stringify([far[0].at, far[0].id])).toString('base64url');
  process.stdout.write(
    `== the filter matches ${matching[0]!.n.toLocaleString('en')} open demands; page ${FAR_PAGE} starts after row ${((FAR_PAGE - 1) * PAGE).toLocaleString('en')}\n`,
  );

  // EXPLAIN of exactly the statement the server runs for page 1 and page 2,000 (same builder, same literal inlining).
  const explain = async (cursor: [string, string] | null) => {
    const statement = demandSearchStatement(
      {
        status: FinancingDemandStatus.OPEN,
        districts: [DISTRICT],
        industries: null,
        amountMinFen: AMOUNT_MIN_FEN,
        amountMaxFen: AMOUNT_MAX_FEN,
        termMonthsMax: null,
        guaranteeTypes: null,
        foreignInvested: null,
        publishedAfter: null,
      },
      { field: FinancingDemandOrderField.PUBLISHED_AT, direction: OrderDirection.DESC },
      cursor,
      PAGE,
      new Date(),
      bankId,
      {
        // The fields the benchmark's query selects (QUERY above).
        fields: new Set([
          'id',
          'number',
          'amount',
          'termMonths',
          'purpose',
          'guaranteeType',
          'maxAnnualRate',
          'publishedAt',
          'expiresAt',
          'status',
          'offerCount',
          'district',
          'industry',
          'enterprise',
          'offers',
        ]),
        enterprise: enterpriseSummaryReaderOf(
          orm.orm.getMetadata().get<Enterprise>(Enterprise.name),
          orm.orm.em.getPlatform(),
          new Set(['id', 'name', 'uscc', 'industry']),
        ),
        offers: {
          bankId,
          first: 10,
          fields: new Set(['id', 'status', 'amount', 'annualRate', 'termMonths', 'createdAt']),
        },
      },
    );
    // As the server runs it: a prepared statement, past the five runs after which PostgreSQL may
    // switch to a plan made without the values.
    const native = orm.orm.em
      .getConnection()
      .getKnex()
      .raw(statement.sql, statement.params as never[])
      .toSQL()
      .toNative();
    const literal = (value: unknown) =>
      value === null ? 'null' : admin.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
    const name = `bench_explain_${cursor ? 'far' : 'first'}`;
    await admin.query(`prepare ${name} as ${native.sql}`);
    const execute = `execute ${name}(${native.bindings.map(literal).join(', ')})`;
    for (let i = 0; i < 6; i++) await admin.query(execute);
    const { rows } = await admin.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${execute}`);
    await admin.query(`deallocate ${name}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  const plans = { first: await explain(null), far: await explain([far[0].at, far[0].id]) };
  process.stdout.write(`== EXPLAIN (ANALYZE, BUFFERS) of the search, page 1:\n${plans.first.replace(/^/gm, '   ')}\n`);
  process.stdout.write(`== page ${FAR_PAGE}:\n${plans.far.replace(/^/gm, '   ')}\n`);
  await orm.close();

  // The topology's replica, copied now that the data set and the officer's session are in place.
  type StreamingReplicaModule = typeof import('../scripts/streaming-replica.mjs');
  const replicaModule = (await import(
    pathToFileURL(resolve('scripts/streaming-replica.mjs')).href
  )) as StreamingReplicaModule;
  const noReplica = TOPOLOGY ? replicaModule.replicaUnavailableHere() : 'BENCH_TOPOLOGY=0';
  if (noReplica) process.stdout.write(`== no two-instance variant: ${noReplica}\n`);
  let replica: StreamingReplica | null = null;
  const admins = [admin];
  if (!noReplica) {
    process.stdout.write(`== start a streaming replica on ${REPLICA_PORT} (pg_basebackup of the whole server)\n`);
    // The same cache as the primary's: the replica answers the searches the primary answers elsewhere.
    const { rows: buffers } = await admin.query<{ setting: string; unit: string }>(
      `select setting, unit from pg_settings where name = 'shared_buffers'`,
    );
    const sharedBuffersKb = Number(buffers[0]!.setting) * (buffers[0]!.unit === '8kB' ? 8 : 1);
    replica = await replicaModule.StreamingReplica.start(DATABASE_URL, {
      port: REPLICA_PORT,
      settings: [`shared_buffers = ${sharedBuffersKb}kB`],
    });
    process.on('exit', () => replica?.destroySync());
    const replicaAdmin = new pg.Client({ host: '127.0.0.1', port: REPLICA_PORT, user: 'postgres', database });
    await replicaAdmin.connect();
    admins.push(replicaAdmin);
  }
  // On a hot standby pg_stat_database counts the read-only transactions it served: the proof that the
  // variant's searches went to the replica.
  const replicaTransactions = async () =>
    Number(
      (
        await admins[1]!.query<{ n: string }>(
          `select xact_commit + xact_rollback as n from pg_stat_database where datname = $1`,
          [database],
        )
      ).rows[0]!.n,
    );
  const replicaTransactionsBefore = replica ? await replicaTransactions() : 0;
  const redisForTopology = !noReplica && (await redisAnswers(REDIS_URL)) ? REDIS_URL : null;

  process.stdout.write(
    `== start our server (dist/src/main.js: as npm start runs it, one worker per core, and as one process) and the floor (dist/bench/floor.js)\n`,
  );
  const serverEnv = (port: number) => ({
    NODE_ENV: 'production',
    DATABASE_URL,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_POOL_SIZE: String(POOL),
    RATE_LIMIT_POINTS_PER_MINUTE: '100000000',
    DEMO_DATA: '0',
    SERVE_WEB: '0',
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'warn',
    SIGNING_KEY: 'bench-signing-key-0123456789abcdef0123456789',
  });
  // As npm start runs it (the runtime flags, one worker per core), and as a single process (WORKERS=1).
  const ours = start([...SERVER_NODE_FLAGS, 'dist/src/main.js'], serverEnv(OUR_PORT), 'our server');
  const oursSingle = start(
    [...SERVER_NODE_FLAGS, 'dist/src/main.js'],
    { ...serverEnv(SINGLE_PORT), WORKERS: '1' },
    'our server, one process',
  );
  const floor = start(
    ['dist/bench/floor.js'],
    { NODE_ENV: 'production', DATABASE_URL, PORT: String(FLOOR_PORT), FLOOR_POOL_SIZE: String(POOL) },
    'the floor',
  );
  // Two API instances as in production: one process each, migrations a release step; the first runs
  // the scheduled jobs (as the other variants do), the second JOBS=off.
  const replicaUrl = replica?.urlFor(DATABASE_URL);
  const instances = replicaUrl
    ? TOPOLOGY_PORTS.map((port, i) =>
        start(
          [...SERVER_NODE_FLAGS, 'dist/src/main.js'],
          {
            ...serverEnv(port),
            WORKERS: '1',
            MIGRATE_ON_START: 'false',
            JOBS: i === 0 ? 'in-process' : 'off',
            DATABASE_REPLICA_URLS: replicaUrl,
            ...(redisForTopology
              ? { REDIS_URL: redisForTopology, REDIS_KEY_PREFIX: `qes-bench-${process.pid}:` }
              : { REDIS_URL: '' }),
          },
          `API instance ${i + 1}`,
        ),
      )
    : [];
  // The baseline as npm start runs it; the database's migrations are this checkout's, not its own.
  const base = BASELINE
    ? start(
        [...SERVER_NODE_FLAGS, 'dist/src/main.js'],
        { ...serverEnv(BASELINE_PORT), MIGRATE_ON_START: 'false' },
        'the baseline',
        BASELINE,
      )
    : null;
  const stop = () => {
    base?.kill('SIGTERM');
    ours.kill('SIGTERM');
    oursSingle.kill('SIGTERM');
    floor.kill('SIGTERM');
    for (const instance of instances) instance.kill('SIGTERM');
  };
  process.on('exit', stop);
  await waitForHttp(`http://127.0.0.1:${OUR_PORT}/readyz`, ours, 'our server');
  await waitForHttp(`http://127.0.0.1:${SINGLE_PORT}/readyz`, oursSingle, 'our server, one process');
  await waitForHttp(`http://127.0.0.1:${FLOOR_PORT}/`, floor, 'the floor');
  if (base) await waitForHttp(`http://127.0.0.1:${BASELINE_PORT}/readyz`, base, 'the baseline');
  for (const [i, instance] of instances.entries())
    await waitForHttp(`http://127.0.0.1:${TOPOLOGY_PORTS[i]}/readyz`, instance, `API instance ${i + 1}`);
  if (replica)
    process.stdout.write(
      `== two API instances on ${TOPOLOGY_PORTS.join(' and ')} (WORKERS=1 each), the search on the replica, ` +
        `limits in ${redisForTopology ? `Redis (${redisForTopology})` : 'PostgreSQL (no Redis answers)'}\n`,
    );

  const targets: Target[] = [
    {
      name: 'ours',
      pids: [ours.pid!],
      urls: [`http://127.0.0.1:${OUR_PORT}/graphql`],
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: (page) => JSON.stringify({ query: QUERY, variables: { after: page === 'far' ? farCursor : null } }),
    },
    {
      name: 'ours×1',
      pids: [oursSingle.pid!],
      urls: [`http://127.0.0.1:${SINGLE_PORT}/graphql`],
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: (page) => JSON.stringify({ query: QUERY, variables: { after: page === 'far' ? farCursor : null } }),
    },
    {
      name: 'floor',
      pids: [floor.pid!],
      urls: [`http://127.0.0.1:${FLOOR_PORT}/`],
      headers: { 'content-type': 'application/json' },
      body: (page) =>
        JSON.stringify({
          district: DISTRICT,
          amountMinFen: AMOUNT_MIN_FEN,
          amountMaxFen: AMOUNT_MAX_FEN,
          bankId,
          after: page === 'far' ? [far[0]!.at, far[0]!.id] : null,
        }),
    },
  ];
  if (base)
    targets.splice(2, 0, {
      name: 'base',
      pids: [base.pid!],
      urls: [`http://127.0.0.1:${BASELINE_PORT}/graphql`],
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: (page) => JSON.stringify({ query: QUERY, variables: { after: page === 'far' ? farCursor : null } }),
    });
  if (instances.length)
    targets.splice(2, 0, {
      name: 'ours×2+r',
      pids: instances.map((instance) => instance.pid!),
      urls: TOPOLOGY_PORTS.map((port) => `http://127.0.0.1:${port}/graphql`),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: (page) => JSON.stringify({ query: QUERY, variables: { after: page === 'far' ? farCursor : null } }),
    });

  // Every server (each instance of a spread) answers the same page: same demands, same offers of the viewing bank.
  interface Answer {
    errors?: unknown;
    data: { financingDemands: { edges: { node: { id: string; offers: { edges: { node: { id: string } }[] } } }[] } };
  }
  for (const page of ['first', 'far'] as const) {
    const answers = await Promise.all(
      targets.flatMap((t) =>
        t.urls.map(
          async (url) =>
            (await (await fetch(url, { method: 'POST', headers: t.headers, body: t.body(page) })).json()) as Answer,
        ),
      ),
    );
    const floorAnswer = answers.at(-1)!;
    const ourAnswer = answers[0]!;
    const summary = (answer: Answer) =>
      answer.data.financingDemands.edges
        .map((e) => `${e.node.id}:${e.node.offers.edges.map((o) => o.node.id).join(',')}`)
        .join(' ');
    for (const answer of answers.slice(0, -1)) {
      if (answer.errors) fail(`our server answered with errors: ${JSON.stringify(answer.errors)}`);
      if (summary(answer) !== summary(floorAnswer)) fail(`our server and the floor disagree on page ${page}`);
    }
    const offers = ourAnswer.data.financingDemands.edges.reduce((n, e) => n + e.node.offers.edges.length, 0);
    process.stdout.write(
      `== page ${page === 'first' ? 1 : FAR_PAGE}: every server returns the same ${ourAnswer.data.financingDemands.edges.length} demands and ${offers} offers of the viewing bank\n`,
    );
  }

  process.stdout.write(`== warm up (5 s each: page 1, then page ${FAR_PAGE.toLocaleString('en')})\n`);
  for (const target of targets) {
    await run(target, 8, 'first', 3, admins, database);
    await run(target, 8, 'far', 2, admins, database);
  }

  // The machine drifts by ±20% within minutes, so every comparison is made between runs close in time:
  // each target runs page 1 and page 2,000 back to back in slices of half the duration (the page that
  // goes first alternates), and the targets take turns (their order alternates by round).
  const scenarios = [
    { connections: 1, page: 'first' as const },
    { connections: 1, page: 'far' as const },
    { connections: 32, page: 'first' as const },
    { connections: 32, page: 'far' as const },
  ];
  const SLICES = 2;
  const results: RunResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of [1, 32]) {
      for (let slice = 0; slice < SLICES; slice++) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        const pages = slice % 2 === 0 ? (['first', 'far'] as const) : (['far', 'first'] as const);
        for (const target of order) {
          for (const page of pages) {
            const result = await run(target, connections, page, DURATION / SLICES, admins, database);
            results.push(result);
            process.stdout.write(
              `   round ${round + 1}.${slice + 1} ${target.name.padEnd(8)} c=${String(connections).padStart(2)} page ${page === 'first' ? 1 : FAR_PAGE}: ` +
                `${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors + result.non2xx}\n`,
            );
          }
        }
      }
    }
  }
  stop();
  if (replica) {
    const variantRequests = results.filter((r) => r.target === 'ours×2+r').reduce((n, r) => n + r.requests, 0);
    process.stdout.write(
      `== the replica served ${(await replicaTransactions()) - replicaTransactionsBefore} transactions on ${database} ` +
        `(ours×2+r answered ${variantRequests} measured requests)\n`,
    );
  }

  const summary = scenarios.flatMap((s) =>
    targets.map((t) => {
      const runs = results.filter((r) => r.target === t.name && r.connections === s.connections && r.page === s.page);
      return {
        target: t.name,
        connections: s.connections,
        page: s.page === 'first' ? 1 : FAR_PAGE,
        requestsPerSecond: mean(runs.map((r) => r.requestsPerSecond)),
        p50: mean(runs.map((r) => r.p50)),
        p99: mean(runs.map((r) => r.p99)),
        errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
        serverCpuMsPerRequest: mean(runs.map((r) => r.serverCpuMsPerRequest)),
        postgresCpuMsPerRequest: mean(runs.map((r) => r.postgresCpuMsPerRequest)),
      };
    }),
  );
  const find = (target: string, connections: number, page: number) =>
    summary.find((s) => s.target === target && s.connections === connections && s.page === page)!;

  process.stdout.write(`\n== results (mean of ${ROUNDS} rounds of ${DURATION} s, each in ${SLICES} slices)\n`);
  process.stdout.write(
    '   target    conns  page   req/s   p50 ms   p99 ms  errors  server CPU ms/req  PostgreSQL CPU ms/req\n',
  );
  for (const s of summary) {
    process.stdout.write(
      `   ${s.target.padEnd(8)} ${String(s.connections).padStart(5)} ${String(s.page).padStart(5)} ${s.requestsPerSecond.toFixed(0).padStart(7)} ` +
        `${s.p50.toFixed(2).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${String(s.errors).padStart(7)} ${s.serverCpuMsPerRequest.toFixed(2).padStart(18)} ` +
        `${s.postgresCpuMsPerRequest.toFixed(2).padStart(22)}\n`,
    );
  }
  const ratios = {
    throughput32: find('ours', 32, 1).requestsPerSecond / find('floor', 32, 1).requestsPerSecond,
    p50At1: find('ours', 1, 1).p50 / find('floor', 1, 1).p50,
    farVsFirstP50: find('ours', 1, FAR_PAGE).p50 / find('ours', 1, 1).p50,
    farVsFirstThroughput32: find('ours', 32, 1).requestsPerSecond / find('ours', 32, FAR_PAGE).requestsPerSecond,
    throughput32Far: find('ours', 32, FAR_PAGE).requestsPerSecond / find('floor', 32, FAR_PAGE).requestsPerSecond,
    throughput32OneProcess: find('ours×1', 32, 1).requestsPerSecond / find('floor', 32, 1).requestsPerSecond,
    p50At1OneProcess: find('ours×1', 1, 1).p50 / find('floor', 1, 1).p50,
    ...(base
      ? {
          throughput32Baseline: find('base', 32, 1).requestsPerSecond / find('floor', 32, 1).requestsPerSecond,
          p50At1Baseline: find('base', 1, 1).p50 / find('floor', 1, 1).p50,
        }
      : {}),
    ...(instances.length
      ? {
          throughput32TwoInstances: find('ours×2+r', 32, 1).requestsPerSecond / find('floor', 32, 1).requestsPerSecond,
          p50At1TwoInstances: find('ours×2+r', 1, 1).p50 / find('floor', 1, 1).p50,
        }
      : {}),
  };
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  process.stdout.write(
    `\n== ours as ratios of the floor (same run)\n` +
      `   throughput at 32 connections, page 1:      ${ratios.throughput32.toFixed(2)}x the floor   (target >= 0.75: ${verdict(ratios.throughput32 >= 0.75)})\n` +
      `   throughput at 32 connections, page ${FAR_PAGE}:   ${ratios.throughput32Far.toFixed(2)}x the floor\n` +
      `   our server as one process (WORKERS=1): throughput at 32 ${ratios.throughput32OneProcess.toFixed(2)}x, p50 at 1 ${ratios.p50At1OneProcess.toFixed(2)}x the floor\n` +
      (ratios.throughput32Baseline === undefined
        ? ''
        : `   the baseline (${BASELINE}): throughput at 32 ${ratios.throughput32Baseline.toFixed(2)}x, p50 at 1 ${ratios.p50At1Baseline!.toFixed(2)}x the floor\n`) +
      (ratios.throughput32TwoInstances === undefined
        ? ''
        : `   two instances + a replica (ours×2+r):   throughput at 32 ${ratios.throughput32TwoInstances.toFixed(2)}x, p50 at 1 ${ratios.p50At1TwoInstances!.toFixed(2)}x the floor\n`) +
      `   p50 latency at 1 connection, page 1:       ${ratios.p50At1.toFixed(2)}x the floor   (target <= 1.3: ${verdict(ratios.p50At1 <= 1.3)})\n` +
      `   page ${FAR_PAGE} against page 1 (ours): p50 ${ratios.farVsFirstP50.toFixed(2)}x, throughput at 32 ${(1 / ratios.farVsFirstThroughput32).toFixed(2)}x ` +
      `(target within 1.2: ${verdict(ratios.farVsFirstP50 <= 1.2 && ratios.farVsFirstThroughput32 <= 1.2)})\n`,
  );
  mkdirSync(resolve('bench/results'), { recursive: true });
  writeFileSync(
    resolve('bench/results/latest.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        sizes: SIZES,
        durationSeconds: DURATION,
        rounds: ROUNDS,
        pool: POOL,
        matching: matching[0]!.n,
        summary,
        ratios,
        runs: results,
        plans,
      },
      null,
      2,
    ),
  );
  process.stdout.write('== written to bench/results/latest.json\n');
  await Promise.all(admins.map((client) => client.end()));
  await replica?.destroy();
  replica = null;
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
