import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import { onReplica } from '../../db/replicas.js';
import type { RequestContext } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { emptyPageInfo } from '../../shared/graphql/connection.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { localIdOf } from '../../shared/ids.js';
import { freshForEvent, liveEvents } from '../../shared/subscriptions.js';
import { bankOf, canSeeDemand } from './financing.access.js';
import { enterpriseIdsActedFor, viewerActsFor } from '../registration/index.js';
import { FinancingStatsGrouping } from './financing.enums.js';
import { FINANCING_DEMAND_PUBLISHED, FINANCING_OFFER_RECEIVED, type DemandPublishedEvent } from './financing.events.js';
import { demandMatches, parseDemandFilter } from './financing.filter.js';
import {
  AcceptFinancingOfferInput,
  CreditProductFilter,
  DeclineFinancingOfferInput,
  DeleteFinancingDemandAlertInput,
  FinancingDemandFilter,
  FinancingDemandOrder,
  FinancingOfferFilter,
  MakeFinancingOfferInput,
  MyFinancingDemandFilter,
  PublishCreditProductInput,
  PublishFinancingDemandInput,
  RecordDisbursementInput,
  RetireCreditProductInput,
  SaveFinancingDemandAlertInput,
  WithdrawFinancingDemandInput,
  WithdrawFinancingOfferInput,
} from './financing.inputs.js';
import { demandById, offerById } from './financing.loaders.js';
import { nodeFields } from './financing.lookahead.js';
import { bankOffers, myDemands, searchDemands } from './financing.search.js';
import * as financing from './financing.service.js';
import * as products from './product.service.js';
import { financingStats } from './stats.service.js';
import {
  AcceptFinancingOfferPayload,
  BankConnection,
  CreditProductConnection,
  DeclineFinancingOfferPayload,
  DeleteFinancingDemandAlertPayload,
  FinancingDemandAlertType,
  FinancingDemandConnection,
  FinancingDemandType,
  FinancingOfferConnection,
  FinancingOfferType,
  FinancingStatsRowType,
  MakeFinancingOfferPayload,
  PublishCreditProductPayload,
  PublishFinancingDemandPayload,
  RecordDisbursementPayload,
  RetireCreditProductPayload,
  SaveFinancingDemandAlertPayload,
  WithdrawFinancingDemandPayload,
  WithdrawFinancingOfferPayload,
} from './financing.types.js';
import { COST } from '../../shared/graphql/cost.js';

// Thin by design: the role on each operation, then the service. Ownership and visibility live in the
// services and financing.access.ts.

const SEARCHERS = ['BANK_OFFICER', 'OFFICIAL', 'SCOPE:FINANCING_READ'];

