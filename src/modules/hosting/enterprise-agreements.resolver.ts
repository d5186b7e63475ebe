import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { EnterpriseReads, EnterpriseType, actsFor, type Enterprise } from '../registration/index.js';
import { HostingAgreement } from './hosting.entity.js';
import { HostingAgreementConnection } from './hosting.types.js';

// An enterprise's hosting agreements, for those acting for it ("My enterprises"): a page of
// enterprises reads the first page of each one's agreements in one statement.

const AGREEMENTS: ChildList<HostingAgreement> = {
  name: 'hosting.agreementsByEnterprise',
  entity: HostingAgreement,
  parent: 'enterpriseId',
  orderBy: ['requestedAt'],
  direction: 'desc',
};

@Resolver(() => EnterpriseType)
export class EnterpriseHostingAgreementsResolver {
  @FieldResolver(() => HostingAgreementConnection, {
    nullable: true,
    description: 'Its hosting agreements (住所托管), newest first. Only those acting for it; null for others.',
  })
  @EnterpriseReads('id', 'agentIds')
  hostingAgreements(
    @Root() enterprise: Pick<Enterprise, 'id' | 'agentIds'>,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const size = checkPageSize(ctx, page.first);
    if (!actsFor(ctx.viewer, enterprise)) return null;
    return childPage(ctx, AGREEMENTS, enterprise.id, page, size);
  }
}
