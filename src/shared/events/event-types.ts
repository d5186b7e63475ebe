// Every event type the partners' event feed carries, with the object it is about and who sees it. The
// modules own the constants (their *.events.ts files and services); this list is the catalogue the
// schema's filter description and the event-feed guide (docs/guides/{en,zh}/40-event-feed.md) follow,
// and the outbox refuses a type missing here (domain-events.ts), so a new event cannot skip the catalogue.

export interface FeedEventTypeInfo {
  type: string;
  subjectType: string;
}

export const FEED_EVENT_TYPES: readonly FeedEventTypeInfo[] = [
  { type: 'ENTERPRISE_REGISTERED', subjectType: 'Enterprise' },
  { type: 'ENTERPRISE_CHANGED', subjectType: 'Enterprise' },
  { type: 'ENTERPRISE_DEREGISTERED', subjectType: 'Enterprise' },
  { type: 'ENTERPRISE_REVOKED', subjectType: 'Enterprise' },
  { type: 'REGISTRATION_APPLICATION_UPDATED', subjectType: 'RegistrationApplication' },
  { type: 'SIMPLIFIED_DEREGISTRATION_NOTICE_PUBLISHED', subjectType: 'SimplifiedDeregistrationNotice' },
  { type: 'SIMPLIFIED_DEREGISTRATION_NOTICE_OBJECTED', subjectType: 'SimplifiedDeregistrationNotice' },
  { type: 'SIMPLIFIED_DEREGISTRATION_NOTICE_COMPLETED', subjectType: 'SimplifiedDeregistrationNotice' },
  { type: 'REVOCATION_PUBLIC_NOTICE_STARTED', subjectType: 'RevocationProceeding' },
  { type: 'NAME_RESERVED', subjectType: 'NameReservation' },
  { type: 'NAME_RESERVATION_EXPIRED', subjectType: 'NameReservation' },
  { type: 'NAME_RESERVATION_USED', subjectType: 'NameReservation' },
  { type: 'NAME_RESERVATION_VERIFIED', subjectType: 'NameReservation' },
  { type: 'NAME_RESERVATION_REVOKED', subjectType: 'NameReservation' },
  { type: 'FINANCING_DEMAND_PUBLISHED', subjectType: 'FinancingDemand' },
  { type: 'FINANCING_DEMAND_WITHDRAWN', subjectType: 'FinancingDemand' },
  { type: 'FINANCING_DEMAND_EXPIRED', subjectType: 'FinancingDemand' },
  { type: 'FINANCING_OFFER_RECEIVED', subjectType: 'FinancingOffer' },
  { type: 'FINANCING_OFFER_ACCEPTED', subjectType: 'FinancingOffer' },
  { type: 'FINANCING_OFFER_DECLINED', subjectType: 'FinancingOffer' },
  { type: 'FINANCING_OFFER_WITHDRAWN', subjectType: 'FinancingOffer' },
  { type: 'FINANCING_OFFER_DISBURSED', subjectType: 'FinancingOffer' },
  { type: 'CREDIT_PRODUCT_PUBLISHED', subjectType: 'CreditProduct' },
  { type: 'CREDIT_PRODUCT_RETIRED', subjectType: 'CreditProduct' },
  { type: 'HOSTING_AGREEMENT_UPDATED', subjectType: 'HostingAgreement' },
  { type: 'SERVICE_CASE_UPDATED', subjectType: 'ServiceCase' },
];

const KNOWN = new Set(FEED_EVENT_TYPES.map((t) => t.type));

export function isFeedEventType(type: string): boolean {
  return KNOWN.has(type);
}
