import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { checkCursor, checkPageSize, emptyPageInfo, lazy } from '../../shared/graphql/connection.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { FILE_TYPE_NAME } from '../../shared/files/uploads.js';
import { localIdOf, toGlobalId } from '../../shared/ids.js';
import { translate } from '../../shared/messages.js';
import { freshForEvent, liveEvents } from '../../shared/subscriptions.js';
import { EnterpriseType, enterpriseById } from '../registration/index.js';
import { UserType, userById } from '../accounts/index.js';
import {
  canSeeCase,
  canSeeConfidential,
  canSeeInternalNotes,
  isCommerceOfficial,
  isHandler,
  isSubmitter,
} from './service-case.access.js';
import { ACCEPTANCE_WORKING_DAYS, RESOLUTION_WORKING_DAYS, deadlinesOf, isOverdue } from './deadlines.js';
import { ServiceCaseMessage, type ServiceCase } from './service-case.entity.js';
import {
  MESSAGE_ORDER,
  attachmentsByCase,
  caseById,
  countMessages,
  HISTORY_LIMIT,
  historyByCase,
  messagesPage,
  type MessageScope,
} from './service-case.loaders.js';
import { SERVICE_CASE_CATEGORIES, ServiceCaseStatus } from './service-case.enums.js';
import { SERVICE_CASE_UPDATED, type ServiceCaseUpdatedEvent } from './service-case.events.js';
import {
  AcceptServiceCaseInput,
  AssignServiceCaseInput,
  DeclineServiceCaseInput,
  ExtendServiceCaseInput,
  MyServiceCaseFilter,
  PostCaseMessageInput,
  PublishTypicalCaseInput,
  RateServiceCaseInput,
  ReferServiceCaseInput,
  RequestServiceCaseMaterialsInput,
  ResolveServiceCaseInput,
  ServiceCaseFilter,
  SubmitServiceCaseInput,
  SupplyServiceCaseMaterialsInput,
  TypicalCaseFilter,
  UpdateServiceCaseSettingsInput,
  UpdateTypicalCaseInput,
  WithdrawServiceCaseInput,
  WithdrawTypicalCaseInput,
} from './service-case.inputs.js';
import { caseStats, myCases, officialCases, typicalCases } from './service-case.queries.js';
import * as service from './service-case.service.js';
import {
  AcceptServiceCasePayload,
  AssignServiceCasePayload,
  CONFIDENTIALITY_RULE,
  DeclineServiceCasePayload,
  ExtendServiceCasePayload,
  PostCaseMessagePayload,
  PublishTypicalCasePayload,
  RateServiceCasePayload,
  ReferServiceCasePayload,
  RequestServiceCaseMaterialsPayload,
  ResolveServiceCasePayload,
  ServiceCaseAttachmentType,
  ServiceCaseCategoryType,
  ServiceCaseConnection,
  ServiceCaseDecisionType,
  ServiceCaseHistoryEntryType,
  ServiceCaseMessageConnection,
  ServiceCaseMessageType,
  ServiceCaseRatingType,
  ServiceCaseResolutionType,
  ServiceCaseSettingsType,
  ServiceCaseStatsType,
  ServiceCaseType,
  SubmitServiceCasePayload,
  SupplyServiceCaseMaterialsPayload,
  TypicalCaseConnection,
  UpdateServiceCaseSettingsPayload,
  UpdateTypicalCasePayload,
  WithdrawServiceCasePayload,
  WithdrawTypicalCasePayload,
} from './service-case.types.js';
import { COST } from '../../shared/graphql/cost.js';

// Thin by design: the role on each operation, then the service; visibility in service-case.access.ts.

const COMMERCE = 'OFFICIAL:COMMERCE';

export function messageView(m: ServiceCaseMessage): ServiceCaseMessageType {
  return {
    id: toGlobalId('ServiceCaseMessage', m.id),
    authorRole: m.authorRole as ServiceCaseMessageType['authorRole'],
    body: m.body,
    internal: m.internal,
    confidential: m.confidential,
    createdAt: m.createdAt,
  };
}

/** A case the viewer may see, by global id, or null. */
async function visibleCase(ctx: RequestContext, globalId: string): Promise<ServiceCase | null> {
  const id = localIdOf(globalId, 'ServiceCase');
  const found = id ? await ctx.loaders.get(caseById).load(id) : null;
  return found && canSeeCase(ctx.viewer, found) ? found : null;
}

