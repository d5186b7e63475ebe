import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { onReplica } from '../../db/replicas.js';
import type { RequestContext } from '../../shared/context.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { isOfficialOf } from '../../shared/viewer.js';
import { userById, UserType, type User } from '../accounts/index.js';
import { EnterpriseReads, EnterpriseType, enterpriseById } from '../registration/index.js';
import { Inspection, InspectionSample, RevocationProceeding } from './supervision.entity.js';
import {
  inspectionById,
  inspectionsBySampleId,
  proceedingByInspectionId,
  publicProceedingByEnterpriseId,
  sampleById,
} from './supervision.loaders.js';
import * as supervision from './supervision.service.js';
import {
  AnswerRevocationNoticeInput,
  AnswerRevocationNoticePayload,
  CloseRevocationProceedingInput,
  CloseRevocationProceedingPayload,
  DrawInspectionSampleInput,
  DrawInspectionSamplePayload,
  InspectionConnection,
  InspectionSampleConnection,
  InspectionSampleType,
  InspectionType,
  EnterpriseRevocationFilter,
  RecordInspectionFindingInput,
  RecordInspectionFindingPayload,
  RevocationProceedingConnection,
  RevocationProceedingFilter,
  RevocationNoticeAnswerType,
  RevocationProceedingType,
  RevokeEnterpriseRegistrationInput,
  RevokeEnterpriseRegistrationPayload,
  StartRevocationPublicNoticeInput,
  StartRevocationPublicNoticePayload,
} from './supervision.types.js';

const REGISTRAR = 'OFFICIAL:MARKET_REGULATION';

const isRegistrar = (ctx: RequestContext) => isOfficialOf(ctx.viewer, 'MARKET_REGULATION');

/** Whether the viewer acts for the proceeding's enterprise (the notice is addressed to it). */
async function actsForEnterprise(ctx: RequestContext, proceeding: RevocationProceeding): Promise<boolean> {
  if (!ctx.viewer.userId) return false;
  const enterprise = await ctx.loaders.get(enterpriseById).load(proceeding.enterprise.id);
  return enterprise?.agentIds.includes(ctx.viewer.userId) ?? false;
}

/** The notice's particulars: market regulation's officials, and the enterprise it is addressed to. */
async function seesNotice(ctx: RequestContext, proceeding: RevocationProceeding): Promise<boolean> {
  return isRegistrar(ctx) || actsForEnterprise(ctx, proceeding);
}

async function namesOf(ctx: RequestContext, ids: string[]): Promise<User[]> {
  const users = await ctx.loaders.get(userById).loadMany(ids);
  return users.filter((u): u is User => !!u && !(u instanceof Error));
}

