import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { EnterpriseNameParts } from '../../shared/graphql/reference.types.js';
import { UserType, userById } from '../accounts/index.js';
import { checkEnterpriseName, industryView } from './check.service.js';
import { CommitmentTerms, NameReservation, NameSettings, type DistrictValue } from './names.entity.js';
import {
  AddProhibitedWordInput,
  AddSpecialWordInput,
  CheckEnterpriseNameInput,
  PublishCommitmentTermsInput,
  RecordNameVerificationInput,
  RemoveProhibitedWordInput,
  RemoveSpecialWordInput,
  ReserveEnterpriseNameInput,
  UpdateNameSettingsInput,
} from './names.inputs.js';
import { commitmentTermsByVersion } from './names.loaders.js';
import {
  AddProhibitedWordPayload,
  AddSpecialWordPayload,
  CommitmentTermsType,
  IndustryType,
  NameCheck,
  NameCommitment,
  NameReservationConnection,
  NameReservationStatus,
  NameReservationType,
  NameSettingsType,
  NameVerification,
  ProhibitedWordCategory,
  ProhibitedWordConnection,
  PublishCommitmentTermsPayload,
  RecordNameVerificationPayload,
  RemoveProhibitedWordPayload,
  RemoveSpecialWordPayload,
  ReserveEnterpriseNamePayload,
  SpecialWordType,
  UpdateNameSettingsPayload,
} from './names.types.js';
import * as reference from './reference.service.js';
import * as reservations from './reservations.service.js';
import { parseName, type ProhibitedCategory } from './rules/index.js';
import { COST } from '../../shared/graphql/cost.js';

// Thin by design: check the role, call the service, shape the payload.

const REGISTRY = 'OFFICIAL:MARKET_REGULATION';

