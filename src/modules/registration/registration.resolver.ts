import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { shanghaiDate } from '../../shared/clock.js';
import { notFound, unauthenticated, type Problem } from '../../shared/errors.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { freshForEvent, liveEvents } from '../../shared/subscriptions.js';
import type { DomainEvent } from '../../shared/pubsub.js';
import { toGlobalId } from '../../shared/ids.js';
import { userById, type User } from '../accounts/index.js';
import { canSeeApplication, clearanceDepartmentOf, isRegistrar } from './registration.access.js';
import { RegistrationApplication, type DepartmentClearance } from './registration.entity.js';
import {
  ClearanceTaskFilter,
  ConfirmRegistrationApplicationInput,
  ApproveRegistrationReviewExtensionInput,
  ExtendRegistrationReviewInput,
  RecordDeregistrationClearanceInput,
  RegistrationApplicationFilter,
  RejectRegistrationApplicationInput,
  RequestRegistrationCorrectionInput,
  SaveRegistrationDraftInput,
  SubmitRegistrationApplicationInput,
  WithdrawRegistrationApplicationInput,
  declarationFromInput,
  deregistrationFromInput,
} from './registration.inputs.js';
import {
  applicationById,
  clearancesByApplicationId,
  enterpriseById,
  historyByApplicationId,
  reservationById,
} from './registration.loaders.js';
import * as registration from './registration.service.js';
import {
  ClearanceTaskConnection,
  ClearanceTaskType,
  ConfirmRegistrationApplicationPayload,
  CorrectionNotice,
  CreditCommitment,
  DepartmentClearanceType,
  DirectNameCommitment,
  DeregistrationDeclarationType,
  ApproveRegistrationReviewExtensionPayload,
  ExtendRegistrationReviewPayload,
  RecordDeregistrationClearancePayload,
  RegistrationApplicationConnection,
  RegistrationApplicationType,
  RegistrationDeclaration,
  RejectRegistrationApplicationPayload,
  RequestRegistrationCorrectionPayload,
  SaveRegistrationDraftPayload,
  StatusChange,
  SubmitRegistrationApplicationPayload,
  WithdrawRegistrationApplicationPayload,
  EnterpriseType,
} from './registration.types.js';
import { UserType } from '../accounts/index.js';
import { IndustryType, NameConflict, NameReservationType, industryView, type NameReservation } from '../names/index.js';
import { visibleDeclarationView } from './registration.views.js';
import { changeFilingDueOn } from './registration.declaration.js';
import type { Declaration } from './registration.declaration.js';

// Thin: check the role, shape the arguments, call the service, shape the payload.

const REGISTRAR = 'OFFICIAL:MARKET_REGULATION';
const CLEARANCE_OFFICIALS = [
  'OFFICIAL:TAX',
  'OFFICIAL:SOCIAL_INSURANCE',
  'OFFICIAL:MEDICAL_INSURANCE',
  'OFFICIAL:HOUSING_FUND',
];

