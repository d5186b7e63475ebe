// The registration module: enterprises, registration applications (establishment, change,
// deregistration), department clearances, credit codes and electronic business licences.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { declareReads } from '../../shared/graphql/field-reads.js';
import { findActedForEnterprisesBy, onFalseCommitment, withholdNamesBy } from '../names/index.js';
import { canSeeApplication } from './registration.access.js';
import {
  BusinessLicence,
  DepartmentClearance,
  Enterprise,
  EnterpriseChange,
  RegistrationApplication,
} from './registration.entity.js';
import {
  EnterpriseRestriction,
  SimplifiedDeregistrationNotice,
  SimplifiedDeregistrationObjection,
} from './simplified-deregistration.entity.js';
import { BusinessLicenceFieldsResolver, EnterpriseFieldsResolver, EnterpriseResolver } from './enterprise.resolver.js';
import { requireEnterpriseActedFor, requireNameChange } from './enterprise.service.js';
import { withheldNameIds } from './withheld-name.js';
import {
  ClearanceTaskFieldsResolver,
  NameConflictEnterpriseResolver,
  NameReservationApplicationResolver,
  RegistrationApplicationFieldsResolver,
  RegistrationDeclarationFieldsResolver,
  RegistrationResolver,
} from './registration.resolver.js';
import { EnterpriseType, RegistrationApplicationType } from './registration.types.js';
import { simplifiedDeregistrationResolvers } from './simplified-deregistration.resolver.js';
import { NOTICE_TYPE, RESTRICTION_TYPE, seesEnterpriseMatters } from './simplified-deregistration.service.js';
import { DepartmentClearanceAnswer } from './clearance-answer.entity.js';
import { EnterpriseAgentInvitation, RegistrationSettings } from './acting-for.entity.js';
import { RegistrationCommitmentTermsVersion } from './commitment-terms.entity.js';
import { RegistrationAdminResolver } from './registration-admin.resolver.js';
import { actingForResolvers } from './acting-for.resolver.js';
import { INVITATION_TYPE, visibleInvitations } from './acting-for.service.js';
import {
  ClearanceAnswerResolver,
  ClearanceTaskAnswersResolver,
  DepartmentClearanceAnswersResolver,
} from './clearance-answer.resolver.js';

export { Enterprise, RegistrationApplication } from './registration.entity.js';
export { EnterpriseType, RegistrationApplicationType } from './registration.types.js';
export { enterpriseById } from './registration.loaders.js';
export { requireEnterpriseActedFor } from './enterprise.service.js';
export { actsFor } from './registration.access.js';
export { revokeRegistration, type RevokeRegistrationCommand } from './revocation.js';
/** For the HTTP server: GET /enterprises/:id/licence.pdf, the electronic licence of an enterprise one acts for. */
export { mountLicenceRoutes } from './licence-download.js';
export { visibleName } from './withheld-name.js';
/** For modules that join enterprises into their own SQL (financing's bank search): plain summaries of them. */
export {
  enterpriseSummaryReader,
  type EnterpriseSummary,
  type EnterpriseSummaryReader,
} from './enterprise-summaries.js';
/**
 * For modules that add fields to Enterprise: `@EnterpriseReads('id', 'agentIds')` on the field resolver says
 * what it reads of the enterprise, so a summary can answer it (a field without it needs the whole entity).
 */
export { Reads as EnterpriseReads } from './enterprise-summaries.js';
/** For modules whose rules turn on an enterprise by id (financing): who acts for it, its facts now. */
export { enterpriseFacts, enterpriseIdsActedFor, viewerActsFor, type EnterpriseFacts } from './enterprise-reads.js';
/** For the hosting module: a registered address that is a hosted address (住所托管). */
export { useHostedAddresses, type HostedAddressHooks } from './hosted-address.js';
/** For other modules (hosting: the abnormal-operations list) to bar simplified deregistration (实施细则 Art. 48). */
export {
  addSimplifiedDeregistrationObstacle,
  type SimplifiedDeregistrationObstacle,
  type SimplifiedDeregistrationObstacleCheck,
} from './simplified-deregistration.service.js';

