import type { RequestContext } from '../context.js';
import { AuditEvent } from './audit.entity.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  details?: Record<string, unknown>;
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
    details: entry.details ?? null,
  });
  tx.em.persist(event);
  return event;
}
