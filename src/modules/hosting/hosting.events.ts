import type { RequestContext } from '../../shared/context.js';
import { audience, recordDomainEvent } from '../../shared/events/domain-events.js';
import type { DomainEvent } from '../../shared/pubsub.js';
import type { HostingAgreement } from './hosting.entity.js';

// Recorded in the outbox with the change and published after commit as small facts; subscribers load
// the agreement with their own permissions.

export const HOSTING_AGREEMENT_UPDATED = 'HOSTING_AGREEMENT_UPDATED';

export interface AgreementUpdatedEvent extends DomainEvent {
  id: string;
  hostId: string;
  applicantId: string;
  enterpriseId: string | null;
}

/** An agreement is seen by its host firm, its applicant and officials. */
export function publishAgreementUpdated(tx: RequestContext, agreement: HostingAgreement): void {
  const event: AgreementUpdatedEvent = {
    id: agreement.id,
    hostId: agreement.hostId,
    applicantId: agreement.applicantId,
    enterpriseId: agreement.enterpriseId,
  };
  recordDomainEvent(tx, {
    type: HOSTING_AGREEMENT_UPDATED,
    subjectType: 'HostingAgreement',
    subjectId: agreement.id,
    audience: [audience.host(agreement.hostId), audience.user(agreement.applicantId), audience.role('OFFICIAL')],
    bus: { topic: HOSTING_AGREEMENT_UPDATED, payload: event },
  });
}