export const registrationEntities = [
  Enterprise,
  EnterpriseChange,
  RegistrationApplication,
  DepartmentClearance,
  BusinessLicence,
  SimplifiedDeregistrationNotice,
  SimplifiedDeregistrationObjection,
  EnterpriseRestriction,
  DepartmentClearanceAnswer,
  EnterpriseAgentInvitation,
  RegistrationSettings,
  RegistrationCommitmentTermsVersion,
];

registerNodeType({
  typeName: 'Enterprise',
  entity: Enterprise,
  // Public facts: every enterprise is visible (its personal details are guarded field by field).
  load: async (ctx, ids) => byKeys(ids, await ctx.em.find(Enterprise, { id: { $in: [...ids] } }), (e) => e.id),
});
registerNodeType({
  typeName: 'RegistrationApplication',
  entity: RegistrationApplication,
  load: async (ctx, ids) => {
    const rows = await ctx.em.find(RegistrationApplication, { id: { $in: [...ids] } });
    // Other agents' applications for enterprises the viewer acts for: their enterprises, read only then.
    const others = rows.filter((a) => !canSeeApplication(ctx.viewer, a) && a.enterprise);
    const enterprises = others.length
      ? await ctx.em.find(Enterprise, { id: { $in: others.map((a) => a.enterprise!.id) } })
      : [];
    const byId = new Map(enterprises.map((e) => [e.id, e]));
    return byKeys(
      ids,
      rows.filter((a) => canSeeApplication(ctx.viewer, a, a.enterprise ? (byId.get(a.enterprise.id) ?? null) : null)),
      (a) => a.id,
    );
  },
});

registerNodeType({
  typeName: NOTICE_TYPE,
  entity: SimplifiedDeregistrationNotice,
  // Public notices.
  load: async (ctx, ids) =>
    byKeys(ids, await ctx.em.find(SimplifiedDeregistrationNotice, { id: { $in: [...ids] } }), (n) => n.id),
});
registerNodeType({
  typeName: RESTRICTION_TYPE,
  entity: EnterpriseRestriction,
  // Officials and the enterprise's own applicant.
  load: async (ctx, ids) => {
    const rows = await ctx.em.find(EnterpriseRestriction, { id: { $in: [...ids] } }, { populate: ['enterprise'] });
    return byKeys(
      ids,
      rows.filter((r) => seesEnterpriseMatters(ctx, r.enterprise)),
      (r) => r.id,
    );
  },
});

registerNodeType({
  typeName: INVITATION_TYPE,
  entity: EnterpriseAgentInvitation,
  // The enterprise's agents and the account the invitation is addressed to.
  load: async (ctx, ids) =>
    byKeys(
      ids,
      await visibleInvitations(ctx, await ctx.em.find(EnterpriseAgentInvitation, { id: { $in: [...ids] } })),
      (i) => i.id,
    ),
});

// A special name found to rest on a false commitment: the enterprise must change it within 30 days.
onFalseCommitment(requireNameChange);
// Until then its name is withheld from the public on every path, the names module's conflicts included.
withholdNamesBy(withheldNameIds);
// The names module's identical-name exceptions rest on the holder's consent: the person acting for it.
findActedForEnterprisesBy(requireEnterpriseActedFor);

const EnterpriseIdResolver = nodeIdResolver(EnterpriseType, 'Enterprise');
// The global id encodes the entity's id and nothing else: an enterprise summary can answer it.
declareReads(EnterpriseIdResolver, 'id', ['id']);

export const registrationResolvers = [
  RegistrationResolver,
  RegistrationAdminResolver,
  RegistrationApplicationFieldsResolver,
  RegistrationDeclarationFieldsResolver,
  NameConflictEnterpriseResolver,
  NameReservationApplicationResolver,
  ClearanceTaskFieldsResolver,
  EnterpriseResolver,
  EnterpriseFieldsResolver,
  BusinessLicenceFieldsResolver,
  ClearanceAnswerResolver,
  ClearanceTaskAnswersResolver,
  DepartmentClearanceAnswersResolver,
  EnterpriseIdResolver,
  nodeIdResolver(RegistrationApplicationType, 'RegistrationApplication'),
  ...simplifiedDeregistrationResolvers,
  ...actingForResolvers,
] as const;
