import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST_INDEX = join(ROOT, 'web/dist/index.html');
const LOCK = join(ROOT, 'web/.build-lock');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function isCurrent(): boolean {
  if (!existsSync(DIST_INDEX)) return false;
  const built = statSync(DIST_INDEX).mtimeMs;
  const sources = Math.max(
    newest(join(ROOT, 'web/src')),
    newest(join(ROOT, 'web/index.html')),
    newest(join(ROOT, 'web/vite.config.ts')),
    // The build's own steps (the home page's prerender among them) make part of web/dist.
    newest(join(ROOT, 'web/scripts')),
    newest(join(ROOT, 'scripts/build-web.mjs')),
    newest(join(ROOT, 'scripts/precompress.mjs')),
    newest(join(ROOT, 'schema/schema.graphql')),
    // The admin console's calendar preview imports the server's pure working-day rules.
    newest(join(ROOT, 'src/shared/working-days.ts')),
  );
  return built >= sources;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The browser tests run against web/dist as `npm start` serves it. Builds it (codegen + vite, as
 * `npm run build:web` does) when it is missing or older than its sources; one test file builds
 * while the others wait on a lock directory.
 */
export function ensureWebBuild(): void {
  if (isCurrent()) return;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a run that died mid-build (older than any real build) is taken over.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 240_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`web/dist: gave up waiting for another build (remove ${LOCK} if stale)`);
      sleep(500);
    }
  }
  try {
    if (isCurrent()) return;
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const result = spawnSync(process.execPath, ['scripts/build-web.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 280_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0 || !existsSync(DIST_INDEX)) {
      throw new Error(
        `Building web/dist for the browser tests failed (run \`npm run build:web\` to see why):\n${result.stdout}\n${result.stderr}`,
      );
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
