import type { RequestContext } from '../../shared/context.js';
import { Enterprise } from './registration.entity.js';
import { actingEnterpriseIdsByUserId } from './registration.loaders.js';

// What other modules read of enterprises by id: whether the viewer acts for one (an enterprise's agents
// are the applicant accounts that act for it), and an enterprise's facts at a moment (financing copies
// them onto a demand when it is published).

/** Whether the viewer is an applicant acting for the enterprise with this id. */
export async function viewerActsFor(ctx: RequestContext, enterpriseId: string): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.role !== 'APPLICANT' || viewer.userId === null) return false;
  return (await ctx.loaders.get(actingEnterpriseIdsByUserId).load(viewer.userId)).has(enterpriseId);
}

/** The ids of the enterprises the viewer acts for (none unless an applicant). */
export async function enterpriseIdsActedFor(ctx: RequestContext): Promise<string[]> {
  const { viewer } = ctx;
  if (viewer.role !== 'APPLICANT' || viewer.userId === null) return [];
  return [...(await ctx.loaders.get(actingEnterpriseIdsByUserId).load(viewer.userId))];
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
