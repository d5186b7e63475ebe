import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

// The jobs across real processes on one PostgreSQL database: two processes working the same pg-boss
// schedule, and the `npm run worker` process beside an API instance told not to run jobs (JOBS=off).
// Each test gets a database of its own, copied from the migrated template. Needs TEST_DATABASE_URL.
const url = process.env.TEST_DATABASE_URL;
const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const WORKER = join(ROOT, 'dist/src/worker.js');
/** Starting the compiled server takes seconds, many more on a busy machine. */
const SLOW = { timeout: 180_000 };
const TICK_INSTANCE = join(import.meta.dirname, 'fixtures/tick-instance.mjs');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Compiles the server when dist is missing or older than its sources. */
function ensureServerBuild(): void {
  const built = Math.min(...[MAIN, WORKER].map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (built >= Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'migrations')))) return;
  const compiled = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) throw new Error('could not compile the server');
}

/** A process started by a test, with the JSON lines it logged. */
interface Started {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(url)('jobs across processes', () => {
  const databases: string[] = [];
  const started: Started[] = [];

  const newDatabase = async () => {
    const name = `qes_test_jobs_${randomBytes(4).toString('hex')}`;
    await query(url!, `create database "${name}" template "${inject('templateDatabase')}"`);
    databases.push(name);
    const databaseUrl = new URL(url!);
    databaseUrl.pathname = `/${name}`;
    return databaseUrl.toString();
  };

  const start = (file: string, env: Record<string, string>): Started => {
    const child = spawn(process.execPath, [file], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SIGNING_KEY: 'jobs-test-signing-key-0123456789abcdef',
        LOG_LEVEL: 'debug',
        JOB_POLL_SECONDS: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Record<string, unknown>[] = [];
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          lines.push({ msg: line });
        }
      }
    });
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    const process_ = { child, lines, exited };
    started.push(process_);
    return process_;
  };

  const logged = (process_: Started, msg: string) => process_.lines.some((line) => line.msg === msg);
  const jobsDone = (process_: Started, job: string) =>
    process_.lines.filter((line) => line.msg === 'scheduled job done' && line.job === job);

  beforeAll(() => ensureServerBuild());

  afterEach(async () => {
    for (const { child } of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  afterAll(async () => {
    for (const name of databases) await query(url!, `drop database if exists "${name}" with (force)`);
  });

  it('runs a schedule’s job once per tick though two processes work it', SLOW, async () => {
    const databaseUrl = await newDatabase();
    await query(
      databaseUrl,
      'create table test_job_runs (pid int not null, ran_at timestamptz not null default now())',
    );
    // The whole test inside one minute of the database's clock, so it sees one tick: both processes
    // find the every-minute schedule due at once, and each also adds a run at start.
    await until(
      async () =>
        (await query<{ second: number }>(databaseUrl, 'select extract(second from now()) as second'))[0]!.second < 35,
      'the first 35 seconds of a minute',
      30_000,
    );
    const env = { DATABASE_URL: databaseUrl };
    const spawnedAt = Date.now();
    const instances = [start(TICK_INSTANCE, env), start(TICK_INSTANCE, env)];
    await until(() => instances.every((instance) => logged(instance, 'ready')), 'both instances to start', 120_000);
    const runs = () => query<{ pid: number }>(databaseUrl, 'select pid from test_job_runs');
    await until(async () => (await runs()).length > 0, 'the first run');
    // Both keep checking the schedule every second meanwhile.
    await new Promise((r) => setTimeout(r, 4000));
    const ran = await runs();
    expect(instances.map((instance) => instance.child.pid)).toContain(ran[0]!.pid);
    // One run for each tick's job, and one job for each minute (a slow start may have seen two ticks).
    const jobs = await query<{ state: string; minute: Date }>(
      databaseUrl,
      `select state, singleton_on as minute from pgboss.job where name = 'test.tick' and state = 'completed'`,
    );
    expect(ran).toHaveLength(jobs.length);
    expect(new Set(jobs.map((job) => job.minute.getTime())).size).toBe(jobs.length);
    // And no more runs than minutes the test spanned.
    const minutesSpanned = Math.floor(Date.now() / 60_000) - Math.floor(spawnedAt / 60_000) + 1;
    expect(ran.length).toBeLessThanOrEqual(minutesSpanned);
    for (const instance of instances) instance.child.kill('SIGTERM');
    expect(await Promise.all(instances.map((instance) => instance.exited))).toEqual([0, 0]);
  });

  it('leaves the sweeps to the worker process when the API instance has JOBS=off', SLOW, async () => {
    const databaseUrl = await newDatabase();
    const seeded = await query<{ id: string }>(
      databaseUrl,
      `insert into idempotency_keys (id, scope, key, operation, fingerprint, created_at)
       values (gen_random_uuid(), 'anonymous', 'old-key', 'signUp', repeat('0', 64), '2020-01-01') returning id`,
    );
    const keyLeft = async () =>
      (await query(databaseUrl, 'select 1 from idempotency_keys where id = $1', [seeded[0]!.id])).length === 1;

    const api = start(MAIN, {
      DATABASE_URL: databaseUrl,
      JOBS: 'off',
      WORKERS: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      SERVE_WEB: '0',
    });
    await until(() => logged(api, 'server ready'), 'the API instance to start', 120_000);
    // Long enough for a runner to have run every sweep once (they run at start, polling each second).
    await new Promise((r) => setTimeout(r, 3000));
    expect(await keyLeft()).toBe(true);
    expect(api.lines.filter((line) => line.msg === 'scheduled job done')).toEqual([]);

    const worker = start(WORKER, { DATABASE_URL: databaseUrl, SHUTDOWN_GRACE_MS: '2000' });
    await until(() => logged(worker, 'worker ready'), 'the worker to start', 120_000);
    await until(async () => !(await keyLeft()), 'the worker to sweep the lapsed idempotency key');
    await until(() => jobsDone(worker, 'idempotency.expiredKeys').length > 0, 'the worker to log the sweep');
    expect(jobsDone(worker, 'idempotency.expiredKeys')).toMatchObject([{ count: 1 }]);
    expect(api.lines.filter((line) => line.msg === 'scheduled job done')).toEqual([]);

    // SIGTERM stops the worker cleanly within its grace period.
    const stopping = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(2000 + 5000);
    expect(logged(worker, 'worker stopped')).toBe(true);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  it('refuses to start the worker without a server database', SLOW, async () => {
    const worker = start(WORKER, { DATABASE_URL: '' });
    expect(await worker.exited).toBe(2);
  });
});
