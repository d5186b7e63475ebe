import { IsNotEmpty, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { UserError } from '../../shared/graphql/common.types.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';
import type { RegistrationCommitmentTermsVersion } from './commitment-terms.entity.js';
import * as admin from './registration-admin.service.js';
import { RegistrationCommitmentTerms, RegistrationKind } from './registration.types.js';

// What an administrator keeps for the registration service (the console's settings and texts).

@ObjectType('RegistrationSettings', {
  description: 'The figures of the registration service an administrator may change.',
})
export class RegistrationSettingsType {
  @Field(() => Int, {
    description:
      'Days an invitation to act for an enterprise stays open (default 14). Invitations already sent keep their expiry.',
  })
  agentInvitationValidDays!: number;

  @Field(() => Date, { description: 'When they were last changed.' })
  updatedAt!: Date;
}

@InputType({ description: 'The new figures of the registration service.' })
export class UpdateRegistrationSettingsInput {
  @Field(() => Int, { description: 'Days an invitation sent from now on stays open (1–90).' })
  agentInvitationValidDays!: number;
}

@ObjectType({ description: 'Result of updateRegistrationSettings.' })
export class UpdateRegistrationSettingsPayload {
  @Field(() => RegistrationSettingsType, { nullable: true, description: 'The settings now in force.' })
  settings?: RegistrationSettingsType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@InputType({ description: 'The next version of a registration commitment text, in both languages.' })
export class PublishRegistrationCommitmentTermsInput {
  @Field(() => RegistrationKind, { description: 'The kind of application the text is signed for.' })
  kind!: RegistrationKind;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'With DEREGISTRATION: the investors’ promise a simplified-deregistration notice is published with, instead of the application’s commitment.',
  })
  simplifiedNotice?: boolean | null;

  @Field({ description: 'The text in Chinese.' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  textZh!: string;

  @Field({ description: 'The text in English.' })
  @IsNotEmpty()
  @MaxLength(10000)
  @MultiLineText()
  textEn!: string;
}

@ObjectType({ description: 'Result of publishRegistrationCommitmentTerms.' })
export class PublishRegistrationCommitmentTermsPayload {
  @Field(() => RegistrationCommitmentTerms, { nullable: true, description: 'The new version in force.' })
  commitmentTerms?: RegistrationCommitmentTerms;

  @Field(() => [UserError], { description: 'Problems that prevented publishing.' })
  userErrors!: UserError[];
}

function termsView(kind: RegistrationKind, terms: RegistrationCommitmentTermsVersion): RegistrationCommitmentTerms {
  const { version, number, textZh, textEn, publishedAt } = terms;
  return { kind, version, number, textZh, textEn, publishedAt };
}

@Resolver()
export class RegistrationAdminResolver {
  @Query(() => RegistrationCommitmentTerms, {
    description:
      'The credit commitment text an application of this kind is submitted with: the version in force, or an earlier one by its number. Public.',
  })
  async registrationCommitmentTerms(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => RegistrationKind, { description: 'Kind of application.' }) kind: RegistrationKind,
    @Arg('simplifiedNotice', () => Boolean, {
      nullable: true,
      description:
        'With DEREGISTRATION: the investors’ promise a simplified-deregistration notice is published with (startSimplifiedDeregistrationNotice), so it can be read before it is given.',
    })
    simplifiedNotice?: boolean | null,
    @Arg('number', () => Int, { nullable: true, description: 'An earlier version (absent: the one in force).' })
    number?: number | null,
  ) {
    const text = admin.commitmentTextOf(kind, simplifiedNotice ?? false);
    const terms =
      number == null
        ? await admin.currentCommitmentTerms(ctx.em, text)
        : await admin.commitmentTermsVersion(ctx.em, text, number);
    if (!terms) throw notFound(ctx.locale);
    return termsView(kind, terms);
  }

  @Query(() => RegistrationSettingsType, { description: 'The figures of the registration service in force. Public.' })
  registrationSettings(@Ctx() ctx: RequestContext) {
    return admin.registrationSettings(ctx);
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => UpdateRegistrationSettingsPayload, {
    description:
      'Changes how long invitations to act for an enterprise sent from now on stay open; those already sent keep their expiry. Role: ADMIN.',
  })
  async updateRegistrationSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateRegistrationSettingsInput, { description: 'The new figures.' })
    input: UpdateRegistrationSettingsInput,
  ) {
    return { settings: await admin.updateRegistrationSettings(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => PublishRegistrationCommitmentTermsPayload, {
    description:
      'Publishes the next version of a registration commitment text. Applicants read and sign it from now on; applications and notices already submitted keep the version they signed. Role: ADMIN.',
  })
  async publishRegistrationCommitmentTerms(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PublishRegistrationCommitmentTermsInput, { description: 'Which text, in both languages.' })
    input: PublishRegistrationCommitmentTermsInput,
  ) {
    const terms = await admin.publishCommitmentTerms(ctx, {
      kind: input.kind,
      simplifiedNotice: input.simplifiedNotice ?? false,
      textZh: input.textZh,
      textEn: input.textEn,
    });
    return { commitmentTerms: termsView(input.kind, terms) };
  }
}
