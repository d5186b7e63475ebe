import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { DomainError, UserErrorCode, problem, throwIfProblems } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { localIdOf } from '../../shared/ids.js';
import { defineLoader, groupByKeys } from '../../shared/loaders.js';
import { notify, notifyEach } from '../../shared/notifications/notification.service.js';
import { inTransaction } from '../../shared/transaction.js';
import { User } from '../accounts/index.js';
import { EnterpriseAgentInvitation, RegistrationSettings, invitationState } from './acting-for.entity.js';
import { actsFor } from './registration.access.js';
import { Enterprise } from './registration.entity.js';
import './acting-for.messages.js';

// Acting for an enterprise (帮办代办). Any agent of an enterprise may invite another applicant account
// (by e-mail), revoke a pending invitation, and remove another agent while one stays; the invitee
// accepts after signing in. Each step is audited with the enterprise acted for, and every write
// locks the enterprise row first, so two agents acting at once cannot, say, remove each other and
// leave the enterprise with nobody.

export const INVITATION_TYPE = 'EnterpriseAgentInvitation';
const ENTERPRISE_TYPE = 'Enterprise';
const USER_TYPE = 'User';

/** Agents plus open invitations an enterprise may have: keeps both lists short enough to show whole. */
export const MAX_AGENTS = 20;
/** Days an invitation stays open when no administrator has set it. */
export const DEFAULT_INVITATION_VALID_DAYS = 14;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const notFound = (field: string[]) => new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', field));

/** The enterprise a global ID names, locked, when the viewer acts for it; NOT_FOUND on `input.enterpriseId` otherwise. */
async function lockEnterpriseActedFor(tx: RequestContext, globalId: string): Promise<Enterprise> {
  const id = localIdOf(globalId, ENTERPRISE_TYPE);
  const enterprise = id
    ? await tx.em.findOne(Enterprise, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!enterprise || !actsFor(tx.viewer, enterprise)) throw notFound(['input', 'enterpriseId']);
  return enterprise;
}

async function viewerAccount(ctx: RequestContext): Promise<User> {
  return ctx.em.findOneOrFail(User, { id: ctx.viewer.userId! });
}

export async function invitationValidDays(ctx: RequestContext): Promise<number> {
  const settings = await ctx.em.findOne(RegistrationSettings, { id: 1 });
  return settings?.agentInvitationValidDays ?? DEFAULT_INVITATION_VALID_DAYS;
}

async function livePendingInvitations(tx: RequestContext, enterpriseId: string): Promise<EnterpriseAgentInvitation[]> {
  return tx.em.find(EnterpriseAgentInvitation, {
    enterprise: enterpriseId,
    status: 'PENDING',
    expiresAt: { $gt: tx.deps.clock.now() },
  });
}

export interface InviteCommand {
  enterpriseId: string;
  email: string;
}

/** An agent of the enterprise invites the applicant account with this e-mail (or its future owner) to act for it too. */
export async function inviteAgent(ctx: RequestContext, command: InviteCommand): Promise<EnterpriseAgentInvitation> {
  const email = command.email.trim().toLowerCase();
  throwIfProblems(
    EMAIL.test(email) ? [] : [problem(UserErrorCode.INVALID_FORMAT, 'error.invalidEmail', ['input', 'email'])],
  );
  return inTransaction(ctx, async (tx) => {
    const enterprise = await lockEnterpriseActedFor(tx, command.enterpriseId);
    if (enterprise.status !== 'ACTIVE') {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseNotActive', ['input', 'enterpriseId']),
      );
    }
    const inviter = await viewerAccount(tx);
    if (inviter.email.toLowerCase() === email) {
      throw new DomainError(problem(UserErrorCode.INVALID_INPUT, 'registration.agents.selfInvite', ['input', 'email']));
    }
    const invitee = await tx.em.findOne(User, { email });
    if (invitee && enterprise.agentIds.includes(invitee.id)) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'registration.agents.alreadyAgent', ['input', 'email']),
      );
    }
    // Only applicant accounts act for enterprises; staff accounts have their own work.
    if (invitee && invitee.role !== 'APPLICANT') {
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'registration.agents.notApplicant', ['input', 'email']));
    }
    const pending = await livePendingInvitations(tx, enterprise.id);
    if (pending.some((i) => i.email === email)) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'registration.agents.alreadyInvited', ['input', 'email']),
      );
    }
    if (enterprise.agentIds.length + pending.length >= MAX_AGENTS) {
      throw new DomainError(
        problem(UserErrorCode.CAPACITY_REACHED, 'registration.agents.tooMany', ['input', 'email'], { max: MAX_AGENTS }),
      );
    }
    const now = tx.deps.clock.now();
    const days = await invitationValidDays(tx);
    const invitation = tx.em.create(EnterpriseAgentInvitation, {
      enterprise,
      email,
      invitedBy: inviter,
      invitedAt: now,
      expiresAt: new Date(now.getTime() + days * 24 * 3600_000),
    });
    recordAudit(tx, {
      action: 'enterpriseAgent.invite',
      subjectType: INVITATION_TYPE,
      subjectId: invitation.id,
      toState: 'PENDING',
      details: { inviteeUserId: invitee?.id ?? null, expiresAt: invitation.expiresAt.toISOString() },
      actingForEnterpriseId: enterprise.id,
    });
    if (invitee) {
      notify(tx, {
        userId: invitee.id,
        kind: 'ENTERPRISE_AGENT_INVITED',
        subjectType: INVITATION_TYPE,
        subjectId: invitation.id,
        titleKey: 'registration.notify.agentInvited.title',
        bodyKey: 'registration.notify.agentInvited.body',
        params: { name: enterprise.name, inviter: inviter.displayName, days },
      });
    }
    await tx.em.flush();
    return invitation;
  });
}

