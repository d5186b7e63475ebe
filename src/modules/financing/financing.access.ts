import type { RequestContext } from '../../shared/context.js';
import { isOfficialOf, type Viewer } from '../../shared/viewer.js';
import { viewerActsFor } from '../registration/index.js';
import { FinancingDemandStatus } from './financing.enums.js';
import { bankHasOffered } from './financing.loaders.js';
import type { FinancingDemandType } from './financing.types.js';

// Who sees what of 金企通 (domain-rules §5). What a viewer may not see is reported exactly as if it did
// not exist. The contact person is the one secret: only the enterprise itself, and a bank once the
// enterprise accepted its offer or consented, ever read it, by any path (field, node, subscription).

/** The bank a viewer works for, when the viewer is a bank officer linked to one. */
export function bankOf(viewer: Viewer): string | null {
  return viewer.role === 'BANK_OFFICER' ? viewer.organisationId : null;
}

export function isPartnerReader(viewer: Viewer): boolean {
  return viewer.kind === 'API_KEY' && viewer.scopes.includes('FINANCING_READ');
}

/** Whether the viewer may see this demand at all (masked or not). */
export async function canSeeDemand(ctx: RequestContext, demand: FinancingDemandType): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.role === 'OFFICIAL') return true;
  const open = demand.status === FinancingDemandStatus.OPEN;
  if (isPartnerReader(viewer)) return open;
  const bankId = bankOf(viewer);
  if (bankId) return open || (await ctx.loaders.get(bankHasOffered).load(demand.id));
  return viewerActsFor(ctx, demand.enterpriseId);
}

/** Whether the viewer may read the contact person of a demand it can see. */
export async function canSeeContact(ctx: RequestContext, demand: FinancingDemandType): Promise<boolean> {
  const bankId = bankOf(ctx.viewer);
  if (bankId) return demand.contactConsent || demand.acceptedBankId === bankId;
  return viewerActsFor(ctx, demand.enterpriseId);
}

/** Whose offers on a demand the viewer sees: all of them, only its bank's, or none. */
export type OfferScope = { kind: 'ALL' } | { kind: 'BANK'; bankId: string } | { kind: 'NONE' };

export async function offerScope(ctx: RequestContext, demand: FinancingDemandType): Promise<OfferScope> {
  const bankId = bankOf(ctx.viewer);
  if (bankId) return { kind: 'BANK', bankId };
  if (isOfficialOf(ctx.viewer, 'FINANCE')) return { kind: 'ALL' };
  if (await viewerActsFor(ctx, demand.enterpriseId)) return { kind: 'ALL' };
  return { kind: 'NONE' };
}
