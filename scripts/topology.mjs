// `npm run topology`: the production topology on one machine, for trying it (README, Production topology).
//
//   release step   node dist/src/db/migrate-cli.js up          (what `npm run migrate` runs), once
//   replica        a streaming replica of the PostgreSQL server (scripts/streaming-replica.mjs)
//   worker         node dist/src/worker.js                     the jobs; loads the demo data (DEMO_DATA=1)
//   API A and B    node dist/src/main.js on two ports          JOBS=off MIGRATE_ON_START=false DEMO_DATA=0
//                                                              DATABASE_REPLICA_URLS REDIS_URL, WORKERS=1
//
// Settings (all optional):
//   TOPOLOGY_DATABASE_URL  the database, created when missing  (postgres://postgres@127.0.0.1:5432/qes_topology)
//   TOPOLOGY_PORTS         the API instances' ports              (3001,3002)
//   TOPOLOGY_REPLICA_PORT  the replica's port                    (5434; the read-replica tests use 5433)
//   REDIS_URL              Redis; without it 127.0.0.1:6379 when it answers, else a redis-server this
//                          script starts on 127.0.0.1:6380
//   REDIS_KEY_PREFIX       (qes-topology:)    SIGNING_KEY  (random for each run)    SERVE_WEB, LOG_LEVEL
//
// SIGINT (Ctrl-C) or SIGTERM stops every process it started, the replica and its own Redis included,
// and exits 0 when all stopped cleanly (1 otherwise). The database is kept for the next run. Killed
// outright (SIGKILL), it leaves the replica running: the next run on the same port stops and removes it;
// the servers and the worker stop by themselves (their IPC channel to this script closes).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { docsStale, serverStale, webStale } from './build-state.mjs';
import { StreamingReplica } from './streaming-replica.mjs';

process.chdir(resolve(import.meta.dirname, '..'));

const env = process.env;
const databaseUrl = env.TOPOLOGY_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/qes_topology';
const ports = (env.TOPOLOGY_PORTS || '3001,3002').split(',').map((port) => Number(port.trim()));
const replicaPort = Number(env.TOPOLOGY_REPLICA_PORT || 5434);
const redisKeyPrefix = env.REDIS_KEY_PREFIX || 'qes-topology:';
const signingKey = env.SIGNING_KEY || randomBytes(32).toString('hex');
const OWN_REDIS_PORT = 6380;
const INSTANCE_NAMES = ['api-a', 'api-b'];

if (ports.length !== 2 || ports.some((port) => !Number.isInteger(port) || port <= 0)) {
  console.error(`TOPOLOGY_PORTS must be two ports, e.g. 3001,3002; got "${env.TOPOLOGY_PORTS}"`);
  process.exit(2);
}

// ---- stopping: what was started, stopped in reverse order, once -------------------------------------

/** Steps that undo what was started, last first. */
const undo = [];
let stopping = false;
let failed = false;

