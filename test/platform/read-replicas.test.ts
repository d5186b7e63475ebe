import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createRequestContext } from '../../src/app/context.js';
import { requestScope } from '../../src/app/request-scope.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openDatabase, type DatabaseTarget } from '../../src/db/orm.js';
import { selectPrepared } from '../../src/db/prepared.js';
import { onReplica } from '../../src/db/replicas.js';
import { Organisation } from '../../src/modules/accounts/accounts.entity.js';
import { TestApp } from '../helpers/app.js';
import { replicaUnavailable, startTestReplica, type StreamingReplica } from '../helpers/replica.js';

// Read replicas against a real streaming replica of the test server (helpers/replica.ts): public
// searches are served by it, a request that wrote reads the primary, a replica that lags beyond
// REPLICA_MAX_LAG_MS or is down is skipped, and readiness depends on the primary alone.

const MAX_LAG_MS = 1500;
const CHECK_INTERVAL_MS = 100;

const BANKS = '{ banks(first: 100) { edges { node { name } } } }';

const unavailable = replicaUnavailable();

describe.skipIf(unavailable !== null)('read replicas', () => {
  let replica: StreamingReplica;
  let app: TestApp;
  let database: string;

  beforeAll(async () => {
    replica = await startTestReplica();
    app = await TestApp.start({
      replicas: { port: replica.port, maxLagMs: MAX_LAG_MS, checkIntervalMs: CHECK_INTERVAL_MS },
    });
    database = app.orm.config.get('dbName')!;
    await waitFor(() => app.database.replicas!.health()[0]!.healthy, 'the replica to be in use');
  });

  afterAll(async () => {
    await app?.stop();
    await replica?.destroy();
  });

  /** Runs `work` as one request would: its own request scope and context. */
  async function inRequest<T>(work: (ctx: Awaited<ReturnType<typeof createRequestContext>>) => Promise<T>) {
    return requestScope.run({ requestId: `test-${Math.random()}`, locale: 'EN' }, async () => {
      const ctx = await createRequestContext(app.orm, app.deps, {
        authorization: null,
        acceptLanguage: 'en',
        ip: '127.0.0.1',
      });
      return work(ctx);
    });
  }

  const serverPort = async (ctx: { em: { execute: (sql: string) => Promise<unknown> } }) => {
    const rows = (await onReplica(() => ctx.em.execute('select inet_server_port() as port'))) as { port: number }[];
    return rows[0]!.port;
  };

  const preparedPort = async (ctx: { em: EntityManager }) => {
    const rows = await onReplica(() =>
      selectPrepared<{ port: number }>(ctx.em, 'select inet_server_port() as port', []),
    );
    return rows[0]!.port;
  };

  /** A bank written on the primary with a plain connection, as another instance would. */
  async function addBankOnPrimary(name: string): Promise<void> {
    const url = app.orm.config.get('clientUrl')!;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `insert into organisations (id, kind, name, created_at) values (gen_random_uuid(), 'BANK', $1, now())`,
        [name],
      );
    } finally {
      await client.end();
    }
  }

  async function bankNames(): Promise<string[]> {
    const result = await app.execute<{ banks: { edges: { node: { name: string } }[] } }>(BANKS);
    expect(result.errors).toBeUndefined();
    return result.data!.banks.edges.map((edge) => edge.node.name);
  }

  /** The replica has replayed everything the primary wrote so far. */
  async function replicaCaughtUp(): Promise<void> {
    const url = app.orm.config.get('clientUrl')!;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const lsn = (await client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0]!.lsn;
    await client.end();
    await waitFor(async () => {
      const [row] = await replica.query<{ done: boolean }>(
        database,
        `select pg_last_wal_replay_lsn() >= '${lsn}' as done`,
      );
      return row!.done;
    }, 'the replica to catch up');
  }

  it('serves a public search from the replica and every other read from the primary', async () => {
    await inRequest(async (ctx) => {
      expect(await serverPort(ctx)).toBe(replica.port);
      // The prepared statements of the bank search (db/prepared.ts) take the same route.
      expect(await preparedPort(ctx)).toBe(replica.port);
      const [other] = (await ctx.em.execute('select inet_server_port() as port')) as { port: number }[];
      expect(other!.port).toBe(5432);
    });
    // Through the API: a bank the replica has not replayed yet is not in the public list of banks.
    await replicaCaughtUp();
    await replica.query(database, 'select pg_wal_replay_pause()');
    try {
      await addBankOnPrimary('只在主库的银行');
      expect(await bankNames()).not.toContain('只在主库的银行');
      expect(await app.em().count(Organisation, { name: '只在主库的银行' })).toBe(1);
    } finally {
      await replica.query(database, 'select pg_wal_replay_resume()');
    }
    await replicaCaughtUp();
    expect(await bankNames()).toContain('只在主库的银行');
  });

  it('reads its own writes from the primary for the rest of a request that wrote', async () => {
    await replicaCaughtUp();
    await replica.query(database, 'select pg_wal_replay_pause()');
    try {
      await inRequest(async (ctx) => {
        expect(await serverPort(ctx)).toBe(replica.port);
        ctx.em.create(Organisation, { kind: 'BANK', name: '刚写入的银行', uscc: null, createdAt: new Date() });
        await ctx.em.flush();
        expect(await serverPort(ctx)).toBe(5432);
        // The service of the public list, in the same request: it sees the write.
        const { listBanks } = await import('../../src/modules/financing/product.service.js');
        const page = await onReplica(() => listBanks(ctx, 100, null));
        expect(page.edges.map((edge) => edge.node.name)).toContain('刚写入的银行');
      });
      // Another request, which wrote nothing, reads the replica (which has not replayed the write).
      await inRequest(async (ctx) => expect(await serverPort(ctx)).toBe(replica.port));
    } finally {
      await replica.query(database, 'select pg_wal_replay_resume()');
    }
  });

  it('skips a replica whose replay lags beyond REPLICA_MAX_LAG_MS, and uses it again once it catches up', async () => {
    await replicaCaughtUp();
    await replica.query(database, 'select pg_wal_replay_pause()');
    try {
      await addBankOnPrimary('滞后期间的银行');
      const started = Date.now();
      await waitFor(() => !app.database.replicas!.health()[0]!.healthy, 'the lagging replica to be skipped');
      expect(Date.now() - started).toBeLessThan(MAX_LAG_MS + 2000);
      expect(app.database.replicas!.health()[0]!.reason).toMatch(/lag/);
      // Served by the primary now: the bank the replica has not replayed is there.
      expect(await bankNames()).toContain('滞后期间的银行');
      await inRequest(async (ctx) => expect(await serverPort(ctx)).toBe(5432));
    } finally {
      await replica.query(database, 'select pg_wal_replay_resume()');
    }
    await waitFor(() => app.database.replicas!.health()[0]!.healthy, 'the replica to be used again');
    await inRequest(async (ctx) => expect(await serverPort(ctx)).toBe(replica.port));
  });

  it('degrades to the primary when the replica stops, and stays ready', async () => {
    // Two more handles that check only once a minute: the replica stops between their checks.
    const target = app.database.target as Extract<DatabaseTarget, { kind: 'server' }>;
    const slowChecks = { ...target, replicas: { ...target.replicas!, checkIntervalMs: 60_000 } };
    const handles = [await openDatabase(slowChecks), await openDatabase(slowChecks)];
    try {
      // Their check at opening finds the replica a little behind whenever other tests write to the cluster
      // (no earlier sample to bound its lag by), so they check again until it is in use.
      for (const handle of handles)
        await waitFor(async () => (await handle.replicas!.check())[0]!.healthy, 'the new handles to use the replica');
      await replica.stopServer();
      // A read sent to the replica that just went away is answered by the primary, and the replica skipped.
      const scope = () => ({ requestId: `test-${Math.random()}`, locale: 'EN' as const });
      await requestScope.run(scope(), async () => {
        const em = handles[0]!.orm.em.fork();
        const rows = (await onReplica(() => em.execute('select inet_server_port() as port'))) as { port: number }[];
        expect(rows[0]!.port).toBe(5432);
      });
      await requestScope.run(scope(), async () => {
        const em = handles[1]!.orm.em.fork();
        const rows = await onReplica(() =>
          selectPrepared<{ port: number }>(em, 'select inet_server_port() as port', []),
        );
        expect(rows[0]!.port).toBe(5432);
      });
      for (const handle of handles) expect(handle.replicas!.health()[0]!.reason).toMatch(/unreachable/);
    } finally {
      for (const handle of handles) await handle.close();
    }
    await waitFor(() => !app.database.replicas!.health()[0]!.healthy, 'the stopped replica to be skipped');
    expect(app.database.replicas!.health()[0]!.reason).toMatch(/unreachable/);
    await inRequest(async (ctx) => expect(await serverPort(ctx)).toBe(5432));
    expect(await bankNames()).toContain('滞后期间的银行');
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
