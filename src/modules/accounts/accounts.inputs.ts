import { ArrayMaxSize, IsEmail, IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ApiScope, Department, LocaleCode, Role } from '../../shared/graphql/common.types.js';
import { IdempotencyKeyField } from '../../shared/idempotency/idempotency.js';
import type {
  ApiScope as ApiScopeValue,
  Department as DepartmentValue,
  Role as RoleValue,
} from '../../shared/viewer.js';
import { OrganisationKindEnum } from './accounts.types.js';

@InputType({ description: 'A new applicant account.' })
export class SignUpInput {
  @Field({ description: 'Email address; the sign-in name.' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'At least 10 characters with letters and digits.' })
  @IsNotEmpty()
  password!: string;

  @Field({ description: 'Name shown to officials and banks.' })
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @Field(() => LocaleCode, { defaultValue: LocaleCode.ZH_CN, description: 'Preferred language.' })
  locale!: LocaleCode;

  @Field({ defaultValue: false, description: 'Whether the applicant is a foreign investor.' })
  foreignInvestor!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Email and password.' })
export class SignInInput {
  @Field({ description: 'Email address.' })
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Password.' })
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

@InputType({ description: 'The current password and a new one. Other sessions are signed out.' })
export class ChangePasswordInput {
  @Field({ description: 'The current password.' })
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword!: string;

  @Field({ description: 'The new password: at least 10 characters with letters and digits.' })
  @IsNotEmpty()
  newPassword!: string;
}

@InputType({ description: 'A staff account, created by an administrator.' })
export class CreateStaffAccountInput {
  @Field({ description: 'Email address; the sign-in name.' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Name shown to others.' })
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @Field({ description: 'Initial password; the person should change it at first sign-in.' })
  @IsNotEmpty()
  password!: string;

  @Field(() => Role, { description: 'BANK_OFFICER, HOST_AGENT, OFFICIAL or ADMIN.' })
  role!: RoleValue;

  @Field(() => Department, { nullable: true, description: 'Required for an OFFICIAL, not allowed otherwise.' })
  @IsOptional()
  department?: DepartmentValue | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for a BANK_OFFICER (a bank) and a HOST_AGENT (a law or accounting firm).',
  })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => LocaleCode, { defaultValue: LocaleCode.ZH_CN, description: 'Preferred language.' })
  locale!: LocaleCode;

  @Field({
    defaultValue: false,
    description:
      "Whether the account administers its organisation: manages the organisation's API keys. Only for a BANK_OFFICER or HOST_AGENT.",
  })
  organisationAdmin!: boolean;
}

@InputType({ description: 'A bank, law firm or accounting firm.' })
export class CreateOrganisationInput {
  @Field(() => OrganisationKindEnum, { description: 'Its kind.' })
  kind!: OrganisationKindEnum;

  @Field({ description: 'Registered name, unique on the platform.' })
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (18 characters).' })
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc?: string | null;
}

@InputType({
  description:
    "A key for a partner system. An organisation's administrator creates keys of its organisation, with the scopes its kind allows.",
})
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. the partner and system.' })
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field(() => [ApiScope], { description: 'What the key may read; at least one.' })
  @ArrayMaxSize(10)
  scopes!: ApiScopeValue[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working; never when absent.' })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType({ description: 'The key whose secret to replace, and how long the old secret keeps working.' })
export class RotateApiKeyInput {
  @Field(() => ID, { description: 'Global ID of the key.' })
  id!: string;

  @Field(() => Int, {
    defaultValue: 24,
    description:
      'Hours the previous secret keeps working beside the new one, 0 to 168 (default 24): time to deploy the new secret. 0 stops it at once.',
  })
  overlapHours!: number;
}

@InputType({
  description: "A key's new name and/or expiry; a field left out keeps its value. The key's scopes and secret stay.",
})
export class UpdateApiKeyInput {
  @Field(() => ID, { description: 'Global ID of the key.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The new name (not empty, at most 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  name?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key stops working (in the future); null: never. Left out: unchanged.',
  })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType({ description: 'The key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'Global ID of the key.' })
  id!: string;
}

@InputType({ description: 'Which organisations.' })
export class OrganisationFilter {
  @Field(() => OrganisationKindEnum, { nullable: true, description: 'Only this kind.' })
  kind?: OrganisationKindEnum | null;
}
