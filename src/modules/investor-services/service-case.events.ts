import type { RequestContext } from '../../shared/context.js';
import type { DomainEvent } from '../../shared/pubsub.js';

// Published after commit: the case id and whether only officials may hear of the change (an
// internal note). Subscribers reload the case with their own permissions.

export const SERVICE_CASE_UPDATED = 'SERVICE_CASE_UPDATED';

export interface ServiceCaseUpdatedEvent extends DomainEvent {
  officialsOnly: boolean;
}

export function publishCaseUpdated(tx: RequestContext, caseId: string, officialsOnly = false): void {
  tx.afterCommit.push(() =>
    tx.deps.events.publish(SERVICE_CASE_UPDATED, caseId, {
      id: caseId,
      officialsOnly,
    } satisfies ServiceCaseUpdatedEvent),
  );
}
