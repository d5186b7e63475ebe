import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { MAIN, ROOT, ensureServerBuild } from '../helpers/instances.js';

// The server as npm start runs it on a server database: the compiled dist/src/main.js as a primary
// process with two workers on one port (app/cluster.ts). Real processes, so what they share is only
// what crosses between them: the rate-limit counts (in PostgreSQL: the primary keeps none), credential
// revocations and changes to what each keeps in memory (through the PostgreSQL event bus). Needs the PostgreSQL server
// (CI sets TEST_DATABASE_URL).
const url = process.env.TEST_DATABASE_URL;
const RATE_LIMIT = 40;

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

describe.runIf(url)('the server as several workers', () => {
  let server: ChildProcess;
  let base = '';
  let database = '';
  const logLines: Record<string, unknown>[] = [];
  const sockets: Client[] = [];

  /** A request on a connection of its own, so the primary hands it to the next worker. */
  async function post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        connection: 'close',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const serverDatabaseUrl = () => {
    const databaseUrl = new URL(url!);
    databaseUrl.pathname = `/${database}`;
    return databaseUrl.toString();
  };

  beforeAll(async () => {
    ensureServerBuild();
    database = `qes_test_cluster_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${database}" template "${inject('templateDatabase')}"`);
    await admin.end();
    server = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: serverDatabaseUrl(),
        WORKERS: '2',
        PORT: '0',
        HOST: '127.0.0.1',
        SERVE_WEB: '0',
        LOG_LEVEL: 'info',
        SIGNING_KEY: 'cluster-test-signing-key-0123456789abcdef',
        // Long enough that a worker which missed a revocation would still accept the credential.
        CREDENTIAL_CACHE_SECONDS: '30',
        RATE_LIMIT_POINTS_PER_MINUTE: String(RATE_LIMIT),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // the banner
        }
      }
    });
    const deadline = Date.now() + 60_000;
    while (!logLines.some((l) => l.msg === 'all workers listening')) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error('the workers did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const ready = logLines.find((l) => l.msg === 'server ready') as { url: string };
    base = ready.url.replace('localhost', '127.0.0.1');
  });

  afterAll(async () => {
    await Promise.all(sockets.map((client) => client.dispose()));
    if (server && server.exitCode === null) server.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.end();
  });

  it('serves from two worker processes on one port', async () => {
    for (let i = 0; i < 6; i++) expect((await post('{ __typename }')).status).toBe(200);
    const pids = new Set(logLines.filter((l) => l.msg === 'graphql operation').map((l) => l.pid));
    expect(pids.size).toBe(2);
  });

  it('ends a signed-out session in every worker at once, though each had it cached', async () => {
    const signUp = await post(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { code } } }`,
      { input: { displayName: 'Cluster', email: `cluster-${Date.now()}@example.com`, password: 'Cluster-pass-2026' } },
    );
    const token = signUp.body.data!.signUp.token as string;
    expect(token).toBeTruthy();
    const viewer = `{ viewer { role } }`;
    for (let i = 0; i < 4; i++) expect((await post(viewer, {}, token)).body.data!.viewer.role).toBe('APPLICANT');

    expect((await post(`mutation { signOut { signedOut } }`, {}, token)).body.data!.signOut.signedOut).toBe(true);
    // The other worker hears of it through PostgreSQL NOTIFY, within milliseconds.
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 4; i++) {
      const answer = await post(viewer, {}, token);
      expect(answer.status).toBe(401);
      expect(answer.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('reloads the holiday calendar and the name settings in every worker when one worker changes them', async () => {
    const signUp = await post(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
      input: { displayName: 'Admin', email: `admin-${Date.now()}@example.com`, password: 'Cluster-pass-2026' },
    });
    const token = signUp.body.data!.signUp.token as string;
    const admin = new pg.Client({ connectionString: serverDatabaseUrl() });
    await admin.connect();
    await admin.query(
      `update users set role = 'ADMIN' where id = (select user_id from sessions order by created_at desc limit 1)`,
    );
    await admin.end();
    const isWorkingDay = `{ workingDays { isWorkingDay(date: "2031-10-01") } }`;
    const settings = `{ nameSettings { verificationWindowWorkingDays } }`;
    // Each worker has read both into memory (consecutive requests go to the workers in turn).
    const windowDays = async () =>
      (await post(settings, {}, token)).body.data!.nameSettings.verificationWindowWorkingDays as number;
    for (let i = 0; i < 4; i++) {
      expect((await post(isWorkingDay, {}, token)).body.data!.workingDays.isWorkingDay).toBe(true);
    }
    for (let i = 0; i < 4; i++) expect(await windowDays()).toBeGreaterThan(0);

    const loaded = await post(
      `mutation($input: LoadHolidayCalendarInput!) { loadHolidayCalendar(input: $input) { userErrors { code } } }`,
      { input: { year: 2031, holidays: ['2031-10-01'], makeUpWorkdays: [] } },
      token,
    );
    expect(loaded.body.data!.loadHolidayCalendar.userErrors).toEqual([]);
    const updated = await post(
      `mutation { updateNameSettings(input: { verificationWindowWorkingDays: 17 }) { userErrors { code } } }`,
      {},
      token,
    );
    expect(updated.body.data!.updateNameSettings.userErrors).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 4; i++) {
      expect((await post(isWorkingDay, {}, token)).body.data!.workingDays.isWorkingDay).toBe(false);
    }
    for (let i = 0; i < 4; i++) expect(await windowDays()).toBe(17);
  });

  it("closes a signed-out session's WebSockets in every worker", async () => {
    const signUp = await post(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
      input: { displayName: 'Sockets', email: `sockets-${Date.now()}@example.com`, password: 'Cluster-pass-2026' },
    });
    const token = signUp.body.data!.signUp.token as string;
    // Two connections in a row go to the two workers in turn; each stays open until the server closes it.
    const closes = [0, 1].map(() => {
      let connected!: () => void;
      const acknowledged = new Promise<void>((resolve) => (connected = resolve));
      const closed = new Promise<number>((resolve) => {
        sockets.push(
          createClient({
            url: `${base.replace(/^http/, 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${token}` },
            lazy: false,
            retryAttempts: 0,
            onNonLazyError: () => {},
            on: { connected: () => connected(), closed: (event) => resolve((event as { code: number }).code) },
          }),
        );
      });
      return { acknowledged, closed };
    });
    await Promise.all(closes.map(({ acknowledged }) => acknowledged));

    expect((await post(`mutation { signOut { signedOut } }`, {}, token)).body.data!.signOut.signedOut).toBe(true);

    expect(await Promise.all(closes.map(({ closed }) => closed))).toEqual([4401, 4401]);
    // Each worker logs its close; the lines may come through the pipe after the close frames.
    const closedBy = () =>
      new Set(logLines.filter((l) => l.msg === 'websockets closed: their credential ended').map((l) => l.pid));
    const deadline = Date.now() + 5000;
    while (closedBy().size < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(closedBy().size).toBe(2);
  });

  it('keeps one cost budget per caller across the workers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 10; i++) statuses.push((await post('{ __typename }')).status);
    // Each worker alone would have allowed RATE_LIMIT; together they allow at most that many.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const exited = new Promise<number | null>((resolveExit) => server.once('exit', (code) => resolveExit(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logLines.filter((l) => l.msg === 'stopped').length).toBe(2);
  });
});

describe.runIf(url)('the server as several workers, when one cannot start', () => {
  it('stops with exit code 1 instead of restarting it forever', async () => {
    ensureServerBuild();
    // Nothing listens on port 1: the first worker cannot open the database.
    const unreachable = new URL(url!);
    unreachable.port = '1';
    const server = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: unreachable.toString(),
        WORKERS: '2',
        PORT: '0',
        HOST: '127.0.0.1',
        SERVE_WEB: '0',
        LOG_LEVEL: 'silent',
        SIGNING_KEY: 'cluster-test-signing-key-0123456789abcdef',
      },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolveExit) => server.once('exit', (c) => resolveExit(c)));
    expect(code).toBe(1);
  });
});
