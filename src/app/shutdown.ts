import cluster from 'node:cluster';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

// Stopping the process, with a deadline that holds whatever hangs. A graceful shutdown waits for
// things outside the process (in-flight requests, a pool's connections, the event bus's sockets); any
// of them can wait forever (a database dropped underneath, a peer that stopped reading). The process
// must still end within SHUTDOWN_GRACE_MS plus a margin, so that its supervisor can start another.

/** What the steps after the HTTP drain (jobs, event bus, pool) may take beyond SHUTDOWN_GRACE_MS. */
export const SHUTDOWN_MARGIN_MS = 5000;

/**
 * How long after the deadline the watchdog thread waits for the main thread to have exited. The main
 * thread's own timer cannot fire while a synchronous call blocks it (a log line written to a pipe nobody
 * reads): then a second thread ends the process with SIGKILL.
 */
const WATCHDOG_DELAY_MS = 2000;

/** Exit code of a shutdown that had to be forced (the supervisor sees a failure). */
export const FORCED_SHUTDOWN_CODE = 1;

/**
 * Calls `stop` once per request to stop: SIGTERM or SIGINT, and the end of the IPC channel to the
 * launcher that started this process (scripts/start.mjs opens one: if the launcher is killed, the
 * server must not live on holding the port). A cluster worker is left to node:cluster, which ends a
 * worker whose primary is gone.
 */
export function onStopRequest(stop: (reason: string) => void): void {
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.channel && !cluster.isWorker) {
    // The channel alone must not keep the process alive once everything else has stopped.
    process.channel.unref();
    process.once('disconnect', () => stop('the launcher exited'));
  }
}

/** The steps of a shutdown still running, for the log line of a forced exit. */
export class ShutdownSteps {
  private readonly running = new Set<string>();

  async run<T>(name: string, step: () => Promise<T>): Promise<T> {
    this.running.add(name);
    try {
      return await step();
    } finally {
      this.running.delete(name);
    }
  }

  waitingFor(): string[] {
    return [...this.running];
  }
}

// The watchdog thread: plain CommonJS evaluated by the Worker, so it needs no file of its own.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { write } = require('node:fs');
setTimeout(() => {
  // Asynchronous: if standard error is a blocked pipe too, the kill below must not wait for it.
  write(2, 'shutdown watchdog: the main thread did not exit by its deadline; killing the process\\n', () => {});
  setTimeout(() => process.kill(workerData.pid, 'SIGKILL'), 200);
}, workerData.afterMs);
`;

/**
 * Arms the deadline of a shutdown that has just begun: after `afterMs`, logs what it was waiting for
 * and exits with FORCED_SHUTDOWN_CODE (`beforeExit` first, e.g. to kill child processes); should the
 * main thread be blocked, a watchdog thread kills the process shortly after.
 */
export function armShutdownDeadline(options: {
  afterMs: number;
  logger: Logger;
  waitingFor: () => string[];
  beforeExit?: () => void;
}): void {
  const { afterMs, logger, waitingFor, beforeExit } = options;
  setTimeout(() => {
    logger.error(
      { afterMs, waitingFor: waitingFor(), activeResources: process.getActiveResourcesInfo() },
      'shutdown did not finish in time; exiting',
    );
    beforeExit?.();
    process.exit(FORCED_SHUTDOWN_CODE);
  }, afterMs);
  new Worker(WATCHDOG_SOURCE, {
    eval: true,
    // Not the main thread's flags: --input-type=module would make this CommonJS source a module.
    execArgv: [],
    workerData: { pid: process.pid, afterMs: afterMs + WATCHDOG_DELAY_MS },
  }).unref();
}
