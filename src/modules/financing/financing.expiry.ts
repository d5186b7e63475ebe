import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { recordDemandsExpired } from './financing.events.js';

// Demands expire by the clock: every read already shows an open demand past its expiry time as
// EXPIRED (and its pending offers as EXPIRED). This sweep (a scheduled job, app/jobs.ts) writes that
// state down, in batches, so the open-demand indexes stay small; reads never depend on it running.

const BATCH = 5000;

/** Marks due demands and their pending offers EXPIRED; returns how many demands it expired. */
export async function expireDueDemands(em: EntityManager, clock: Clock): Promise<number> {
  const now = clock.now();
  let total = 0;
  for (;;) {
    const expired = await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select id from financing_demands where status = 'OPEN' and expires_at <= ? order by expires_at limit ? for update skip locked`,
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
