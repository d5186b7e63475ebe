import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { releaseEnterpriseName } from '../names/index.js';
import { cancelLicences, ENTERPRISE_EVENT_TYPES, ENTERPRISE_TYPE, recordRegisterEvent } from './enterprise.service.js';
import { Enterprise } from './registration.entity.js';

// Revocation of a registration obtained by false declaration (登记确认制: substance is supervised
// afterwards). The supervision module decides it; the registration module, which owns the
// enterprise, its licences and its place in the name base, carries it out.

export interface RevokeRegistrationCommand {
  enterpriseId: string;
  /** The ground, in the words of the decision; public. */
  reason: string;
  /** The revocation decision (supervision module), for the audit trail. */
  decisionId: string;
}

/**
 * In the caller's transaction: the enterprise becomes REVOKED, its valid licences are cancelled and
 * its name leaves the name base (still blocking others for 1 year). Returns null, changing nothing,
 * when the enterprise is not ACTIVE (already deregistered or revoked).
 */
export async function revokeRegistration(
  tx: RequestContext,
  command: RevokeRegistrationCommand,
): Promise<Enterprise | null> {
  const enterprise = await tx.em.findOne(
    Enterprise,
    { id: command.enterpriseId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!enterprise || enterprise.status !== 'ACTIVE') return null;
  const now = tx.deps.clock.now();
  enterprise.status = 'REVOKED';
  enterprise.updatedAt = now;
  await cancelLicences(tx, enterprise);
  // The name keeps blocking others for a year after a revocation, as after a deregistration (规定 Art. 17).
  await releaseEnterpriseName(tx, { enterpriseId: enterprise.id, releasedAt: now, reason: 'REVOKED' });
  recordRegisterEvent(tx, enterprise.id, ENTERPRISE_EVENT_TYPES.REVOCATION);
  recordAudit(tx, {
    action: 'enterprise.revoke',
    subjectType: ENTERPRISE_TYPE,
    subjectId: enterprise.id,
    fromState: 'ACTIVE',
    toState: 'REVOKED',
    details: { reason: command.reason, decisionId: command.decisionId },
  });
  return enterprise;
}
