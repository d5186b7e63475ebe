import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit, type AuditActionCode } from '../../shared/audit/audit.service.js';
import { AuditEvent } from '../../shared/audit/audit.entity.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { fromGlobalId, localIdOf } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import type { Role } from '../../shared/viewer.js';
import { Session, User } from './accounts.entity.js';
import { revokeCredentials } from './authentication.js';
import { hashPassword } from './credentials.js';
import './staff-admin.messages.js';

// The administrator's console: staff accounts (list, disable, enable, reset the password) and the
// audit-trail browser. Applicants manage their own accounts; an administrator never sees them here.

const STAFF_ROLES: Role[] = ['BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN'];

const NIL = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuidOr = (id: string | null | undefined) => (id && UUID.test(id) ? id : NIL);

const notFound = () => new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'id']));

export interface StaffFilter {
  role: Role | null;
  disabled: boolean | null;
}

export function listStaff(ctx: RequestContext, filter: StaffFilter, page: PageArgs): Promise<ConnectionData<User>> {
  const where: Record<string, unknown> = { role: filter.role ? filter.role : { $in: STAFF_ROLES } };
  if (filter.role && !STAFF_ROLES.includes(filter.role)) where.role = { $in: [] };
  if (filter.disabled !== null) where.disabledAt = filter.disabled ? { $ne: null } : null;
  return paginate(ctx, User, where, { orderBy: { createdAt: 'desc', id: 'desc' }, ...page });
}

async function lockStaff(tx: RequestContext, globalId: string): Promise<User> {
  const id = localIdOf(globalId, 'User');
  if (!id) throw notFound();
  const user = await tx.em.findOne(User, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!user || !STAFF_ROLES.includes(user.role)) throw notFound();
  return user;
}

async function endSessions(tx: RequestContext, user: User): Promise<void> {
  await tx.em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: tx.deps.clock.now() });
  tx.afterCommit.push(() => revokeCredentials(tx.deps.events, { id: user.id, scope: 'USER', exceptSessionId: null }));
}

/** ADMIN: a staff account can no longer sign in; its sessions end at once (open sockets too). */
export async function disableStaff(ctx: RequestContext, globalId: string): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const user = await lockStaff(tx, globalId);
    if (user.id === tx.viewer.userId)
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'accounts.cannotDisableSelf', ['input', 'id']));
    if (user.disabledAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'accounts.alreadyDisabled', ['input', 'id']));
    user.disabledAt = tx.deps.clock.now();
    await endSessions(tx, user);
    recordAudit(tx, {
      action: 'account.disable',
      subjectType: 'User',
      subjectId: user.id,
      fromState: 'ACTIVE',
      toState: 'DISABLED',
    });
    await tx.em.flush();
    return user;
  });
}

/** ADMIN: a disabled staff account may sign in again. */
export async function enableStaff(ctx: RequestContext, globalId: string): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const user = await lockStaff(tx, globalId);
    if (!user.disabledAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'accounts.notDisabled', ['input', 'id']));
    user.disabledAt = null;
    recordAudit(tx, {
      action: 'account.enable',
      subjectType: 'User',
      subjectId: user.id,
      fromState: 'DISABLED',
      toState: 'ACTIVE',
    });
    await tx.em.flush();
    return user;
  });
}

/** A temporary password that meets the password rules (letters and digits, long). */
function temporaryPassword(): string {
  return `Qd${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}7`;
}

/**
 * ADMIN: replaces a staff account's password with a temporary one, returned once (never stored in
 * clear, never shown again); every session of the account ends.
 */
export async function resetStaffPassword(
  ctx: RequestContext,
  globalId: string,
): Promise<{ user: User; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const user = await lockStaff(tx, globalId);
    user.passwordHash = passwordHash;
    await endSessions(tx, user);
    recordAudit(tx, { action: 'account.resetPassword', subjectType: 'User', subjectId: user.id });
    await tx.em.flush();
    return { user, temporaryPassword: password };
  });
}

export interface AuditFilter {
  actions: AuditActionCode[] | null;
  subjectId: string | null;
  actorId: string | null;
  from: Date | null;
  to: Date | null;
}

/** ADMIN: the whole audit trail, newest first, filtered. */
export function browseAudit(
  ctx: RequestContext,
  filter: AuditFilter,
  page: PageArgs,
): Promise<ConnectionData<AuditEvent>> {
  const where: Record<string, unknown> = {};
  if (filter.actions) where.action = { $in: filter.actions };
  if (filter.subjectId) {
    const subject = fromGlobalId(filter.subjectId);
    where.subjectType = subject?.type ?? '-';
    where.subjectId = uuidOr(subject?.id);
  }
  if (filter.actorId) where.actorUserId = uuidOr(localIdOf(filter.actorId, 'User'));
  if (filter.from || filter.to)
    where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return paginate(ctx, AuditEvent, where, { orderBy: { seq: 'desc', id: 'desc' }, ...page });
}