@Resolver()
export class FinancingResolver {
  @Authorized(...SEARCHERS)
  @Query(() => FinancingDemandConnection, {
    description:
      'Search financing demands: open ones by default, newest first, keyset-paginated. Every filter field narrows the list. The view is masked: no contact person unless the enterprise consented or accepted your offer; a bank sees only its own offers. Roles: BANK_OFFICER, OFFICIAL, partner API key with FINANCING_READ (open demands only).',
  })
  financingDemands(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => FinancingDemandFilter, {
      nullable: true,
      description: 'Which demands (default: all open ones).',
    })
    filter?: FinancingDemandFilter,
    @Arg('orderBy', () => FinancingDemandOrder, { nullable: true, description: 'Sort order (default: newest first).' })
    orderBy?: FinancingDemandOrder,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return searchDemands(ctx, filter, orderBy, page.first, page.after, info);
  }

  @Authorized()
  @Query(() => FinancingDemandType, {
    nullable: true,
    description:
      'One financing demand, or null when it does not exist or the viewer may not see it. The enterprise sees its own; banks see open demands and those they made offers on; officials and FINANCING_READ partner keys as in financingDemands. Roles: any signed-in user or API key.',
  })
  async financingDemand(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global ID of the demand.' }) id: string,
  ) {
    const localId = localIdOf(id, 'FinancingDemand');
    const demand = localId ? await ctx.loaders.get(demandById).load(localId) : null;
    return demand && (await canSeeDemand(ctx, demand)) ? demand : null;
  }

  @Authorized('APPLICANT')
  @Query(() => FinancingDemandConnection, {
    description: 'The financing demands of the enterprises the viewer acts for, newest first. Role: APPLICANT.',
  })
  async myFinancingDemands(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => MyFinancingDemandFilter, { nullable: true, description: 'Only these.' })
    filter?: MyFinancingDemandFilter,
    @Info() info?: GraphQLResolveInfo,
  ) {
    let ids = await enterpriseIdsActedFor(ctx);
    if (filter?.enterpriseId) {
      const local = localIdOf(filter.enterpriseId, 'Enterprise');
      ids = ids.filter((id) => id === local);
    }
    return myDemands(ctx, ids, filter?.status, page.first, page.after, info);
  }

  @Authorized('BANK_OFFICER')
  @Query(() => FinancingOfferConnection, { description: "Your bank's offers, newest first. Role: BANK_OFFICER." })
  myFinancingOffers(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => FinancingOfferFilter, { nullable: true, description: 'Only these.' })
    filter?: FinancingOfferFilter,
    @Info() info?: GraphQLResolveInfo,
  ) {
    const bankId = bankOf(ctx.viewer);
    if (!bankId) return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
    return bankOffers(ctx, bankId, filter?.status, page.first, page.after, info);
  }

  @Query(() => CreditProductConnection, { description: 'Active credit products of the banks, newest first. Public.' })
  creditProducts(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => CreditProductFilter, { nullable: true, description: 'Which products.' })
    filter?: CreditProductFilter,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return onReplica(() => products.listProducts(ctx, filter, page.first, page.after, nodeFields(info)));
  }

  @Query(() => BankConnection, { description: 'The banks on 金企通, by name. Public.' })
  banks(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return onReplica(() => products.listBanks(ctx, page.first, page.after));
  }

  @Authorized('OFFICIAL:FINANCE')
  @Query(() => [FinancingStatsRowType], {
    complexity: COST.statistics,
    description:
      'The figures of 金企通 over the demands published from `from` to `to` (Asia/Shanghai days, both included; at most 5 years), one row per group. Role: OFFICIAL of FINANCE.',
  })
  financingStats(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { description: 'First day.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day.' }) to: string,
    @Arg('groupBy', () => FinancingStatsGrouping, { description: 'How to group.' }) groupBy: FinancingStatsGrouping,
  ) {
    return financingStats(ctx, from, to, groupBy);
  }

  @Authorized('BANK_OFFICER')
  @Query(() => [FinancingDemandAlertType], { description: 'Your saved demand alerts. Role: BANK_OFFICER.' })
  myFinancingDemandAlerts(@Ctx() ctx: RequestContext) {
    return products.listAlerts(ctx);
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => PublishFinancingDemandPayload, {
    description:
      'Publishes a financing demand for a registered, active enterprise the viewer acts for. It stays open to offers for the period in force (financingSettings.demandValidityDays, default 60 days). Role: APPLICANT.',
  })
  async publishFinancingDemand(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishFinancingDemandInput, { description: 'The demand.' }) input: PublishFinancingDemandInput,
  ) {
    return { demand: await financing.publishDemand(ctx, input) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => WithdrawFinancingDemandPayload, {
    description:
      "Withdraws an open demand of the viewer's enterprise; its pending offers are declined. Role: APPLICANT.",
  })
  async withdrawFinancingDemand(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawFinancingDemandInput, { description: 'The demand.' })
    input: WithdrawFinancingDemandInput,
  ) {
    return { demand: await financing.withdrawDemand(ctx, input.id) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => MakeFinancingOfferPayload, {
    description:
      'Makes an offer on an open demand for your bank: one pending offer per bank and demand; the amount at most the amount asked for, the rate at most the ceiling, and within the product when one is named. Role: BANK_OFFICER.',
  })
  async makeFinancingOffer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MakeFinancingOfferInput, { description: 'The offer.' }) input: MakeFinancingOfferInput,
  ) {
    return { offer: await financing.makeOffer(ctx, input) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => WithdrawFinancingOfferPayload, {
    description: "Withdraws your bank's pending offer. Role: BANK_OFFICER.",
  })
  async withdrawFinancingOffer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawFinancingOfferInput, { description: 'The offer.' }) input: WithdrawFinancingOfferInput,
  ) {
    return { offer: await financing.withdrawOffer(ctx, input.id) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => AcceptFinancingOfferPayload, {
    description:
      "Accepts a pending offer on your enterprise's open demand: the demand becomes MATCHED, every other pending offer is declined, and the bank may now see the contact person. Role: APPLICANT.",
  })
  async acceptFinancingOffer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptFinancingOfferInput, { description: 'The offer.' }) input: AcceptFinancingOfferInput,
  ) {
    return { offer: await financing.acceptOffer(ctx, input.id) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => DeclineFinancingOfferPayload, {
    description: "Declines a pending offer on your enterprise's demand. Role: APPLICANT.",
  })
  async declineFinancingOffer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeclineFinancingOfferInput, { description: 'The offer.' }) input: DeclineFinancingOfferInput,
  ) {
    return { offer: await financing.declineOffer(ctx, input.id) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => RecordDisbursementPayload, {
    description:
      "Records the disbursement of your bank's accepted offer; the demand is then CLOSED. Role: BANK_OFFICER.",
  })
  async recordDisbursement(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordDisbursementInput, { description: 'The disbursement.' }) input: RecordDisbursementInput,
  ) {
    return { offer: await financing.recordDisbursement(ctx, input) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => PublishCreditProductPayload, {
    description: 'Publishes a credit product of your bank. Role: BANK_OFFICER.',
  })
  async publishCreditProduct(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishCreditProductInput, { description: 'The product.' }) input: PublishCreditProductInput,
  ) {
    return { product: await products.publishProduct(ctx, input) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => RetireCreditProductPayload, {
    description: 'Retires an active credit product of your bank. Role: BANK_OFFICER.',
  })
  async retireCreditProduct(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RetireCreditProductInput, { description: 'The product.' }) input: RetireCreditProductInput,
  ) {
    return { product: await products.retireProduct(ctx, input.id) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => SaveFinancingDemandAlertPayload, {
    description: `Saves a demand search: each new demand matching it arrives in your inbox (at most 10 alerts). Role: BANK_OFFICER.`,
  })
  async saveFinancingDemandAlert(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SaveFinancingDemandAlertInput, { description: 'The alert.' })
    input: SaveFinancingDemandAlertInput,
  ) {
    return { alert: await products.saveAlert(ctx, input) };
  }

  @Authorized('BANK_OFFICER')
  @MutationWithPayload(() => DeleteFinancingDemandAlertPayload, {
    description: 'Deletes one of your demand alerts. Role: BANK_OFFICER.',
  })
  async deleteFinancingDemandAlert(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeleteFinancingDemandAlertInput, { description: 'The alert.' })
    input: DeleteFinancingDemandAlertInput,
  ) {
    return { alert: await products.deleteAlert(ctx, input.id) };
  }

  @Authorized('BANK_OFFICER')
  @Subscription(() => FinancingDemandType, {
    description:
      'Each newly published demand matching the filter (status is ignored: new demands are open), in the masked view. Role: BANK_OFFICER. Authenticate with connectionParams { authorization: "Bearer …" }.',
    subscribe: ({ args, context }) => {
      const filter = parseDemandFilter(args.filter as FinancingDemandFilter | undefined);
      return liveEvents<DemandPublishedEvent>(context as RequestContext, FINANCING_DEMAND_PUBLISHED, {
        where: (event) => demandMatches(filter, event),
      });
    },
  })
  async financingDemandPublished(
    @Root() event: DemandPublishedEvent,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => FinancingDemandFilter, { nullable: true, description: 'Which new demands (default: all).' })
    _filter?: FinancingDemandFilter,
  ): Promise<FinancingDemandType> {
    const fresh = freshForEvent(ctx);
    const demand = await fresh.loaders.get(demandById).load(event.id);
    if (!demand) throw notFound(ctx.locale);
    return demand;
  }

  @Authorized('APPLICANT')
  @Subscription(() => FinancingOfferType, {
    description:
      "Each new offer on one of your enterprise's demands, as it is made. Role: APPLICANT acting for the demand's enterprise (others: NOT_FOUND).",
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const demandId = localIdOf(args.demandId as string, 'FinancingDemand');
      const demand = demandId ? await ctx.loaders.get(demandById).load(demandId) : null;
      if (!demand || !(await viewerActsFor(ctx, demand.enterpriseId))) throw notFound(ctx.locale);
      return liveEvents(ctx, FINANCING_OFFER_RECEIVED, { id: demand.id });
    },
  })
  async financingOfferReceived(
    @Root() event: { id: string },
    @Ctx() ctx: RequestContext,
    @Arg('demandId', () => ID, { description: 'Global ID of your demand.' }) _demandId: string,
  ): Promise<FinancingOfferType> {
    const fresh = freshForEvent(ctx);
    const offer = await fresh.loaders.get(offerById).load(event.id);
    if (!offer) throw notFound(ctx.locale);
    return offer;
  }
}
