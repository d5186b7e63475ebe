// Builds the web client when there is one (web/), else does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { precompress } from './precompress.mjs';

if (existsSync('web/vite.config.ts')) {
  const codegen = spawnSync('npm', ['run', '--silent', 'codegen'], { stdio: 'inherit' });
  if (codegen.status !== 0) process.exit(codegen.status ?? 1);
  // A production bundle whatever the caller's NODE_ENV (vitest sets "test", which makes Vite bundle
  // React's development build).
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  const prerender = spawnSync(process.execPath, ['web/scripts/prerender-home.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (prerender.status !== 0) process.exit(prerender.status ?? 1);
  precompress('web/dist');
}