/** The invitation a global ID names, locked, with its enterprise locked first (the order every write here takes). */
async function lockInvitation(tx: RequestContext, globalId: string): Promise<EnterpriseAgentInvitation | null> {
  const id = localIdOf(globalId, INVITATION_TYPE);
  const found = id ? await tx.em.findOne(EnterpriseAgentInvitation, { id }) : null;
  if (!found) return null;
  await tx.em.findOne(Enterprise, { id: found.enterprise.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  return tx.em.findOne(EnterpriseAgentInvitation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

function refuseUnlessOpen(tx: RequestContext, invitation: EnterpriseAgentInvitation): void {
  const state = invitationState(invitation, tx.deps.clock.now());
  if (state === 'EXPIRED') {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'registration.agents.invitationExpired', ['input', 'id']),
    );
  }
  if (state !== 'PENDING') {
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.agents.invitationUsed', ['input', 'id']));
  }
}

/** The signed-in invitee accepts: it acts for the enterprise from now on. */
export async function acceptInvitation(ctx: RequestContext, globalId: string): Promise<EnterpriseAgentInvitation> {
  return inTransaction(ctx, async (tx) => {
    const invitation = await lockInvitation(tx, globalId);
    const account = await viewerAccount(tx);
    // An invitation addressed to another e-mail is reported as if it did not exist.
    if (!invitation || invitation.email !== account.email.toLowerCase()) throw notFound(['input', 'id']);
    refuseUnlessOpen(tx, invitation);
    const enterprise = await tx.em.findOneOrFail(Enterprise, { id: invitation.enterprise.id });
    if (enterprise.agentIds.includes(account.id)) {
      throw new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'registration.agents.alreadyAgent', ['input', 'id']));
    }
    if (enterprise.status !== 'ACTIVE') {
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseNotActive', ['input', 'id']));
    }
    const now = tx.deps.clock.now();
    const others = [...enterprise.agentIds];
    enterprise.agentIds = [...enterprise.agentIds, account.id];
    enterprise.updatedAt = now;
    invitation.status = 'ACCEPTED';
    invitation.decidedAt = now;
    invitation.acceptedBy = account;
    recordAudit(tx, {
      action: 'enterpriseAgent.accept',
      subjectType: INVITATION_TYPE,
      subjectId: invitation.id,
      fromState: 'PENDING',
      toState: 'ACCEPTED',
      actingForEnterpriseId: enterprise.id,
    });
    recordAudit(tx, {
      action: 'enterprise.agentAdded',
      subjectType: ENTERPRISE_TYPE,
      subjectId: enterprise.id,
      details: { userId: account.id, invitationId: invitation.id },
      actingForEnterpriseId: enterprise.id,
    });
    await notifyEach(tx, others, {
      kind: 'ENTERPRISE_AGENT_CHANGED',
      subjectType: ENTERPRISE_TYPE,
      subjectId: enterprise.id,
      titleKey: 'registration.notify.agentAdded.title',
      bodyKey: 'registration.notify.agentAdded.body',
      params: { name: enterprise.name, agent: account.displayName },
    });
    await tx.em.flush();
    return invitation;
  });
}

