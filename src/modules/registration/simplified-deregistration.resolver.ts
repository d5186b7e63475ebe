import { Cursor } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import type { RequestContext } from '../../shared/context.js';
import { shanghaiDate } from '../../shared/clock.js';
import { defineLoader, groupByKeys } from '../../shared/loaders.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { nodeIdResolver } from '../../shared/graphql/node.js';
import { Enterprise } from './registration.entity.js';
import { enterpriseById } from './registration.loaders.js';
import { CreditCommitment, EnterpriseType } from './registration.types.js';
import {
  EnterpriseRestriction,
  SimplifiedDeregistrationObjection,
  type SimplifiedDeregistrationNotice,
} from './simplified-deregistration.entity.js';
import * as simplified from './simplified-deregistration.service.js';
import {
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

export const restrictionsByEnterpriseId = defineLoader<string, EnterpriseRestriction[]>(
  'registration.restrictionsByEnterpriseId',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(
        EnterpriseRestriction,
        { enterprise: { $in: [...ids] } },
        { orderBy: { since: 'desc', id: 'desc' } },
      ),
      (r) => r.enterprise.id,
    ),
);

/** Key of a first page of a notice's objections: `${noticeId}|${first}`. */
export const objectionsFirstPage = defineLoader<string, ConnectionData<SimplifiedDeregistrationObjection>>(
  'registration.objectionsFirstPage',
  async (ctx, keys) => {
    // One statement per page size for every notice of a list (sizes are the same in practice).
    const bySize = new Map<number, string[]>();
    for (const key of keys) {
      const [noticeId, size] = key.split('|') as [string, string];
      bySize.set(Number(size), [...(bySize.get(Number(size)) ?? []), noticeId]);
    }
    const pages = new Map<string, ConnectionData<SimplifiedDeregistrationObjection>>();
    for (const [size, noticeIds] of bySize) {
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select * from (select o.*, row_number() over (partition by o.notice_id order by o.created_at, o.id) as rn
           from simplified_deregistration_objections o where o.notice_id in (?)) x where x.rn <= ? order by x.notice_id, x.rn`,
        [noticeIds, size + 1],
      );
      const grouped = new Map<string, SimplifiedDeregistrationObjection[]>();
      for (const row of rows) {
        const { rn: _rn, ...columns } = row;
        const objection = ctx.em.map(SimplifiedDeregistrationObjection, columns);
        const noticeId = String(row.notice_id);
        grouped.set(noticeId, [...(grouped.get(noticeId) ?? []), objection]);
      }
      for (const noticeId of noticeIds) {
        const all = grouped.get(noticeId) ?? [];
        const items = all.slice(0, size);
        // The same cursors as paginate's (createdAt, id), so the next page turns through it.
        const edges = items.map((node) => ({ cursor: Cursor.encode([node.createdAt, node.id]), node }));
        pages.set(`${noticeId}|${size}`, {
          edges,
          pageInfo: {
            hasNextPage: all.length > size,
            hasPreviousPage: false,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          totalCount: lazy(() => ctx.loaders.get(objectionCount).load(noticeId)),
        });
      }
    }
    return keys.map((key) => pages.get(key)!);
  },
);

const objectionCount = defineLoader<string, number>('registration.objectionCount', async (ctx, ids) => {
  const rows = await ctx.em.execute<{ notice_id: string; n: string }[]>(
    'select notice_id, count(*) as n from simplified_deregistration_objections where notice_id in (?) group by notice_id',
    [[...ids]],
  );
  const counts = new Map(rows.map((r) => [String(r.notice_id), Number(r.n)]));
  return ids.map((id) => counts.get(id) ?? 0);
});

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
    return simplified.listNotices(ctx, filter ?? {}, page);
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
    if (page.after) return simplified.listObjections(ctx, notice.id, page);
    // The first page of every notice of a list comes from one statement.
    return ctx.loaders.get(objectionsFirstPage).load(`${notice.id}|${checkPageSize(ctx, page.first)}`);
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
  @FieldResolver(() => [EnterpriseRestrictionType], {
    nullable: true,
    description:
      'Frozen or pledged equity and unpaid fines recorded by market regulation, in force or lifted, newest first (they bar simplified deregistration while in force). For officials and the enterprise’s own applicant; null for others.',
  })
  async restrictions(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext) {
    if (!simplified.seesEnterpriseMatters(ctx, enterprise)) return null;
    return ctx.loaders.get(restrictionsByEnterpriseId).load(enterprise.id);
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
