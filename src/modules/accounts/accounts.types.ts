import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { ApiScope, Department, LocaleCode, Role, UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import type {
  ApiScope as ApiScopeValue,
  Department as DepartmentValue,
  Role as RoleValue,
} from '../../shared/viewer.js';

export enum OrganisationKindEnum {
  BANK = 'BANK',
  LAW_FIRM = 'LAW_FIRM',
  ACCOUNTING_FIRM = 'ACCOUNTING_FIRM',
}
registerEnumType(OrganisationKindEnum, {
  name: 'OrganisationKind',
  description: 'What kind of organisation a staff account works for.',
  valuesConfig: {
    BANK: { description: 'A bank (金企通 financing).' },
    LAW_FIRM: { description: 'A law firm (hosted registered addresses).' },
    ACCOUNTING_FIRM: { description: 'An accounting firm (hosted registered addresses).' },
  },
});

@ObjectType('Organisation', {
  implements: Node,
  description: 'A bank, law firm or accounting firm whose staff use the platform.',
})
export class OrganisationType extends Node {
  @Field(() => OrganisationKindEnum, { description: 'Bank, law firm or accounting firm.' })
  kind!: OrganisationKindEnum;

  @Field({ description: 'Registered name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code, when known.' })
  uscc!: string | null;
}

@ObjectType('User', { implements: Node, description: 'A person with an account.' })
export class UserType extends Node {
  @Field(() => String, {
    nullable: true,
    description: 'Email (sign-in name). Only the user and administrators see it.',
  })
  email!: string | null;

  @Field({ description: 'Name shown to others.' })
  displayName!: string;

  @Field(() => Role, { description: 'What the account may do.' })
  role!: RoleValue;

  @Field(() => Department, { nullable: true, description: 'For officials: their department.' })
  department!: DepartmentValue | null;

  @Field(() => OrganisationType, {
    nullable: true,
    description: 'For bank officers and host agents: their organisation.',
  })
  organisation!: OrganisationType | null;

  @Field(() => LocaleCode, { description: 'Preferred language.' })
  locale!: LocaleCode;

  @Field({ description: 'Whether the applicant is a foreign investor.' })
  foreignInvestor!: boolean;

  @Field({
    description:
      "Whether the user administers its organisation: manages the organisation's API keys (`apiKeys`, `createApiKey`, `rotateApiKey`, `revokeApiKey`).",
  })
  organisationAdmin!: boolean;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType('ApiKey', { implements: Node, description: 'A key a partner system authenticates with.' })
export class ApiKeyType extends Node {
  @Field({ description: 'What the key is for.' })
  name!: string;

  @Field({ description: 'First characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => [ApiScope], { description: 'What the key may read.' })
  scopes!: ApiScopeValue[];

  @Field(() => Date, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key stops working, if ever.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked.' })
  revokedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key was last used (recorded at most once a minute, so up to a minute early); null if never.',
  })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the secret was last rotated; null if never.' })
  rotatedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'After a rotation: until when the previous secret still works; null when it no longer does.',
  })
  previousSecretValidUntil!: Date | null;
}

@ObjectType('ApiKeyDailyUse', { description: 'How many requests a key made on one day.' })
export class ApiKeyDailyUseType {
  @Field(() => DateScalar, { description: 'The day (Asia/Shanghai).' })
  day!: string;

  @Field(() => Int, {
    description: 'Requests authenticated with the key that day (added in batches, up to a minute late).',
  })
  requests!: number;
}

@ObjectType({ description: 'Who is calling: a signed-in user, a partner API key, or neither (then `viewer` is null).' })
export class Viewer {
  @Field(() => UserType, { nullable: true, description: 'The signed-in user.' })
  user!: UserType | null;

  @Field(() => ApiKeyType, { nullable: true, description: 'The API key in use.' })
  apiKey!: ApiKeyType | null;

  @Field(() => Role, { description: "The caller's role." })
  role!: RoleValue;
}

@ObjectType({ description: 'Result of signUp.' })
export class SignUpPayload {
  @Field(() => UserType, { nullable: true, description: 'The new account.' })
  user?: UserType;

  @Field(() => String, { nullable: true, description: 'A session token for `Authorization: Bearer`.' })
  token?: string;

  @Field(() => Date, { nullable: true, description: 'When the session ends.' })
  expiresAt?: Date;

  @Field(() => [UserError], { description: 'Problems that prevented the sign-up.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of signIn.' })
export class SignInPayload {
  @Field(() => UserType, { nullable: true, description: 'The signed-in user.' })
  user?: UserType;

  @Field(() => String, { nullable: true, description: 'A session token for `Authorization: Bearer`.' })
  token?: string;

  @Field(() => Date, { nullable: true, description: 'When the session ends.' })
  expiresAt?: Date;

  @Field(() => [UserError], { description: 'Problems that prevented the sign-in.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of signOut.' })
export class SignOutPayload {
  @Field(() => Boolean, { nullable: true, description: 'True when the session was revoked.' })
  signedOut?: boolean;

  @Field(() => [UserError], { description: 'Problems that prevented the sign-out.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of changePassword.' })
export class ChangePasswordPayload {
  @Field(() => UserType, { nullable: true, description: 'The user whose password changed.' })
  user?: UserType;

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of createStaffAccount.' })
export class CreateStaffAccountPayload {
  @Field(() => UserType, { nullable: true, description: 'The new staff account.' })
  user?: UserType;

  @Field(() => [UserError], { description: 'Problems that prevented the creation.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of createOrganisation.' })
export class CreateOrganisationPayload {
  @Field(() => OrganisationType, { nullable: true, description: 'The new organisation.' })
  organisation?: OrganisationType;

  @Field(() => [UserError], { description: 'Problems that prevented the creation.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of createApiKey.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: 'The new key.' })
  apiKey?: ApiKeyType;

  @Field(() => String, { nullable: true, description: 'The secret, shown this once: store it now.' })
  secret?: string;

  @Field(() => [UserError], { description: 'Problems that prevented the creation.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of rotateApiKey.' })
export class RotateApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: 'The key, with its new prefix.' })
  apiKey?: ApiKeyType;

  @Field(() => String, { nullable: true, description: 'The new secret, shown this once: store it now.' })
  secret?: string;

  @Field(() => [UserError], {
    description: 'Problems that prevented the rotation; nothing changed when there are any.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateApiKey.' })
export class UpdateApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: 'The key as changed.' })
  apiKey?: ApiKeyType;

  @Field(() => [UserError], { description: 'Problems that prevented the change (nothing was changed).' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: 'The revoked key.' })
  apiKey?: ApiKeyType;

  @Field(() => [UserError], { description: 'Problems that prevented the revocation.' })
  userErrors!: UserError[];
}

export const OrganisationConnection = ConnectionType(OrganisationType, 'Organisation', 'organisation');
export const ApiKeyConnection = ConnectionType(ApiKeyType, 'ApiKey', 'API key');

export const UserConnection = ConnectionType(UserType, 'User', 'user account');
