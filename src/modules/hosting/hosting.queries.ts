import { raw, type FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { emptyPageInfo, paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { isOfficialOf } from '../../shared/viewer.js';
import { Enterprise } from '../registration/index.js';
import { PUBLIC_HOST_STATUSES, readsAllHosts, viewerHost } from './hosting.access.js';
import {
  AbnormalOperationsListing,
  Host,
  HostedAddress,
  HostingAgreement,
  UnreachableReport,
} from './hosting.entity.js';
import {
  HostStatus,
  HostedAddressStatus,
  type HostingAgreementStatus,
  type UnreachableReportStatus,
} from './hosting.enums.js';
import type { HostFilter, HostedAddressFilter } from './hosting.inputs.js';

// The lists of 住所托管, keyset-paginated in SQL. Each list is one statement (its count another, only
// when selected); the fields below an item, nested lists included, come from the batched loaders.

function empty<T>(): ConnectionData<T> {
  return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
}

/** Hosts, by name. The public sees verified (and suspended) hosts; other statuses need readsAllHosts. */
export function listHosts(
  ctx: RequestContext,
  filter: HostFilter | undefined,
  page: PageArgs,
): Promise<ConnectionData<Host>> {
  const status = filter?.status ?? HostStatus.VERIFIED;
  if (!PUBLIC_HOST_STATUSES.includes(status) && !readsAllHosts(ctx.viewer)) return Promise.resolve(empty());
  const where: FilterQuery<Host> = { status };
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.district) where.district = filter.district;
  return paginate(ctx, Host, where, { orderBy: { name: 'asc', id: 'asc' }, ...page });
}

/** The public directory: open addresses of verified hosts, oldest first, with live occupancy. */
export function listDirectory(
  ctx: RequestContext,
  filter: HostedAddressFilter | undefined,
  page: PageArgs,
): Promise<ConnectionData<HostedAddress>> {
  const where: FilterQuery<HostedAddress> = { hostStatus: HostStatus.VERIFIED, status: HostedAddressStatus.ACTIVE };
  if (filter?.district) where.district = filter.district;
  if (filter?.zone) where.zone = filter.zone;
  if (filter?.hostKind) where.hostKind = filter.hostKind;
  if (filter?.hasVacancy === true) where.occupied = { $lt: raw('capacity') };
  if (filter?.hasVacancy === false) where.occupied = { $gte: raw('capacity') };
  return paginate(ctx, HostedAddress, where, { orderBy: { createdAt: 'asc', id: 'asc' }, ...page });
}

/** The viewer's agreements: a host agent's host's; an applicant's own and its enterprises'. Newest first. */
export async function listMyAgreements(
  ctx: RequestContext,
  status: HostingAgreementStatus | null | undefined,
  page: PageArgs,
): Promise<ConnectionData<HostingAgreement>> {
  const { viewer } = ctx;
  let where: FilterQuery<HostingAgreement>;
  if (viewer.role === 'HOST_AGENT') {
    const host = await viewerHost(ctx);
    if (!host) return empty();
    where = { hostId: host.id };
  } else if (viewer.role === 'APPLICANT' && viewer.userId) {
    const enterprises = await ctx.em.find(Enterprise, { agentIds: { $contains: [viewer.userId] } }, { fields: ['id'] });
    where = {
      $or: [{ applicantId: viewer.userId }, { enterpriseId: { $in: enterprises.map((e) => e.id) } }],
    };
  } else {
    return empty();
  }
  if (status) where = { $and: [where, { status }] };
  return paginate(ctx, HostingAgreement, where, { orderBy: { requestedAt: 'desc', id: 'desc' }, ...page });
}

/** Officials of market regulation and administrators: all reports, oldest first; a host agent: its host's. */
export async function listUnreachableReports(
  ctx: RequestContext,
  status: UnreachableReportStatus | null | undefined,
  page: PageArgs,
): Promise<ConnectionData<UnreachableReport>> {
  const { viewer } = ctx;
  const where: FilterQuery<UnreachableReport> = status ? { status } : {};
  if (viewer.role === 'HOST_AGENT') {
    const host = await viewerHost(ctx);
    if (!host) return empty();
    where.hostId = host.id;
  } else if (!(viewer.role === 'ADMIN' || isOfficialOf(viewer, 'MARKET_REGULATION'))) {
    return empty();
  }
  return paginate(ctx, UnreachableReport, where, { orderBy: { reportedAt: 'asc', id: 'asc' }, ...page });
}

/** The abnormal-operations list: current entries, newest first (with `includeRemoved`, past ones too). Public. */
export function listAbnormal(
  ctx: RequestContext,
  includeRemoved: boolean,
  page: PageArgs,
): Promise<ConnectionData<AbnormalOperationsListing>> {
  return paginate(ctx, AbnormalOperationsListing, includeRemoved ? {} : { removedOn: null }, {
    orderBy: { listedOn: 'desc', id: 'desc' },
    ...page,
  });
}
