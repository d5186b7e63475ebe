// `npm start`: builds what is missing or older than its sources, then runs the server.
// A fresh checkout needs only `npm install && npm start`.
//
// Signals. npm runs a script as `sh -c '<script>'` and forwards SIGTERM/SIGINT to that shell only;
// dash does not pass them on (it dies and leaves its child running), so package.json starts this file
// with `exec`, and npm's signal reaches it directly. It forwards SIGTERM/SIGINT to what it runs (a build
// or the server) and exits with the server's code. The server has an IPC channel to this process and
// stops when it closes (this process killed with SIGKILL), and this process stops the server when npm,
// its parent, is gone. In production, start the built server directly instead (README, Production).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { docsStale, serverStale, webStale } from './build-state.mjs';

/** The exit code a shell would report for a child that ended by `signal`. */
function codeOf(code, signal) {
  return code ?? 128 + (constants.signals[signal] ?? 0);
}

/** What runs now (a build or the server), and how to pass it a signal. */
let current = null;
let stopRequested = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopRequested = signal;
    if (current) current.signal(signal);
    else process.exit(codeOf(null, signal));
  });
}

// Run by npm: when npm dies without a signal reaching us (SIGKILL), this process is re-parented.
if (process.env.npm_lifecycle_event === 'start') {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && current) current.signal('SIGTERM');
  }, 1000).unref();
}

/**
 * Runs a command as the current child; resolves with its exit code. `group`: in a process group of its
 * own, signalled as a whole (a build is npm, a shell and tsc or vite: the shell would not pass a signal on).
 */
function runChild(command, args, { group = false, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', detached: group, ...options });
    current = {
      signal: (signal) => {
        try {
          if (group) process.kill(-child.pid, signal);
          else child.kill(signal);
        } catch {
          // already gone
        }
      },
    };
    child.on('exit', (code, signal) => {
      current = null;
      resolve(codeOf(code, signal));
    });
  });
}

async function run(script) {
  const code = await runChild('npm', ['run', '--silent', script], { group: true });
  if (stopRequested) process.exit(codeOf(null, stopRequested));
  if (code !== 0) process.exit(code);
}

if (serverStale()) {
  console.log('Building the server…');
  await run('build:server');
}
if (webStale()) {
  console.log('Building the web client…');
  await run('build:web');
}

// The documentation served at /docs: built from the schema, the guides and the release snapshots.
if (docsStale()) {
  console.log('Building the documentation…');
  await run('build:docs');
}

const { SERVER_NODE_FLAGS } = await import('../dist/src/runtime-flags.js');
// The fourth stdio entry is the IPC channel the server watches (app/shutdown.ts).
const code = await runChild(process.execPath, [...SERVER_NODE_FLAGS, 'dist/src/main.js'], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
process.exit(code);
