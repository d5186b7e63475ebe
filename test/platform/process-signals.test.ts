import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../src/runtime-flags.js';
import {
  ensureServerBuild,
  LoggedProcess,
  MAIN,
  parentOf,
  portIsFree,
  portOf,
  processAlive,
  until,
} from '../helpers/server-process.js';

// The server started the ways the README gives, stopped the way a supervisor stops it: a SIGTERM to
// the process it started. `npm start` is three processes (npm, scripts/start.mjs, the server); the
// signal must reach the server, and the process the supervisor holds must end with the server's code
// once the port is free. Embedded database in a temporary DATA_DIR, so no PostgreSQL is needed.

const GRACE_MS = 2000;
/** SHUTDOWN_GRACE_MS plus the shutdown margin and time to exit. */
const STOP_WITHIN_MS = GRACE_MS + 8000;

let dataDir = '';
const started: LoggedProcess[] = [];

function environment(): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SERVE_WEB: '0',
    DEMO_DATA: '0',
    LOG_LEVEL: 'info',
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
  };
}

function npmStart(): LoggedProcess {
  const npm = LoggedProcess.spawn('npm', ['start'], environment());
  started.push(npm);
  return npm;
}

/** The server's pid, its launcher's pid and its port, once it listens. */
async function whenReady(process: LoggedProcess): Promise<{ serverPid: number; launcherPid: number; port: number }> {
  const ready = await process.waitForLine('server ready', 110_000);
  const serverPid = Number(ready.pid);
  return { serverPid, launcherPid: parentOf(serverPid), port: portOf(ready) };
}

beforeAll(() => {
  ensureServerBuild();
  dataDir = mkdtempSync(join(tmpdir(), 'qes-signals-'));
  return () => rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  for (const process of started.splice(0)) process.kill('SIGKILL');
});

describe('npm start', () => {
  it('stops the server on SIGTERM to npm, frees the port and exits 0', { timeout: 150_000 }, async () => {
    const npm = npmStart();
    const { serverPid, launcherPid, port } = await whenReady(npm);
    // package.json starts the launcher with exec: no shell stands between npm and it to swallow the signal.
    expect(parentOf(launcherPid)).toBe(npm.child.pid);

    npm.child.kill('SIGTERM');

    expect(await npm.exitWithin(STOP_WITHIN_MS)).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
    expect(processAlive(serverPid)).toBe(false);
    expect(processAlive(launcherPid)).toBe(false);
    expect(npm.line('shutting down')?.reason).toBe('SIGTERM');
    expect(npm.line('stopped')).toBeDefined();
  });

  it('stops the server when its launcher is killed outright', { timeout: 150_000 }, async () => {
    const npm = npmStart();
    const { serverPid, launcherPid, port } = await whenReady(npm);

    process.kill(launcherPid, 'SIGKILL');

    await until('the server has exited', () => !processAlive(serverPid), STOP_WITHIN_MS);
    expect(await portIsFree(port)).toBe(true);
    expect(npm.line('shutting down')?.reason).toBe('the launcher exited');
    expect(npm.line('stopped')).toBeDefined();
  });

  it('stops the server when npm itself is killed outright', { timeout: 150_000 }, async () => {
    const npm = npmStart();
    const { serverPid, launcherPid, port } = await whenReady(npm);

    npm.child.kill('SIGKILL');

    await until('the launcher and the server have exited', () => !processAlive(serverPid), STOP_WITHIN_MS);
    await until('the launcher has exited', () => !processAlive(launcherPid), 5000);
    expect(await portIsFree(port)).toBe(true);
    expect(npm.line('stopped')).toBeDefined();
  });
});

describe('the production command (the built server, started directly)', () => {
  it('stops on SIGTERM, frees the port and exits 0', { timeout: 150_000 }, async () => {
    const server = LoggedProcess.spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN], environment());
    started.push(server);
    const { port } = await whenReady(server);

    server.child.kill('SIGTERM');

    expect(await server.exitWithin(STOP_WITHIN_MS)).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
  });

  it('is stopped by SIGINT too', { timeout: 150_000 }, async () => {
    const server = LoggedProcess.spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN], environment());
    started.push(server);
    const { port } = await whenReady(server);

    server.child.kill('SIGINT');

    expect(await server.exitWithin(STOP_WITHIN_MS)).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
    expect(server.line('shutting down')?.reason).toBe('SIGINT');
  });
});
