// The hosting module (住所托管): law and accounting firms as hosts, their addresses with capacity,
import { EnterpriseHostingAgreementsResolver } from './enterprise-agreements.resolver.js';
// hosting agreements, the forwarding log, unreachable reports and the abnormal-operations list.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { canSeeAgreement, canSeeHost, isHostAgentOf } from './hosting.access.js';
import {
  DocumentForwarding,
  Host,
  HostedAddress,
  HostingAgreement,
  UnreachableReport,
  hostingEntities,
} from './hosting.entity.js';
import {
  AbnormalOperationsListingFieldsResolver,
  DocumentForwardingFieldsResolver,
  EnterpriseAbnormalOperationsResolver,
  HostFieldsResolver,
  HostedAddressFieldsResolver,
  HostingAgreementFieldsResolver,
  HostingResolver,
  UnreachableReportFieldsResolver,
} from './hosting.resolver.js';
import {
  DocumentForwardingType,
  HostType,
  HostedAddressType,
  HostingAgreementType,
  UnreachableReportType,
} from './hosting.types.js';
import { isOfficialOf } from '../../shared/viewer.js';
import { addSimplifiedDeregistrationObstacle, useHostedAddresses } from '../registration/index.js';
import { abnormalListObstacle, bindHostingToEnterprise, requireActiveHostedAddress } from './hosting.service.js';

export { Host, HostedAddress, HostingAgreement } from './hosting.entity.js';

// An enterprise on the abnormal-operations list may not use simplified deregistration.
addSimplifiedDeregistrationObstacle(abnormalListObstacle);
// A registration application may name a hosted address as its registered address.
useHostedAddresses({ requireActive: requireActiveHostedAddress, bind: bindHostingToEnterprise });
export { isOnAbnormalOperationsList, requireActiveHostedAddress, bindHostingToEnterprise } from './hosting.service.js';
export { hostingEntities };

registerNodeType({
  typeName: 'Host',
  entity: Host,
  load: async (ctx, ids) => {
    const rows = await ctx.em.find(Host, { id: { $in: [...ids] } });
    return byKeys(
      ids,
      rows.filter((h) => canSeeHost(ctx.viewer, h)),
      (h) => h.id,
    );
  },
});
registerNodeType({
  typeName: 'HostedAddress',
  entity: HostedAddress,
  // Visible with its host.
  load: async (ctx, ids) => {
    const rows = await ctx.em.find(HostedAddress, { id: { $in: [...ids] } });
    const hosts = rows.length ? await ctx.em.find(Host, { id: { $in: rows.map((r) => r.hostId) } }) : [];
    const visible = new Set(hosts.filter((h) => canSeeHost(ctx.viewer, h)).map((h) => h.id));
    return byKeys(
      ids,
      rows.filter((r) => visible.has(r.hostId)),
      (r) => r.id,
    );
  },
});
registerNodeType({
  typeName: 'HostingAgreement',
  entity: HostingAgreement,
  // Either side, officials of market regulation, administrators.
  load: async (ctx, ids) => {
    const rows = await ctx.em.find(HostingAgreement, { id: { $in: [...ids] } });
    const hosts = rows.length ? await ctx.em.find(Host, { id: { $in: rows.map((r) => r.hostId) } }) : [];
    // Checked together, so the enterprises the checks need load in one statement.
    const seen = await Promise.all(
      rows.map((row) => canSeeAgreement(ctx, row, hosts.find((h) => h.id === row.hostId) ?? null)),
    );
    return byKeys(
      ids,
      rows.filter((_, i) => seen[i]),
      (r) => r.id,
    );
  },
});
registerNodeType({
  typeName: 'DocumentForwarding',
  entity: DocumentForwarding,
  // Visible with its agreement.
  load: async (ctx, ids) => {
    const rows = await ctx.em.find(DocumentForwarding, { id: { $in: [...ids] } });
    const agreements = rows.length
      ? await ctx.em.find(HostingAgreement, { id: { $in: rows.map((r) => r.agreementId) } })
      : [];
    const hosts = agreements.length ? await ctx.em.find(Host, { id: { $in: agreements.map((a) => a.hostId) } }) : [];
    const seen = await Promise.all(
      rows.map((row) => {
        const agreement = agreements.find((a) => a.id === row.agreementId);
        return agreement
          ? canSeeAgreement(ctx, agreement, hosts.find((h) => h.id === agreement.hostId) ?? null)
          : false;
      }),
    );
    return byKeys(
      ids,
      rows.filter((_, i) => seen[i]),
      (r) => r.id,
    );
  },
});
registerNodeType({
  typeName: 'UnreachableReport',
  entity: UnreachableReport,
  // The reporting host, officials of market regulation, administrators.
  load: async (ctx, ids) => {
    const { viewer } = ctx;
    const rows = await ctx.em.find(UnreachableReport, { id: { $in: [...ids] } });
    const all = viewer.role === 'ADMIN' || isOfficialOf(viewer, 'MARKET_REGULATION');
    const hosts = all || !rows.length ? [] : await ctx.em.find(Host, { id: { $in: rows.map((r) => r.hostId) } });
    return byKeys(
      ids,
      rows.filter((r) => all || hosts.some((h) => h.id === r.hostId && isHostAgentOf(viewer, h))),
      (r) => r.id,
    );
  },
});

export const hostingResolvers = [
  EnterpriseHostingAgreementsResolver,
  HostingResolver,
  HostFieldsResolver,
  HostedAddressFieldsResolver,
  HostingAgreementFieldsResolver,
  DocumentForwardingFieldsResolver,
  UnreachableReportFieldsResolver,
  AbnormalOperationsListingFieldsResolver,
  EnterpriseAbnormalOperationsResolver,
  nodeIdResolver(HostType, 'Host'),
  nodeIdResolver(HostedAddressType, 'HostedAddress'),
  nodeIdResolver(HostingAgreementType, 'HostingAgreement'),
  nodeIdResolver(DocumentForwardingType, 'DocumentForwarding'),
  nodeIdResolver(UnreachableReportType, 'UnreachableReport'),
] as const;
