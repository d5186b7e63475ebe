import type { RequestContext } from '../../shared/context.js';
import { enterpriseById } from '../registration/index.js';
import type { FinancingDemandType } from './financing.types.js';

/**
 * Loads the enterprises of a whole page at once through the registration module's loader (used when
 * the query selects enterprise fields that an enterprise summary cannot serve), and hands each row
 * its enterprise, so the field resolves without waiting.
 */
export async function prefetchEnterprises(ctx: RequestContext, demands: FinancingDemandType[]): Promise<void> {
  const loader = ctx.loaders.get(enterpriseById);
  await Promise.all(
    demands.map((demand) =>
      loader.load(demand.enterpriseId).then((enterprise) => {
        demand.prefetchedEnterprise = enterprise;
      }),
    ),
  );
}
