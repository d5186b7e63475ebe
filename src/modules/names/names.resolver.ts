import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { onReplica } from '../../db/replicas.js';
import type { RequestContext } from '../../shared/context.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { EnterpriseNameParts } from '../../shared/graphql/reference.types.js';
import { UserType, userById } from '../accounts/index.js';
import { checkEnterpriseName, industryView } from './check.service.js';
import { toGlobalId } from '../../shared/ids.js';
import * as exceptions from './exceptions.service.js';
import {
  CommitmentTerms,
  NameReservation,
  NameSettings,
  UndertakingTerms,
  type DistrictValue,
  type NameTransfer,
} from './names.entity.js';
import {
  AddDivisionNameExceptionInput,
  ConsentToNameTransferInput,
  PublishSimilarNameUndertakingTermsInput,
  RemoveDivisionNameExceptionInput,
  AddProhibitedWordInput,
  AddSpecialWordInput,
  CheckEnterpriseNameInput,
  CheckEnterpriseNamesInput,
  MAX_NAMES_PER_CHECK,
  NameVerificationQueueFilter,
  ProhibitedWordFilter,
  PublishCommitmentTermsInput,
  RecordNameVerificationInput,
  RemoveProhibitedWordInput,
  RemoveSpecialWordInput,
  ReserveEnterpriseNameInput,
  UpdateNameSettingsInput,
} from './names.inputs.js';
import { commitmentTermsByVersion, undertakingTermsByVersion } from './names.loaders.js';
import {
  AddDivisionNameExceptionPayload,
  ConsentToNameTransferPayload,
  DivisionNameExceptionType,
  NameInvestmentRelation,
  NameTransferType,
  NameUndertaking,
  PublishSimilarNameUndertakingTermsPayload,
  RemoveDivisionNameExceptionPayload,
  UndertakingTermsType,
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
import { parseName } from './rules/index.js';
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
    return onReplica(() =>
      checkEnterpriseName(ctx, { ...input, district: input.district as DistrictValue | null | undefined }),
    );
  }

  @Authorized('SCOPE:NAMES_READ', REGISTRY)
  @Query(() => [NameCheck], {
    complexity: ({ args, childComplexity }) =>
      Math.max(args.input?.names?.length ?? 1, 1) * (COST.nameCheck + childComplexity),
    description: `Checks up to ${MAX_NAMES_PER_CHECK} proposed names in one operation, each exactly as \`checkEnterpriseName\` would, answered in the order given. Cost: ${COST.nameCheck} points a name. Role: partner API key with NAMES_READ, OFFICIAL of MARKET_REGULATION.`,
  })
  async checkEnterpriseNames(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CheckEnterpriseNamesInput, { description: 'The names to check.' })
    input: CheckEnterpriseNamesInput,
  ) {
    const checks = [];
    // One after another: each check is a similarity search, and the batch is priced for that.
    for (const name of input.names) {
      checks.push(
        await checkEnterpriseName(ctx, { ...name, district: name.district as DistrictValue | null | undefined }),
      );
    }
    return checks;
  }

  @Query(() => UndertakingTermsType, {
    description:
      'The undertaking on similar names every reservation gives (规定 Art. 16(3)): the current version, or the version asked for. Public.',
  })
  async similarNameUndertakingTerms(
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true, description: 'A past version; the current one when absent.' })
    version?: number | null,
  ) {
    if (version === null || version === undefined) return (await reference.namesReference(ctx)).undertaking;
    return (
      (await ctx.loaders.get(undertakingTermsByVersion).load(version)) ??
      (await reference.namesReference(ctx)).undertaking
    );
  }

  @Authorized('ADMIN', REGISTRY)
  @Query(() => [DivisionNameExceptionType], {
    description:
      'The division names with another meaning that a trade name may be (规定 Art. 8; a short list, by word). Role: ADMIN, OFFICIAL (MARKET_REGULATION).',
  })
  async divisionNameExceptions(@Ctx() ctx: RequestContext) {
    return (await reference.namesReference(ctx)).divisionNameExceptionRows;
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
    @Arg('filter', () => NameVerificationQueueFilter, { nullable: true, description: 'Only these.' })
    filter?: NameVerificationQueueFilter,
  ) {
    return reservations.listVerificationQueue(ctx, filter ?? {}, page);
  }

  @Authorized('ADMIN', REGISTRY)
  @Query(() => ProhibitedWordConnection, {
    description: 'The prohibited-word list, by word. Role: ADMIN, OFFICIAL (MARKET_REGULATION).',
  })
  prohibitedWords(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => ProhibitedWordFilter, { nullable: true, description: 'Only these.' })
    filter?: ProhibitedWordFilter,
  ) {
    return reference.listProhibitedWords(ctx, filter?.category ?? null, page);
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
      similarNameUndertaking: input.similarNameUndertaking ?? null,
      investmentRelation: input.investmentRelation ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    return { reservation };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => ConsentToNameTransferPayload, {
    description:
      'Consents, for a registered enterprise the viewer acts for, to transfer its name to the account with the given e-mail (规定 Art. 15). Until validUntil that account may reserve the identical name; once a registration uses it, the enterprise must change its own name. Role: APPLICANT acting for the enterprise.',
  })
  async consentToNameTransfer(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConsentToNameTransferInput, { description: 'The enterprise, the transferee and the validity.' })
    input: ConsentToNameTransferInput,
  ) {
    const transfer = await exceptions.consentToNameTransfer(ctx, {
      enterpriseId: input.enterpriseId,
      transfereeEmail: input.transfereeEmail,
      validUntil: input.validUntil ?? null,
    });
    return { transfer: transferView(transfer) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => AddDivisionNameExceptionPayload, {
    description:
      'Lists a division name as a word with another meaning (规定 Art. 8): a trade name may then be it. Checks use it at once. Role: ADMIN.',
  })
  async addDivisionNameException(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddDivisionNameExceptionInput, { description: 'The word and its other meaning.' })
    input: AddDivisionNameExceptionInput,
  ) {
    return { divisionNameException: await reference.addDivisionNameException(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => RemoveDivisionNameExceptionPayload, {
    description: 'Takes a word off the division-name exception list. Role: ADMIN.',
  })
  async removeDivisionNameException(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveDivisionNameExceptionInput, { description: 'The word.' })
    input: RemoveDivisionNameExceptionInput,
  ) {
    return { divisionNameException: await reference.removeDivisionNameException(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => PublishSimilarNameUndertakingTermsPayload, {
    description:
      'Publishes a new version of the undertaking on similar names (规定 Art. 16(3)). Undertakings given keep their version; new reservations must accept this one. Role: ADMIN.',
  })
  async publishSimilarNameUndertakingTerms(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishSimilarNameUndertakingTermsInput, { description: 'The text in both languages.' })
    input: PublishSimilarNameUndertakingTermsInput,
  ) {
    return { undertakingTerms: await reference.publishUndertakingTerms(ctx, input) };
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

  @FieldResolver(() => NameUndertaking, {
    nullable: true,
    description:
      'The undertaking on similar names given with the reservation (规定 Art. 16(3)); null only for reservations made before it was recorded.',
  })
  similarNameUndertaking(@Root() reservation: NameReservation) {
    const version = reservation.undertakingTermsVersion;
    if (version === null || !reservation.undertakingAcceptedAt) return null;
    return {
      termsVersion: version,
      signatoryName: reservation.undertakingSignatoryName ?? '',
      acceptedAt: reservation.undertakingAcceptedAt,
    };
  }

  @FieldResolver(() => NameInvestmentRelation, {
    nullable: true,
    description:
      'The investment relationship that let an identical registered name pass (规定 Art. 17); registration checks it at confirmation.',
  })
  investmentRelation(@Root() reservation: NameReservation) {
    const relation = exceptions.investmentRelationOf(reservation);
    return relation ? { ...relation, enterpriseId: toGlobalId('Enterprise', relation.enterpriseId) } : null;
  }

  @FieldResolver(() => NameTransferType, {
    nullable: true,
    description: "The holder's consent to transfer the name that let this identical name pass (规定 Art. 15).",
  })
  nameTransfer(@Root() reservation: NameReservation) {
    return reservation.nameTransfer ? transferView(reservation.nameTransfer) : null;
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The applicant. Visible to the applicant itself, officials and administrators.',
  })
  applicant(@Root() reservation: NameReservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(userById).load(reservation.applicantId);
  }
}

@Resolver(() => NameUndertaking)
export class NameUndertakingFieldsResolver {
  @FieldResolver(() => UndertakingTermsType, { description: 'The text accepted, in the version accepted.' })
  async terms(@Root() undertaking: { termsVersion: number }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(undertakingTermsByVersion).load(undertaking.termsVersion);
  }
}

@Resolver(() => UndertakingTermsType)
export class UndertakingTermsFieldsResolver {
  @FieldResolver(() => String, { description: "The text in the caller's language." })
  text(@Root() terms: UndertakingTerms, @Ctx() ctx: RequestContext): string {
    return ctx.locale === 'EN' ? terms.textEn : terms.textZh;
  }
}

function transferView(transfer: NameTransfer) {
  return { ...transfer, enterpriseId: toGlobalId('Enterprise', transfer.enterpriseId) };
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
