// Builds the web client when there is one (web/), else does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('web/vite.config.ts')) {
  const codegen = spawnSync('npm', ['run', '--silent', 'codegen'], { stdio: 'inherit' });
  if (codegen.status !== 0) process.exit(codegen.status ?? 1);
  // A production bundle whatever the caller's NODE_ENV (vitest sets "test", which makes Vite bundle
  // React's development build).
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.exit(result.status ?? 1);
}
