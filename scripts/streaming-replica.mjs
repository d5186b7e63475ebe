// A real streaming replica of a PostgreSQL server on this machine: `pg_basebackup -R` into a temporary
// folder, started as a hot standby on a port of its own. Used by the read-replica tests
// (test/helpers/replica.ts, port 5433) and by `npm run topology` (scripts/topology.mjs, port 5434).
// PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user (runuser).
//
// Replication needs the primary to accept a replication connection from 127.0.0.1. When its
// pg_hba.conf has no such line and the file is writable, one is appended
// (`host replication postgres 127.0.0.1/32 trust`, the same trust the server already gives every
// ordinary connection from 127.0.0.1) and the configuration reloaded; nothing else of the primary changes.
import { execFile, execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

const REPLICATION_LINE = 'host replication postgres 127.0.0.1/32 trust';
/** The temporary folders' prefix: a server found on the port in such a folder is a leftover of ours. */
const FOLDER_PREFIX = 'qes-replica-';

/** The newest PostgreSQL's programs folder that has pg_basebackup, or null. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why a replica cannot run on this machine, or null when it can. */
export function replicaUnavailableHere() {
  if (!postgresBin()) return 'no pg_basebackup under /usr/lib/postgresql/*/bin';
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser')) return 'running as root without runuser';
  return null;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs, as `postgres` when this process is root. */
async function runPostgresProgram(bin, program, args) {
  const command = join(bin, program);
  if (asRoot()) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
  else await run(command, args);
}

function runPostgresProgramSync(bin, program, args) {
  const command = join(bin, program);
  if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
  else execFileSync(command, args, { stdio: 'ignore' });
}

async function onServer(connection, work) {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Lets 127.0.0.1 open replication connections (see the top of this file). */
async function allowReplication(primaryUrl) {
  await onServer({ connectionString: primaryUrl }, async (client) => {
    const { rows } = await client.query('show hba_file');
    const file = rows[0].hba_file;
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
 * A replica left running on `port` by a run that was killed is stopped and its folder removed;
 * anything else on the port is left alone (the start then fails, saying the port is taken).
 */
async function stopLeftoverReplica(bin, port) {
  let dataDirectory;
  try {
    dataDirectory = await onServer(
      { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' },
      async (client) => (await client.query('show data_directory')).rows[0].data_directory,
    );
  } catch {
    return; // nothing (of ours) answers there
  }
  const folder = dirname(dataDirectory);
  if (!basename(folder).startsWith(FOLDER_PREFIX)) return;
  await runPostgresProgram(bin, 'pg_ctl', ['-D', dataDirectory, '-w', '-m', 'immediate', 'stop']).catch(() => {});
  rmSync(folder, { recursive: true, force: true });
}

export class StreamingReplica {
  /** @private use StreamingReplica.start */
  constructor(bin, dir, port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  get data() {
    return join(this.dir, 'data');
  }

  /** The same database as `primaryUrl`, on the replica. */
  urlFor(primaryUrl) {
    const url = new URL(primaryUrl);
    url.port = String(this.port);
    return url.toString();
  }

  /**
   * Copies the primary at `primaryUrl` with pg_basebackup -R and starts the copy as a hot standby on
   * `port`. `settings`: postgresql.conf lines of its own, after (so overriding) the small defaults here.
   */
  static async start(primaryUrl, { port, settings: ownSettings = [] }) {
    const bin = postgresBin();
    if (!bin) throw new Error('PostgreSQL is not installed (no pg_basebackup under /usr/lib/postgresql/*/bin)');
    await stopLeftoverReplica(bin, port);
    await allowReplication(primaryUrl);
    const dir = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
    if (asRoot()) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), -1);
    const replica = new StreamingReplica(bin, dir, port);
    try {
      const primary = new URL(primaryUrl);
      await runPostgresProgram(bin, 'pg_basebackup', [
        ...['-h', primary.hostname, '-p', primary.port || '5432', '-U', 'postgres'],
        ...['-D', replica.data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
      ]);
      // A standby needs these at least as high as on its primary; the rest is a small server of its own.
      const settings = await onServer({ connectionString: primaryUrl }, async (client) => {
        const { rows } = await client.query(
          `select name, setting from pg_settings where name in ('max_connections', 'max_worker_processes',
             'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
        );
        return rows.map((row) => `${row.name} = ${row.setting}`);
      });
      // Debian keeps the primary's configuration files in /etc: the copy gets its own.
      writeFileSync(
        join(replica.data, 'postgresql.conf'),
        [
          ...settings,
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'hot_standby = on',
          'shared_buffers = 16MB',
          'fsync = off',
          ...ownSettings,
          '',
        ].join('\n'),
      );
      writeFileSync(join(replica.data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
      writeFileSync(join(replica.data, 'pg_ident.conf'), '');
      // Files written as root are handed to postgres.
      if (asRoot()) await run('chown', ['-R', 'postgres', dir]);
      await replica.startServer();
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return replica;
  }

  async startServer() {
    await runPostgresProgram(this.bin, 'pg_ctl', [
      '-D',
      this.data,
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** Stops it at once (as a crash would, without a shutdown checkpoint). */
  async stopServer() {
    await runPostgresProgram(this.bin, 'pg_ctl', ['-D', this.data, '-w', '-m', 'immediate', 'stop']);
  }

  /** Runs one statement on the replica's `database`. */
  async query(database, sql) {
    return onServer(
      { host: '127.0.0.1', port: this.port, user: 'postgres', database },
      async (client) => (await client.query(sql)).rows,
    );
  }

  /** Waits until `database` exists on the replica (a database made on the primary after the copy). */
  async waitForDatabase(database, timeoutMs = 10_000) {
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

  /** As destroy, synchronously: for a process's 'exit' handler. */
  destroySync() {
    try {
      runPostgresProgramSync(this.bin, 'pg_ctl', ['-D', this.data, '-w', '-m', 'immediate', 'stop']);
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops the replica and removes its folder. */
  async destroy() {
    await this.stopServer().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}
