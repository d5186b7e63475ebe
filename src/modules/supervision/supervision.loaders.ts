import { Cursor } from '@mikro-orm/core';
import { lazy, type ConnectionData } from '../../shared/graphql/connection.js';
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

/** Key of a first page of a sample's inspections: `${sampleId}|${first}`. */
export const inspectionsFirstPage = defineLoader<string, ConnectionData<Inspection>>(
  'supervision.inspectionsFirstPage',
  async (ctx, keys) => {
    // One statement per page size for every sample of a list (sizes are the same in practice).
    const bySize = new Map<number, string[]>();
    for (const key of keys) {
      const [sampleId, size] = key.split('|') as [string, string];
      bySize.set(Number(size), [...(bySize.get(Number(size)) ?? []), sampleId]);
    }
    const pages = new Map<string, ConnectionData<Inspection>>();
    for (const [size, sampleIds] of bySize) {
      const rows =
        size === 0
          ? []
          : await ctx.em.execute<Record<string, unknown>[]>(
              `select * from (select i.*, row_number() over (partition by i.sample_id order by i.position, i.id) as rn
                 from inspections i where i.sample_id in (?)) x where x.rn <= ? order by x.sample_id, x.rn`,
              [sampleIds, size + 1],
            );
      const grouped = new Map<string, Inspection[]>();
      for (const row of rows) {
        const { rn: _rn, ...columns } = row;
        const inspection = ctx.em.map(Inspection, columns);
        const sampleId = String(row.sample_id);
        grouped.set(sampleId, [...(grouped.get(sampleId) ?? []), inspection]);
      }
      for (const sampleId of sampleIds) {
        const all = grouped.get(sampleId) ?? [];
        const items = all.slice(0, size);
        // The same cursors as paginate's (position, id), so the next page turns through it.
        const edges = items.map((node) => ({ cursor: Cursor.encode([node.position, node.id]), node }));
        pages.set(`${sampleId}|${size}`, {
          edges,
          pageInfo: {
            hasNextPage: all.length > size,
            hasPreviousPage: false,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          totalCount: lazy(() => ctx.loaders.get(inspectionCount).load(sampleId)),
        });
      }
    }
    return keys.map((key) => pages.get(key)!);
  },
);

const inspectionCount = defineLoader<string, number>('supervision.inspectionCount', async (ctx, ids) => {
  const rows = await ctx.em.execute<{ sample_id: string; n: string }[]>(
    'select sample_id, count(*) as n from inspections where sample_id in (?) group by sample_id',
    [[...ids]],
  );
  const counts = new Map(rows.map((r) => [String(r.sample_id), Number(r.n)]));
  return ids.map((id) => counts.get(id) ?? 0);
});
