import type { RequestContext } from '../../shared/context.js';
import { isOfficialOf, type Viewer } from '../../shared/viewer.js';

// Who sees what of a case (domain-rules §4 "Confidentiality"). One rule, used by every path: node,
// lists, messages, attachments and file downloads, notifications, subscriptions.
// - The case itself: its submitter and commerce officials (who triage the queue). Nobody else —
//   other departments, banks, host agents, partners, administrators, the public — is told it exists.
// - The confidential part (confidentialDetails), confidential messages and every attachment: the
//   submitter and the *handling* officials only. We read 办法's "handling officials" as the official
//   the case is assigned to plus the official who decided on its acceptance; other commerce officials
//   see the rest of the case but not these parts.
// - Internal notes: commerce officials only, never the submitter.

export interface CaseParties {
  submitterId: string;
  assigneeId: string | null;
  decidedById: string | null;
}

export function isCommerceOfficial(viewer: Viewer): boolean {
  return isOfficialOf(viewer, 'COMMERCE');
}

export function isSubmitter(viewer: Viewer, parties: CaseParties): boolean {
  return viewer.role === 'APPLICANT' && viewer.userId !== null && viewer.userId === parties.submitterId;
}

export function isHandler(viewer: Viewer, parties: CaseParties): boolean {
  return (
    isCommerceOfficial(viewer) &&
    viewer.userId !== null &&
    (parties.assigneeId === viewer.userId || parties.decidedById === viewer.userId)
  );
}

export function canSeeCase(viewer: Viewer, parties: CaseParties): boolean {
  return isSubmitter(viewer, parties) || isCommerceOfficial(viewer);
}

export function canSeeConfidential(viewer: Viewer, parties: CaseParties): boolean {
  return isSubmitter(viewer, parties) || isHandler(viewer, parties);
}

export function canSeeInternalNotes(viewer: Viewer): boolean {
  return isCommerceOfficial(viewer);
}

export function canSeeCaseIn(ctx: RequestContext, parties: CaseParties): boolean {
  return canSeeCase(ctx.viewer, parties);
}
