import type { RequestContext } from '../../shared/context.js';
import { audience, recordDomainEvent } from '../../shared/events/domain-events.js';
import type { DomainEvent } from '../../shared/pubsub.js';
import type { DemandFacts } from './financing.filter.js';

// The events of 金企通: recorded in the outbox with the change (the partners' event feed) and published
// after commit as small facts (they fit a PostgreSQL NOTIFY payload); subscribers load the rest with
// their own permissions. Nothing personal ever travels in them.

export const FINANCING_DEMAND_PUBLISHED = 'FINANCING_DEMAND_PUBLISHED';
export const FINANCING_OFFER_RECEIVED = 'FINANCING_OFFER_RECEIVED';

export type DemandPublishedEvent = DomainEvent & DemandFacts;

/** An open demand is seen by every bank and every FINANCING_READ key, officials and its publisher. */
export function publishDemandPublished(
  tx: RequestContext,
  demand: { id: string; publishedById: string },
  facts: DemandFacts,
): void {
  recordDomainEvent(tx, {
    type: FINANCING_DEMAND_PUBLISHED,
    subjectType: 'FinancingDemand',
    subjectId: demand.id,
    audience: [
      audience.role('BANK_OFFICER'),
      audience.scope('FINANCING_READ'),
      audience.role('OFFICIAL'),
      audience.user(demand.publishedById),
    ],
    bus: { topic: FINANCING_DEMAND_PUBLISHED, payload: { id: demand.id, ...facts } satisfies DemandPublishedEvent },
  });
}

/** An offer is seen by its own bank only (never another bank), the enterprise, and finance officials. */
export function publishOfferReceived(
  tx: RequestContext,
  demand: { id: string; publishedById: string },
  offerId: string,
  bankId: string,
): void {
  recordDomainEvent(tx, {
    type: FINANCING_OFFER_RECEIVED,
    subjectType: 'FinancingOffer',
    subjectId: offerId,
    audience: [
      audience.organisation(bankId),
      audience.user(demand.publishedById),
      audience.role('OFFICIAL', 'FINANCE'),
    ],
    bus: { topic: FINANCING_OFFER_RECEIVED, topicId: demand.id, payload: { id: offerId } satisfies DomainEvent },
  });
}
