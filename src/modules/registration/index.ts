// The registration module: enterprises, registration applications (establishment, change,
// deregistration), department clearances, credit codes and electronic business licences.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { onFalseCommitment, withholdNamesBy } from '../names/index.js';
import { canSeeApplication } from './registration.access.js';
import {
  BusinessLicence,
  DepartmentClearance,
  Enterprise,
  EnterpriseChange,
  RegistrationApplication,
} from './registration.entity.js';
import { BusinessLicenceFieldsResolver, EnterpriseFieldsResolver, EnterpriseResolver } from './enterprise.resolver.js';
import { requireNameChange } from './enterprise.service.js';
import { withheldNameIds } from './withheld-name.js';
import {
  ClearanceTaskFieldsResolver,
  NameConflictEnterpriseResolver,
  RegistrationApplicationFieldsResolver,
  RegistrationDeclarationFieldsResolver,
  RegistrationResolver,
} from './registration.resolver.js';
import { EnterpriseType, RegistrationApplicationType } from './registration.types.js';
import { DepartmentClearanceAnswer } from './clearance-answer.entity.js';
import {
  ClearanceAnswerResolver,
  ClearanceTaskAnswersResolver,
  DepartmentClearanceAnswersResolver,
} from './clearance-answer.resolver.js';

export { Enterprise, RegistrationApplication } from './registration.entity.js';
export { EnterpriseType, RegistrationApplicationType } from './registration.types.js';
export { enterpriseById } from './registration.loaders.js';
export { requireEnterpriseActedFor } from './enterprise.service.js';
export { revokeRegistration, type RevokeRegistrationCommand } from './revocation.js';
export { visibleName } from './withheld-name.js';
export { ENTERPRISE_FIELD_PROPERTIES } from './enterprise.resolver.js';

export const registrationEntities = [
  Enterprise,
  EnterpriseChange,
  RegistrationApplication,
  DepartmentClearance,
  BusinessLicence,
  DepartmentClearanceAnswer,
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
    return byKeys(
      ids,
      rows.filter((a) => canSeeApplication(ctx.viewer, a)),
      (a) => a.id,
    );
  },
});

// A special name found to rest on a false commitment: the enterprise must change it within 30 days.
onFalseCommitment(requireNameChange);
// Until then its name is withheld from the public on every path, the names module's conflicts included.
withholdNamesBy(withheldNameIds);

export const registrationResolvers = [
  RegistrationResolver,
  RegistrationApplicationFieldsResolver,
  RegistrationDeclarationFieldsResolver,
  NameConflictEnterpriseResolver,
  ClearanceTaskFieldsResolver,
  EnterpriseResolver,
  EnterpriseFieldsResolver,
  BusinessLicenceFieldsResolver,
  ClearanceAnswerResolver,
  ClearanceTaskAnswersResolver,
  DepartmentClearanceAnswersResolver,
  nodeIdResolver(EnterpriseType, 'Enterprise'),
  nodeIdResolver(RegistrationApplicationType, 'RegistrationApplication'),
] as const;
