import type { RequestContext } from '../context.js';
import type { AuditActionCode } from './audit-actions.js';
import { AuditEvent } from './audit.entity.js';

export type { AuditActionCode, AuditVerb } from './audit-actions.js';

export interface AuditEntry {
  action: AuditActionCode;
  subjectType: string;
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  details?: Record<string, unknown>;
  /**
   * The enterprise the actor acted for (帮办代办: an agent files or changes something on its behalf).
   * Kept in the details as `actingFor`, so the hash chain covers it like the rest of the event.
   */
  actingForEnterpriseId?: string;
}

/** Records a state change in the caller's transaction (pass the transaction's context). */
export function recordAudit(tx: RequestContext, entry: AuditEntry): AuditEvent {
  const event = tx.em.create(AuditEvent, {
    id: crypto.randomUUID(),
    actorUserId: tx.viewer.userId,
    actorApiKeyId: tx.viewer.apiKeyId,
    actorRole: tx.viewer.role,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    at: tx.deps.clock.now(),
    requestId: tx.requestId,
    details: entry.actingForEnterpriseId
      ? { ...entry.details, actingFor: entry.actingForEnterpriseId }
      : (entry.details ?? null),
  });
  tx.em.persist(event);
  return event;
}