@Resolver()
export class SupervisionResolver {
  @Authorized(REGISTRAR)
  @MutationWithPayload(() => DrawInspectionSamplePayload, {
    description:
      'Draws a random inspection sample (双随机): enterprises confirmed in the window and still active, and for each, inspecting officials of market regulation, from the seed (a random one when left out). The seed, the population and the roster are recorded: the same seed over the same population and roster draws the same sample. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async drawInspectionSample(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DrawInspectionSampleInput, { description: 'The window, the size and the seed.' })
    input: DrawInspectionSampleInput,
  ) {
    const sample = await supervision.drawInspectionSample(ctx, {
      confirmedFrom: input.confirmedFrom,
      confirmedTo: input.confirmedTo,
      sampleSize: input.sampleSize,
      inspectorsPerEnterprise: input.inspectorsPerEnterprise ?? 2,
      seed: input.seed ?? null,
    });
    return { sample };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => RecordInspectionFindingPayload, {
    description:
      "Records an inspection's finding; only one of its drawn inspectors may. FALSE_DECLARATION (with what was false) starts a revocation proceeding: the enterprise is told and may answer within 10 working days. Role: OFFICIAL of MARKET_REGULATION.",
  })
  async recordInspectionFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordInspectionFindingInput, { description: 'The inspection and the finding.' })
    input: RecordInspectionFindingInput,
  ) {
    return {
      inspection: await supervision.recordInspectionFinding(ctx, {
        id: input.id,
        finding: input.finding,
        note: input.note ?? null,
      }),
    };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => StartRevocationPublicNoticePayload, {
    description:
      'The enterprise cannot be reached: starts the 45-day public notice that precedes revocation, with the reason (public). Role: OFFICIAL of MARKET_REGULATION.',
  })
  async startRevocationPublicNotice(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => StartRevocationPublicNoticeInput, { description: 'The proceeding and why.' })
    input: StartRevocationPublicNoticeInput,
  ) {
    return { proceeding: await supervision.startPublicNotice(ctx, input.id, input.reason) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => RevokeEnterpriseRegistrationPayload, {
    description:
      "Revokes the registration after the notice's answer period (or the public notice) has ended: the enterprise becomes REVOKED with the reason and date (public), its licence is cancelled and its name released (it still blocks identical names for 1 year). Role: OFFICIAL of MARKET_REGULATION.",
  })
  async revokeEnterpriseRegistration(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeEnterpriseRegistrationInput, { description: 'The proceeding and the ground.' })
    input: RevokeEnterpriseRegistrationInput,
  ) {
    return { proceeding: await supervision.revoke(ctx, input.id, input.reason) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => CloseRevocationProceedingPayload, {
    description:
      'Ends a proceeding without revocation (the declaration proved true, or was corrected). Role: OFFICIAL of MARKET_REGULATION.',
  })
  async closeRevocationProceeding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CloseRevocationProceedingInput, { description: 'The proceeding and why.' })
    input: CloseRevocationProceedingInput,
  ) {
    return { proceeding: await supervision.close(ctx, input.id, input.reason) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => AnswerRevocationNoticePayload, {
    description:
      "The enterprise answers a notice of intended revocation (陈述申辩): a statement and, optionally, the evidence it relies on as text. Once, and only until the notice's answerBy (or the end of a public notice); after that, INVALID_STATE with the last day. The officials see the answer on the proceeding before deciding. Role: APPLICANT acting for the enterprise.",
  })
  async answerRevocationNotice(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AnswerRevocationNoticeInput, { description: 'The proceeding and the answer.' })
    input: AnswerRevocationNoticeInput,
  ) {
    return {
      proceeding: await supervision.answerNotice(ctx, {
        id: input.id,
        statement: input.statement,
        evidence: input.evidence ?? null,
      }),
    };
  }

  @Authorized(REGISTRAR)
  @Query(() => InspectionSampleConnection, {
    description: 'Inspection samples, newest first. Role: OFFICIAL of MARKET_REGULATION.',
  })
  inspectionSamples(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return supervision.listSamples(ctx, page);
  }

  @Authorized(REGISTRAR)
  @Query(() => RevocationProceedingConnection, {
    description: 'Revocation proceedings, most recently changed first. Role: OFFICIAL of MARKET_REGULATION.',
  })
  revocationProceedings(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => RevocationProceedingFilter, { nullable: true, description: 'Only these.' })
    filter?: RevocationProceedingFilter,
  ) {
    return supervision.listProceedings(ctx, filter?.status ?? null, page);
  }

  @Query(() => RevocationProceedingConnection, {
    description:
      'The public list of revocations: enterprises under the 45-day public notice before revocation, and revoked registrations, most recent first. Public.',
  })
  enterpriseRevocations(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => EnterpriseRevocationFilter, { nullable: true, description: 'Only these.' })
    filter?: EnterpriseRevocationFilter,
  ) {
    return onReplica(() => supervision.listPublicRevocations(ctx, filter?.status ?? null, page));
  }
}

const SAMPLE_INSPECTIONS: ChildList<Inspection> = {
  name: 'supervision.sampleInspections',
  entity: Inspection,
  parent: 'sample',
  orderBy: ['position'],
  direction: 'asc',
};

@Resolver(() => InspectionSampleType)
export class InspectionSampleFieldsResolver {
  @FieldResolver(() => Int, { description: 'How many enterprises were eligible (the population snapshot).' })
  populationSize(@Root() sample: InspectionSample): number {
    return sample.populationIds.length;
  }

  @FieldResolver(() => Int, { description: 'How many officials could be drawn (the roster snapshot).' })
  rosterSize(@Root() sample: InspectionSample): number {
    return sample.rosterIds.length;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The official who drew it.' })
  async drawnByName(@Root() sample: InspectionSample, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.get(userById).load(sample.drawnBy.id))?.displayName ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when drawing again from the recorded seed, population and roster gives exactly the recorded enterprises and inspectors.',
  })
  async reproducible(@Root() sample: InspectionSample, @Ctx() ctx: RequestContext): Promise<boolean> {
    return supervision.reproduces(sample, await ctx.loaders.get(inspectionsBySampleId).load(sample.id));
  }

  @FieldResolver(() => InspectionConnection, { description: 'The drawn enterprises, in draw order.' })
  inspections(@Root() sample: InspectionSample, @Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    // The first page of every sample of a list comes from one statement.
    return childPage(ctx, SAMPLE_INSPECTIONS, sample.id, page, checkPageSize(ctx, page.first));
  }
}

