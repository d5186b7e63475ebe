import type { RequestContext } from './context.js';

/**
 * Work a mutation hands to a job instead of doing it inline: with a server database, the pg-boss queue
 * (app/job-queue.ts). The job is added inside the caller's transaction, so it exists, and later runs,
 * exactly when the change that caused it commits; a rolled-back mutation leaves no job behind.
 */
export interface JobQueue {
  enqueue(tx: RequestContext, name: string, data: object): Promise<void>;
}
