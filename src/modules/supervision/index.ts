// The supervision module: random inspections after confirmation (双随机) and revocation of a
// registration obtained by false declaration, with its public notice.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { isOfficialOf } from '../../shared/viewer.js';
import { Inspection, InspectionSample, RevocationProceeding, supervisionEntities } from './supervision.entity.js';
import {
  EnterpriseRevocationResolver,
  InspectionFieldsResolver,
  InspectionSampleFieldsResolver,
  RevocationProceedingFieldsResolver,
  SupervisionResolver,
} from './supervision.resolver.js';
import { PUBLIC_STATUSES } from './supervision.loaders.js';
import { InspectionSampleType, InspectionType, RevocationProceedingType } from './supervision.types.js';

export { supervisionEntities };
export { SUPERVISION_SETTINGS } from './supervision.service.js';

registerNodeType({
  typeName: 'InspectionSample',
  entity: InspectionSample,
  load: async (ctx, ids) =>
    isOfficialOf(ctx.viewer, 'MARKET_REGULATION')
      ? byKeys(ids, await ctx.em.find(InspectionSample, { id: { $in: [...ids] } }), (s) => s.id)
      : ids.map(() => null),
});
registerNodeType({
  typeName: 'Inspection',
  entity: Inspection,
  load: async (ctx, ids) =>
    isOfficialOf(ctx.viewer, 'MARKET_REGULATION')
      ? byKeys(ids, await ctx.em.find(Inspection, { id: { $in: [...ids] } }), (i) => i.id)
      : ids.map(() => null),
});
registerNodeType({
  typeName: 'RevocationProceeding',
  entity: RevocationProceeding,
  // Public once under public notice or revoked; before that only market regulation and the enterprise
  // the notice is addressed to (the person acting for it) see it.
  load: async (ctx, ids) => {
    const all = isOfficialOf(ctx.viewer, 'MARKET_REGULATION');
    const visible = [
      { status: { $in: [...PUBLIC_STATUSES] } },
      ...(ctx.viewer.userId ? [{ enterprise: { agentIds: { $contains: [ctx.viewer.userId] } } }] : []),
    ];
    const rows = await ctx.em.find(
      RevocationProceeding,
      all ? { id: { $in: [...ids] } } : { id: { $in: [...ids] }, $or: visible },
    );
    return byKeys(ids, rows, (p) => p.id);
  },
});

export const supervisionResolvers = [
  SupervisionResolver,
  InspectionSampleFieldsResolver,
  InspectionFieldsResolver,
  RevocationProceedingFieldsResolver,
  EnterpriseRevocationResolver,
  nodeIdResolver(InspectionSampleType, 'InspectionSample'),
  nodeIdResolver(InspectionType, 'Inspection'),
  nodeIdResolver(RevocationProceedingType, 'RevocationProceeding'),
] as const;
