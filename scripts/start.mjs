// `npm start`: builds what is missing or older than its sources, then runs the server.
// A fresh checkout needs only `npm install && npm start`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(script) {
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serverBuilt = mtime('dist/src/main.js');
if (serverBuilt < Math.max(newestMtime('src'), newestMtime('migrations'))) {
  console.log('Building the server…');
  run('build:server');
}
if (existsSync('web/package.json') || existsSync('web/index.html')) {
  const webBuilt = mtime('web/dist/index.html');
  if (webBuilt < Math.max(newestMtime('web/src'), mtime('web/index.html'), mtime('schema/schema.graphql'))) {
    console.log('Building the web client…');
    run('build:web');
  }
}

const { SERVER_NODE_FLAGS } = await import('../dist/src/runtime-flags.js');
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'dist/src/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