async function stopAll(reason) {
  if (stopping) return;
  stopping = true;
  console.log(`\n[topology] stopping (${reason})…`);
  for (const step of undo.reverse()) {
    try {
      await step();
    } catch (error) {
      failed = true;
      console.error(`[topology] ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(failed ? '[topology] stopped, with errors' : '[topology] stopped');
  process.exit(failed ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll(signal));

/** Records how to undo what was just started; when a stop came meanwhile, undoes it now. */
async function started(step) {
  undo.push(step);
  if (stopping) await step();
}

/** Gives up: says why, stops what runs and exits 1. */
async function fail(message) {
  if (stopping) return; // a process ending because it was told to stop
  console.error(`[topology] ${message}`);
  failed = true;
  await stopAll('failed to start');
}

// ---- processes ----------------------------------------------------------------------------------------

/** The code a child exited with (128 + signal number when a signal ended it). */
function waitForExit(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code ?? 1)));
}

/** Runs a command to its end with the output shown; rejects when it fails. */
async function runStep(what, command, args, extraEnv = {}) {
  console.log(`[topology] ${what}`);
  // Its own process group: a build is npm, a shell and tsc or vite, and the shell would not pass a signal on.
  const child = spawn(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv }, detached: true });
  await started(async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGTERM');
  });
  const code = await waitForExit(child);
  if (code !== 0 && !stopping) throw new Error(`${what} failed (exit code ${code})`);
}

/**
 * Starts a long-running process with its output prefixed by `name`; resolves with the first JSON log
 * line whose msg is `readyMessage`. Stopping sends it SIGTERM and waits for it to exit with 0.
 */
function startProcess(name, args, extraEnv, readyMessage) {
  const child = spawn(process.execPath, args, {
    env: { ...env, NODE_ENV: 'production', LOG_LEVEL: env.LOG_LEVEL || 'info', ...extraEnv },
    // The IPC channel: the servers and the worker stop by themselves when this script is killed outright.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = waitForExit(child);
  void started(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`${name} exited with code ${code}`);
  });
  return new Promise((resolveReady, rejectReady) => {
    let ready = false;
    const prefix = (stream, out) => {
      let buffered = '';
      stream.on('data', (chunk) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          out.write(`[${name}] ${line}\n`);
          if (ready) continue;
          try {
            const entry = JSON.parse(line);
            if (entry.msg === readyMessage) {
              ready = true;
              resolveReady({ child, entry });
            } else if (name === 'worker' && entry.msg === 'demo data loaded') demoAccounts = entry.accounts;
          } catch {
            // not a log line (the server's banner)
          }
        }
      });
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    void exited.then((code) => {
      if (!ready) rejectReady(new Error(`${name} exited with code ${code} before it was ready`));
      else if (!stopping) void fail(`${name} exited with code ${code}`);
    });
  });
}

let demoAccounts = [];

// ---- Redis ----------------------------------------------------------------------------------------------

async function answers(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: null,
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

/** The Redis to use: REDIS_URL, the one on 6379, or one of its own (see the top of this file). */
async function redisUrl() {
  if (env.REDIS_URL) {
    if (!(await answers(env.REDIS_URL))) throw new Error(`Redis at REDIS_URL (${env.REDIS_URL}) does not answer`);
    return env.REDIS_URL;
  }
  if (await answers('redis://127.0.0.1:6379')) return 'redis://127.0.0.1:6379';
  const url = `redis://127.0.0.1:${OWN_REDIS_PORT}`;
  console.log(`[topology] no Redis on 127.0.0.1:6379: starting redis-server on ${OWN_REDIS_PORT}`);
  const child = spawn(
    'redis-server',
    ['--port', String(OWN_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const spawnFailed = new Promise((resolveFailed) => child.on('error', resolveFailed));
  await started(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child);
  });
  for (let tries = 0; tries < 50; tries++) {
    const failure = await Promise.race([spawnFailed, new Promise((r) => setTimeout(() => r(null), 100))]);
    if (failure) throw new Error('this needs Redis: set REDIS_URL, run one on 127.0.0.1:6379, or install redis-server');
    if (await answers(url)) return url;
  }
  throw new Error(`the redis-server started on ${OWN_REDIS_PORT} does not answer`);
}

// ---- PostgreSQL -----------------------------------------------------------------------------------------

/** Creates the database named in TOPOLOGY_DATABASE_URL when it does not exist. */
async function createDatabase() {
  const server = new URL(databaseUrl);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      console.log(`[topology] creating the database ${name}`);
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

// ---- the topology ---------------------------------------------------------------------------------------

async function main() {
  if (serverStale()) await runStep('building the server', 'npm', ['run', '--silent', 'build:server']);
  if (env.SERVE_WEB !== '0' && env.SERVE_WEB !== 'false' && webStale())
    await runStep('building the web client', 'npm', ['run', '--silent', 'build:web']);
  if (docsStale()) await runStep('building the documentation', 'npm', ['run', '--silent', 'build:docs']);
  const redis = await redisUrl();
  await createDatabase();
  await runStep('release step: migrations (npm run migrate)', process.execPath, ['dist/src/db/migrate-cli.js', 'up'], {
    DATABASE_URL: databaseUrl,
  });
  if (stopping) return;
  const shared = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    SIGNING_KEY: signingKey,
  };
  const { SERVER_NODE_FLAGS } = await import('../dist/src/runtime-flags.js');

  // The replica copies the primary while the worker loads the demo data: what the worker writes
  // afterwards reaches the replica by streaming replication.
  console.log(`[topology] starting the streaming replica on ${replicaPort} and the worker`);
  const [replica] = await Promise.all([
    StreamingReplica.start(databaseUrl, { port: replicaPort }).then(async (replica) => {
      await started(() => replica.destroy());
      return replica;
    }),
    startProcess(
      'worker',
      ['dist/src/worker.js'],
      { ...shared, DEMO_DATA: '1', MIGRATE_ON_START: 'false' },
      'worker ready',
    ),
  ]);
  if (stopping) return;

  const instanceEnv = {
    ...shared,
    DATABASE_REPLICA_URLS: replica.urlFor(databaseUrl),
    JOBS: 'off',
    MIGRATE_ON_START: 'false',
    DEMO_DATA: '0',
    WORKERS: '1',
    HOST: '127.0.0.1',
  };
  await Promise.all(
    ports.map((port, i) =>
      startProcess(
        INSTANCE_NAMES[i],
        [...SERVER_NODE_FLAGS, 'dist/src/main.js'],
        { ...instanceEnv, PORT: String(port) },
        'server ready',
      ),
    ),
  );
  if (stopping) return;

  await import('reflect-metadata'); // the demo module imports the entities
  const { DEMO_PASSWORD } = await import('../dist/src/db/demo/index.js');
  console.log(
    [
      '',
      'The production topology is running on this machine:',
      `  API instance A: http://127.0.0.1:${ports[0]}/   (GraphQL: /graphql)`,
      `  API instance B: http://127.0.0.1:${ports[1]}/   (GraphQL: /graphql)`,
      `  worker:         the scheduled sweeps and background jobs`,
      `  PostgreSQL:     ${databaseUrl} (primary), replica on 127.0.0.1:${replicaPort}`,
      `  Redis:          ${redis} (keys under ${redisKeyPrefix})`,
      ...(demoAccounts.length
        ? [
            `  Demo accounts (password ${DEMO_PASSWORD}):`,
            ...demoAccounts.map((a) => `    ${a.email.padEnd(24)} ${a.role.padEnd(13)} ${a.of ?? ''}`.trimEnd()),
          ]
        : []),
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