@Resolver()
export class RegistrationResolver {
  @Authorized('APPLICANT')
  @MutationWithPayload(() => SaveRegistrationDraftPayload, {
    description:
      'Starts or updates a draft application (establishment, change or deregistration), or an application sent back for correction; save as often as needed. Malformed items come back as userErrors with their path and nothing is saved; items left blank (REQUIRED) do not stop a draft and are reported at submission. Role: APPLICANT (its own applications).',
  })
  async saveRegistrationDraft(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SaveRegistrationDraftInput, { description: 'The draft (new or existing) and its items.' })
    input: SaveRegistrationDraftInput,
  ) {
    let declaration: Declaration | undefined;
    let inputProblems: Problem[] = [];
    if (input.declaration) {
      const converted = declarationFromInput(input.declaration, ['input', 'declaration']);
      declaration = converted.declaration;
      inputProblems = converted.problems;
    }
    const application = await registration.saveDraft(ctx, {
      id: input.id ?? null,
      kind: input.kind ?? null,
      enterpriseId: input.enterpriseId ?? null,
      nameReservationId: input.nameReservationId,
      newName: input.newName,
      changeDecidedOn: input.changeDecidedOn,
      declaration,
      deregistration: input.deregistration ? deregistrationFromInput(input.deregistration) : undefined,
      inputProblems,
    });
    return { application };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => SubmitRegistrationApplicationPayload, {
    description:
      'Submits the applicant’s own draft (or corrected application) with its credit commitment. Incomplete or malformed items come back as userErrors with their path and nothing is submitted. Sets decideBy: the day of receipt when complete in standard form, else 3 working days later. Role: APPLICANT.',
    // Problems of the saved draft are named where saveRegistrationDraft takes them (["input", "declaration", …]).
    draftInput: 'SaveRegistrationDraftInput',
  })
  async submitRegistrationApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitRegistrationApplicationInput, {
      description: 'The application and the credit commitment.',
    })
    input: SubmitRegistrationApplicationInput,
  ) {
    return {
      application: await registration.submit(
        ctx,
        input.id,
        input.commitment,
        input.idempotencyKey,
        input.nameCommitment ?? null,
      ),
    };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => WithdrawRegistrationApplicationPayload, {
    description:
      'Withdraws the applicant’s own draft, submitted application or application awaiting correction. Role: APPLICANT.',
  })
  async withdrawRegistrationApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawRegistrationApplicationInput, { description: 'The application to withdraw.' })
    input: WithdrawRegistrationApplicationInput,
  ) {
    return { application: await registration.withdraw(ctx, input.id) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => ConfirmRegistrationApplicationPayload, {
    description:
      'Confirms a submitted application. Establishment: creates the enterprise, uses its name reservation, issues its unified social credit code and electronic business licence. Change: updates the enterprise and keeps the history (a new licence when a licence fact changes). Deregistration (once every department has cleared): the enterprise becomes DEREGISTERED. Two officials deciding at once: exactly one succeeds. Role: OFFICIAL of MARKET_REGULATION.',
    // The rules checked again at confirmation name the application's fields as saveRegistrationDraft takes them.
    draftInput: 'SaveRegistrationDraftInput',
  })
  async confirmRegistrationApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConfirmRegistrationApplicationInput, {
      description: 'The application and a note for the record.',
    })
    input: ConfirmRegistrationApplicationInput,
  ) {
    return { application: await registration.confirm(ctx, input.id, input.note ?? null) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => RequestRegistrationCorrectionPayload, {
    description:
      'Sends a submitted application back with one consolidated list of everything to correct. A later request may only name items the applicant changed since the previous notice. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async requestRegistrationCorrection(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestRegistrationCorrectionInput, {
      description: 'The application and everything to correct.',
    })
    input: RequestRegistrationCorrectionInput,
  ) {
    return { application: await registration.requestCorrection(ctx, input.id, input.items) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => RejectRegistrationApplicationPayload, {
    description: 'Rejects a submitted application with reasons. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async rejectRegistrationApplication(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RejectRegistrationApplicationInput, { description: 'The application and the reasons.' })
    input: RejectRegistrationApplicationInput,
  ) {
    return { application: await registration.reject(ctx, input.id, input.reasons) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => ExtendRegistrationReviewPayload, {
    description:
      'Asks for the one extension of the 3-working-day review of a submitted application, by 3 working days, with a recorded reason. It takes effect when another official approves it (approveRegistrationReviewExtension: the approval of the registration authority, 市场主体登记管理条例 Art. 19). Role: OFFICIAL of MARKET_REGULATION.',
  })
  async extendRegistrationReview(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ExtendRegistrationReviewInput, {
      description: 'The application and the reason for the extension.',
    })
    input: ExtendRegistrationReviewInput,
  ) {
    return { application: await registration.extend(ctx, input.id, input.reason) };
  }

  @Authorized(REGISTRAR)
  @MutationWithPayload(() => ApproveRegistrationReviewExtensionPayload, {
    description:
      'Approves the extension of a review that another official asked for: decideBy moves 3 working days on and the applicant is told why. The official who asked cannot approve. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async approveRegistrationReviewExtension(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ApproveRegistrationReviewExtensionInput, { description: 'The application.' })
    input: ApproveRegistrationReviewExtensionInput,
  ) {
    return { application: await registration.approveExtension(ctx, input.id) };
  }

  @Authorized(...CLEARANCE_OFFICIALS)
  @MutationWithPayload(() => RecordDeregistrationClearancePayload, {
    description:
      "Records the official's own department's clearance of a deregistration: CLEARED (final), or BLOCKED with what is owed. Departments record in any order. Role: OFFICIAL of TAX, SOCIAL_INSURANCE, MEDICAL_INSURANCE or HOUSING_FUND.",
  })
  async recordDeregistrationClearance(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordDeregistrationClearanceInput, {
      description: "The deregistration and the department's outcome.",
    })
    input: RecordDeregistrationClearanceInput,
  ) {
    return { application: await registration.recordClearance(ctx, input.id, input.outcome, input.note ?? null) };
  }

  @Authorized('APPLICANT', 'OFFICIAL')
  @Query(() => RegistrationApplicationType, {
    nullable: true,
    description:
      'One application; null when it does not exist or the viewer may not see it. Roles: APPLICANT (its own), OFFICIAL of MARKET_REGULATION (submitted ones), OFFICIAL of a clearance department (submitted deregistrations).',
  })
  registrationApplication(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Global ID.' }) id: string) {
    return registration.findApplication(ctx, id);
  }

  @Authorized('APPLICANT')
  @Query(() => RegistrationApplicationConnection, {
    description: "The viewer's own applications, newest first. Role: APPLICANT.",
  })
  myRegistrationApplications(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => RegistrationApplicationFilter, { nullable: true, description: 'Only these.' })
    filter?: RegistrationApplicationFilter,
  ) {
    return registration.listOwnApplications(ctx, ctx.viewer.userId!, filter ?? {}, page);
  }

  @Authorized(REGISTRAR)
  @Query(() => RegistrationApplicationConnection, {
    description:
      'Applications to decide, oldest submission first (status SUBMITTED unless filtered). Role: OFFICIAL of MARKET_REGULATION.',
  })
  registrationReviewQueue(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => RegistrationApplicationFilter, {
      nullable: true,
      description: 'Status (default SUBMITTED) and kind.',
    })
    filter?: RegistrationApplicationFilter,
  ) {
    return registration.reviewQueue(ctx, filter ?? {}, page);
  }

  @Authorized(...CLEARANCE_OFFICIALS)
  @Query(() => ClearanceTaskConnection, {
    description:
      "Open deregistrations awaiting the viewer's department (PENDING unless filtered), oldest first. Role: OFFICIAL of TAX, SOCIAL_INSURANCE, MEDICAL_INSURANCE or HOUSING_FUND.",
  })
  deregistrationClearanceQueue(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => ClearanceTaskFilter, { nullable: true, description: 'Clearance status (default PENDING).' })
    filter?: ClearanceTaskFilter,
  ) {
    return registration.clearanceQueue(ctx, clearanceDepartmentOf(ctx.viewer)!, filter?.status ?? 'PENDING', page);
  }

  @Authorized('APPLICANT', 'OFFICIAL')
  @Subscription(() => RegistrationApplicationType, {
    description:
      'The application each time it changes (submission, decisions, each department’s clearance). Roles: APPLICANT (its own), OFFICIAL of MARKET_REGULATION, OFFICIAL of a clearance department (deregistrations); authenticate with connectionParams { authorization: "Bearer …" }.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated(ctx.locale);
      const application = await registration.findApplication({ ...ctx, em: ctx.em.fork() }, args.id as string);
      if (!application) throw notFound(ctx.locale);
      return liveEvents(ctx, registration.REGISTRATION_APPLICATION_UPDATED, { id: application.id });
    },
  })
  async registrationApplicationUpdated(
    @Root() event: DomainEvent,
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Global ID of the application.' }) _id: string,
  ): Promise<RegistrationApplication> {
    // A subscription lives long: each event is read fresh (new identity map, new DataLoaders) with the subscriber's visibility.
    freshForEvent(ctx);
    const application = await ctx.em.findOne(RegistrationApplication, { id: event.id });
    if (!application || !canSeeApplication(ctx.viewer, application)) throw notFound(ctx.locale);
    return application;
  }
}

