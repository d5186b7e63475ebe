import type { RequestContext } from '../../shared/context.js';
import type { DomainEvent } from '../../shared/pubsub.js';
import type { DemandFacts } from './financing.filter.js';

// The events of 金企通: small facts published after commit (they fit a PostgreSQL NOTIFY payload);
// subscribers load the rest with their own permissions. Nothing personal ever travels in them.

export const FINANCING_DEMAND_PUBLISHED = 'FINANCING_DEMAND_PUBLISHED';
export const FINANCING_OFFER_RECEIVED = 'FINANCING_OFFER_RECEIVED';

export type DemandPublishedEvent = DomainEvent & DemandFacts;

export function publishDemandPublished(tx: RequestContext, demandId: string, facts: DemandFacts): void {
  tx.afterCommit.push(() =>
    tx.deps.events.publish(FINANCING_DEMAND_PUBLISHED, { id: demandId, ...facts } satisfies DemandPublishedEvent),
  );
}

export function publishOfferReceived(tx: RequestContext, demandId: string, offerId: string): void {
  tx.afterCommit.push(() =>
    tx.deps.events.publish(FINANCING_OFFER_RECEIVED, demandId, { id: offerId } satisfies DomainEvent),
  );
}
