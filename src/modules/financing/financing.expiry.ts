import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { recordDemandsExpired } from './financing.events.js';

// Demands expire by the clock: an OPEN demand whose expiry time has come is EXPIRED (and its pending
// offers too), whether or not the sweep below has written it down. The rule is written here once, in
// SQL, and every read uses it: the views (status, endedAt, an offer's status and decidedAt), the
// filters and counts of the lists, and the sweep. Each takes the clock's now as its one parameter.

/** Demand `d` is open by the clock (status OPEN and not yet due); the open-demand indexes serve it. */
export const openByClock = (d: string) => `(${d}.status = 'OPEN' and ${d}.expires_at > ?::timestamptz)`;

/** Demand `d` is OPEN as stored but its expiry time has come. */
export const expiredByClock = (d: string) => `(${d}.status = 'OPEN' and ${d}.expires_at <= ?::timestamptz)`;

/** The views' join computing `${d}c.expired` (expiredByClock) once per demand row. */
export const clockOf = (d: string) => `cross join lateral (select ${expiredByClock(d)} as expired) ${d}c`;

// The sweep (a scheduled job, app/jobs.ts) writes the expired state down in batches, so the
// open-demand indexes stay small; reads never depend on it running.

const BATCH = 5000;

/** Marks due demands and their pending offers EXPIRED; returns how many demands it expired. */
export async function expireDueDemands(em: EntityManager, clock: Clock): Promise<number> {
  const now = clock.now();
  let total = 0;
  for (;;) {
    const expired = await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select d.id from financing_demands d where ${expiredByClock('d')} order by d.expires_at limit ? for update skip locked`,
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
