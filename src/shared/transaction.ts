import type { RequestContext } from './context.js';
import { Loaders } from './loaders.js';
import { writeRecordedEvents } from './events/domain-events.js';

/**
 * Runs `work` in one database transaction with a context whose EntityManager is the transaction's.
 * The audit event and notifications a service writes join the same transaction; events queued in
 * `afterCommit` are published only once it has committed, so no subscriber hears of a write that
 * was rolled back, and the call returns once they have been sent. Throwing (a DomainError included)
 * rolls everything back.
 *
 * Inside `work`, use only `tx` (its em and loaders): on the embedded database there is one
 * connection, held by the transaction, so a query through the outer context would wait forever.
 */
export async function inTransaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  // Inside another transaction (a service called under an idempotency key), this one is a savepoint
  // of it: its events wait for the outer commit, which is the one that makes the writes real.
  if (ctx.em.isInTransaction()) {
    return ctx.em.transactional(async (em) => {
      const tx: RequestContext = { ...ctx, em, loaders: new Loaders() };
      tx.loaders.bind(tx);
      return finish(tx, await work(tx));
    });
  }
  const afterCommit: (() => void)[] = [];
  const result = await ctx.em.transactional(async (em) => {
    const tx: RequestContext = { ...ctx, em, afterCommit, loaders: new Loaders() };
    tx.loaders.bind(tx);
    return finish(tx, await work(tx));
  });
  for (const publish of afterCommit) {
    try {
      publish();
    } catch (error) {
      ctx.deps.logger.error({ err: error, requestId: ctx.requestId }, 'publishing an event after commit failed');
    }
  }
  // The client hears of the commit only once its events have left: a caller's next write is then
  // always announced after this one, to every process.
  if (afterCommit.length > 0) await ctx.deps.events.flush();
  return result;
}

/** The last step of every transaction's work: its domain events join it in the outbox (events/domain-events.ts). */
async function finish<T>(tx: RequestContext, result: T): Promise<T> {
  await writeRecordedEvents(tx);
  return result;
}
