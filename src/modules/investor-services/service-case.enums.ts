import { registerEnumType } from 'type-graphql';

// The codes of foreign-investment services (design/domain-rules.md §4; 外商投资企业投诉工作办法).

export enum ServiceCaseKind {
  CONSULTATION = 'CONSULTATION',
  COMPLAINT = 'COMPLAINT',
  SUGGESTION = 'SUGGESTION',
}
registerEnumType(ServiceCaseKind, {
  name: 'ServiceCaseKind',
  description: 'What a foreign investor brings to the commerce department.',
  valuesConfig: {
    CONSULTATION: {
      description: 'A question about law, policy or procedure; answered within the consultation deadline.',
    },
    COMPLAINT: {
      description:
        'A complaint about an administrative act of an authority (or an organisation authorised by law, or its staff) that infringes the investor’s lawful rights, or about a problem of the investment environment. Civil and commercial disputes between private parties are not complaints.',
    },
    SUGGESTION: {
      description: 'A suggestion on the investment environment or policy; answered within the suggestion deadline.',
    },
  },
});

export enum ServiceCaseStatus {
  SUBMITTED = 'SUBMITTED',
  MATERIALS_REQUESTED = 'MATERIALS_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ServiceCaseStatus, {
  name: 'ServiceCaseStatus',
  description: 'Where a case stands.',
  valuesConfig: {
    SUBMITTED: {
      description:
        'Received. A complaint waits for the acceptance decision (acceptBy); a consultation or suggestion waits for its answer (resolveBy).',
    },
    MATERIALS_REQUESTED: {
      description:
        'The office asked, in one consolidated notice, for missing materials of a complaint; the acceptance clock stands still until they arrive.',
    },
    ACCEPTED: { description: 'The complaint was accepted; it must be concluded by resolveBy (or extendedResolveBy).' },
    NOT_ACCEPTED: { description: 'The complaint was not accepted, with a written reason.' },
    RESOLVED: { description: 'Concluded with a recorded outcome (or, for a consultation or suggestion, answered).' },
    CLOSED: { description: 'Closed without a conclusion here: referred to the competent office.' },
    WITHDRAWN: { description: 'Withdrawn by the submitter.' },
  },
});

/** Statuses in which a case is still being handled (a deadline runs or stands still). */
export const OPEN_STATUSES = [
  ServiceCaseStatus.SUBMITTED,
  ServiceCaseStatus.MATERIALS_REQUESTED,
  ServiceCaseStatus.ACCEPTED,
] as const;

export enum ServiceCaseDeclineReason {
  CIVIL_OR_COMMERCIAL_DISPUTE = 'CIVIL_OR_COMMERCIAL_DISPUTE',
  NOT_FOREIGN_INVESTOR = 'NOT_FOREIGN_INVESTOR',
  IN_LITIGATION_OR_RECONSIDERATION = 'IN_LITIGATION_OR_RECONSIDERATION',
  INCOMPLETE_MATERIALS = 'INCOMPLETE_MATERIALS',
  DUPLICATE = 'DUPLICATE',
  OUTSIDE_REMIT = 'OUTSIDE_REMIT',
}
registerEnumType(ServiceCaseDeclineReason, {
  name: 'ServiceCaseDeclineReason',
  description: 'Why a complaint was not accepted (外商投资企业投诉工作办法 Art. 14).',
  valuesConfig: {
    CIVIL_OR_COMMERCIAL_DISPUTE: {
      description: 'A civil or commercial dispute between private parties, or not a complaint matter.',
    },
    NOT_FOREIGN_INVESTOR: { description: 'The complainant is not a foreign investor or foreign-invested enterprise.' },
    IN_LITIGATION_OR_RECONSIDERATION: {
      description: 'The same matter is already in administrative reconsideration or litigation.',
    },
    INCOMPLETE_MATERIALS: { description: 'The materials were still incomplete after the request to supplement them.' },
    DUPLICATE: { description: 'The same matter was already accepted here or by another complaint office.' },
    OUTSIDE_REMIT: { description: 'Outside this office’s remit: competentOffice names the office to go to.' },
  },
});

export enum ServiceCaseOutcome {
  RESOLVED_BY_COORDINATION = 'RESOLVED_BY_COORDINATION',
  UNDERSTANDING_REACHED = 'UNDERSTANDING_REACHED',
  COMPLAINANT_NOT_COOPERATING = 'COMPLAINANT_NOT_COOPERATING',
  ANSWERED = 'ANSWERED',
  REFERRED = 'REFERRED',
}
registerEnumType(ServiceCaseOutcome, {
  name: 'ServiceCaseOutcome',
  description: 'How a case ended (a withdrawal is the status WITHDRAWN).',
  valuesConfig: {
    RESOLVED_BY_COORDINATION: { description: 'Resolved through the office’s coordination.' },
    UNDERSTANDING_REACHED: { description: 'The complainant and the respondent reached an understanding.' },
    COMPLAINANT_NOT_COOPERATING: { description: 'Ended because the complainant did not cooperate.' },
    ANSWERED: { description: 'A consultation or suggestion was answered.' },
    REFERRED: { description: 'Referred to the competent office (status CLOSED).' },
  },
});

export enum ConfidentialKind {
  TRADE_SECRET = 'TRADE_SECRET',
  PERSONAL_INFORMATION = 'PERSONAL_INFORMATION',
}
registerEnumType(ConfidentialKind, {
  name: 'ConfidentialKind',
  description: 'What a confidential part of a case contains.',
  valuesConfig: {
    TRADE_SECRET: { description: 'Trade secrets or confidential business information.' },
    PERSONAL_INFORMATION: { description: 'Personal information.' },
  },
});

export enum CaseMessageAuthor {
  SUBMITTER = 'SUBMITTER',
  OFFICIAL = 'OFFICIAL',
}
registerEnumType(CaseMessageAuthor, {
  name: 'CaseMessageAuthor',
  description: 'Who wrote a case message.',
  valuesConfig: {
    SUBMITTER: { description: 'The investor who submitted the case.' },
    OFFICIAL: { description: 'A commerce official.' },
  },
});

/** The categories a case may be filed under (a string code, checked against this list). */
export const SERVICE_CASE_CATEGORIES = [
  'MARKET_ACCESS',
  'LICENSING_AND_APPROVALS',
  'TAXATION',
  'CUSTOMS_AND_TRADE',
  'INTELLECTUAL_PROPERTY',
  'LAND_AND_CONSTRUCTION',
  'LABOUR_AND_SOCIAL_INSURANCE',
  'FINANCE_AND_FOREIGN_EXCHANGE',
  'GOVERNMENT_PROCUREMENT',
  'POLICY_COMMITMENTS',
  'INVESTMENT_ENVIRONMENT',
  'OTHER',
] as const;
export type ServiceCaseCategoryCode = (typeof SERVICE_CASE_CATEGORIES)[number];

export function isServiceCaseCategory(code: string): code is ServiceCaseCategoryCode {
  return (SERVICE_CASE_CATEGORIES as readonly string[]).includes(code);
}
