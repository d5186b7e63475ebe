import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context.js';
import type { DomainEvent } from '../pubsub.js';
import { isFeedEventType } from './event-types.js';

// The one seam every domain event goes through. A service calls `recordDomainEvent(tx, …)` where it
// used to queue a bus publish; the event is then
//   1. written to the outbox table `domain_events` in the SAME transaction as the change, by
//      `writeRecordedEvents`, which `inTransaction` (shared/transaction.ts) calls once the work is done
//      (a service cannot flush its change and forget the event: both commit or neither does), and
//   2. published on the event bus after commit, from the same record (subscriptions keep working).
// The outbox row feeds the partners' event feed (event-feed.service.ts).

/**
 * Who may see an event, as tokens matched in SQL against the reader's own tokens (viewerAudience):
 * 'public' (every reader), 'role:OFFICIAL', 'role:OFFICIAL:FINANCE', 'role:BANK_OFFICER',
 * 'scope:FINANCING_READ', 'org:<organisation id>', 'host:<host id>', 'user:<user id>'.
 * Name exactly the readers who may read the object itself.
 */
export type AudienceToken = string;

export const PUBLIC: AudienceToken = 'public';
export const audience = {
  role: (role: string, department?: string): AudienceToken =>
    department ? `role:${role}:${department}` : `role:${role}`,
  scope: (scope: string): AudienceToken => `scope:${scope}`,
  organisation: (id: string): AudienceToken => `org:${id}`,
  host: (id: string): AudienceToken => `host:${id}`,
  user: (id: string): AudienceToken => `user:${id}`,
};

export interface RecordedEvent {
  /** The feed's event type (FINANCING_OFFER_RECEIVED …). */
  type: string;
  /** The GraphQL type of the object the event is about, and its local id (the feed shows its global ID). */
  subjectType: string;
  subjectId: string;
  audience: AudienceToken[];
  /** The bus publication after commit: topic, optional topic id, payload (small facts). */
  bus?: { topic: string; topicId?: string; payload: DomainEvent };
}

const recorded = new WeakMap<EntityManager, RecordedEvent[]>();

/** Records a domain event of the transaction `tx` runs in (inside `inTransaction`, after its change). */
export function recordDomainEvent(tx: RequestContext, event: RecordedEvent): void {
  if (!tx.em.isInTransaction()) {
    // A programming error: an event outside a transaction could be written without its change.
    throw new Error(`domain event ${event.type} recorded outside a transaction`);
  }
  const list = recorded.get(tx.em) ?? [];
  list.push(event);
  recorded.set(tx.em, list);
}

/**
 * Writes the events recorded on `tx.em` to the outbox (one statement) and queues their bus publications
 * for after commit. Called by `inTransaction` at the end of the transaction's (or savepoint's) work.
 */
export async function writeRecordedEvents(tx: RequestContext): Promise<void> {
  const events = recorded.get(tx.em);
  if (!events || events.length === 0) return;
  recorded.delete(tx.em);
  await insertDomainEvents(tx.em, events, tx.deps.clock.now());
  for (const { bus } of events) {
    if (!bus) continue;
    tx.afterCommit.push(() =>
      bus.topicId === undefined
        ? tx.deps.events.publish(bus.topic, bus.payload)
        : tx.deps.events.publish(bus.topic, bus.topicId, bus.payload),
    );
  }
}

/**
 * Writes outbox rows in the caller's transaction, in one statement. `writeRecordedEvents` uses it; a
 * set-based job with no request context (the financing expiry sweep) calls it directly in its own
 * transaction. Either way the events commit with their change or not at all.
 */
export async function insertDomainEvents(
  em: EntityManager,
  events: readonly Omit<RecordedEvent, 'bus'>[],
  occurredAt: Date,
): Promise<void> {
  if (events.length === 0) return;
  const unknown = events.find((e) => !isFeedEventType(e.type));
  // A programming error: every type is catalogued (event-types.ts) and documented in the feed's guide.
  if (unknown) throw new Error(`domain event type ${unknown.type} is not in FEED_EVENT_TYPES`);
  // The xact_id column defaults to pg_current_xact_id(), which assigns the transaction its id if it had none.
  await em.execute(
    `insert into domain_events (type, subject_type, subject_id, audience, occurred_at)
     select e.type, e.subject_type, e.subject_id::uuid, array(select jsonb_array_elements_text(e.audience)), ?::timestamptz
     from jsonb_to_recordset(?::jsonb) as e(type text, subject_type text, subject_id text, audience jsonb)`,
    [
      occurredAt.toISOString(),
      JSON.stringify(
        events.map((e) => ({
          type: e.type,
          subject_type: e.subjectType,
          subject_id: e.subjectId,
          audience: e.audience,
        })),
      ),
    ],
  );
}
