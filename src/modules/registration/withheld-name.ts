import type { RequestContext } from '../../shared/context.js';
import type { Viewer } from '../../shared/viewer.js';
import { actsFor, isRegistrar } from './registration.access.js';
import { Enterprise } from './registration.entity.js';

// A special name found to rest on a false commitment (domain-rules §2): until the enterprise has
// changed it, the public sees its unified social credit code instead of the name, on every path.
// This file is that rule. Every reader of an enterprise's name goes through it: the Enterprise
// fields, the licence facts and their verification, declarations, the change history, the lists by
// name (their order, search and cursors: Enterprise.publicName, publicNameSql in the entity file, is
// the same rule in SQL), and the names module's conflict answers (through the hook registered in index.ts).
//
// Who still sees the name: the applicants acting for the enterprise (it must choose the new one) and
// the registry, officials of market regulation. Everyone else, other officials and partners
// included, sees the credit code.

/** What the rule reads of an enterprise (an enterprise summary selected for the name carries just these). */
export type NameHolder = Pick<Enterprise, 'name' | 'uscc' | 'nameChangeRequiredBy' | 'agentIds'>;

/** Whether the viewer may see every name, withheld ones included: the lists order and search by the real name. */
export function seesWithheldNames(viewer: Viewer): boolean {
  return isRegistrar(viewer);
}

/** Whether the enterprise's name is withheld from this viewer. */
export function nameWithheldFrom(viewer: Viewer, enterprise: NameHolder): boolean {
  if (!enterprise.nameChangeRequiredBy || seesWithheldNames(viewer)) return false;
  return !actsFor(viewer, enterprise);
}

export function nameWithheld(ctx: RequestContext, enterprise: NameHolder): boolean {
  return nameWithheldFrom(ctx.viewer, enterprise);
}

/** The enterprise's name as the viewer may see it: the credit code while the name is withheld. */
export function visibleName(ctx: RequestContext, enterprise: NameHolder): string {
  return nameWithheld(ctx, enterprise) ? publicStandIn(enterprise) : enterprise.name;
}

/**
 * A stored text about the enterprise that may be its current name (the name a licence certifies,
 * a name in the change history), as the viewer may see it: the withheld name reads as the credit code.
 */
export function visibleNameText<T extends string | null>(ctx: RequestContext, enterprise: NameHolder, text: T): T {
  if (text === null || text !== enterprise.name || !nameWithheld(ctx, enterprise)) return text;
  return publicStandIn(enterprise) as T;
}

function publicStandIn(enterprise: NameHolder): string {
  // An enterprise under a forced name change is registered, so it has a credit code.
  return enterprise.uscc ?? enterprise.name;
}

/** The property a search by name matches for this viewer: the real name only for those who see every name. */
export function nameSearchKeyFor(viewer: Viewer): 'name' | 'publicName' {
  return seesWithheldNames(viewer) ? 'name' : 'publicName';
}

/** Of these enterprises, the ids whose names are withheld from the viewer (for the names module's conflicts). */
export async function withheldNameIds(ctx: RequestContext, enterpriseIds: readonly string[]): Promise<Set<string>> {
  if (enterpriseIds.length === 0 || seesWithheldNames(ctx.viewer)) return new Set();
  const flagged = await ctx.em.find(Enterprise, {
    id: { $in: [...new Set(enterpriseIds)] },
    nameChangeRequiredBy: { $ne: null },
  });
  return new Set(flagged.filter((e) => nameWithheld(ctx, e)).map((e) => e.id));
}