/** An agent of the enterprise withdraws an invitation not yet accepted. */
export async function revokeInvitation(ctx: RequestContext, globalId: string): Promise<EnterpriseAgentInvitation> {
  return inTransaction(ctx, async (tx) => {
    const invitation = await lockInvitation(tx, globalId);
    const enterprise = invitation ? await tx.em.findOne(Enterprise, { id: invitation.enterprise.id }) : null;
    if (!invitation || !enterprise || !actsFor(tx.viewer, enterprise)) throw notFound(['input', 'id']);
    refuseUnlessOpen(tx, invitation);
    invitation.status = 'REVOKED';
    invitation.decidedAt = tx.deps.clock.now();
    invitation.revokedBy = tx.em.getReference(User, tx.viewer.userId!);
    recordAudit(tx, {
      action: 'enterpriseAgent.revokeInvitation',
      subjectType: INVITATION_TYPE,
      subjectId: invitation.id,
      fromState: 'PENDING',
      toState: 'REVOKED',
      actingForEnterpriseId: enterprise.id,
    });
    await tx.em.flush();
    return invitation;
  });
}

export interface RemoveAgentCommand {
  enterpriseId: string;
  /** Global ID of the agent's user account. */
  userId: string;
}

/** An agent of the enterprise removes an agent (itself included) while another stays. */
export async function removeAgent(ctx: RequestContext, command: RemoveAgentCommand): Promise<Enterprise> {
  return inTransaction(ctx, async (tx) => {
    const enterprise = await lockEnterpriseActedFor(tx, command.enterpriseId);
    const userId = localIdOf(command.userId, USER_TYPE);
    if (!userId || !enterprise.agentIds.includes(userId)) {
      throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'registration.agents.notAnAgent', ['input', 'userId']));
    }
    if (enterprise.agentIds.length === 1) {
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'registration.agents.lastAgent', ['input', 'userId']));
    }
    const removed = await tx.em.findOneOrFail(User, { id: userId });
    enterprise.agentIds = enterprise.agentIds.filter((id) => id !== userId);
    enterprise.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'enterprise.agentRemoved',
      subjectType: ENTERPRISE_TYPE,
      subjectId: enterprise.id,
      details: { userId },
      actingForEnterpriseId: enterprise.id,
    });
    await notifyEach(tx, [userId, ...enterprise.agentIds.filter((id) => id !== tx.viewer.userId)], {
      kind: 'ENTERPRISE_AGENT_CHANGED',
      subjectType: ENTERPRISE_TYPE,
      subjectId: enterprise.id,
      titleKey: 'registration.notify.agentRemoved.title',
      bodyKey: 'registration.notify.agentRemoved.body',
      params: { name: enterprise.name, agent: removed.displayName },
    });
    await tx.em.flush();
    return enterprise;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The open invitations to the viewer's e-mail, newest first (expired, used and revoked ones drop out). */
export async function listInvitationsToViewer(
  ctx: RequestContext,
  page: PageArgs,
): Promise<ConnectionData<EnterpriseAgentInvitation>> {
  const account = await viewerAccount(ctx);
  return paginate(
    ctx,
    EnterpriseAgentInvitation,
    { email: account.email.toLowerCase(), status: 'PENDING', expiresAt: { $gt: ctx.deps.clock.now() } },
    { orderBy: { invitedAt: 'desc', id: 'desc' }, ...page },
  );
}

/** The open invitations of each enterprise, oldest first (at most MAX_AGENTS each). */
export const openInvitationsByEnterpriseId = defineLoader<string, EnterpriseAgentInvitation[]>(
  'registration.openInvitationsByEnterpriseId',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(
        EnterpriseAgentInvitation,
        { enterprise: { $in: [...ids] }, status: 'PENDING', expiresAt: { $gt: ctx.deps.clock.now() } },
        { orderBy: { invitedAt: 'asc', id: 'asc' } },
      ),
      (i) => i.enterprise.id,
    ),
);

/** Who may see an invitation: the agents of its enterprise, and the account it is addressed to. */
export async function visibleInvitations(
  ctx: RequestContext,
  invitations: EnterpriseAgentInvitation[],
): Promise<EnterpriseAgentInvitation[]> {
  if (!ctx.viewer.userId || ctx.viewer.role !== 'APPLICANT' || invitations.length === 0) return [];
  const account = await viewerAccount(ctx);
  const enterprises = await ctx.em.find(Enterprise, { id: { $in: invitations.map((i) => i.enterprise.id) } });
  const actedFor = new Set(enterprises.filter((e) => actsFor(ctx.viewer, e)).map((e) => e.id));
  return invitations.filter((i) => i.email === account.email.toLowerCase() || actedFor.has(i.enterprise.id));
}
