// Where each role's work is: the page a user lands on after signing in, and its desk in the menu.
// Officials land on their department's queue; the pages for other areas are built by their own issues.

export interface RoleHolder {
  role: string;
  department?: string | null;
}

const DEPARTMENT_DESKS: Record<string, string> = {
  MARKET_REGULATION: '/desk',
  COMMERCE: '/investor-services/desk',
  FINANCE: '/financing/dashboard',
  TAX: '/desk/clearances',
  SOCIAL_INSURANCE: '/desk/clearances',
  MEDICAL_INSURANCE: '/desk/clearances',
  HOUSING_FUND: '/desk/clearances',
};

const ROLE_DESKS: Record<string, string> = {
  BANK_OFFICER: '/financing/workbench',
  HOST_AGENT: '/hosting/desk',
  ADMIN: '/admin',
};

/** The work page of a role (and department), or null for applicants and partners (whose start is the home page). */
export function deskPath(user: RoleHolder): string | null {
  if (user.role === 'OFFICIAL') return DEPARTMENT_DESKS[user.department ?? ''] ?? null;
  return ROLE_DESKS[user.role] ?? null;
}

/** Where to go after signing in: back where sign-in was asked for, else the role's desk, else home. */
export function landingPath(user: RoleHolder, from?: string | null): string {
  if (from && from.startsWith('/') && !from.startsWith('//') && from !== '/sign-in') return from;
  return deskPath(user) ?? '/';
}

/** The menu label key of a desk path. */
export const DESK_LABELS: Record<string, string> = {
  '/desk': 'nav.desk',
  '/desk/clearances': 'landing.nav.clearanceDesk',
  '/investor-services/desk': 'landing.nav.investorDesk',
  '/financing/dashboard': 'landing.nav.financingDashboard',
  '/financing/workbench': 'landing.nav.bankWorkbench',
  '/hosting/desk': 'landing.nav.hostingDesk',
  '/admin': 'landing.nav.admin',
};
