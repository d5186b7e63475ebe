import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const DOCS_INDEX = join(ROOT, 'docs/dist/index.html');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** docs/dist as `npm run build:docs` makes it, rebuilt when older than its sources (a few seconds). */
export function ensureDocsBuild(): void {
  const sources = ['docs/guides', 'docs/site', 'scripts/docs', 'schema'].map((p) => newest(join(ROOT, p)));
  if (existsSync(DOCS_INDEX) && statSync(DOCS_INDEX).mtimeMs >= Math.max(...sources)) return;
  const result = spawnSync(process.execPath, ['scripts/docs/build-docs.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building docs/dist failed:\n${result.stdout}\n${result.stderr}`);
}
