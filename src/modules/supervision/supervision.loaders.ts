import { byKeys, defineLoader, groupByKeys } from '../../shared/loaders.js';
import { Inspection, InspectionSample, RevocationProceeding } from './supervision.entity.js';

// One statement per loader and batch: the desk's samples with their inspections, and proceedings
// with their inspection and enterprise, cost the same few statements for one row as for a page.

/** The stages of a proceeding the public sees. */
export const PUBLIC_STATUSES = ['PUBLIC_NOTICE', 'REVOKED'] as const;

export const inspectionsBySampleId = defineLoader<string, Inspection[]>(
  'supervision.inspectionsBySampleId',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(Inspection, { sample: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (i) => i.sample.id,
    ),
);
export const inspectionById = defineLoader<string, Inspection | null>('supervision.inspectionById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(Inspection, { id: { $in: [...ids] } }), (i) => i.id),
);
export const sampleById = defineLoader<string, InspectionSample | null>('supervision.sampleById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(InspectionSample, { id: { $in: [...ids] } }), (s) => s.id),
);
export const proceedingByInspectionId = defineLoader<string, RevocationProceeding | null>(
  'supervision.proceedingByInspectionId',
  async (ctx, ids) =>
    byKeys(ids, await ctx.em.find(RevocationProceeding, { inspection: { $in: [...ids] } }), (p) => p.inspection.id),
);
export const publicProceedingByEnterpriseId = defineLoader<string, RevocationProceeding | null>(
  'supervision.publicProceedingByEnterpriseId',
  async (ctx, ids) =>
    byKeys(
      ids,
      // Oldest first, so the latest wins in byKeys.
      await ctx.em.find(
        RevocationProceeding,
        { enterprise: { $in: [...ids] }, status: { $in: [...PUBLIC_STATUSES] } },
        { orderBy: { updatedAt: 'asc', id: 'asc' } },
      ),
      (p) => p.enterprise.id,
    ),
);
