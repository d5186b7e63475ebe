import { IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { District, EnterpriseKind } from '../../shared/graphql/reference.types.js';
import { IdempotencyKeyField } from '../../shared/idempotency/idempotency.js';
import type { ProhibitedCategory } from './rules/index.js';
import { NameVerificationOutcome, ProhibitedWordCategory, SpecialWordScope } from './names.types.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';

@InputType({ description: 'A proposed enterprise name and what the rules need to judge it.' })
export class CheckEnterpriseNameInput {
  @Field({
    description:
      'The full name, e.g. 青岛海川智能科技有限公司 (brackets, spaces and traditional characters are normalised).',
  })
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field(() => District, {
    nullable: true,
    description:
      'The district where the enterprise will register: conflicts are looked for in its registering authority (in every district when absent), and a district in the name must be this one.',
  })
  @IsOptional()
  district?: District | null;

  @Field(() => String, {
    nullable: true,
    description: 'The GB/T 4754-2017 division code of the main business, e.g. "I65".',
  })
  @IsOptional()
  @MaxLength(10)
  industry?: string | null;

  @Field(() => EnterpriseKind, {
    nullable: true,
    description: 'The kind of enterprise: the organisation form must fit it.',
  })
  @IsOptional()
  kind?: EnterpriseKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the enterprise will be foreign-invested (（中国） is allowed only then).',
  })
  @IsOptional()
  foreignInvested?: boolean | null;
}

@InputType({ description: "The applicant's written commitment, needed to be granted a special name at once." })
export class NameCommitmentInput {
  @Field(() => Int, {
    description: 'The version of the commitment terms read and accepted (NameCheck.commitmentTerms.version).',
  })
  termsVersion!: number;

  @Field({ description: 'Whether the applicant accepts the terms; must be true.' })
  accepted!: boolean;

  @Field({ description: 'The name of the person signing the commitment.' })
  @MaxLength(100)
  signatoryName!: string;
}

@InputType({ description: 'The name to reserve and the enterprise it is for.' })
export class ReserveEnterpriseNameInput {
  @Field({ description: 'The full name.' })
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field(() => District, { description: 'The district (registering authority) where the enterprise will register.' })
  district!: District;

  @Field(() => String, {
    nullable: true,
    description: 'The GB/T 4754-2017 division code of the main business, e.g. "I65".',
  })
  @IsOptional()
  @MaxLength(10)
  industry?: string | null;

  @Field(() => EnterpriseKind, { description: 'The kind of enterprise.' })
  kind!: EnterpriseKind;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Whether the enterprise will be foreign-invested.',
  })
  @IsOptional()
  foreignInvested?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Whether the business needs a prior approval before registration: the name is then kept 12 months instead of 2.',
  })
  @IsOptional()
  priorApprovalRequired?: boolean | null;

  @Field(() => NameCommitmentInput, { nullable: true, description: 'Required for a special name; ignored otherwise.' })
  @IsOptional()
  @ValidateNested()
  commitment?: NameCommitmentInput | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: "An official's finding on a special name's commitment." })
export class RecordNameVerificationInput {
  @Field(() => ID, { description: 'Global ID of the name reservation.' })
  id!: string;

  @Field(() => NameVerificationOutcome, { description: 'COMPLIANT or FALSE_COMMITMENT.' })
  outcome!: NameVerificationOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'The finding; required for FALSE_COMMITMENT (the applicant reads it).',
  })
  @IsOptional()
  @MaxLength(2000)
  @MultiLineText()
  note?: string | null;
}

@InputType({ description: 'A word to add to the prohibited list.' })
export class AddProhibitedWordInput {
  @Field({ description: 'The word (Chinese characters).' })
  @IsNotEmpty()
  @MaxLength(50)
  word!: string;

  @Field(() => ProhibitedWordCategory, { description: 'The kind of harm it does.' })
  category!: ProhibitedCategory;
}

@InputType({ description: 'A word to take off the prohibited list.' })
export class RemoveProhibitedWordInput {
  @Field({ description: 'The word.' })
  @IsNotEmpty()
  @MaxLength(50)
  word!: string;
}

@InputType({ description: 'A word to add to the special-word list.' })
export class AddSpecialWordInput {
  @Field({ description: 'The word (Chinese characters).' })
  @IsNotEmpty()
  @MaxLength(50)
  word!: string;

  @Field(() => SpecialWordScope, { description: 'Where it makes a name special.' })
  scope!: SpecialWordScope;

  @Field({ defaultValue: false, description: 'Whether, inside a name, it may only qualify the industry.' })
  qualifierOnlyInside!: boolean;
}

@InputType({ description: 'A word to take off the special-word list.' })
export class RemoveSpecialWordInput {
  @Field({ description: 'The word.' })
  @IsNotEmpty()
  @MaxLength(50)
  word!: string;
}

@InputType({ description: 'A new version of the commitment terms.' })
export class PublishCommitmentTermsInput {
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

@InputType({ description: "The names module's adjustable figures." })
export class UpdateNameSettingsInput {
  @Field(() => Int, {
    description: "Working days after the grant within which a special name's commitment is verified (1–250).",
  })
  verificationWindowWorkingDays!: number;
}
