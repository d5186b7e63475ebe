import cluster from 'node:cluster';
import { RateLimiterCluster, RateLimiterMemory, type IRateLimiterOptions } from 'rate-limiter-flexible';

/**
 * A counter of points per key and period. In one process it lives in memory; when the server runs as
 * several workers (app/cluster.ts) each worker asks the primary process, which keeps one count for
 * all of them, so a budget or a lockout is the same whichever worker a request reaches.
 */
export function createRateLimiter(options: IRateLimiterOptions): RateLimiterMemory | RateLimiterCluster {
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 3000 }) : new RateLimiterMemory(options);
}