@Resolver(() => RegistrationApplicationType)
export class RegistrationApplicationFieldsResolver {
  @FieldResolver(() => RegistrationDeclaration, {
    description: 'The declared items (for a deregistration: the enterprise as registered).',
  })
  async declaration(
    @Root() application: RegistrationApplication,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationDeclaration> {
    const enterprise = application.enterprise
      ? await ctx.loaders.get(enterpriseById).load(application.enterprise.id)
      : null;
    return visibleDeclarationView(ctx, enterprise, application.declaration);
  }

  @FieldResolver(() => DeregistrationDeclarationType, {
    nullable: true,
    description: 'For a deregistration: what it declares.',
  })
  deregistration(@Root() application: RegistrationApplication) {
    return application.deregistration;
  }

  @FieldResolver(() => CreditCommitment, { nullable: true, description: 'The credit commitment given on submission.' })
  commitment(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext): CreditCommitment | null {
    const c = application.commitment;
    if (!c) return null;
    return {
      termsVersion: c.termsVersion,
      text: ctx.locale === 'EN' ? c.textEn : c.textZh,
      signatoryName: c.signatoryName,
      committedAt: new Date(c.committedAt),
    };
  }

  @FieldResolver(() => DirectNameCommitment, {
    nullable: true,
    description:
      'For a change declaring a special name directly (without a reservation): the written commitment given on submission.',
  })
  nameCommitment(@Root() application: RegistrationApplication): DirectNameCommitment | null {
    const c = application.nameCommitment;
    return c ? { ...c, committedAt: new Date(c.committedAt) } : null;
  }

  @FieldResolver(() => EnterpriseType, {
    nullable: true,
    description: 'The enterprise changed or deregistered, or created on confirmation.',
  })
  enterprise(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext) {
    return application.enterprise ? ctx.loaders.get(enterpriseById).load(application.enterprise.id) : null;
  }

  @FieldResolver(() => UserType, { description: 'The applicant.' })
  async applicant(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.get(userById).load(application.applicant.id))!;
  }

