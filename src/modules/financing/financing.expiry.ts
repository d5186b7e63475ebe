import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { FinancingDemandStatus, FinancingOfferStatus } from './financing.enums.js';
import { recordDemandsExpired } from './financing.events.js';

// "Effectively expired", the one rule (domain-rules §5): an OPEN demand whose expiry time has come is
// EXPIRED, and so are its PENDING offers, whether or not the sweep (below) has written
// that down yet. Every read states it through the SQL below; the request's `now` is a parameter:
// `n.now` in select lists (statements start with VIEW_NOW), `?` in conditions, so that the partial
// indexes of open demands keep matching the search's plan. Aliases: `d` the demand, `o` the offer.

/** Leads a statement whose select list reads `n.now`: the one bound parameter, first in the text. */
export const VIEW_NOW = 'n as not materialized (select ?::timestamptz as now)';

const openPastExpiry = `(d.status = 'OPEN' and d.expires_at <= n.now)`;
/** The same as a condition, the instant bound (`?`): open, and the expiry time has come. */
const DUE = `d.status = 'OPEN' and d.expires_at <= ?`;
const offerPastExpiry = `(o.status = 'PENDING' and ${openPastExpiry})`;

export const effectiveDemandStatus = `case when ${openPastExpiry} then 'EXPIRED' else d.status end`;
/** A demand expired by the clock ended at its expiry time; the sweep writes the same. */
export const effectiveDemandEndedAt = `coalesce(d.ended_at, case when d.status = 'EXPIRED' or ${openPastExpiry} then d.expires_at end)`;
export const effectiveOfferStatus = `case when ${offerPastExpiry} then 'EXPIRED' else o.status end`;
export const effectiveOfferDecidedAt = `coalesce(o.decided_at, case when ${offerPastExpiry} then d.expires_at end)`;

export interface Condition {
  sql: string;
  params: unknown[];
}

/** The condition "the demand is effectively in `status`", `now` bound. */
export function demandStatusCondition(status: FinancingDemandStatus, now: Date): Condition {
  switch (status) {
    case FinancingDemandStatus.OPEN:
      return { sql: `d.status = 'OPEN' and d.expires_at > ?`, params: [now] };
    case FinancingDemandStatus.EXPIRED:
      return { sql: `(d.status = 'EXPIRED' or (${DUE}))`, params: [now] };
    default:
      return { sql: 'd.status = ?', params: [status] };
  }
}

/** The condition "the offer is effectively in `status`" (its demand joined as `d`), `now` bound. */
export function offerStatusCondition(status: FinancingOfferStatus, now: Date): Condition {
  switch (status) {
    case FinancingOfferStatus.PENDING:
      return { sql: `o.status = 'PENDING' and not (${DUE})`, params: [now] };
    case FinancingOfferStatus.EXPIRED:
      return { sql: `(o.status = 'EXPIRED' or (o.status = 'PENDING' and ${DUE}))`, params: [now] };
    default:
      return { sql: 'o.status = ?', params: [status] };
  }
}

// The same rule for entities a mutation has locked and is about to change (financing.service.ts): no
// statement to run there. test/financing/read-model.test.ts holds both to one answer at expires_at == now.

/** The demand's status by the clock. */
export function effectiveStatus(
  demand: { status: FinancingDemandStatus; expiresAt: Date },
  now: Date,
): FinancingDemandStatus {
  return demand.status === FinancingDemandStatus.OPEN && demand.expiresAt.getTime() <= now.getTime()
    ? FinancingDemandStatus.EXPIRED
    : demand.status;
}

/** The offer's status by the clock (pending on a demand expired by the clock: expired). */
export function effectiveOfferStatusOf(
  offer: { status: FinancingOfferStatus },
  demand: { status: FinancingDemandStatus; expiresAt: Date },
  now: Date,
): FinancingOfferStatus {
  return offer.status === FinancingOfferStatus.PENDING && effectiveStatus(demand, now) === FinancingDemandStatus.EXPIRED
    ? FinancingOfferStatus.EXPIRED
    : offer.status;
}

// The sweep (a scheduled job, app/jobs.ts) writes that state down, in batches, so the open-demand
// indexes stay small; reads never depend on it running.

const BATCH = 5000;

/** Marks due demands and their pending offers EXPIRED; returns how many demands it expired. */
export async function expireDueDemands(em: EntityManager, clock: Clock): Promise<number> {
  const now = clock.now();
  let total = 0;
  for (;;) {
    const expired = await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select d.id from financing_demands d where ${DUE} order by d.expires_at limit ? for update skip locked`,
        [now, BATCH],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await tx.execute(
        `update financing_offers o set status = 'EXPIRED', decided_at = d.expires_at
         from financing_demands d where d.id = o.demand_id and o.demand_id in (?) and o.status = 'PENDING'`,
        [ids],
      );
      await tx.execute(`update financing_demands set status = 'EXPIRED', ended_at = expires_at where id in (?)`, [ids]);
      // The feed's FINANCING_DEMAND_EXPIRED events commit with the state they report.
      await recordDemandsExpired(tx, ids, now);
      return ids.length;
    });
    total += expired;
    if (expired < BATCH) return total;
  }
}
