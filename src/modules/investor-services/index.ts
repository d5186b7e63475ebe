// Foreign-investment services: consultations, complaints and suggestions of foreign investors, their
import { EnterpriseServiceCasesResolver } from './enterprise-cases.resolver.js';
// working-day deadlines, attachments, typical cases and figures (domain-rules §4).
import './service-case.messages.js';
import { registerFileAccess } from '../../shared/files/file-access.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { byKeys } from '../../shared/loaders.js';
import { canSeeCase, canSeeConfidential } from './service-case.access.js';
import { ServiceCase, ServiceCaseAttachment, TypicalCase, investorServicesEntities } from './service-case.entity.js';
import { caseById } from './service-case.loaders.js';
import { InvestorServicesResolver, ServiceCaseFieldsResolver } from './service-case.resolver.js';
import { ServiceCaseType, TypicalCaseType } from './service-case.types.js';

export { investorServicesEntities };

registerNodeType({
  typeName: 'ServiceCase',
  entity: ServiceCase,
  // The submitter and commerce officials; nobody else learns that a case exists.
  load: async (ctx, ids) => {
    const cases = await ctx.loaders.get(caseById).loadMany(ids);
    return cases.map((c) => (c && !(c instanceof Error) && canSeeCase(ctx.viewer, c) ? c : null));
  },
});

registerNodeType({
  typeName: 'TypicalCase',
  entity: TypicalCase,
  // Published anonymised summaries: public; a withdrawn one, nobody's.
  load: async (ctx, ids) =>
    byKeys(ids, await ctx.em.find(TypicalCase, { id: { $in: [...ids] }, withdrawnAt: null }), (t) => t.id),
});

// An attached file is read under the same rule as the case's confidential parts.
registerFileAccess('ServiceCase', async (ctx, file) => {
  const link = await ctx.em.findOne(ServiceCaseAttachment, { fileId: file.id });
  if (!link) return false;
  const found = await ctx.em.findOne(ServiceCase, { id: link.caseId });
  return found !== null && canSeeConfidential(ctx.viewer, found);
});

export const investorServicesResolvers = [
  EnterpriseServiceCasesResolver,
  InvestorServicesResolver,
  ServiceCaseFieldsResolver,
  nodeIdResolver(ServiceCaseType, 'ServiceCase'),
  nodeIdResolver(TypicalCaseType, 'TypicalCase'),
] as const;
