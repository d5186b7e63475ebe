import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { EnterpriseReads, EnterpriseType, actsFor, type Enterprise } from '../registration/index.js';
import { ServiceCase } from './service-case.entity.js';
import { ServiceCaseConnection } from './service-case.types.js';

// The cases the viewer filed for an enterprise it acts for ("My enterprises"). Only its own: a case
// is confidential to its submitter (service-case.access.ts), so another agent's case stays unseen.
// A page of enterprises reads the first page of each one's cases in one statement.

const CASES: ChildList<ServiceCase> = {
  name: 'investorServices.viewerCasesByEnterprise',
  entity: ServiceCase,
  parent: 'enterpriseId',
  orderBy: ['submittedAt'],
  direction: 'desc',
  where: (ctx) => ({ sql: 'c.submitter_id = ?', params: [ctx.viewer.userId] }),
  filter: (ctx) => ({ submitterId: ctx.viewer.userId! }),
};

@Resolver(() => EnterpriseType)
export class EnterpriseServiceCasesResolver {
  @FieldResolver(() => ServiceCaseConnection, {
    nullable: true,
    description:
      'The foreign-investment consultations, complaints and suggestions the viewer filed for it, newest first. Only those acting for it; null for others.',
  })
  @EnterpriseReads('id', 'agentIds')
  serviceCases(
    @Root() enterprise: Pick<Enterprise, 'id' | 'agentIds'>,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const size = checkPageSize(ctx, page.first);
    if (!actsFor(ctx.viewer, enterprise)) return null;
    return childPage(ctx, CASES, enterprise.id, page, size);
  }
}
