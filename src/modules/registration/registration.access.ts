import { isOfficialOf, type Viewer } from '../../shared/viewer.js';
import { CLEARANCE_DEPARTMENTS, type ClearanceDepartment } from './registration.declaration.js';
import type { Enterprise, RegistrationApplication } from './registration.entity.js';

// Who may see what. What a viewer may not see is reported exactly as if it did not exist.

export function isRegistrar(viewer: Viewer): boolean {
  return isOfficialOf(viewer, 'MARKET_REGULATION');
}

/** The deregistration-clearance department the viewer is an official of, if any. */
export function clearanceDepartmentOf(viewer: Viewer): ClearanceDepartment | null {
  if (viewer.role !== 'OFFICIAL' || !viewer.department) return null;
  return (CLEARANCE_DEPARTMENTS as readonly string[]).includes(viewer.department)
    ? (viewer.department as ClearanceDepartment)
    : null;
}

/**
 * The applicant sees its own applications, drafts included, and (given the enterprise) those another
 * agent of an enterprise it acts for has submitted. Market-regulation officials see every
 * submitted application; the four clearance departments see submitted deregistrations.
 */
export function canSeeApplication(
  viewer: Viewer,
  application: RegistrationApplication,
  enterprise: Pick<Enterprise, 'id' | 'agentIds'> | null = null,
): boolean {
  if (viewer.userId !== null && application.applicant.id === viewer.userId) return true;
  if (application.status === 'DRAFT' || application.firstSubmittedAt === null) return false;
  if (isRegistrar(viewer)) return true;
  if (enterprise && application.enterprise?.id === enterprise.id && actsFor(viewer, enterprise)) return true;
  return application.kind === 'DEREGISTRATION' && clearanceDepartmentOf(viewer) !== null;
}

/** Whether the viewer is one of the accounts that act for the enterprise (its agents). */
export function actsFor(viewer: Viewer, enterprise: Pick<Enterprise, 'agentIds'>): boolean {
  return viewer.userId !== null && enterprise.agentIds.includes(viewer.userId);
}

/** Personal details of an enterprise (its declaration): the applicants acting for it, and officials. */
export function canSeeEnterpriseDetails(viewer: Viewer, enterprise: Enterprise): boolean {
  if (viewer.role === 'OFFICIAL') return true;
  return actsFor(viewer, enterprise);
}
