import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { District, EnterpriseKind } from '../../shared/graphql/reference.types.js';
import { IdempotencyKeyField } from '../../shared/idempotency/idempotency.js';
import type { ProhibitedCategory } from './rules/index.js';
import {
  InvestmentRelationship,
  NameVerificationOutcome,
  ProhibitedWordCategory,
  SpecialWordScope,
} from './names.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';

@InputType({
  description:
    'An investment relationship with the registered enterprise that holds the identical name (规定 Art. 17): that name then does not block this one. Only the person acting for that enterprise may claim it (its consent).',
})
export class NameInvestmentRelationInput {
  @Field(() => ID, { description: 'Global ID of the registered enterprise (one the viewer acts for).' })
  @MaxLength(200)
  enterpriseId!: string;

  @Field(() => InvestmentRelationship, { description: 'Which way the investment runs.' })
  relationship!: InvestmentRelationship;
}

/** Names one `checkEnterpriseNames` may check. */
export const MAX_NAMES_PER_CHECK = 100;

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

  @Field(() => NameInvestmentRelationInput, {
    nullable: true,
    description:
      'An investment relationship with the registered enterprise holding the identical name: honoured when the viewer acts for that enterprise, otherwise the conflict stands.',
  })
  @IsOptional()
  @ValidateNested()
  investmentRelation?: NameInvestmentRelationInput | null;
}

@InputType({
  description:
    "The applicant's written undertaking on similar names (规定 Art. 16(3)), needed for every reservation: to bear the liability should the name prove confusingly similar to an existing one.",
})
export class SimilarNameUndertakingInput {
  @Field(() => Int, {
    description: 'The version of the undertaking read and accepted (NameCheck.similarNameUndertakingTerms.version).',
  })
  termsVersion!: number;

  @Field({ description: 'Whether the applicant accepts it; must be true.' })
  accepted!: boolean;

  @Field({ description: 'The name of the person signing it.' })
  @MaxLength(100)
  signatoryName!: string;
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

  @Field(() => SimilarNameUndertakingInput, {
    nullable: true,
    description:
      'The undertaking on similar names (规定 Art. 16(3)). Required: a reservation without it is refused with COMMITMENT_REQUIRED (nullable in the schema only so that existing clients still parse).',
  })
  @IsOptional()
  @ValidateNested()
  similarNameUndertaking?: SimilarNameUndertakingInput | null;

  @Field(() => NameInvestmentRelationInput, {
    nullable: true,
    description:
      'An investment relationship with the registered enterprise holding the identical name (规定 Art. 17); the viewer must act for that enterprise.',
  })
  @IsOptional()
  @ValidateNested()
  investmentRelation?: NameInvestmentRelationInput | null;

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

@InputType({ description: "A registered enterprise's consent to transfer its name (规定 Art. 15)." })
export class ConsentToNameTransferInput {
  @Field(() => ID, { description: 'Global ID of the enterprise (one the viewer acts for).' })
  @MaxLength(200)
  enterpriseId!: string;

  @Field({ description: "The e-mail of the transferee's account." })
  @IsNotEmpty()
  @MaxLength(320)
  transfereeEmail!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The last day (Asia/Shanghai) the transferee may reserve the name: at most a year ahead; 2 months when absent.',
  })
  @IsOptional()
  validUntil?: string | null;
}

@InputType({ description: 'A division name with another meaning to add to the exception list (规定 Art. 8).' })
export class AddDivisionNameExceptionInput {
  @Field({ description: 'The word: the name (or short name) of a division outside Qingdao.' })
  @IsNotEmpty()
  @MaxLength(50)
  word!: string;

  @Field({ description: 'Its other meaning.' })
  @IsNotEmpty()
  @MaxLength(200)
  meaning!: string;
}

@InputType({ description: 'A word to take off the division-name exception list.' })
export class RemoveDivisionNameExceptionInput {
  @Field({ description: 'The word.' })
  @IsNotEmpty()
  @MaxLength(50)
  word!: string;
}

@InputType({ description: 'A new version of the undertaking on similar names.' })
export class PublishSimilarNameUndertakingTermsInput {
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

@InputType({ description: 'Names to check in one operation (NAMES_READ).' })
export class CheckEnterpriseNamesInput {
  @Field(() => [CheckEnterpriseNameInput], { description: 'From 1 to 100 names, each as for `checkEnterpriseName`.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NAMES_PER_CHECK)
  @ValidateNested()
  names!: CheckEnterpriseNameInput[];
}

@InputType({ description: 'Which special names awaiting verification.' })
export class NameVerificationQueueFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only overdue ones (true) or only those still in time (false).',
  })
  overdue?: boolean | null;
}

@InputType({ description: 'Which prohibited words.' })
export class ProhibitedWordFilter {
  @Field(() => ProhibitedWordCategory, { nullable: true, description: 'Only this category.' })
  category?: ProhibitedCategory | null;
}
