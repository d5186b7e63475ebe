import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createPlatformDeps } from '../../src/app/platform.js';
import { createAppServer, type AppServer } from '../../src/app/server.js';
import { migrate, openDatabase, type Database } from '../../src/db/orm.js';
import { Session } from '../../src/modules/accounts/accounts.entity.js';
import { User } from '../../src/modules/accounts/index.js';
import { newSecret, sha256, SESSION_TOKEN_PREFIX } from '../../src/modules/accounts/credentials.js';
import { fromGlobalId } from '../../src/shared/ids.js';
import type { PlatformDeps } from '../../src/shared/context.js';
import { PrivatePostgres, privatePostgresUnavailable } from './database-restart/private-postgres.js';

// PostgreSQL stops (immediate mode, as in a crash) while mutations are being acknowledged, then starts
// again. Every acknowledged write must still be there; the server must notice (/readyz false) and recover
// by itself (/readyz true, mutations and the event bus work again) without a restart; no request may hang.
// It runs on a PostgreSQL server of its own (the shared one serves every other test): with
// TEST_DATABASE_URL set, as in CI, and PostgreSQL's programs installed. RESTART_CYCLES repeats the
// stop/start for a longer run (default 1).

const unavailable = process.env.TEST_DATABASE_URL
  ? privatePostgresUnavailable()
  : 'TEST_DATABASE_URL is not set (the test needs PostgreSQL server programs)';
const CYCLES = Number(process.env.RESTART_CYCLES ?? 1);
/** No request may take longer than this, database down or not. */
const REQUEST_TIMEOUT_MS = 15_000;
const CREATE = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id } userErrors { code } }
}`;

/** Polls `condition` every 50 ms until it holds; fails with `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server as main.ts assembles it (PostgreSQL pool, LISTEN/NOTIFY event bus), on the private database. */
async function startServer(
  url: string,
): Promise<{ database: Database; deps: PlatformDeps; server: AppServer; baseUrl: string }> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const database = await openDatabase({ kind: 'server', url, poolSize: 4 }, logger);
  await migrate(database.orm);
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: '/tmp/qes-test-unused',
    SIGNING_KEY: 'test-signing-key-0123456789abcdef0123456789',
    CREDENTIAL_CACHE_SECONDS: '0',
    RATE_LIMIT_POINTS_PER_MINUTE: '100000000',
  });
  const deps = await createPlatformDeps(config, logger);
  await deps.calendar.reload(database.orm.em.fork());
  const server = await createAppServer(database.orm, deps);
  const port = await server.listen(0, '127.0.0.1');
  return { database, deps, server, baseUrl: `http://127.0.0.1:${port}` };
}

async function adminToken(database: Database): Promise<string> {
  const em = database.orm.em.fork();
  const now = new Date();
  const user = em.create(User, {
    email: `admin-${randomUUID().slice(0, 8)}@test.local`,
    displayName: '管理员',
    passwordHash: 'not-used',
    role: 'ADMIN',
    department: null,
    organisation: null,
    locale: 'ZH_CN',
    foreignInvestor: false,
    createdAt: now,
    disabledAt: null,
  });
  const token = newSecret(SESSION_TOKEN_PREFIX);
  em.create(Session, {
    user,
    tokenHash: sha256(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
    revokedAt: null,
  });
  await em.flush();
  return token;
}

describe.skipIf(unavailable !== null)(
  `PostgreSQL restarting under load${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let postgres: PrivatePostgres;
    let app: Awaited<ReturnType<typeof startServer>>;
    let token: string;

    beforeAll(async () => {
      postgres = await PrivatePostgres.create();
      app = await startServer(postgres.url);
      token = await adminToken(app.database);
    });
    afterAll(async () => {
      await app?.server.stop();
      await app?.deps.close();
      await app?.database.close();
      await postgres?.dispose();
    });

    /** Sends one request; a request that outlives REQUEST_TIMEOUT_MS is recorded as hung. */
    const hung: string[] = [];
    async function request(path: string, init: RequestInit = {}): Promise<Response | null> {
      try {
        return await fetch(`${app.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') hung.push(path);
        return null;
      }
    }

    it(
      'keeps every acknowledged write and recovers by itself, readiness going false then true',
      async () => {
        const acknowledged: string[] = [];
        const refusedStatuses = new Set<number>();
        let loading = true;
        const mutate = async () => {
          while (loading) {
            const response = await request('/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({
                query: CREATE,
                variables: { input: { kind: 'BANK', name: `重启测试银行 ${randomUUID()}` } },
              }),
            });
            const body = response ? ((await response.json().catch(() => null)) as { data?: any } | null) : null;
            const id = body?.data?.createOrganisation?.organisation?.id as string | undefined;
            if (id) acknowledged.push(id);
            else if (response) refusedStatuses.add(response.status);
            // While the database is down, do not spin: the next attempt comes soon enough.
            if (!id) await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        const readiness: boolean[] = [];
        const watchReadiness = async () => {
          while (loading) {
            const response = await request('/readyz');
            const ready = response?.status === 200;
            if (readiness.at(-1) !== ready) readiness.push(ready);
            await response?.body?.cancel();
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        };
        const eventsHeard: string[] = [];
        const stopListening = (() => {
          const iterator = (app.deps.events.subscribe('restartProbe') as AsyncIterable<{ id: string }>)[
            Symbol.asyncIterator
          ]();
          void (async () => {
            for (let next = await iterator.next(); !next.done; next = await iterator.next())
              eventsHeard.push(next.value.id);
          })();
          return () => iterator.return?.();
        })();
        const busDelivers = (probe: string) =>
          until('the event bus delivers', () => {
            app.deps.events.publish('restartProbe', { id: probe });
            return eventsHeard.includes(probe);
          });
        await busDelivers('before');
        const load = Promise.all([mutate(), mutate(), mutate(), watchReadiness()]);

        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const before = acknowledged.length;
          await until('mutations are acknowledged', () => acknowledged.length >= before + 20);
          const stopped = Date.now();
          await postgres.stopImmediately();
          await until('/readyz reports the database gone', () => readiness.at(-1) === false);
          const noticed = Date.now();
          await postgres.start();
          const started = Date.now();
          await until('/readyz reports ready again', () => readiness.at(-1) === true);
          const ready = Date.now();
          const after = acknowledged.length;
          await until('mutations are acknowledged again', () => acknowledged.length >= after + 20);
          console.info(
            `restart ${cycle + 1}: not ready ${noticed - stopped} ms after the stop, ready ${ready - started} ms after the start, ` +
              `writing again ${Date.now() - started} ms after it; ${acknowledged.length} writes acknowledged so far`,
          );
          await busDelivers(`after restart ${cycle}`);
        }
        loading = false;
        await load;
        await stopListening();

        expect(hung).toEqual([]);
        expect(readiness.slice(0, 3)).toEqual([true, false, true]);
        expect(refusedStatuses.size, 'some mutations were refused while the database was down').toBeGreaterThan(0);
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        const ids = acknowledged.map((id) => fromGlobalId(id)!.id);
        const { rows } = await client.query<{ id: string }>('select id from organisations where id = any($1::uuid[])', [
          ids,
        ]);
        await client.end();
        expect(new Set(rows.map((row) => row.id)).size).toBe(ids.length);
      },
      120_000 * CYCLES + 60_000,
    );
  },
);
