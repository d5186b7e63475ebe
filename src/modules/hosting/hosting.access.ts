import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import { localIdOf } from '../../shared/ids.js';
import { isOfficialOf, type Viewer } from '../../shared/viewer.js';
import { enterpriseById } from '../registration/index.js';
import { Host, HostingAgreement } from './hosting.entity.js';
import { HostStatus } from './hosting.enums.js';

// Who may see and do what in hosting. One place, so every read path (queries, nodes, fields,
// subscriptions) applies the same rule.

/** Officials of market regulation, administrators and HOSTING_READ partner keys: every host and address. */
export function readsAllHosts(viewer: Viewer): boolean {
  return (
    viewer.role === 'ADMIN' ||
    isOfficialOf(viewer, 'MARKET_REGULATION') ||
    (viewer.kind === 'API_KEY' && viewer.scopes.includes('HOSTING_READ'))
  );
}

/** Public hosts: verified, or suspended (a public fact enterprises registered there need). */
export const PUBLIC_HOST_STATUSES: readonly HostStatus[] = [HostStatus.VERIFIED, HostStatus.SUSPENDED];

export function canSeeHost(viewer: Viewer, host: Host): boolean {
  return (
    PUBLIC_HOST_STATUSES.includes(host.status) ||
    readsAllHosts(viewer) ||
    (viewer.role === 'HOST_AGENT' && viewer.organisationId === host.organisationId)
  );
}

/** The host the viewer (a host agent) works for, any status; null otherwise. */
export async function viewerHost(ctx: RequestContext, lock = false): Promise<Host | null> {
  const { viewer } = ctx;
  if (viewer.role !== 'HOST_AGENT' || !viewer.organisationId) return null;
  return ctx.em.findOne(
    Host,
    { organisationId: viewer.organisationId },
    lock && ctx.em.isInTransaction() ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
}

/** The viewer's verified host, or a problem on `field`. */
export async function requireVerifiedHost(ctx: RequestContext, lock = false): Promise<Host> {
  const host = await viewerHost(ctx, lock);
  if (!host) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'hosting.noHost'));
  if (host.status !== HostStatus.VERIFIED) {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'hosting.hostNotVerified', undefined, { state: host.status }),
    );
  }
  return host;
}

export function isHostAgentOf(viewer: Viewer, host: { organisationId: string }): boolean {
  return viewer.role === 'HOST_AGENT' && viewer.organisationId === host.organisationId;
}

/**
 * Whether the viewer is the enterprise's side of an agreement: its applicant, or (once the
 * enterprise exists) one of the enterprise's agents.
 */
export async function isEnterpriseSide(ctx: RequestContext, agreement: HostingAgreement): Promise<boolean> {
  const userId = ctx.viewer.userId;
  if (!userId || ctx.viewer.role !== 'APPLICANT') return false;
  if (agreement.applicantId === userId) return true;
  if (!agreement.enterpriseId) return false;
  // Through the loader: a list of agreements checks all their enterprises in one statement.
  const enterprise = await ctx.loaders.get(enterpriseById).load(agreement.enterpriseId);
  return enterprise?.agentIds.includes(userId) ?? false;
}

/** Whether the viewer may see this agreement: either side, officials of market regulation, administrators. */
export async function canSeeAgreement(
  ctx: RequestContext,
  agreement: HostingAgreement,
  host: Host | null,
): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.role === 'ADMIN' || isOfficialOf(viewer, 'MARKET_REGULATION')) return true;
  if (host && isHostAgentOf(viewer, host)) return true;
  return isEnterpriseSide(ctx, agreement);
}

export function notFoundProblem(field: string[]): DomainError {
  return new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', field));
}

export function localIdOrThrow(globalId: string, type: string, field: string[]): string {
  const id = localIdOf(globalId, type);
  if (!id) throw notFoundProblem(field);
  return id;
}
