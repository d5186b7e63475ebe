import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createServerDatabase,
  ensureServerBuild,
  LoggedProcess,
  MAIN,
  portIsFree,
  portOf,
  ROOT,
  until,
} from '../helpers/server-process.js';

// A shutdown that cannot finish still ends the process: within SHUTDOWN_GRACE_MS plus the margin
// (app/shutdown.ts), with a non-zero code and a log line naming what it was waiting for; and if the
// main thread itself is blocked, the watchdog thread ends it.

const GRACE_MS = 1000;
const MARGIN_MS = 5000;

beforeAll(() => ensureServerBuild());

describe.runIf(process.env.TEST_DATABASE_URL)('a shutdown whose database connection never comes back', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let locker: pg.Client;
  let server: LoggedProcess;
  beforeAll(async () => {
    database = await createServerDatabase({ migrated: true });
    locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await locker?.end().catch(() => undefined);
    await database?.drop();
  });

  it('exits with code 1 by its deadline and names the step it waited for', { timeout: 120_000 }, async () => {
    server = LoggedProcess.spawn(process.execPath, [MAIN], {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      WORKERS: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      SERVE_WEB: '0',
      LOG_LEVEL: 'info',
      SIGNING_KEY: 'deadline-test-signing-key-0123456789abcdef',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    });
    const port = portOf(await server.waitForLine('server ready'));
    // A sign-up waits on the users table, locked by another session that never lets go: its pooled
    // connection stays busy, and closing the pool waits for it.
    await locker.query('begin');
    await locker.query('lock table users in access exclusive mode');
    const signUp = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { signUp(input: { displayName: "Deadline", email: "waits@example.com", password: "Harbour-lantern-2026" }) { token } }`,
      }),
    }).catch((error: unknown) => error);
    await until('the sign-up waits on the lock', async () => {
      const { rows } = await locker.query(
        `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return rows[0].waiting > 0;
    });

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exitWithin(GRACE_MS + MARGIN_MS + 5000);
    const took = Date.now() - signalled;

    expect(exit).toEqual({ code: 1, signal: null });
    expect(took).toBeGreaterThanOrEqual(GRACE_MS + MARGIN_MS - 500);
    expect(await portIsFree(port)).toBe(true);
    const forced = server.line('shutdown did not finish in time; exiting');
    expect(forced?.waitingFor).toEqual(['database pool']);
    expect(server.line('stopped')).toBeUndefined();
    await signUp;
  });
});

describe('a shutdown whose main thread is blocked', () => {
  it('is ended by the watchdog thread shortly after its deadline', { timeout: 60_000 }, async () => {
    // The real module, armed in a process of its own whose main thread then blocks for good (as a
    // synchronous write to a pipe nobody reads would): its own timer can never fire.
    const shutdownModule = pathToFileURL(join(ROOT, 'dist/src/app/shutdown.js')).href;
    const script = `
      import { pino } from 'pino';
      const { armShutdownDeadline } = await import(${JSON.stringify(shutdownModule)});
      armShutdownDeadline({ afterMs: 300, logger: pino({ level: 'silent' }), waitingFor: () => [] });
      setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0), 50);
    `;
    const blocked = LoggedProcess.spawn(process.execPath, ['--input-type=module', '-e', script], {});
    const started = Date.now();

    const exit = await blocked.exitWithin(15_000);
    blocked.kill('SIGKILL'); // should the watchdog have failed, the process must not outlive the test

    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(blocked.output).toContain('shutdown watchdog: the main thread did not exit by its deadline');
  });
});