@Resolver()
export class InvestorServicesResolver {
  @Query(() => [ServiceCaseCategoryType], { description: 'The categories a case may be filed under. Public.' })
  serviceCaseCategories(@Ctx() ctx: RequestContext): ServiceCaseCategoryType[] {
    return SERVICE_CASE_CATEGORIES.map((code) => ({
      code,
      label: translate(ctx.locale, `investorServices.category.${code}`),
    }));
  }

  @Authorized()
  @Query(() => ServiceCaseType, {
    nullable: true,
    description: `One case, or null when it does not exist or the viewer may not see it. ${CONFIDENTIALITY_RULE} Roles: APPLICANT (own cases), OFFICIAL of COMMERCE.`,
  })
  serviceCase(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID of the case.' }) id: string) {
    return visibleCase(ctx, id);
  }

  @Authorized('APPLICANT')
  @Query(() => ServiceCaseConnection, { description: 'Your own cases, newest first. Role: APPLICANT.' })
  myServiceCases(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => MyServiceCaseFilter, { nullable: true, description: 'Only these.' })
    filter?: MyServiceCaseFilter,
  ) {
    return myCases(ctx, filter?.status, page.first, page.after);
  }

  @Authorized(COMMERCE)
  @Query(() => ServiceCaseConnection, {
    description: `The office's queue, newest first, keyset-paginated; every filter field narrows it. ${CONFIDENTIALITY_RULE} Role: OFFICIAL of COMMERCE.`,
  })
  serviceCases(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => ServiceCaseFilter, { nullable: true, description: 'Which cases (default: all).' })
    filter?: ServiceCaseFilter,
  ) {
    return officialCases(ctx, filter, page.first, page.after);
  }

  @Authorized(COMMERCE)
  @Query(() => ServiceCaseStatsType, {
    complexity: COST.statistics,
    description:
      'Figures over the cases submitted from `from` to `to` (Asia/Shanghai days, both included; at most 5 years). Role: OFFICIAL of COMMERCE.',
  })
  serviceCaseStats(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { description: 'First day.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day.' }) to: string,
  ) {
    return caseStats(ctx, from, to);
  }

  @Query(() => TypicalCaseConnection, {
    description: 'Published typical cases (anonymised summaries of resolved cases), newest first. Public.',
  })
  typicalCases(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => TypicalCaseFilter, { nullable: true, description: 'Which typical cases (default: all).' })
    filter?: TypicalCaseFilter,
  ) {
    return typicalCases(ctx, filter, page.first, page.after);
  }

  @Authorized(COMMERCE, 'ADMIN')
  @Query(() => ServiceCaseSettingsType, {
    description: 'The answer deadlines in force. Roles: OFFICIAL of COMMERCE, ADMIN.',
  })
  async serviceCaseSettings(@Ctx() ctx: RequestContext): Promise<ServiceCaseSettingsType> {
    return {
      ...(await service.answerDeadlines(ctx)),
      acceptanceWorkingDays: ACCEPTANCE_WORKING_DAYS,
      resolutionWorkingDays: RESOLUTION_WORKING_DAYS,
    };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => SubmitServiceCasePayload, {
    description: `Submits a consultation, complaint or suggestion as a foreign investor, or for a foreign-invested enterprise you act for. Answers the case number and an acknowledgement stating the deadlines and, for a complaint, that complaining does not give up the right to administrative reconsideration or litigation. ${CONFIDENTIALITY_RULE} Role: APPLICANT.`,
  })
  async submitServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitServiceCaseInput, { description: 'The case.' }) input: SubmitServiceCaseInput,
  ) {
    return service.submitCase(ctx, input);
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => WithdrawServiceCasePayload, {
    description: 'Withdraws your case while it is still being handled. Role: APPLICANT (the submitter).',
  })
  async withdrawServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawServiceCaseInput, { description: 'The case.' }) input: WithdrawServiceCaseInput,
  ) {
    return { serviceCase: await service.withdrawCase(ctx, input) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => SupplyServiceCaseMaterialsPayload, {
    description:
      'Sends the missing materials the office asked for; the acceptance deadline then runs from today. Role: APPLICANT (the submitter).',
  })
  async supplyServiceCaseMaterials(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SupplyServiceCaseMaterialsInput, { description: 'The materials.' })
    input: SupplyServiceCaseMaterialsInput,
  ) {
    return { serviceCase: await service.supplyMaterials(ctx, input) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => RateServiceCasePayload, {
    description: 'Rates the handling of your resolved case, once. Role: APPLICANT (the submitter).',
  })
  async rateServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RateServiceCaseInput, { description: 'The rating.' }) input: RateServiceCaseInput,
  ) {
    return { serviceCase: await service.rateCase(ctx, input) };
  }

  @Authorized('APPLICANT', COMMERCE)
  @MutationWithPayload(() => PostCaseMessagePayload, {
    description:
      'Posts a message on a case: the investor to the office, or a handling official to the investor (in the case’s language); an official may instead write an internal note (`internal: true`), which the investor never sees. Roles: APPLICANT (the submitter), OFFICIAL of COMMERCE.',
  })
  async postCaseMessage(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PostCaseMessageInput, { description: 'The message.' }) input: PostCaseMessageInput,
  ) {
    const { serviceCase, message } = await service.postMessage(ctx, input);
    return { serviceCase, message: messageView(message) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => AssignServiceCasePayload, {
    description: 'Assigns a case to a commerce official, who then handles it. Role: OFFICIAL of COMMERCE.',
  })
  async assignServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignServiceCaseInput, { description: 'The case and the official.' })
    input: AssignServiceCaseInput,
  ) {
    return { serviceCase: await service.assignCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => RequestServiceCaseMaterialsPayload, {
    description:
      'Asks, in one consolidated notice, for what is missing from a complaint; the acceptance clock stands still until it arrives. Once per case. Role: OFFICIAL of COMMERCE handling the case.',
  })
  async requestServiceCaseMaterials(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestServiceCaseMaterialsInput, { description: 'What is missing.' })
    input: RequestServiceCaseMaterialsInput,
  ) {
    return { serviceCase: await service.requestMaterials(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => AcceptServiceCasePayload, {
    description:
      'Accepts a complaint; it must then be concluded within 60 working days. Acting on an unassigned case makes you its handler. Role: OFFICIAL of COMMERCE handling the case.',
  })
  async acceptServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptServiceCaseInput, { description: 'The complaint.' }) input: AcceptServiceCaseInput,
  ) {
    return { serviceCase: await service.acceptCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => DeclineServiceCasePayload, {
    description:
      'Does not accept a complaint, with a reason from the list and written reasons; the decision tells the complainant it may turn to the complaint office at the next higher level. Role: OFFICIAL of COMMERCE handling the case.',
  })
  async declineServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeclineServiceCaseInput, { description: 'The decision.' }) input: DeclineServiceCaseInput,
  ) {
    return { serviceCase: await service.declineCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => ExtendServiceCasePayload, {
    description:
      'Extends the resolution deadline once, to a later working day, with a recorded reason told to the investor. Role: OFFICIAL of COMMERCE handling the case.',
  })
  async extendServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ExtendServiceCaseInput, { description: 'The extension.' }) input: ExtendServiceCaseInput,
  ) {
    return { serviceCase: await service.extendCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => ResolveServiceCasePayload, {
    description:
      'Records how an accepted complaint ended, or answers a consultation or suggestion. Role: OFFICIAL of COMMERCE handling the case.',
  })
  async resolveServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResolveServiceCaseInput, { description: 'The outcome.' }) input: ResolveServiceCaseInput,
  ) {
    return { serviceCase: await service.resolveCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => ReferServiceCasePayload, {
    description:
      'Closes a case outside this office’s competence by referring it to the competent office, and tells the investor which. Role: OFFICIAL of COMMERCE handling the case.',
  })
  async referServiceCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReferServiceCaseInput, { description: 'The referral.' }) input: ReferServiceCaseInput,
  ) {
    return { serviceCase: await service.referCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => PublishTypicalCasePayload, {
    description:
      'Publishes an approved, anonymised summary of a resolved case as a typical case (no names of the investor or its enterprise). Role: OFFICIAL of COMMERCE.',
  })
  async publishTypicalCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishTypicalCaseInput, { description: 'The summary.' }) input: PublishTypicalCaseInput,
  ) {
    return { typicalCase: await service.publishTypicalCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => UpdateTypicalCasePayload, {
    description:
      'Replaces the title and text of a published typical case; the text must stay anonymous, as when published. Role: OFFICIAL of COMMERCE.',
  })
  async updateTypicalCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateTypicalCaseInput, { description: 'The new text.' }) input: UpdateTypicalCaseInput,
  ) {
    return { typicalCase: await service.updateTypicalCase(ctx, input) };
  }

  @Authorized(COMMERCE)
  @MutationWithPayload(() => WithdrawTypicalCasePayload, {
    description:
      'Takes a published typical case down, with a recorded reason: nobody reads it any more, and its case may be published again. Role: OFFICIAL of COMMERCE.',
  })
  async withdrawTypicalCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawTypicalCaseInput, { description: 'The typical case and why.' })
    input: WithdrawTypicalCaseInput,
  ) {
    return { typicalCase: await service.withdrawTypicalCase(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => UpdateServiceCaseSettingsPayload, {
    description: 'Sets the answer deadlines of consultations and suggestions (working days). Role: ADMIN.',
  })
  async updateServiceCaseSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateServiceCaseSettingsInput, { description: 'The deadlines.' })
    input: UpdateServiceCaseSettingsInput,
  ) {
    const row = await service.updateSettings(ctx, input);
    return {
      settings: {
        consultationWorkingDays: row.consultationWorkingDays,
        suggestionWorkingDays: row.suggestionWorkingDays,
        acceptanceWorkingDays: ACCEPTANCE_WORKING_DAYS,
        resolutionWorkingDays: RESOLUTION_WORKING_DAYS,
      },
    };
  }

  @Authorized('APPLICANT', COMMERCE)
  @Subscription(() => ServiceCaseType, {
    description: `The case each time it changes. Only for its submitter and the officials handling it (others: NOT_FOUND); the submitter never hears of internal notes. ${CONFIDENTIALITY_RULE} Roles: APPLICANT, OFFICIAL of COMMERCE. Authenticate with connectionParams { authorization: "Bearer …" }.`,
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const found = await visibleCase(ctx, args.id as string);
      if (!found || !(isSubmitter(ctx.viewer, found) || isHandler(ctx.viewer, found))) throw notFound(ctx.locale);
      const official = isCommerceOfficial(ctx.viewer);
      return liveEvents<ServiceCaseUpdatedEvent>(ctx, SERVICE_CASE_UPDATED, {
        id: found.id,
        where: (event) => official || !event.officialsOnly,
      });
    },
  })
  async serviceCaseUpdated(
    @Root() event: ServiceCaseUpdatedEvent,
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global ID of the case.' }) _id: string,
  ): Promise<ServiceCase> {
    const fresh = freshForEvent(ctx);
    const found = await fresh.loaders.get(caseById).load(event.id);
    if (!found || !canSeeCase(fresh.viewer, found)) throw notFound(ctx.locale);
    return found;
  }
}

