import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import { localIdOf } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import { User } from '../accounts/index.js';
import { DepartmentClearanceAnswer } from './clearance-answer.entity.js';
import type { ClearanceDepartment } from './registration.declaration.js';
import { DepartmentClearance, RegistrationApplication } from './registration.entity.js';
import { publishUpdate } from './registration.service.js';
import './clearance-answer.messages.js';

// The applicant's side of a department clearance: answering an outstanding obligation. Kept apart
// from registration.service.ts (the deregistration rules) so each can change on its own.

const OPEN_STATUSES = ['SUBMITTED', 'CORRECTION_REQUESTED'];
export const ANSWER_MAX_LENGTH = 1000;

const notFound = () => new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'id']));

/**
 * Records the applicant's answer to a BLOCKED clearance of its own open deregistration; the
 * clearance goes back to PENDING in that department's queue. Refused (nothing written) for another
 * applicant's application, a clearance that is not blocked, or an empty answer.
 */
export async function answerClearance(
  ctx: RequestContext,
  globalId: string,
  department: ClearanceDepartment,
  answer: string,
): Promise<RegistrationApplication> {
  const text = answer.trim();
  if (!text) throw new DomainError(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'answer']));
  if (text.length > ANSWER_MAX_LENGTH)
    throw new DomainError(
      problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'answer'], { max: ANSWER_MAX_LENGTH }),
    );
  const id = localIdOf(globalId, 'RegistrationApplication');
  if (!id) throw notFound();
  return inTransaction(ctx, async (tx) => {
    const application = await tx.em.findOne(
      RegistrationApplication,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!application || application.applicant.id !== tx.viewer.userId) throw notFound();
    if (application.kind !== 'DEREGISTRATION')
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'registration.notDeregistration', ['input', 'id']));
    if (!OPEN_STATUSES.includes(application.status))
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'error.invalidState', ['input', 'id'], { state: application.status }),
      );
    const clearance = await tx.em.findOne(
      DepartmentClearance,
      { application, department },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!clearance || clearance.status !== 'BLOCKED')
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'registration.clearanceNotBlocked', ['input', 'department']),
      );
    const now = tx.deps.clock.now();
    tx.em.create(DepartmentClearanceAnswer, {
      clearance,
      text,
      answeredBy: tx.em.getReference(User, tx.viewer.userId!),
      answeredAt: now,
    });
    clearance.status = 'PENDING';
    application.updatedAt = now;
    recordAudit(tx, {
      action: 'registration.clearanceAnswer',
      subjectType: 'RegistrationApplication',
      subjectId: application.id,
      fromState: application.status,
      toState: application.status,
      details: { department, clearance: `${department}:BLOCKED→PENDING`, note: text },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}
