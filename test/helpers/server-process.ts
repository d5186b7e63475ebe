import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

// Real processes for the tests of how the server is run: the compiled server (or `npm start`) spawned
// as an operator would, its JSON log lines collected, its exit awaited.

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN = join(ROOT, 'dist/src/main.js');
export const MIGRATE_CLI = join(ROOT, 'dist/src/db/migrate-cli.js');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Compiles the server when dist is missing or older than its sources (CI has just built it). */
export function ensureServerBuild(): void {
  if (
    existsSync(MAIN) &&
    statSync(MAIN).mtimeMs >= Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'migrations')))
  )
    return;
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('could not compile the server');
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A spawned process with its standard output and error read line by line. */
export class LoggedProcess {
  readonly lines: Record<string, unknown>[] = [];
  output = '';
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;

  constructor(readonly child: ChildProcess) {
    let buffered = '';
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.output += text;
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          this.lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolveExit(this.exit);
      }),
    );
  }

  static spawn(command: string, args: string[], env: Record<string, string>, options: SpawnOptions = {}) {
    return new LoggedProcess(
      spawn(command, args, {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...options,
      }),
    );
  }

  line(message: string): Record<string, unknown> | undefined {
    return this.lines.find((line) => line.msg === message);
  }

  /** Waits for the log line `message`; fails if the process exits first or after `timeoutMs`. */
  async waitForLine(message: string, timeoutMs = 90_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.line(message);
      if (found) return found;
      if (this.exit) throw new Error(`exited (${JSON.stringify(this.exit)}) before "${message}":\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no "${message}" within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The exit, or null if the process is still running after `timeoutMs`. */
  async exitWithin(timeoutMs: number): Promise<Exit | null> {
    return Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.exit === null) this.child.kill(signal);
  }
}

/** The port the server said it listens on (its "server ready" line). */
export function portOf(ready: Record<string, unknown>): number {
  return Number(new URL(String(ready.url)).port);
}

/** Whether nothing listens on `port` any more: binding it succeeds. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolveFree) => {
    const probe = createServer();
    probe.once('error', () => resolveFree(false));
    probe.listen(port, host, () => probe.close(() => resolveFree(true)));
  });
}

/** Whether a process with this id still exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The parent process id of `pid`, from /proc. */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A database of the test's own on the TEST_DATABASE_URL server, empty or copied from the migrated
 * template; dropped by `drop()` (and by the global teardown if a test fails first).
 */
export async function createServerDatabase(options: { migrated: boolean }): Promise<{
  url: string;
  name: string;
  drop(): Promise<void>;
}> {
  const base = process.env.TEST_DATABASE_URL!;
  const template = inject('templateDatabase');
  const name = `qes_test_${template.split('_').at(-1)}_ops_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"${options.migrated ? ` template "${template}"` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