  @FieldResolver(() => NameReservationType, {
    nullable: true,
    description:
      'The name reservation it uses (establishment, change of name); shown to its applicant and market-regulation officials.',
  })
  async nameReservation(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext) {
    if (!application.nameReservationId) return null;
    if (application.applicant.id !== ctx.viewer.userId && !isRegistrar(ctx.viewer)) return null;
    return ctx.loaders.get(reservationById).load(application.nameReservationId);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when complete and in standard form: confirmed on the spot (same working day).',
  })
  complete(@Root() application: RegistrationApplication): boolean {
    return application.status !== 'DRAFT' && application.reviewReasons.length === 0;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'For a change: the last day to apply, 30 days after the change was decided, moved to the next working day when it falls on a weekend or holiday. Null for other kinds or before changeDecidedOn is given.',
  })
  changeFilingDueOn(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext): string | null {
    if (application.kind !== 'CHANGE' || !application.changeDecidedOn) return null;
    return changeFilingDueOn(ctx.deps.calendar.current, application.changeDecidedOn);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True for a change received after changeFilingDueOn. A late filing is accepted and reviewed like any other (lateness is not a ground for refusal, 市场主体登记管理条例 Art. 20); it is flagged for the official to consider a penalty.',
  })
  lateFiling(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext): boolean {
    return registration.lateChangeFiling(ctx, application);
  }

  @FieldResolver(() => Boolean, { description: 'True when submitted and the decision is past due.' })
  overdue(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext): boolean {
    if (application.status !== 'SUBMITTED' || !application.decideBy) return false;
    return application.decideBy < shanghaiDate(ctx.deps.clock.now());
  }

  @FieldResolver(() => CorrectionNotice, { nullable: true, description: 'The latest consolidated correction notice.' })
  correctionNotice(@Root() application: RegistrationApplication): CorrectionNotice | null {
    const notice = application.correctionNotices.at(-1);
    return notice ? noticeView(notice) : null;
  }

  @FieldResolver(() => [CorrectionNotice], { description: 'Every correction notice, oldest first.' })
  correctionNotices(@Root() application: RegistrationApplication): CorrectionNotice[] {
    return application.correctionNotices.map(noticeView);
  }

  @FieldResolver(() => [DepartmentClearanceType], {
    description: 'For a deregistration: each department’s clearance; empty otherwise.',
  })
  async clearances(
    @Root() application: RegistrationApplication,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentClearanceType[]> {
    if (application.kind !== 'DEREGISTRATION') return [];
    const clearances = await ctx.loaders.get(clearancesByApplicationId).load(application.id);
    const users = await ctx.loaders
      .get(userById)
      .loadMany(clearances.map((c) => c.recordedBy?.id).filter((id): id is string => !!id));
    const names = new Map(
      users.filter((u): u is User => !!u && !(u instanceof Error)).map((u) => [u.id, u.displayName]),
    );
    return clearances.map((c) => ({
      clearanceId: c.id,
      department: c.department as DepartmentClearanceType['department'],
      status: c.status as DepartmentClearanceType['status'],
      note: c.note,
      recordedAt: c.recordedAt,
      recordedByName: c.recordedBy ? (names.get(c.recordedBy.id) ?? null) : null,
    }));
  }

  @FieldResolver(() => [StatusChange], { description: 'Full history: who did what, when.' })
  async history(@Root() application: RegistrationApplication, @Ctx() ctx: RequestContext): Promise<StatusChange[]> {
    const events = await ctx.loaders.get(historyByApplicationId).load(application.id);
    const users = await ctx.loaders
      .get(userById)
      .loadMany(events.map((e) => e.actorUserId).filter((id): id is string => !!id));
    const names = new Map(
      users.filter((u): u is User => !!u && !(u instanceof Error)).map((u) => [u.id, u.displayName]),
    );
    return events.map((event) => {
      const details = (event.details ?? {}) as Record<string, unknown>;
      return {
        action: event.action,
        fromStatus: (event.fromState ?? null) as StatusChange['fromStatus'],
        toStatus: (event.toState ?? null) as StatusChange['toStatus'],
        at: event.at,
        actorRole: event.actorRole as StatusChange['actorRole'],
        department: (details.department ?? null) as StatusChange['department'],
        actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
        note:
          typeof details.note === 'string'
            ? details.note
            : typeof details.clearance === 'string'
              ? details.clearance
              : null,
      };
    });
  }
}

