import { IsNotEmpty, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { EnterpriseType } from './registration.types.js';

// The GraphQL shapes of acting for an enterprise (帮办代办).

export enum EnterpriseAgentInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(EnterpriseAgentInvitationStatus, {
  name: 'EnterpriseAgentInvitationStatus',
  description: 'Where an invitation to act for an enterprise stands.',
  valuesConfig: {
    PENDING: { description: 'Open: the invitee may accept it until expiresAt.' },
    ACCEPTED: { description: 'The invitee accepted it and acts for the enterprise.' },
    REVOKED: { description: 'An agent of the enterprise withdrew it before it was accepted.' },
    EXPIRED: { description: 'Nobody accepted it before expiresAt.' },
  },
});

@ObjectType('EnterpriseAgent', {
  description: 'An applicant account that acts for an enterprise (帮办代办: its own staff, an accountant, an agency).',
})
export class EnterpriseAgentType {
  @Field(() => ID, { description: 'Global ID of the account (pass it to removeEnterpriseAgent).' })
  userId!: string;

  @Field({ description: 'The name the account shows.' })
  displayName!: string;

  @Field({ description: "The account's email (shown to the enterprise's other agents)." })
  email!: string;

  @Field({ description: 'Whether this is the viewer.' })
  isViewer!: boolean;
}

@ObjectType('EnterpriseAgentInvitation', {
  implements: Node,
  description:
    "An agent's invitation to another account, named by its email, to act for the enterprise too. Seen by the enterprise's agents and by the account with that email.",
})
export class EnterpriseAgentInvitationType extends Node {
  @Field(() => EnterpriseType, { description: 'The enterprise the invitee would act for (its public facts).' })
  enterprise!: EnterpriseType;

  @Field({ description: 'The email the invitation is addressed to.' })
  email!: string;

  @Field({ description: 'Name of the agent who invited.' })
  invitedByName!: string;

  @Field(() => Date, { description: 'When it was sent.' })
  invitedAt!: Date;

  @Field(() => Date, { description: 'When it stops being open (a setting: 14 days by default).' })
  expiresAt!: Date;

  @Field(() => EnterpriseAgentInvitationStatus, { description: 'Where it stands now.' })
  status!: EnterpriseAgentInvitationStatus;
}

export const EnterpriseAgentInvitationConnection = ConnectionType(
  EnterpriseAgentInvitationType,
  'EnterpriseAgentInvitation',
  'invitation to act for an enterprise',
);

@InputType({ description: 'Whom to invite to act for an enterprise.' })
export class InviteEnterpriseAgentInput {
  @Field(() => ID, { description: 'Global ID of the enterprise (one the viewer acts for).' })
  @MaxLength(200)
  enterpriseId!: string;

  @Field({ description: "The invitee's email: the account that signs in with it may accept." })
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;
}

@InputType({ description: 'The invitation to accept.' })
export class AcceptEnterpriseAgentInvitationInput {
  @Field(() => ID, { description: 'Global ID of the invitation.' })
  @MaxLength(200)
  id!: string;
}

@InputType({ description: 'The invitation to withdraw.' })
export class RevokeEnterpriseAgentInvitationInput {
  @Field(() => ID, { description: 'Global ID of the invitation.' })
  @MaxLength(200)
  id!: string;
}

@InputType({ description: 'The agent to remove from an enterprise.' })
export class RemoveEnterpriseAgentInput {
  @Field(() => ID, { description: 'Global ID of the enterprise (one the viewer acts for).' })
  @MaxLength(200)
  enterpriseId!: string;

  @Field(() => ID, { description: "Global ID of the agent's account (EnterpriseAgent.userId)." })
  @MaxLength(200)
  userId!: string;
}

@ObjectType({ description: 'Result of inviteEnterpriseAgent.' })
export class InviteEnterpriseAgentPayload {
  @Field(() => EnterpriseAgentInvitationType, { nullable: true, description: 'The invitation sent.' })
  invitation?: EnterpriseAgentInvitationType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was sent when there are any.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of acceptEnterpriseAgentInvitation.' })
export class AcceptEnterpriseAgentInvitationPayload {
  @Field(() => EnterpriseAgentInvitationType, { nullable: true, description: 'The invitation, now accepted.' })
  invitation?: EnterpriseAgentInvitationType;

  @Field(() => EnterpriseType, { nullable: true, description: 'The enterprise the viewer now acts for.' })
  enterprise?: EnterpriseType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was changed when there are any.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of revokeEnterpriseAgentInvitation.' })
export class RevokeEnterpriseAgentInvitationPayload {
  @Field(() => EnterpriseAgentInvitationType, { nullable: true, description: 'The invitation, now revoked.' })
  invitation?: EnterpriseAgentInvitationType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was changed when there are any.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removeEnterpriseAgent.' })
export class RemoveEnterpriseAgentPayload {
  @Field(() => EnterpriseType, { nullable: true, description: 'The enterprise as it now stands.' })
  enterprise?: EnterpriseType;

  @Field(() => [UserError], { description: 'Problems that prevented it; nothing was changed when there are any.' })
  userErrors!: UserError[];
}
