import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  appendFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// A real streaming replica of the PostgreSQL server at TEST_DATABASE_URL: `pg_basebackup -R` into a
// temporary folder, started on its own port (5433) and stopped by the test that uses it. PostgreSQL
// refuses to run as root, so as root its programs run as the `postgres` user.
//
// Replication needs the primary to accept a replication connection from 127.0.0.1. When its
// pg_hba.conf has no such line and the file is writable, one is appended
// (`host replication postgres 127.0.0.1/32 trust`, the same trust the server already gives every
// ordinary connection from 127.0.0.1) and the configuration reloaded; nothing else of the primary changes.

const run = promisify(execFile);

export const REPLICA_PORT = 5433;
const REPLICATION_LINE = 'host replication postgres 127.0.0.1/32 trust';

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why a replica cannot run here, or null when it can. */
export function replicaUnavailable(): string | null {
  if (!process.env.TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set';
  if (!postgresBin()) return 'no pg_basebackup under /usr/lib/postgresql/*/bin';
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser')) return 'running as root without runuser';
  return null;
}

async function onPrimary<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Lets 127.0.0.1 open replication connections (see the top of this file). */
async function allowReplication(): Promise<void> {
  await onPrimary(async (client) => {
    const { rows } = await client.query<{ hba_file: string }>('show hba_file');
    const file = rows[0]!.hba_file;
    const lines = readFileSync(file, 'utf8').split('\n');
    const allowed = lines.some((line) =>
      /^\s*host\s+replication\s+(all|postgres)\s+127\.0\.0\.1\/32\s+trust\b/.test(line),
    );
    if (allowed) return;
    appendFileSync(
      file,
      `\n# added by the read-replica tests: streaming replication from this machine\n${REPLICATION_LINE}\n`,
    );
    await client.query('select pg_reload_conf()');
  });
}

/**
 * A replica left running on the port by a test run that was killed is stopped and its folder removed;
 * anything else on the port is left alone (the start then fails, saying the port is taken).
 */
async function stopLeftoverReplica(bin: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port: REPLICA_PORT, user: 'postgres', database: 'postgres' });
  let dataDirectory: string;
  try {
    await client.connect();
    dataDirectory = (await client.query<{ data_directory: string }>('show data_directory')).rows[0]!.data_directory;
  } catch {
    return; // nothing (of ours) answers there
  } finally {
    await client.end().catch(() => {});
  }
  const folder = dirname(dataDirectory);
  if (!/^qes-replica-/.test(basename(folder))) return;
  const stop = [join(bin, 'pg_ctl'), '-D', dataDirectory, '-w', '-m', 'immediate', 'stop'];
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', ...stop]).catch(() => {});
  else await run(stop[0]!, stop.slice(1)).catch(() => {});
  rmSync(folder, { recursive: true, force: true });
}

export class StreamingReplica {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
  ) {}

  readonly port = REPLICA_PORT;

  private get data() {
    return join(this.dir, 'data');
  }

  /** The same database as `primaryUrl`, on the replica. */
  urlFor(primaryUrl: string): string {
    const url = new URL(primaryUrl);
    url.port = String(this.port);
    return url.toString();
  }

  /** Copies the primary with pg_basebackup -R and starts the copy as a hot standby on port 5433. */
  static async start(): Promise<StreamingReplica> {
    const bin = postgresBin();
    if (!bin) throw new Error('PostgreSQL is not installed');
    await stopLeftoverReplica(bin);
    await allowReplication();
    const dir = mkdtempSync(join(tmpdir(), 'qes-replica-'));
    if (process.getuid?.() === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), -1);
    const replica = new StreamingReplica(bin, dir);
    const primary = new URL(process.env.TEST_DATABASE_URL!);
    await replica.pg('pg_basebackup', [
      ...['-h', primary.hostname, '-p', primary.port || '5432', '-U', 'postgres'],
      ...['-D', replica.data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    ]);
    // A standby needs these at least as high as on its primary; the rest is a small server of its own.
    const settings = await onPrimary(async (client) => {
      const { rows } = await client.query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in ('max_connections', 'max_worker_processes',
           'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
      );
      return rows.map((row) => `${row.name} = ${row.setting}`);
    });
    // Debian keeps the primary's configuration files in /etc: the copy gets its own.
    await replica.asPostgres(() => {
      writeFileSync(
        join(replica.data, 'postgresql.conf'),
        [
          ...settings,
          `port = ${REPLICA_PORT}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'hot_standby = on',
          'shared_buffers = 16MB',
          'fsync = off',
          '',
        ].join('\n'),
      );
      writeFileSync(join(replica.data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
      writeFileSync(join(replica.data, 'pg_ident.conf'), '');
    });
    await replica.startServer();
    return replica;
  }

  /** Files written as root are handed to postgres afterwards. */
  private async asPostgres(write: () => void): Promise<void> {
    write();
    if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres', this.dir]);
  }

  private async pg(program: string, args: string[]): Promise<void> {
    const command = join(this.bin, program);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, args);
  }

  async startServer(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'log'), '-w', '-t', '60', 'start']);
  }

  /** Stops it at once (as a crash would, without a shutdown checkpoint). */
  async stopServer(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-w', '-m', 'immediate', 'stop']);
  }

  /** Runs one statement on the replica's `database`. */
  async query<T extends pg.QueryResultRow>(database: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ host: '127.0.0.1', port: this.port, user: 'postgres', database });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  /** Waits until `database` exists on the replica (a database made on the primary after the copy). */
  async waitForDatabase(database: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.query(database, 'select 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  async destroy(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-w', '-m', 'immediate', 'stop']).catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}