@Resolver(() => InspectionType)
export class InspectionFieldsResolver {
  @FieldResolver(() => InspectionSampleType, { description: 'The sample it was drawn in.' })
  sample(@Root() inspection: Inspection, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(sampleById).load(inspection.sample.id);
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise drawn.' })
  enterprise(@Root() inspection: Inspection, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(inspection.enterprise.id);
  }

  @FieldResolver(() => [UserType], { description: 'The inspecting officials drawn, in draw order.' })
  inspectors(@Root() inspection: Inspection, @Ctx() ctx: RequestContext) {
    return namesOf(ctx, inspection.inspectorIds);
  }

  @FieldResolver(() => Boolean, { description: 'True when the viewer is one of its drawn inspectors.' })
  assignedToMe(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): boolean {
    return ctx.viewer.userId !== null && inspection.inspectorIds.includes(ctx.viewer.userId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded the finding.' })
  async recordedByName(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!inspection.recordedBy) return null;
    return (await ctx.loaders.get(userById).load(inspection.recordedBy.id))?.displayName ?? null;
  }

  @FieldResolver(() => RevocationProceedingType, {
    nullable: true,
    description: 'The revocation proceeding a false declaration started.',
  })
  proceeding(@Root() inspection: Inspection, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(proceedingByInspectionId).load(inspection.id);
  }
}

@Resolver(() => RevocationProceedingType)
export class RevocationProceedingFieldsResolver {
  @FieldResolver(() => EnterpriseType, { description: 'The enterprise (its public facts).' })
  enterprise(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(proceeding.enterprise.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'What the inspection found false. Market-regulation officials and the enterprise the notice is addressed to (null for others).',
  })
  async ground(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await seesNotice(ctx, proceeding)) ? proceeding.ground : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'The day the notice was issued. Market-regulation officials and the enterprise.',
  })
  async noticeIssuedOn(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await seesNotice(ctx, proceeding)) ? proceeding.noticeIssuedOn : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'Last day for the enterprise to answer the notice (10 working days). Market-regulation officials and the enterprise.',
  })
  async answerBy(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await seesNotice(ctx, proceeding)) ? proceeding.answerBy : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why it ended without revocation. Market-regulation officials and the enterprise.',
  })
  async closedReason(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await seesNotice(ctx, proceeding)) ? proceeding.closedReason : null;
  }

  @FieldResolver(() => RevocationNoticeAnswerType, {
    nullable: true,
    description:
      "The enterprise's answer to the notice (answerRevocationNotice); null until it answers. Market-regulation officials and the enterprise.",
  })
  async answer(
    @Root() proceeding: RevocationProceeding,
    @Ctx() ctx: RequestContext,
  ): Promise<RevocationNoticeAnswerType | null> {
    if (!proceeding.answeredAt || !(await seesNotice(ctx, proceeding))) return null;
    const by = proceeding.answeredBy ? await ctx.loaders.get(userById).load(proceeding.answeredBy.id) : null;
    return {
      statement: proceeding.answerStatement!,
      evidence: proceeding.answerEvidence,
      answeredAt: proceeding.answeredAt,
      answeredByName: by?.displayName ?? null,
    };
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the viewer acts for the enterprise and may answer the notice now: not answered yet, and answerBy (or the end of the public notice) not passed.',
  })
  async answerable(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext): Promise<boolean> {
    return supervision.answerableOn(proceeding, supervision.today(ctx)) && actsForEnterprise(ctx, proceeding);
  }

  @FieldResolver(() => InspectionType, {
    nullable: true,
    description: 'The inspection that found the false declaration. Market-regulation officials only.',
  })
  inspection(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext) {
    if (!isRegistrar(ctx)) return null;
    return ctx.loaders.get(inspectionById).load(proceeding.inspection.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the answer period or the public notice has ended and the registration may be revoked.',
  })
  revocable(@Root() proceeding: RevocationProceeding, @Ctx() ctx: RequestContext): boolean {
    return isRegistrar(ctx) && supervision.revocableOn(proceeding, supervision.today(ctx));
  }
}

@Resolver(() => EnterpriseType)
export class EnterpriseRevocationResolver {
  @FieldResolver(() => RevocationProceedingType, {
    nullable: true,
    description:
      'The revocation of its registration (status REVOKED, reason and date), or the public notice that precedes it; null otherwise. Public.',
  })
  @EnterpriseReads('id')
  revocation(@Root() enterprise: { id: string }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(publicProceedingByEnterpriseId).load(enterprise.id);
  }
}
