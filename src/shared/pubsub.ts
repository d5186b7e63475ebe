import { createPubSub } from '@graphql-yoga/subscription';
import type { PubSubEventTarget } from '@graphql-yoga/subscription';
import { SlidingBuffer } from '@repeaterjs/repeater';
import type { PubSub } from 'type-graphql';

/**
 * The one pub/sub interface of the platform. Services publish small facts (identifiers) after commit;
 * subscription resolvers load the rest with the subscriber's own permissions. Payloads stay small so a
 * PostgreSQL LISTEN/NOTIFY event target (8,000-byte payloads) can replace the in-process one when the
 * API runs as several processes: pass it as `eventTarget`, nothing else changes.
 */
export type EventBus = PubSub;

export interface DomainEvent {
  /** Global or local id of the object the event is about. */
  id: string;
  [fact: string]: string | number | boolean | null;
}

export function createEventBus(eventTarget?: EventTarget): EventBus {
  return createPubSub<Record<string, [string, DomainEvent]>>({
    eventTarget: eventTarget as PubSubEventTarget<Record<string, [string, DomainEvent]>> | undefined,
    // A slow subscriber loses its oldest events instead of stalling the publisher.
    repeaterBuffer: new SlidingBuffer(256),
  }) as unknown as EventBus;
}

/**
 * Runs `onEvent` for every event on `topic` (from every process, on the PostgreSQL bus) until the
 * returned function is called. For what each process keeps in memory and another process can change:
 * revoked credentials, the holiday calendar, the name word lists.
 */
export function followEvents<T>(
  events: EventBus,
  topic: string,
  onEvent: (payload: T) => void | Promise<void>,
): () => Promise<void> {
  const iterator = (events.subscribe(topic) as AsyncIterable<T>)[Symbol.asyncIterator]();
  const following = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await onEvent(next.value);
  })();
  return async () => {
    await iterator.return?.();
    await following;
  };
}