@Resolver(() => ServiceCaseType)
export class ServiceCaseFieldsResolver {
  @FieldResolver(() => String, { description: "The category's name in the caller's language." })
  categoryLabel(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): string {
    return translate(ctx.locale, `investorServices.category.${c.category}`);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who submitted it.' })
  submitter(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(userById).load(c.submitterId);
  }

  @FieldResolver(() => EnterpriseType, {
    nullable: true,
    description: 'The foreign-invested enterprise it is for, if any.',
  })
  enterprise(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return c.enterpriseId ? ctx.loaders.get(enterpriseById).load(c.enterpriseId) : null;
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The commerce official handling it. Commerce officials only (null for the investor).',
  })
  assignee(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return c.assigneeId && isCommerceOfficial(ctx.viewer) ? ctx.loaders.get(userById).load(c.assigneeId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer is one of the officials handling it.' })
  viewerIsHandler(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): boolean {
    return isHandler(ctx.viewer, c);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'Complaints: the last day to decide on acceptance — 7 working days after the day materials were complete (that day not counted). Null while missing materials are awaited, and for consultations and suggestions.',
  })
  async acceptBy(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return deadlinesOf(c, ctx.deps.calendar.current, await service.answerDeadlines(ctx)).acceptBy;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'The last day to conclude: complaints 60 working days after acceptance (null before it); consultations and suggestions the configured number of working days after submission (default 5 and 20). See extendedResolveBy for an extension.',
  })
  async resolveBy(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return deadlinesOf(c, ctx.deps.calendar.current, await service.answerDeadlines(ctx)).resolveBy;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the running deadline (acceptBy while a complaint awaits its decision, else extendedResolveBy or resolveBy) has passed today. Never while missing materials are awaited or after the case ended.',
  })
  async overdue(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return isOverdue(c, service.today(ctx), ctx.deps.calendar.current, await service.answerDeadlines(ctx));
  }

  @FieldResolver(() => String, { description: 'The acknowledgement as sent to the investor, in the case’s language.' })
  async acknowledgement(@Root() c: ServiceCase, @Ctx() ctx: RequestContext) {
    return service.acknowledgementOf(c, ctx, await service.answerDeadlines(ctx));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `The confidential part (trade secrets, personal information). ${CONFIDENTIALITY_RULE}`,
  })
  confidentialDetails(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): string | null {
    return canSeeConfidential(ctx.viewer, c) ? c.confidentialDetails : null;
  }

  @FieldResolver(() => [ServiceCaseAttachmentType], { description: `The attached files. ${CONFIDENTIALITY_RULE}` })
  async attachments(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): Promise<ServiceCaseAttachmentType[]> {
    if (!canSeeConfidential(ctx.viewer, c)) return [];
    const rows = await ctx.loaders.get(attachmentsByCase).load(c.id);
    return rows.map(({ file }) => {
      const id = toGlobalId(FILE_TYPE_NAME, file.id);
      return { id, name: file.name, contentType: file.contentType, size: file.size, url: `/files/${id}` };
    });
  }

  @FieldResolver(() => ServiceCaseMessageConnection, {
    description: `The messages, oldest first: internal notes only for commerce officials; confidential messages only for the submitter and the handling officials. ${CONFIDENTIALITY_RULE}`,
  })
  async messages(@Root() c: ServiceCase, @Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    const scope: MessageScope = {
      internalNotes: canSeeInternalNotes(ctx.viewer),
      confidential: canSeeConfidential(ctx.viewer, c),
    };
    const first = checkPageSize(ctx, page.first);
    const after = checkCursor(ctx, ServiceCaseMessage, MESSAGE_ORDER, page.after) ?? null;
    const connection =
      first === 0
        ? { edges: [], pageInfo: emptyPageInfo(), totalCount: lazy(() => countMessages(ctx, c.id, scope)) }
        : await ctx.loaders.get(messagesPage).load({ caseId: c.id, first, after, ...scope });
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: messageView(e.node) })) };
  }

  @FieldResolver(() => ServiceCaseDecisionType, {
    nullable: true,
    description: 'The decision on a complaint’s acceptance, once made.',
  })
  async decision(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): Promise<ServiceCaseDecisionType | null> {
    if (!c.decidedOn) return null;
    const accepted = c.acceptedOn !== null;
    const settings = await service.answerDeadlines(ctx);
    const notice = accepted
      ? translate(c.language, 'investorServices.decision.accepted', {
          number: c.number,
          date: c.decidedOn,
          resolveBy: deadlinesOf(c, ctx.deps.calendar.current, settings).resolveBy ?? '',
        })
      : translate(c.language, 'investorServices.decision.declined', {
          number: c.number,
          date: c.decidedOn,
          reason: translate(c.language, `investorServices.declineReason.${c.declineReason}`, {
            office: c.competentOffice ?? '',
          }),
        });
    return {
      accepted,
      decidedOn: c.decidedOn,
      reason: c.declineReason,
      note: c.decisionNote,
      competentOffice: c.competentOffice,
      notice,
    };
  }

  @FieldResolver(() => ServiceCaseResolutionType, { nullable: true, description: 'How the case ended, once it has.' })
  async resolution(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): Promise<ServiceCaseResolutionType | null> {
    if (!c.outcome) return null;
    const d = deadlinesOf(c, ctx.deps.calendar.current, await service.answerDeadlines(ctx));
    return {
      outcome: c.outcome,
      summary: c.resolutionSummary,
      competentOffice: c.status === ServiceCaseStatus.CLOSED ? c.competentOffice : null,
      resolvedOn: c.resolvedOn,
      onTime: c.resolvedOn && d.effectiveResolveBy ? c.resolvedOn <= d.effectiveResolveBy : null,
    };
  }

  @FieldResolver(() => ServiceCaseRatingType, { nullable: true, description: 'The investor’s rating, once given.' })
  rating(@Root() c: ServiceCase): ServiceCaseRatingType | null {
    return c.rating !== null && c.ratedAt ? { score: c.rating, comment: c.ratingComment, ratedAt: c.ratedAt } : null;
  }

  @FieldResolver(() => [ServiceCaseHistoryEntryType], {
    description: `The steps of the case, oldest first (at most ${HISTORY_LIMIT}). The investor does not see internal notes or assignments.`,
  })
  async history(@Root() c: ServiceCase, @Ctx() ctx: RequestContext): Promise<ServiceCaseHistoryEntryType[]> {
    return ctx.loaders.get(historyByCase).load({ caseId: c.id, officeSteps: isCommerceOfficial(ctx.viewer) });
  }
}
