// The names module: name checks, reservations, special-name commitments and their verification,
// and the conflict index other modules write registered names to.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { isOfficialOf } from '../../shared/viewer.js';
import { NameReservation, namesEntities } from './names.entity.js';
import {
  CommitmentTermsFieldsResolver,
  NameCommitmentFieldsResolver,
  NameReservationFieldsResolver,
  NameUndertakingFieldsResolver,
  NamesResolver,
  UndertakingTermsFieldsResolver,
} from './names.resolver.js';
import { NameReservationType } from './names.types.js';

export { NameReservation, EnterpriseName } from './names.entity.js';
export {
  takeReservationForRegistration,
  markReservationUsed,
  registerEnterpriseName,
  grantDirectlyDeclaredSpecialName,
  releaseEnterpriseName,
  onFalseCommitment,
  effectiveReservationStatus,
  holdReservationForReview,
  releaseReservationHold,
  sweepLapsedReservations,
  type FalseCommitmentHandler,
  type RegisteredEnterpriseName,
  type DirectlyGrantedSpecialName,
} from './reservations.service.js';
/** GraphQL types other modules extend or reuse: registration adds `NameConflict.enterprise` (the conflict carries `enterpriseId`). */
export { NameConflict, NameReservationType, IndustryType } from './names.types.js';
export { industryView } from './check.service.js';
export { withholdNamesBy, type WithheldNamesRule } from './name-index.service.js';
export { followNamesReferenceChanges } from './reference.service.js';
/**
 * The exceptions to the identical-name rule (规定 第十五条, 第十七条): registration registers how to find
 * the enterprises a user acts for, and checks a reservation's investment claim and name transfer at
 * confirmation.
 */
export {
  findActedForEnterprisesBy,
  investmentRelationOf,
  nameTransferOf,
  type ActedForEnterprise,
  type ActedForEnterpriseRule,
  type InvestmentRelation,
} from './exceptions.service.js';
export type { InvestmentRelationship, EnterpriseNameReleaseReason } from './names.entity.js';
export { enterpriseNameParts, type EnterpriseNamePartsData } from './name-parts.js';
export { NameCommitmentInput } from './names.inputs.js';
export { addIndexEntry, findConflicts, lockNameKeys, releaseIndexEntry } from './name-index.service.js';
export { namesReference } from './reference.service.js';
export { checkName, industryDivision } from './rules/index.js';

export { namesEntities };

registerNodeType({
  typeName: 'NameReservation',
  entity: NameReservation,
  // The applicant sees its own; the registry's officials and administrators see all.
  load: async (ctx, ids) => {
    const { viewer } = ctx;
    const all = viewer.role === 'ADMIN' || isOfficialOf(viewer, 'MARKET_REGULATION');
    if (!all && !viewer.userId) return ids.map(() => null);
    const rows = await ctx.em.find(
      NameReservation,
      all ? { id: { $in: [...ids] } } : { id: { $in: [...ids] }, applicantId: viewer.userId as string },
    );
    return byKeys(ids, rows, (r) => r.id);
  },
});

export const namesResolvers = [
  NamesResolver,
  NameReservationFieldsResolver,
  NameCommitmentFieldsResolver,
  CommitmentTermsFieldsResolver,
  NameUndertakingFieldsResolver,
  UndertakingTermsFieldsResolver,
  nodeIdResolver(NameReservationType, 'NameReservation'),
] as const;
