import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { onReplica } from '../../db/replicas.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import type { RequestContext } from '../../shared/context.js';
import { shanghaiDate } from '../../shared/clock.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { nodeIdResolver } from '../../shared/graphql/node.js';
import type { Enterprise } from './registration.entity.js';
import { Reads } from './enterprise-summaries.js';
import { enterpriseById } from './registration.loaders.js';
import { CreditCommitment, EnterpriseType } from './registration.types.js';
import {
  EnterpriseRestriction,
  SimplifiedDeregistrationObjection,
  type SimplifiedDeregistrationNotice,
} from './simplified-deregistration.entity.js';
import * as simplified from './simplified-deregistration.service.js';
import {
  EnterpriseRestrictionConnection,
  EnterpriseRestrictionType,
  LiftEnterpriseRestrictionInput,
  LiftEnterpriseRestrictionPayload,
  ObjectToSimplifiedDeregistrationInput,
  ObjectToSimplifiedDeregistrationPayload,
  RecordEnterpriseRestrictionInput,
  RecordEnterpriseRestrictionPayload,
  SimplifiedDeregistrationNoticeConnection,
  SimplifiedDeregistrationNoticeFilter,
  SimplifiedDeregistrationNoticeStatus,
  SimplifiedDeregistrationNoticeType,
  SimplifiedDeregistrationObjectionConnection,
  SimplifiedDeregistrationObjectionType,
  StartSimplifiedDeregistrationNoticeInput,
  StartSimplifiedDeregistrationNoticePayload,
} from './simplified-deregistration.types.js';

// Thin: role, arguments, service, payload.

const REGISTRAR = 'OFFICIAL:MARKET_REGULATION';
/** Points of the cost budget an objection spends: a public write, priced like the other public writes. */
const OBJECTION_COST = 10;

const ENTERPRISE_RESTRICTIONS: ChildList<EnterpriseRestriction> = {
  name: 'registration.restrictionsByEnterprise',
  entity: EnterpriseRestriction,
  parent: 'enterprise',
  orderBy: ['since'],
  direction: 'desc',
};

const NOTICE_OBJECTIONS: ChildList<SimplifiedDeregistrationObjection> = {
  name: 'registration.noticeObjections',
  entity: SimplifiedDeregistrationObjection,
  parent: 'notice',
  orderBy: ['createdAt'],
  direction: 'asc',
};

