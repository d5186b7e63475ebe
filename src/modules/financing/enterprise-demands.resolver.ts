import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { EnterpriseReads, EnterpriseType, actsFor, type Enterprise } from '../registration/index.js';
import { FinancingDemand } from './financing.entity.js';
import { demandView } from './financing.service.js';
import { FinancingDemandConnection } from './financing.types.js';

// An enterprise's own demands, for those acting for it ("My enterprises"): a page of enterprises
// reads the first page of each one's demands in one statement.

const DEMANDS: ChildList<FinancingDemand> = {
  name: 'financing.demandsByEnterprise',
  entity: FinancingDemand,
  parent: 'enterpriseId',
  orderBy: ['publishedAt'],
  direction: 'desc',
};

@Resolver(() => EnterpriseType)
export class EnterpriseFinancingDemandsResolver {
  @FieldResolver(() => FinancingDemandConnection, {
    nullable: true,
    description: 'Its financing demands, newest first. Only those acting for it; null for others.',
  })
  @EnterpriseReads('id', 'agentIds')
  async financingDemands(
    @Root() enterprise: Pick<Enterprise, 'id' | 'agentIds'>,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const size = checkPageSize(ctx, page.first);
    if (!actsFor(ctx.viewer, enterprise)) return null;
    const connection = await childPage(ctx, DEMANDS, enterprise.id, page, size);
    // The entities give the order and cursors, the read model the API's view (one statement for the page).
    const views = connection.edges.map(async (e) => ({ ...e, node: await demandView(ctx, e.node.id) }));
    return { ...connection, edges: await Promise.all(views) };
  }
}
