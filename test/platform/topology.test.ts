import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, ensureServerBuild, ROOT } from '../helpers/instances.js';
import { replicaUnavailableHere } from '../../scripts/streaming-replica.mjs';

// `npm run topology` (scripts/topology.mjs) as a person runs it: two API instances, the worker, a
// streaming replica and Redis. The script is started on a database and ports of its own, must bring
// both instances to ready with the demo data loaded once (by the worker), serve a session started on A
// from B, and on SIGTERM stop everything, the replica included, and exit 0.
// Needs TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both) and PostgreSQL's server programs.
const url = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const enabled = Boolean(url && redisUrl) && replicaUnavailableHere() === null;

/** A port nothing listens on now (the kernel's choice). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether a listener could take `port` on 127.0.0.1 now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

async function post(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe.runIf(enabled)('npm run topology', () => {
  const run = randomBytes(4).toString('hex');
  const database = `qes_test_topology_${run}`;
  const redisKeyPrefix = `qes-test-topology-${run}:`;
  let script: ChildProcess | undefined;

  afterAll(async () => {
    // SIGTERM first: killed outright, the script would leave its replica running.
    if (script && script.exitCode === null) {
      script.kill('SIGTERM');
      const deadline = Date.now() + 30_000;
      while (script.exitCode === null && script.signalCode === null && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      if (script.exitCode === null) script.kill('SIGKILL');
    }
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.end();
    await deleteRedisKeys(redisUrl!, redisKeyPrefix);
  });

  it('starts two instances, a worker and a replica, and stops them all on SIGTERM with exit code 0', async () => {
    ensureServerBuild();
    const [portA, portB, replicaPort] = [await freePort(), await freePort(), await freePort()];
    const databaseUrl = new URL(url!);
    databaseUrl.pathname = `/${database}`;
    script = spawn(process.execPath, [join(ROOT, 'scripts/topology.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        TOPOLOGY_DATABASE_URL: databaseUrl.toString(),
        TOPOLOGY_PORTS: `${portA},${portB}`,
        TOPOLOGY_REPLICA_PORT: String(replicaPort),
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: redisKeyPrefix,
        SERVE_WEB: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    script.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    script.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolveExit) => script!.on('exit', (code) => resolveExit(code)));

    // Some 20 s on a quiet machine; much longer when other work holds the cores.
    const deadline = Date.now() + 150_000;
    while (!output.includes('Ctrl-C stops everything.')) {
      if (script.exitCode !== null) throw new Error(`the script exited with ${script.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the topology did not start in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const a = `http://127.0.0.1:${portA}`;
    const b = `http://127.0.0.1:${portB}`;
    expect(output).toContain(`API instance A: ${a}/`);
    expect(output).toContain(`API instance B: ${b}/`);
    for (const base of [a, b]) expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });

    // The demo data was loaded once, by the worker; the instances never load it (DEMO_DATA=0).
    const loads = output.split('\n').filter((line) => line.includes('"msg":"demo data loaded"'));
    expect(loads).toHaveLength(1);
    expect(loads[0]).toMatch(/^\[worker\] /);
    expect(output).toContain('applicant@demo.local');

    // A session started on A is good on B (one SIGNING_KEY, one database).
    const signIn = await post(
      a,
      `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }`,
      {
        input: { email: 'applicant@demo.local', password: 'Qingdao-demo-1' },
      },
    );
    expect(signIn.data!.signIn.userErrors).toEqual([]);
    const viewer = await post(b, '{ viewer { role user { email } } }', {}, signIn.data!.signIn.token as string);
    expect(viewer.data!.viewer).toEqual({ role: 'APPLICANT', user: { email: 'applicant@demo.local' } });

    // B reads the public list of banks, a replica read; the instances hold connections to the replica.
    const banks = await post(b, '{ banks(first: 100) { edges { node { name } } } }');
    expect(banks.data!.banks.edges.length).toBeGreaterThan(0);
    const replica = new pg.Client({ host: '127.0.0.1', port: replicaPort, user: 'postgres', database });
    await replica.connect();
    try {
      const { rows } = await replica.query<{ standby: boolean; connections: number }>(
        `select pg_is_in_recovery() as standby,
           (select count(*)::int from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) as connections`,
        [database],
      );
      expect(rows[0]).toEqual({ standby: true, connections: expect.any(Number) });
      expect(rows[0]!.connections).toBeGreaterThan(0);
    } finally {
      await replica.end();
    }

    script.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('[topology] stopped\n');
    for (const port of [portA, portB, replicaPort]) expect(await portIsFree(port)).toBe(true);
  }, 240_000);
});
