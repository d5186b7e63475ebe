import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { armShutdownDeadline, onStopRequest, SHUTDOWN_MARGIN_MS } from './shutdown.js';

// The server as several processes on one port (node:cluster): one Node.js thread handles a request at a
// time, so a machine with more cores serves more with a worker per core. The primary process serves
// nothing itself. It starts the first worker alone (that one applies migrations, loads demo data and
// runs the scheduled jobs), then the others; it restarts a worker that dies after it started, and stops
// the server with exit code 1 when one cannot start; on SIGTERM or SIGINT it stops them all and exits 0 once every one
// has stopped cleanly. Workers share nothing through it: the rate-limit counts live in Redis or
// PostgreSQL (shared/rate-limiter.ts) and subscriptions reach every worker through the PostgreSQL or
// Redis event bus (config.ts insists on one), exactly as between instances on different hosts.

/** What a worker tells the primary once it listens. */
export const WORKER_READY = 'qes:ready';

/** The environment variable telling a worker its index; index 0 does the once-only work. */
export const WORKER_INDEX_VARIABLE = 'QES_WORKER_INDEX';

/** Whether this process does the work only one process may do: it is not a worker, or the first one. */
export function isFirstWorker(): boolean {
  return !cluster.isWorker || process.env[WORKER_INDEX_VARIABLE] === '0';
}

/** In a worker: tells the primary it is listening. */
export function reportReady(): void {
  if (cluster.isWorker) process.send?.(WORKER_READY);
}

const RESTART_DELAY_MS = 1000;

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const workers = new Map<number, Worker>();
  let stopping = false;
  let failed = false;

  const stopAll = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping workers');
    if (workers.size === 0) process.exit(failed ? 1 : 0);
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
    // Each worker keeps its own deadline; this one, later, is for a worker that cannot keep it.
    armShutdownDeadline({
      afterMs: config.shutdownGraceMs + 2 * SHUTDOWN_MARGIN_MS,
      logger,
      waitingFor: () => [...workers.values()].map((worker) => `worker process ${worker.process.pid}`),
      beforeExit: () => {
        for (const worker of workers.values()) worker.process.kill('SIGKILL');
      },
    });
  };

  /** Starts worker `index`; resolves once it listens (or has exited). */
  const fork = (index: number): Promise<void> =>
    new Promise((resolve) => {
      const worker = cluster.fork({ [WORKER_INDEX_VARIABLE]: String(index) });
      let listening = false;
      workers.set(index, worker);
      worker.on('message', (message) => {
        if (message !== WORKER_READY) return;
        listening = true;
        resolve();
      });
      worker.on('exit', (code, signal) => {
        workers.delete(index);
        resolve();
        if (stopping) {
          if (code !== 0) failed = true;
          if (workers.size === 0) process.exit(failed ? 1 : 0);
        } else if (!listening) {
          // It could not start (the database unreachable, a migration failing): restarting it would
          // only fail again, so the server stops, as a single process would.
          logger.error({ worker: index, code, signal }, 'worker failed to start');
          failed = true;
          stopAll('a worker failed to start');
        } else {
          logger.error({ worker: index, code, signal }, 'worker exited; restarting it');
          setTimeout(() => void fork(index), RESTART_DELAY_MS).unref();
        }
      });
    });

  onStopRequest(stopAll);
  await fork(0);
  if (stopping) return;
  await Promise.all(Array.from({ length: config.workers - 1 }, (_, i) => fork(i + 1)));
  if (!stopping) logger.info({ workers: config.workers }, 'all workers listening');
}
