import type { RequestContext } from '../../shared/context.js';
import { audience, recordDomainEvent } from '../../shared/events/domain-events.js';

// The name decisions the partners' event feed reports, recorded in the outbox with the change. A
// reservation is private: its applicant, the registry's officials (market regulation) and administrators
// read it (the NameReservation node, names/index.ts), and exactly they see its events.

export const NAME_RESERVED = 'NAME_RESERVED';
export const NAME_RESERVATION_EXPIRED = 'NAME_RESERVATION_EXPIRED';
export const NAME_RESERVATION_USED = 'NAME_RESERVATION_USED';
export const NAME_RESERVATION_VERIFIED = 'NAME_RESERVATION_VERIFIED';
export const NAME_RESERVATION_REVOKED = 'NAME_RESERVATION_REVOKED';

export type NameReservationEvent =
  | typeof NAME_RESERVED
  | typeof NAME_RESERVATION_EXPIRED
  | typeof NAME_RESERVATION_USED
  | typeof NAME_RESERVATION_VERIFIED
  | typeof NAME_RESERVATION_REVOKED;

export function recordReservationEvent(
  tx: RequestContext,
  type: NameReservationEvent,
  reservation: { id: string; applicantId: string },
): void {
  recordDomainEvent(tx, {
    type,
    subjectType: 'NameReservation',
    subjectId: reservation.id,
    audience: [
      audience.user(reservation.applicantId),
      audience.role('OFFICIAL', 'MARKET_REGULATION'),
      audience.role('ADMIN'),
    ],
  });
}