@Resolver()
export class SimplifiedDeregistrationResolver {
  @Authorized('APPLICANT')
  @MutationWithPayload(() => StartSimplifiedDeregistrationNoticePayload, {
    description:
      'Publishes the 20-day public notice of a simplified deregistration (市场主体登记管理条例 Art. 33): the enterprise’s intention and its investors’ promise of no debts, in the platform’s public notices (simplifiedDeregistrationNotices). Anyone may object until endsOn; without an objection the simplified deregistration application (saveRegistrationDraft with deregistration.simplified) may be submitted from the day after endsOn until applyBy. Refused for an individual business (it needs no notice), an enterprise with a notice running or just ended, an open deregistration, or an obstacle (abnormal-operations list, frozen or pledged equity, unpaid fine: 实施细则 Art. 48), each named in userErrors. Role: APPLICANT acting for the enterprise.',
  })
  async startSimplifiedDeregistrationNotice(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => StartSimplifiedDeregistrationNoticeInput, { description: 'The enterprise and the promise.' })
    input: StartSimplifiedDeregistrationNoticeInput,
  ) {
    return { notice: await simplified.startNotice(ctx, input.enterpriseId, input.commitment) };
  }

  @MutationWithPayload(() => ObjectToSimplifiedDeregistrationPayload, {
    complexity: OBJECTION_COST,
    description: `Objects to a simplified deregistration during its notice (until the end of endsOn): a creditor or other interested party gives its name, a contact and the reason. The objection ends the simplified route for that notice (the enterprise must deregister by the ordinary procedure) and the enterprise is notified; the objection is shown to officials and the enterprise only. Public: anonymous callers may object; each costs ${OBJECTION_COST} points of the caller’s budget, and at most ${simplified.OBJECTIONS_PER_HOUR} objections an hour are accepted from one caller (RATE_LIMITED beyond).`,
  })
  async objectToSimplifiedDeregistration(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ObjectToSimplifiedDeregistrationInput, { description: 'The notice and the objection.' })
    input: ObjectToSimplifiedDeregistrationInput,
  ) {
    return { notice: await simplified.raiseObjection(ctx, input) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => RecordEnterpriseRestrictionPayload, {
    description:
      'Records frozen or pledged equity or an unpaid fine of an enterprise, with its reason and the day it took effect; while in force it bars simplified deregistration (实施细则 Art. 48). Audited. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async recordEnterpriseRestriction(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordEnterpriseRestrictionInput, { description: 'The enterprise and the restriction.' })
    input: RecordEnterpriseRestrictionInput,
  ) {
    return {
      restriction: await simplified.recordRestriction(ctx, {
        enterpriseId: input.enterpriseId,
        kind: input.kind,
        reason: input.reason,
        since: input.since,
      }),
    };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => LiftEnterpriseRestrictionPayload, {
    description:
      'Records the end of a restriction (equity unfrozen, pledge released, fine paid), with its reason and day. Audited. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async liftEnterpriseRestriction(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LiftEnterpriseRestrictionInput, { description: 'The restriction and why it ended.' })
    input: LiftEnterpriseRestrictionInput,
  ) {
    return { restriction: await simplified.liftRestriction(ctx, input) };
  }

  @Query(() => SimplifiedDeregistrationNoticeConnection, {
    description:
      'The platform’s public notices of simplified deregistration, newest first, with their objection period (object with objectToSimplifiedDeregistration while objectionPeriodOpen). Public.',
  })
  simplifiedDeregistrationNotices(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => SimplifiedDeregistrationNoticeFilter, {
      nullable: true,
      description: 'Status and district.',
    })
    filter?: SimplifiedDeregistrationNoticeFilter,
  ) {
    return onReplica(() => simplified.listNotices(ctx, filter ?? {}, page));
  }
}

@Resolver(() => SimplifiedDeregistrationNoticeType)
export class SimplifiedDeregistrationNoticeFieldsResolver {
  @FieldResolver(() => EnterpriseType, { description: 'The enterprise that will be deregistered.' })
  async enterprise(@Root() notice: SimplifiedDeregistrationNotice, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(notice.enterprise.id);
  }

  @FieldResolver(() => SimplifiedDeregistrationNoticeStatus, { description: 'Where it stands today.' })
  status(@Root() notice: SimplifiedDeregistrationNotice, @Ctx() ctx: RequestContext) {
    return simplified.noticeStatus(notice, shanghaiDate(ctx.deps.clock.now()));
  }

  @FieldResolver(() => Boolean, {
    description: 'True while objections are accepted (until the end of endsOn, unless completed).',
  })
  objectionPeriodOpen(@Root() notice: SimplifiedDeregistrationNotice, @Ctx() ctx: RequestContext): boolean {
    return notice.status !== 'COMPLETED' && shanghaiDate(ctx.deps.clock.now()) <= notice.endsOn;
  }

  @FieldResolver(() => CreditCommitment, { description: 'The investors’ promise published with it.' })
  commitment(@Root() notice: SimplifiedDeregistrationNotice, @Ctx() ctx: RequestContext): CreditCommitment {
    const c = notice.commitment;
    return {
      termsVersion: c.termsVersion,
      text: ctx.locale === 'EN' ? c.textEn : c.textZh,
      signatoryName: c.signatoryName,
      committedAt: new Date(c.committedAt),
    };
  }

  @FieldResolver(() => SimplifiedDeregistrationObjectionConnection, {
    nullable: true,
    description: 'The objections, oldest first: for officials and the enterprise’s own applicant; null for others.',
  })
  async objections(
    @Root() notice: SimplifiedDeregistrationNotice,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const enterprise = await ctx.loaders.get(enterpriseById).load(notice.enterprise.id);
    if (!enterprise || !simplified.seesEnterpriseMatters(ctx, enterprise)) return null;
    // The first page of every notice of a list comes from one statement.
    return childPage(ctx, NOTICE_OBJECTIONS, notice.id, page, checkPageSize(ctx, page.first));
  }
}

@Resolver(() => SimplifiedDeregistrationObjectionType)
export class SimplifiedDeregistrationObjectionFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'True when raised without signing in.' })
  anonymous(@Root() objection: SimplifiedDeregistrationObjection): boolean {
    return objection.submittedBy === null;
  }
}

@Resolver(() => EnterpriseRestrictionType)
export class EnterpriseRestrictionFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'True while in force.' })
  inForce(@Root() restriction: EnterpriseRestriction): boolean {
    return restriction.liftedAt === null;
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise.' })
  async enterprise(@Root() restriction: EnterpriseRestriction, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(restriction.enterprise.id);
  }
}

@Resolver(() => EnterpriseType)
export class EnterpriseRestrictionsResolver {
  @FieldResolver(() => EnterpriseRestrictionConnection, {
    nullable: true,
    description:
      'Frozen or pledged equity and unpaid fines recorded by market regulation, in force or lifted, newest first (they bar simplified deregistration while in force). For officials and the enterprise’s own applicant; null for others.',
  })
  @Reads('id', 'agentIds')
  restrictions(
    @Root() enterprise: Pick<Enterprise, 'id' | 'agentIds'>,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
  ) {
    const size = checkPageSize(ctx, page.first);
    if (!simplified.seesEnterpriseMatters(ctx, enterprise)) return null;
    return childPage(ctx, ENTERPRISE_RESTRICTIONS, enterprise.id, page, size);
  }
}

export const simplifiedDeregistrationResolvers = [
  SimplifiedDeregistrationResolver,
  SimplifiedDeregistrationNoticeFieldsResolver,
  SimplifiedDeregistrationObjectionFieldsResolver,
  EnterpriseRestrictionFieldsResolver,
  EnterpriseRestrictionsResolver,
  nodeIdResolver(SimplifiedDeregistrationNoticeType, simplified.NOTICE_TYPE),
  nodeIdResolver(EnterpriseRestrictionType, simplified.RESTRICTION_TYPE),
] as const;
