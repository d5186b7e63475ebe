import type { RequestContext } from './context.js';
import { topLevelError } from './errors.js';
import { Loaders } from './loaders.js';
import { translate } from './messages.js';

// What every subscription resolver needs from the event bus: its subscriber's own stream of events,
// ended with a clear error in the subscriber's language if it cannot keep up or events may have been
// missed (the bus lost its database connection), and a fresh read of each event.

/** The events of `topic` (of one `id`, if given) this subscription may see, in order, each once. */
export function liveEvents<T>(
  ctx: RequestContext,
  topic: string,
  options: { id?: string; where?: (payload: T) => boolean } = {},
): AsyncIterableIterator<T> {
  return ctx.deps.events.subscribe<T>(topic, options.id, {
    where: options.where,
    overflowError: () => topLevelError('SUBSCRIBER_TOO_SLOW', translate(ctx.locale, 'error.subscriberTooSlow')),
    interruptedError: () => topLevelError('EVENTS_INTERRUPTED', translate(ctx.locale, 'error.eventsInterrupted')),
  });
}

/**
 * A subscription's context lives as long as the subscription and belongs to it alone (websocket.ts
 * builds one per subscribe message); each event is read with a fresh EntityManager and fresh
 * DataLoaders so it never shows what an earlier event cached. The fields below the event are resolved
 * with this same context object, so it is renewed in place: safe because graphql-ws resolves the
 * events of one subscription one after another.
 */
export function freshForEvent(ctx: RequestContext): RequestContext {
  ctx.em = ctx.em.fork({ clear: true });
  ctx.loaders = new Loaders();
  ctx.loaders.bind(ctx);
  return ctx;
}
