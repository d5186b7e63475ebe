import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';

// The compiled server (dist/src/main.js) as real processes, for the tests of what crosses between
// processes: workers of one host, or API instances on several hosts sharing a database and Redis.

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN = join(ROOT, 'dist/src/main.js');

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

export interface ServerProcess {
  process: ChildProcess;
  /** http://127.0.0.1:port */
  base: string;
  /** Every JSON log line it wrote so far. */
  logLines: Record<string, unknown>[];
}

/** Starts dist/src/main.js with `env` on a free port; resolves once it logs "server ready". */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      SERVE_WEB: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logLines: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
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
  for (;;) {
    const ready = logLines.find((l) => l.msg === 'server ready') as { url: string } | undefined;
    if (ready) return { process: child, base: ready.url.replace('localhost', '127.0.0.1'), logLines };
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Deletes a test run's Redis keys (they would expire by themselves within the hour). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
