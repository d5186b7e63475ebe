// `npm run dev`: recompiles the server on change and restarts it; serves the web client with hot reload
// (Vite on :5173, proxying /graphql to the API on :4000).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const children = [];
function start(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  children.push(child);
  return child;
}

start('npx', ['tsc', '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput']);
start(process.execPath, ['--watch-path=dist/src', '--watch-path=dist/migrations', 'dist/src/main.js']);
if (existsSync('web/vite.config.ts')) start('npx', ['vite', '--config', 'web/vite.config.ts']);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(0);
  });
}