@Resolver()
export class NamesResolver {
  @Query(() => NameCheck, {
    complexity: COST.nameCheck,
    description:
      'Checks a proposed enterprise name: its parts, every rule it breaks, every conflict with registered, reserved and recently released names, whether it is special and, if so, the commitment terms to accept. Public.',
  })
  checkEnterpriseName(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CheckEnterpriseNameInput, {
      description: 'The proposed name and what the rules need to judge it.',
    })
    input: CheckEnterpriseNameInput,
  ) {
    return checkEnterpriseName(ctx, { ...input, district: input.district as DistrictValue | null | undefined });
  }

  @Query(() => CommitmentTermsType, {
    description: 'The commitment terms for special names: the current version, or the version asked for. Public.',
  })
  async nameCommitmentTerms(
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true, description: 'A past version; the current one when absent.' })
    version?: number | null,
  ) {
    if (version === null || version === undefined) return (await reference.namesReference(ctx)).terms;
    return (
      (await ctx.loaders.get(commitmentTermsByVersion).load(version)) ?? (await reference.namesReference(ctx)).terms
    );
  }

  @Authorized('APPLICANT')
  @Query(() => NameReservationConnection, {
    description: "The viewer's own name reservations, newest first. Role: APPLICANT.",
  })
  myNameReservations(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return reservations.listOwnReservations(ctx, ctx.viewer.userId as string, page);
  }

  @Authorized(REGISTRY)
  @Query(() => NameReservationConnection, {
    description:
      'Special names granted on a commitment and awaiting verification, oldest first, each with its due day and whether it is overdue. Role: OFFICIAL (MARKET_REGULATION).',
  })
  nameVerificationQueue(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('overdue', () => Boolean, {
      nullable: true,
      description: 'Only overdue ones (true) or only those still in time (false).',
    })
    overdue?: boolean | null,
  ) {
    return reservations.listVerificationQueue(ctx, { overdue }, page);
  }

  @Authorized('ADMIN', REGISTRY)
  @Query(() => ProhibitedWordConnection, {
    description: 'The prohibited-word list, by word. Role: ADMIN, OFFICIAL (MARKET_REGULATION).',
  })
  prohibitedWords(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('category', () => ProhibitedWordCategory, { nullable: true, description: 'Only this category.' })
    category?: ProhibitedCategory | null,
  ) {
    return reference.listProhibitedWords(ctx, category ?? null, page);
  }

  @Authorized('ADMIN', REGISTRY)
  @Query(() => [SpecialWordType], {
    description: 'The special-word list (a short fixed list). Role: ADMIN, OFFICIAL (MARKET_REGULATION).',
  })
  async specialWords(@Ctx() ctx: RequestContext) {
    return (await reference.namesReference(ctx)).specialWords;
  }

  @Authorized('ADMIN', REGISTRY)
  @Query(() => NameSettingsType, {
    description: "The names module's adjustable figures. Role: ADMIN, OFFICIAL (MARKET_REGULATION).",
  })
  async nameSettings(@Ctx() ctx: RequestContext): Promise<NameSettings> {
    return (await reference.namesReference(ctx)).settings;
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => ReserveEnterpriseNamePayload, {
    complexity: COST.nameCheck,
    description:
      'Reserves a name for the viewer for 2 months (12 with a prior approval). An ordinary available name is granted at once; a special name only with a commitment on the current terms version (COMMITMENT_REQUIRED otherwise), and is verified afterwards. A name that breaks a rule or is IDENTICAL to an existing one is refused with NAME_UNAVAILABLE and the reasons. Role: APPLICANT.',
  })
  async reserveEnterpriseName(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReserveEnterpriseNameInput, {
      description: 'The name, the enterprise it is for and, for a special name, the commitment.',
    })
    input: ReserveEnterpriseNameInput,
  ) {
    const reservation = await reservations.reserveName(ctx, ctx.viewer.userId as string, {
      name: input.name,
      district: input.district as DistrictValue,
      industry: input.industry ?? null,
      kind: input.kind,
      foreignInvested: input.foreignInvested ?? false,
      priorApprovalRequired: input.priorApprovalRequired ?? false,
      commitment: input.commitment ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    return { reservation };
  }

  @Authorized(REGISTRY)
  @MutationWithPayload(() => RecordNameVerificationPayload, {
    description:
      "Records the verification of a special name's commitment. FALSE_COMMITMENT revokes the name (and flags an enterprise already registered under it for a name change within 30 days); the applicant is notified either way. Role: OFFICIAL (MARKET_REGULATION).",
  })
  async recordNameVerification(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordNameVerificationInput, { description: 'The reservation, the outcome and the finding.' })
    input: RecordNameVerificationInput,
  ) {
    return { reservation: await reservations.recordVerification(ctx, { ...input, note: input.note ?? null }) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => AddProhibitedWordPayload, {
    description: 'Adds a word no enterprise name may contain; checks use it at once. Role: ADMIN.',
  })
  async addProhibitedWord(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddProhibitedWordInput, { description: 'The word and its category.' })
    input: AddProhibitedWordInput,
  ) {
    return { prohibitedWord: await reference.addProhibitedWord(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => RemoveProhibitedWordPayload, {
    description: 'Takes a word off the prohibited list. Role: ADMIN.',
  })
  async removeProhibitedWord(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveProhibitedWordInput, { description: 'The word.' }) input: RemoveProhibitedWordInput,
  ) {
    return { prohibitedWord: await reference.removeProhibitedWord(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => AddSpecialWordPayload, {
    description: 'Adds a word that makes a name special (notification-and-commitment route). Role: ADMIN.',
  })
  async addSpecialWord(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddSpecialWordInput, { description: 'The word and where it makes a name special.' })
    input: AddSpecialWordInput,
  ) {
    return { specialWord: await reference.addSpecialWord(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => RemoveSpecialWordPayload, {
    description: 'Takes a word off the special-word list. Role: ADMIN.',
  })
  async removeSpecialWord(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveSpecialWordInput, { description: 'The word.' }) input: RemoveSpecialWordInput,
  ) {
    return { specialWord: await reference.removeSpecialWord(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => PublishCommitmentTermsPayload, {
    description:
      'Publishes a new version of the commitment terms for special names. Commitments already given keep their version; new reservations must accept this one. Role: ADMIN.',
  })
  async publishCommitmentTerms(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishCommitmentTermsInput, { description: 'The text in both languages.' })
    input: PublishCommitmentTermsInput,
  ) {
    return { commitmentTerms: await reference.publishCommitmentTerms(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => UpdateNameSettingsPayload, {
    description:
      'Changes the verification window for special names; grants made before keep their due day. Role: ADMIN.',
  })
  async updateNameSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateNameSettingsInput, { description: 'The new figures.' }) input: UpdateNameSettingsInput,
  ) {
    return { settings: await reference.updateNameSettings(ctx, input) };
  }
}

@Resolver(() => NameReservationType)
export class NameReservationFieldsResolver {
  @FieldResolver(() => EnterpriseNameParts, { description: 'The name split into its parts.' })
  parts(@Root() reservation: NameReservation) {
    return parseName(reservation.name).parts;
  }

  @FieldResolver(() => NameReservationStatus, {
    description: 'Where the reservation stands, by the clock: EXPIRED once expiresAt has passed unused.',
  })
  status(@Root() reservation: NameReservation, @Ctx() ctx: RequestContext) {
    return reservations.effectiveReservationStatus(reservation, ctx.deps.clock.now());
  }

  @FieldResolver(() => IndustryType, { nullable: true, description: 'The GB/T 4754 division declared.' })
  industry(@Root() reservation: NameReservation, @Ctx() ctx: RequestContext) {
    return industryView(ctx.locale, reservation.industry);
  }

  @FieldResolver(() => NameCommitment, {
    nullable: true,
    description: 'For a special name: the commitment it was granted on.',
  })
  commitment(@Root() reservation: NameReservation) {
    const version = reservation.commitmentTermsVersion;
    if (version === null || !reservation.commitmentAcceptedAt) return null;
    return {
      termsVersion: version,
      signatoryName: reservation.commitmentSignatoryName ?? '',
      acceptedAt: reservation.commitmentAcceptedAt,
    };
  }

  @FieldResolver(() => NameVerification, {
    nullable: true,
    description: 'For a special name: the verification of the commitment.',
  })
  verification(@Root() reservation: NameReservation, @Ctx() ctx: RequestContext) {
    if (!reservation.verificationStatus || !reservation.verificationDueBy) return null;
    return {
      status: reservation.verificationStatus,
      dueBy: reservation.verificationDueBy,
      overdue: reservations.verificationOverdue(reservation, ctx.deps.clock.now()),
      note: reservation.verificationNote,
      decidedAt: reservation.verificationDecidedAt,
    };
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The applicant. Visible to the applicant itself, officials and administrators.',
  })
  applicant(@Root() reservation: NameReservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(userById).load(reservation.applicantId);
  }
}

@Resolver(() => NameCommitment)
export class NameCommitmentFieldsResolver {
  @FieldResolver(() => CommitmentTermsType, { description: 'The terms accepted, in the version accepted.' })
  async terms(@Root() commitment: { termsVersion: number }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(commitmentTermsByVersion).load(commitment.termsVersion);
  }
}

@Resolver(() => CommitmentTermsType)
export class CommitmentTermsFieldsResolver {
  @FieldResolver(() => String, { description: "The text in the caller's language." })
  text(@Root() terms: CommitmentTerms, @Ctx() ctx: RequestContext): string {
    return ctx.locale === 'EN' ? terms.textEn : terms.textZh;
  }
}
