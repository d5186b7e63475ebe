import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../shared/context.js';
import {
  audience,
  insertDomainEvents,
  PUBLIC,
  recordDomainEvent,
  type AudienceToken,
} from '../../shared/events/domain-events.js';
import type { DomainEvent } from '../../shared/pubsub.js';
import type { DemandFacts } from './financing.filter.js';

// The events of 金企通: recorded in the outbox with the change (the partners' event feed) and published
// after commit as small facts (they fit a PostgreSQL NOTIFY payload); subscribers load the rest with
// their own permissions. Nothing personal ever travels in them.

export const FINANCING_DEMAND_PUBLISHED = 'FINANCING_DEMAND_PUBLISHED';
export const FINANCING_OFFER_RECEIVED = 'FINANCING_OFFER_RECEIVED';
export const FINANCING_DEMAND_WITHDRAWN = 'FINANCING_DEMAND_WITHDRAWN';
export const FINANCING_DEMAND_EXPIRED = 'FINANCING_DEMAND_EXPIRED';
export const FINANCING_OFFER_ACCEPTED = 'FINANCING_OFFER_ACCEPTED';
export const FINANCING_OFFER_DECLINED = 'FINANCING_OFFER_DECLINED';
export const FINANCING_OFFER_WITHDRAWN = 'FINANCING_OFFER_WITHDRAWN';
export const FINANCING_OFFER_DISBURSED = 'FINANCING_OFFER_DISBURSED';
export const CREDIT_PRODUCT_PUBLISHED = 'CREDIT_PRODUCT_PUBLISHED';
export const CREDIT_PRODUCT_RETIRED = 'CREDIT_PRODUCT_RETIRED';

/** What happened to an offer after it was made (each decision is one feed event). */
export type OfferDecisionEvent =
  | typeof FINANCING_OFFER_ACCEPTED
  | typeof FINANCING_OFFER_DECLINED
  | typeof FINANCING_OFFER_WITHDRAWN
  | typeof FINANCING_OFFER_DISBURSED;

export type DemandPublishedEvent = DomainEvent & DemandFacts;

/** An open demand is seen by every bank and every FINANCING_READ key, officials and its publisher. */
export function openDemandAudience(demand: { publishedById: string }): AudienceToken[] {
  return [
    audience.role('BANK_OFFICER'),
    audience.scope('FINANCING_READ'),
    audience.role('OFFICIAL'),
    audience.user(demand.publishedById),
  ];
}

export function publishDemandPublished(
  tx: RequestContext,
  demand: { id: string; publishedById: string },
  facts: DemandFacts,
): void {
  recordDomainEvent(tx, {
    type: FINANCING_DEMAND_PUBLISHED,
    subjectType: 'FinancingDemand',
    subjectId: demand.id,
    audience: openDemandAudience(demand),
    bus: { topic: FINANCING_DEMAND_PUBLISHED, payload: { id: demand.id, ...facts } satisfies DemandPublishedEvent },
  });
}

/** An offer is seen by its own bank only (never another bank), the enterprise, and finance officials. */
export function offerAudience(demand: { publishedById: string }, bankId: string): AudienceToken[] {
  return [audience.organisation(bankId), audience.user(demand.publishedById), audience.role('OFFICIAL', 'FINANCE')];
}

/**
 * A demand no longer open (withdrawn, expired) is seen by officials, its publisher and the banks that
 * offered on it; the other banks and the FINANCING_READ keys see open demands only (financing.access.ts).
 */
export function closedDemandAudience(
  demand: { publishedById: string },
  offeringBankIds: readonly string[],
): AudienceToken[] {
  return [
    audience.role('OFFICIAL'),
    audience.user(demand.publishedById),
    ...[...new Set(offeringBankIds)].map((id) => audience.organisation(id)),
  ];
}

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
    audience: offerAudience(demand, bankId),
    bus: { topic: FINANCING_OFFER_RECEIVED, topicId: demand.id, payload: { id: offerId } satisfies DomainEvent },
  });
}

/** An offer accepted, declined (by the enterprise, or closed with its demand), withdrawn or disbursed. */
export function recordOfferDecision(
  tx: RequestContext,
  type: OfferDecisionEvent,
  offer: { id: string; bankId: string },
  demand: { publishedById: string },
): void {
  recordDomainEvent(tx, {
    type,
    subjectType: 'FinancingOffer',
    subjectId: offer.id,
    audience: offerAudience(demand, offer.bankId),
  });
}

/** The enterprise withdrew its demand. */
export function recordDemandWithdrawn(
  tx: RequestContext,
  demand: { id: string; publishedById: string },
  offeringBankIds: readonly string[],
): void {
  recordDomainEvent(tx, {
    type: FINANCING_DEMAND_WITHDRAWN,
    subjectType: 'FinancingDemand',
    subjectId: demand.id,
    audience: closedDemandAudience(demand, offeringBankIds),
  });
}

/**
 * The expiry sweep's events, one per demand it expired, written in the sweep's own transaction (it has
 * no request context): one statement for the audiences, one for the outbox rows.
 */
export async function recordDemandsExpired(em: EntityManager, demandIds: readonly string[], at: Date): Promise<void> {
  if (demandIds.length === 0) return;
  const rows = await em.execute<{ id: string; published_by_id: string; bank_ids: string[] }[]>(
    `select d.id, d.published_by_id, coalesce(array_agg(distinct o.bank_id::text) filter (where o.bank_id is not null), '{}') as bank_ids
       from financing_demands d left join financing_offers o on o.demand_id = d.id
      where d.id in (?) group by d.id`,
    [demandIds],
  );
  await insertDomainEvents(
    em,
    rows.map((row) => ({
      type: FINANCING_DEMAND_EXPIRED,
      subjectType: 'FinancingDemand',
      subjectId: row.id,
      audience: closedDemandAudience({ publishedById: row.published_by_id }, row.bank_ids),
    })),
    at,
  );
}

/** Credit products are public: anyone may browse them, retired ones included. */
export function recordProductEvent(
  tx: RequestContext,
  type: typeof CREDIT_PRODUCT_PUBLISHED | typeof CREDIT_PRODUCT_RETIRED,
  productId: string,
): void {
  recordDomainEvent(tx, { type, subjectType: 'CreditProduct', subjectId: productId, audience: [PUBLIC] });
}
