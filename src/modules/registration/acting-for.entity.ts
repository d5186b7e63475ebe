import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../accounts/index.js';
import { Enterprise } from './registration.entity.js';

// Acting for an enterprise (帮办代办): an agent of an enterprise invites another account, named by its
// e-mail, to act for it too (an accountant or agency then files for several enterprises). The
// invitation names an e-mail, not an account, so that a person without an account yet can sign up
// and accept it; it is matched against the e-mail of the account that signs in.

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED'] as const;
export type InvitationStatusValue = (typeof INVITATION_STATUSES)[number];

@Entity({ tableName: 'enterprise_agent_invitations' })
@Index({ name: 'enterprise_agent_invitations_enterprise_idx', properties: ['enterprise', 'status', 'invitedAt'] })
@Index({ name: 'enterprise_agent_invitations_email_idx', properties: ['email', 'status', 'invitedAt', 'id'] })
export class EnterpriseAgentInvitation {
  [OptionalProps]?: 'status' | 'decidedAt' | 'acceptedBy' | 'revokedBy' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Enterprise)
  enterprise!: Enterprise;

  /** The invitee's e-mail, lower-cased. */
  @Property({ type: 'string', length: 320 })
  email!: string;

  @ManyToOne(() => User)
  invitedBy!: User;

  @Property({ type: 'datetime' })
  invitedAt!: Date;

  /** A pending invitation is effectively expired from this instant on (invitationState below). */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Enum({ items: [...INVITATION_STATUSES] })
  status: InvitationStatusValue = 'PENDING';

  /** When it was accepted or revoked. */
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  acceptedBy: User | null = null;

  @ManyToOne(() => User, { nullable: true })
  revokedBy: User | null = null;

  @Property({ version: true })
  version: number = 1;
}

/** The one rule for "effectively expired": pending, and its time is up. Every read uses it. */
export function invitationState(
  invitation: Pick<EnterpriseAgentInvitation, 'status' | 'expiresAt'>,
  now: Date,
): InvitationStatusValue | 'EXPIRED' {
  return invitation.status === 'PENDING' && invitation.expiresAt <= now ? 'EXPIRED' : invitation.status;
}

/** The settings of acting for an enterprise an administrator may change (one row). */
@Entity({ tableName: 'registration_settings' })
export class RegistrationSettings {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  /** Days an invitation to act for an enterprise stays open (default 14). */
  @Property({ type: 'integer' })
  agentInvitationValidDays!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
