import type { RequestContext } from '../../shared/context.js';
import type { DomainEvent } from '../../shared/pubsub.js';
import type { HostingAgreement } from './hosting.entity.js';

// Small facts published after commit; subscribers load the agreement with their own permissions.

export const HOSTING_AGREEMENT_UPDATED = 'HOSTING_AGREEMENT_UPDATED';

export interface AgreementUpdatedEvent extends DomainEvent {
  id: string;
  hostId: string;
  applicantId: string;
  enterpriseId: string | null;
}

export function publishAgreementUpdated(tx: RequestContext, agreement: HostingAgreement): void {
  const event: AgreementUpdatedEvent = {
    id: agreement.id,
    hostId: agreement.hostId,
    applicantId: agreement.applicantId,
    enterpriseId: agreement.enterpriseId,
  };
  tx.afterCommit.push(() => tx.deps.events.publish(HOSTING_AGREEMENT_UPDATED, event));
}
