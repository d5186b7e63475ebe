import type { RequestContext } from '../../shared/context.js';
import { audience, recordDomainEvent } from '../../shared/events/domain-events.js';
import type { DomainEvent } from '../../shared/pubsub.js';

// Recorded in the outbox with the change and published after commit: the case id and whether only
// officials may hear of the change (an internal note). Subscribers reload the case with their own permissions.

export const SERVICE_CASE_UPDATED = 'SERVICE_CASE_UPDATED';

export interface ServiceCaseUpdatedEvent extends DomainEvent {
  officialsOnly: boolean;
}

/** A case is seen by its submitter and officials; an internal change by officials only. */
export function publishCaseUpdated(
  tx: RequestContext,
  serviceCase: { id: string; submitterId: string },
  officialsOnly = false,
): void {
  const { id } = serviceCase;
  recordDomainEvent(tx, {
    type: SERVICE_CASE_UPDATED,
    subjectType: 'ServiceCase',
    subjectId: id,
    audience: officialsOnly
      ? [audience.role('OFFICIAL')]
      : [audience.role('OFFICIAL'), audience.user(serviceCase.submitterId)],
    bus: { topic: SERVICE_CASE_UPDATED, topicId: id, payload: { id, officialsOnly } satisfies ServiceCaseUpdatedEvent },
  });
}