function noticeView(notice: RegistrationApplication['correctionNotices'][number]): CorrectionNotice {
  return {
    round: notice.round,
    items: notice.items,
    requestedAt: new Date(notice.requestedAt),
    answeredAt: notice.answeredAt ? new Date(notice.answeredAt) : null,
  };
}

@Resolver(() => ClearanceTaskType)
export class ClearanceTaskFieldsResolver {
  @FieldResolver(() => ID, { description: 'Identifier of the clearance.' })
  id(@Root() clearance: DepartmentClearance): string {
    return toGlobalId('DepartmentClearance', clearance.id);
  }

  @FieldResolver(() => RegistrationApplicationType, { description: 'The deregistration application.' })
  async application(@Root() clearance: DepartmentClearance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(applicationById).load(clearance.application.id);
  }
}

@Resolver(() => RegistrationDeclaration)
export class RegistrationDeclarationFieldsResolver {
  @FieldResolver(() => IndustryType, {
    nullable: true,
    description: 'Main industry: GB/T 4754-2017 division code and its name.',
  })
  industry(@Root() declaration: RegistrationDeclaration, @Ctx() ctx: RequestContext) {
    return industryView(ctx.locale, declaration.industryCode);
  }
}

@Resolver(() => NameConflict)
export class NameConflictEnterpriseResolver {
  @FieldResolver(() => EnterpriseType, {
    nullable: true,
    description: 'The registered enterprise holding the other name, when it is one.',
  })
  enterprise(@Root() conflict: NameConflict, @Ctx() ctx: RequestContext) {
    return conflict.enterpriseId ? ctx.loaders.get(enterpriseById).load(conflict.enterpriseId) : null;
  }
}

@Resolver(() => NameReservationType)
export class NameReservationApplicationResolver {
  @FieldResolver(() => RegistrationApplicationType, {
    nullable: true,
    description:
      'For a special name declared directly in a change application, without a reservation (市场主体登记管理条例实施细则 Art. 34): that application, whose confirmation granted the name on its commitment. Null for a reserved name, and for a viewer who may not see the application.',
  })
  async declaredInApplication(
    @Root() reservation: NameReservation,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistrationApplication | null> {
    if (!reservation.declaredInApplicationId) return null;
    const application = await ctx.loaders.get(applicationById).load(reservation.declaredInApplicationId);
    return application && canSeeApplication(ctx.viewer, application) ? application : null;
  }
}
