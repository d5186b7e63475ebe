import type { EntityManager } from '@mikro-orm/postgresql';
import { FinancingDemand } from './financing.entity.js';
import type { DemandFacts } from './financing.filter.js';

// The facts a demand filter matches (financing.filter.ts), for readers outside this module that hold only
// demand ids, such as the webhook dispatcher matching an endpoint's filter against the outbox's events.

/** The filter facts of these demands, by id, in one statement; a demand that is gone is absent. */
export async function demandFactsByIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, DemandFacts>> {
  if (ids.length === 0) return new Map();
  const demands = await em.find(
    FinancingDemand,
    { id: { $in: [...new Set(ids)] } },
    {
      fields: [
        'id',
        'district',
        'industry',
        'amountFen',
        'termMonths',
        'guaranteeType',
        'foreignInvested',
        'publishedAt',
      ],
    },
  );
  return new Map(
    demands.map((demand) => [
      demand.id,
      {
        district: demand.district,
        industry: demand.industry,
        amountFen: demand.amountFen,
        termMonths: demand.termMonths,
        guaranteeType: demand.guaranteeType,
        foreignInvested: demand.foreignInvested,
        publishedAtMs: demand.publishedAt.getTime(),
      },
    ]),
  );
}
