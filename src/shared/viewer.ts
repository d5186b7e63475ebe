// Who is asking. Built once per operation from the bearer credential (app/authentication.ts);
// plain data so that any module can read it without depending on the accounts module.

export const ROLES = ['APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'PARTNER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENTS = [
  'MARKET_REGULATION',
  'COMMERCE',
  'FINANCE',
  'TAX',
  'SOCIAL_INSURANCE',
  'MEDICAL_INSURANCE',
  'HOUSING_FUND',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const API_SCOPES = ['FINANCING_READ', 'REGISTRATION_READ', 'NAMES_READ', 'HOSTING_READ'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface Viewer {
  kind: 'ANONYMOUS' | 'USER' | 'API_KEY';
  userId: string | null;
  sessionId: string | null;
  apiKeyId: string | null;
  role: Role | null;
  department: Department | null;
  /** The bank or host a staff account works for. */
  organisationId: string | null;
  scopes: readonly ApiScope[];
  /** Key for the rate limiter: the API key, the user, or the anonymous IP. */
  rateLimitKey: string;
}

export function anonymousViewer(ip: string): Viewer {
  return {
    kind: 'ANONYMOUS',
    userId: null,
    sessionId: null,
    apiKeyId: null,
    role: null,
    department: null,
    organisationId: null,
    scopes: [],
    rateLimitKey: `ip:${ip}`,
  };
}

/**
 * Requirement strings used with @Authorized: a role ("OFFICIAL"), a role in a department
 * ("OFFICIAL:TAX"), or an API scope ("SCOPE:FINANCING_READ"). Any one of the listed requirements suffices.
 */
export function satisfies(viewer: Viewer, requirement: string): boolean {
  if (requirement.startsWith('SCOPE:')) {
    return viewer.kind === 'API_KEY' && viewer.scopes.includes(requirement.slice(6) as ApiScope);
  }
  const [role, department] = requirement.split(':');
  if (viewer.role !== role) return false;
  return department === undefined || viewer.department === department;
}

export function isOfficialOf(viewer: Viewer, department: Department): boolean {
  return viewer.role === 'OFFICIAL' && viewer.department === department;
}
