// The 金企通 financing module: financing demands, bank offers, credit products, figures.
import { EnterpriseFinancingDemandsResolver } from './enterprise-demands.resolver.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { isOfficialOf } from '../../shared/viewer.js';
import { bankOf, canSeeDemand } from './financing.access.js';
import { viewerActsFor } from '../registration/index.js';
import { financingEntities } from './financing.entity.js';
import {
  BankFieldsResolver,
  CreditProductFieldsResolver,
  FinancingDemandFieldsResolver,
  FinancingOfferFieldsResolver,
} from './financing-fields.resolver.js';
import { bankById, demandById, offerById, productById } from './financing.loaders.js';
import { FinancingResolver } from './financing.resolver.js';
import { FinancingSettingsResolver } from './financing-settings.resolver.js';
import { FinancingDemandAlert } from './financing.entity.js';
import { alertView } from './product.service.js';
import {
  BankType,
  CreditProductType,
  FinancingDemandAlertType,
  FinancingDemandType,
  FinancingOfferType,
} from './financing.types.js';

export { financingEntities };
export { expireDueDemands } from './financing.expiry.js';
// The demand filter of alerts, for the webhooks of banks (modules/webhooks): one meaning of "matches".
export { FINANCING_DEMAND_PUBLISHED } from './financing.events.js';
export { demandMatches, filterFromJson, filterToJson, parseDemandFilter } from './financing.filter.js';
export type { DemandFacts, DemandFilter } from './financing.filter.js';
export { demandFactsByIds } from './financing.demand-facts.js';
export { FinancingDemandFilter } from './financing.inputs.js';
export { GuaranteeType } from './financing.enums.js';

registerNodeType({
  typeName: 'FinancingDemand',
  entity: FinancingDemandType,
  load: async (ctx, ids) => {
    const demands = await ctx.loaders.get(demandById).loadMany(ids);
    return Promise.all(
      demands.map(async (d) => (d && !(d instanceof Error) && (await canSeeDemand(ctx, d)) ? d : null)),
    );
  },
});

registerNodeType({
  typeName: 'FinancingOffer',
  entity: FinancingOfferType,
  // The bank that made it, the enterprise it was made to, and finance officials.
  load: async (ctx, ids) => {
    const offers = await ctx.loaders.get(offerById).loadMany(ids);
    return Promise.all(
      offers.map(async (o) => {
        if (!o || o instanceof Error) return null;
        if (bankOf(ctx.viewer)) return o.bankId === bankOf(ctx.viewer) ? o : null;
        if (isOfficialOf(ctx.viewer, 'FINANCE')) return o;
        const demand = await ctx.loaders.get(demandById).load(o.demandId);
        return demand && (await viewerActsFor(ctx, demand.enterpriseId)) ? o : null;
      }),
    );
  },
});

registerNodeType({
  typeName: 'CreditProduct',
  entity: CreditProductType,
  load: async (ctx, ids) =>
    (await ctx.loaders.get(productById).loadMany(ids)).map((p) => (p instanceof Error ? null : p)),
});

registerNodeType({
  typeName: 'Bank',
  entity: BankType,
  load: async (ctx, ids) => (await ctx.loaders.get(bankById).loadMany(ids)).map((b) => (b instanceof Error ? null : b)),
});

registerNodeType({
  typeName: 'FinancingDemandAlert',
  entity: FinancingDemandAlertType,
  load: async (ctx, ids) => {
    if (!ctx.viewer.userId) return ids.map(() => null);
    const alerts = await ctx.em.find(FinancingDemandAlert, { id: { $in: [...ids] }, userId: ctx.viewer.userId });
    return ids.map((id) => {
      const alert = alerts.find((a) => a.id === id);
      return alert ? alertView(alert) : null;
    });
  },
});

export const financingResolvers = [
  EnterpriseFinancingDemandsResolver,
  FinancingResolver,
  FinancingSettingsResolver,
  FinancingDemandFieldsResolver,
  FinancingOfferFieldsResolver,
  CreditProductFieldsResolver,
  BankFieldsResolver,
  nodeIdResolver(FinancingDemandType, 'FinancingDemand'),
  nodeIdResolver(FinancingOfferType, 'FinancingOffer'),
  nodeIdResolver(CreditProductType, 'CreditProduct'),
  nodeIdResolver(BankType, 'Bank'),
  nodeIdResolver(FinancingDemandAlertType, 'FinancingDemandAlert'),
] as const;
