import { registerEnumType } from 'type-graphql';

// The hosting vocabulary (domain-rules §3, api.md "Hosted registered addresses"): stable upper-case
// codes, the same strings in the database, the API and the events.

export enum HostKind {
  LAW_FIRM = 'LAW_FIRM',
  ACCOUNTING_FIRM = 'ACCOUNTING_FIRM',
}
registerEnumType(HostKind, {
  name: 'HostKind',
  description: 'What kind of firm hosts registered addresses.',
  valuesConfig: {
    LAW_FIRM: { description: 'A law firm (律师事务所).' },
    ACCOUNTING_FIRM: { description: 'An accounting firm (会计师事务所).' },
  },
});

export enum HostStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REFUSED = 'REFUSED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(HostStatus, {
  name: 'HostStatus',
  description: 'Where a host stands with market regulation.',
  valuesConfig: {
    PENDING: { description: 'Applied; waiting for an official to verify its practising licence.' },
    VERIFIED: { description: 'Verified: its addresses are in the public directory and take enterprises.' },
    REFUSED: { description: 'Refused by an official, with a reason; the firm may apply again.' },
    SUSPENDED: { description: 'Suspended by an official: no new agreements; existing agreements stay.' },
  },
});

export enum HostedAddressStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(HostedAddressStatus, {
  name: 'HostedAddressStatus',
  description: 'Whether a hosted address takes enterprises.',
  valuesConfig: {
    ACTIVE: { description: 'Open: takes new enterprises while it has vacancy.' },
    CLOSED: { description: 'Closed by its host: takes no new enterprises.' },
  },
});

export enum HostingAgreementStatus {
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  REFUSED = 'REFUSED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(HostingAgreementStatus, {
  name: 'HostingAgreementStatus',
  description: 'Where a hosting agreement stands.',
  valuesConfig: {
    REQUESTED: { description: 'Requested by the applicant; waiting for the host.' },
    ACTIVE: { description: 'Accepted by the host: the address is the registered address; it takes one slot.' },
    REFUSED: { description: 'Refused by the host, with a reason.' },
    TERMINATED: { description: 'Ended by either side, with a reason; the slot is free again.' },
  },
});

export enum HostingParty {
  HOST = 'HOST',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(HostingParty, {
  name: 'HostingParty',
  description: 'A side of a hosting agreement.',
  valuesConfig: {
    HOST: { description: 'The host (law or accounting firm).' },
    ENTERPRISE: { description: 'The hosted enterprise (or its applicant).' },
  },
});

export enum ForwardedDocumentKind {
  OFFICIAL_DOCUMENT = 'OFFICIAL_DOCUMENT',
  LETTER = 'LETTER',
  PARCEL = 'PARCEL',
  OTHER = 'OTHER',
}
registerEnumType(ForwardedDocumentKind, {
  name: 'ForwardedDocumentKind',
  description: 'What a host received and forwarded.',
  valuesConfig: {
    OFFICIAL_DOCUMENT: { description: 'An official document (公文) from an authority.' },
    LETTER: { description: 'A letter.' },
    PARCEL: { description: 'A parcel.' },
    OTHER: { description: 'Anything else.' },
  },
});

export enum UnreachableReportStatus {
  PENDING = 'PENDING',
  LISTED = 'LISTED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(UnreachableReportStatus, {
  name: 'UnreachableReportStatus',
  description: "Where a host's report of an unreachable enterprise stands.",
  valuesConfig: {
    PENDING: { description: 'Waiting for an official.' },
    LISTED: { description: 'An official listed the enterprise on the abnormal-operations list.' },
    DISMISSED: { description: 'An official dismissed the report.' },
  },
});
