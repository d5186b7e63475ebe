import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../../shared/clock.js';

// Demands expire by the clock: every read already shows an open demand past its expiry time as
// EXPIRED (and its pending offers as EXPIRED). This sweep writes that state down, in batches, so
// the open-demand indexes stay small and the figures count them; reads never depend on it running.

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
      return ids.length;
    });
    total += expired;
    if (expired < BATCH) return total;
  }
}

/** Runs the sweep now and then every `everyMs`; returns a function that stops it. */
export function scheduleExpiry(em: EntityManager, clock: Clock, logger: Logger, everyMs = 5 * 60_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const count = await expireDueDemands(em, clock);
      if (count > 0) logger.info({ count }, 'financing demands expired');
    } catch (error) {
      logger.error({ err: error }, 'financing expiry sweep failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
