import type { RequestContext } from '../../shared/context.js';
import { defineLoader } from '../../shared/loaders.js';
import { Enterprise } from '../registration/index.js';

// What financing needs of the registration module, in one place: which enterprises the viewer acts
// for (an enterprise's agents are the applicant accounts that act for it) and an enterprise's facts at
// the moment a demand is published.

/** The enterprises a user acts for, loaded once per operation. */
const actingEnterpriseIds = defineLoader<string, ReadonlySet<string>>(
  'financing.actingEnterpriseIds',
  async (ctx, userIds) => {
    // Plain rows, not entities: a partly loaded Enterprise in the identity map would surprise its owner module.
    const rows = await ctx.em.execute<{ id: string; agent: string }[]>(
      `select e.id, a.agent from enterprises e cross join unnest(e.agent_ids) as a(agent)
        where e.agent_ids && array[?]::uuid[] and a.agent in (?)`,
      [[...userIds], [...userIds]],
    );
    return userIds.map((userId) => new Set(rows.filter((e) => e.agent === userId).map((e) => e.id)));
  },
);

/** Whether the viewer is an applicant acting for this enterprise. */
export async function actsFor(ctx: RequestContext, enterpriseId: string): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.role !== 'APPLICANT' || viewer.userId === null) return false;
  return (await ctx.loaders.get(actingEnterpriseIds).load(viewer.userId)).has(enterpriseId);
}

/** The ids of the enterprises the viewer acts for (none unless an applicant). */
export async function enterprisesActedFor(ctx: RequestContext): Promise<string[]> {
  const { viewer } = ctx;
  if (viewer.role !== 'APPLICANT' || viewer.userId === null) return [];
  return [...(await ctx.loaders.get(actingEnterpriseIds).load(viewer.userId))];
}

export interface EnterpriseFacts {
  id: string;
  name: string;
  active: boolean;
  district: string;
  industry: string | null;
  foreignInvested: boolean;
  agentIds: string[];
}

/** An enterprise's facts now, when it exists. */
export async function enterpriseFacts(ctx: RequestContext, enterpriseId: string): Promise<EnterpriseFacts | null> {
  const enterprise = await ctx.em.findOne(Enterprise, { id: enterpriseId });
  if (!enterprise) return null;
  return {
    id: enterprise.id,
    name: enterprise.name,
    active: enterprise.status === 'ACTIVE',
    district: enterprise.district,
    industry: enterprise.industry,
    foreignInvested: enterprise.foreignInvested,
    agentIds: enterprise.agentIds,
  };
}
