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

export const API_SCOPES = ['FINANCING_READ', 'REGISTRATION_READ', 'NAMES_READ', 'HOSTING_READ', 'EVENTS_READ'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * The requirement of an organisation's own administrator (a bank's or a firm's staff account marked as
 * its organisation's admin): manages that organisation's API keys, and nothing of another organisation.
 */
export const ORG_ADMIN = 'ORG_ADMIN';

export interface Viewer {
  kind: 'ANONYMOUS' | 'USER' | 'API_KEY';
  userId: string | null;
  sessionId: string | null;
  apiKeyId: string | null;
  role: Role | null;
  department: Department | null;
  /** The bank or host a staff account works for. */
  organisationId: string | null;
  /** Whether the user administers its organisation (its API keys). */
  organisationAdmin: boolean;
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
    organisationAdmin: false,
    scopes: [],
    rateLimitKey: `ip:${ip}`,
  };
}

/**
 * Requirement strings used with @Authorized: a role ("OFFICIAL"), a role in a department
 * ("OFFICIAL:TAX"), an API scope ("SCOPE:FINANCING_READ") or an organisation's administrator ("ORG_ADMIN").
 * Any one of the listed requirements suffices.
 */
export function satisfies(viewer: Viewer, requirement: string): boolean {
  if (requirement.startsWith('SCOPE:')) {
    return viewer.kind === 'API_KEY' && viewer.scopes.includes(requirement.slice(6) as ApiScope);
  }
  if (requirement === ORG_ADMIN) {
    return viewer.kind === 'USER' && viewer.organisationAdmin && viewer.organisationId !== null;
  }
  const [role, department] = requirement.split(':');
  if (viewer.role !== role) return false;
  return department === undefined || viewer.department === department;
}

export function isOfficialOf(viewer: Viewer, department: Department): boolean {
  return viewer.role === 'OFFICIAL' && viewer.department === department;
}

/** The scopes among the requirements that an API key lacks: what a FORBIDDEN answer to a key names. */
export function missingScopes(viewer: Viewer, requirements: readonly string[]): ApiScope[] {
  if (viewer.kind !== 'API_KEY') return [];
  return requirements
    .filter((requirement) => requirement.startsWith('SCOPE:'))
    .map((requirement) => requirement.slice(6) as ApiScope)
    .filter((scope) => !viewer.scopes.includes(scope));
}

/**
 * The scopes a key of an organisation of this kind may carry: a bank reads demands, a host firm the
 * hosting directory; every partner may read the register, check names and follow the event feed.
 */
export function scopesAllowedFor(organisationKind: 'BANK' | 'LAW_FIRM' | 'ACCOUNTING_FIRM'): ApiScope[] {
  const common: ApiScope[] = ['REGISTRATION_READ', 'NAMES_READ', 'EVENTS_READ'];
  return organisationKind === 'BANK' ? ['FINANCING_READ', ...common] : ['HOSTING_READ', ...common];
}
