// The investment-relationship exception to the identical-name rule (企业名称登记管理规定 第十七条): a name
// reserved as identical to a related enterprise's stands only if the relationship is real. When the holder
// is to invest in the new enterprise, the registry confirms it against the declared investors.
import type { RequestContext } from '../../shared/context.js';
import { UserErrorCode, problem, type Problem } from '../../shared/errors.js';
import { defineMessages } from '../../shared/messages.js';
import { investmentRelationOf, type NameReservation } from '../names/index.js';
import type { Declaration } from './registration.declaration.js';
import { Enterprise } from './registration.entity.js';

defineMessages({
  'registration.investmentRelationNotDeclared': {
    zh: '名称因与“{holder}”存在投资关系而保留，但申报的股东中没有该企业（统一社会信用代码 {uscc}）：请将其列为股东，或另行申请名称（《企业名称登记管理规定》第十七条）。',
    en: 'The name was reserved on the ground that “{holder}” invests in this enterprise, but it is not among the declared investors (unified social credit code {uscc}): declare it as an investor, or reserve another name (Regulation on Enterprise Names, Art. 17).',
  },
});

/**
 * Problems at `field` when the reservation claims that its holder invests in the new enterprise and the
 * declared investors do not include the holder. The other direction (the new enterprise is to invest in
 * the holder) happens after establishment and is only recorded.
 */
export async function investmentRelationProblems(
  tx: RequestContext,
  reservation: NameReservation,
  declaration: Declaration,
  field: string[],
): Promise<Problem[]> {
  const relation = investmentRelationOf(reservation);
  if (!relation || relation.relationship !== 'HOLDER_INVESTS_IN_NEW') return [];
  const holder = await tx.em.findOne(Enterprise, { id: relation.enterpriseId });
  if (!holder?.uscc) return [];
  const declared = (declaration.investors ?? []).some(
    (investor) => investor.kind === 'ENTERPRISE' && investor.registrationNumber?.trim().toUpperCase() === holder.uscc,
  );
  return declared
    ? []
    : [
        problem(UserErrorCode.NOT_ALLOWED, 'registration.investmentRelationNotDeclared', field, {
          holder: holder.name,
          uscc: holder.uscc,
        }),
      ];
}
