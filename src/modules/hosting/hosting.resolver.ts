import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { shanghaiDate } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { checkPageSize } from '../../shared/graphql/connection.js';
import { childPage, type ChildList } from '../../shared/graphql/first-pages.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { localIdOf } from '../../shared/ids.js';
import { freshForEvent, liveEvents } from '../../shared/subscriptions.js';
import { UserType, userById } from '../accounts/index.js';
import { EnterpriseReads, EnterpriseType, enterpriseById } from '../registration/index.js';
import { canSeeAgreement, isHostAgentOf, viewerHost } from './hosting.access.js';
import { AbnormalOperationsListing } from './hosting.entity.js';
import type { DocumentForwarding, Host, HostedAddress, HostingAgreement, UnreachableReport } from './hosting.entity.js';
import { HOSTING_AGREEMENT_UPDATED, type AgreementUpdatedEvent } from './hosting.events.js';
import {
  AcceptHostingRequestInput,
  AcknowledgeForwardingInput,
  AddHostedAddressInput,
  ApplyAsHostInput,
  DismissUnreachableReportInput,
  AbnormalOperationsListFilter,
  HostFilter,
  HostedAddressFilter,
  HostingAgreementFilter,
  ListEnterpriseAsAbnormalInput,
  LogDocumentForwardingInput,
  RefuseHostInput,
  RefuseHostingRequestInput,
  RemoveEnterpriseFromAbnormalListInput,
  ReportEnterpriseUnreachableInput,
  RequestHostingInput,
  SuspendHostInput,
  TerminateHostingInput,
  UpdateHostedAddressInput,
  UnreachableReportFilter,
  UpdateHostingSettingsInput,
  VerifyHostInput,
} from './hosting.inputs.js';
import {
  addressById,
  addressesOfHost,
  agreementById,
  forwardingsOfAgreement,
  hostById,
  hostedAddressByEnterprise,
} from './hosting.loaders.js';
import * as queries from './hosting.queries.js';
import * as hosting from './hosting.service.js';
import {
  AbnormalOperationsListingConnection,
  AbnormalOperationsListingType,
  AcceptHostingRequestPayload,
  AcknowledgeForwardingPayload,
  AddHostedAddressPayload,
  ApplyAsHostPayload,
  DismissUnreachableReportPayload,
  DocumentForwardingConnection,
  DocumentForwardingType,
  HostConnection,
  HostType,
  HostedAddressConnection,
  HostedAddressType,
  HostingAgreementConnection,
  HostingAgreementType,
  HostingSettingsType,
  ListEnterpriseAsAbnormalPayload,
  LogDocumentForwardingPayload,
  RefuseHostPayload,
  RefuseHostingRequestPayload,
  RemoveEnterpriseFromAbnormalListPayload,
  ReportEnterpriseUnreachablePayload,
  RequestHostingPayload,
  SuspendHostPayload,
  TerminateHostingPayload,
  UnreachableReportConnection,
  UnreachableReportType,
  UpdateHostedAddressPayload,
  UpdateHostingSettingsPayload,
  VerifyHostPayload,
} from './hosting.types.js';

// Thin by design: the role on each operation, then the service. Visibility lives in hosting.access.ts.

const OFFICIAL = 'OFFICIAL:MARKET_REGULATION';

@Resolver()
export class HostingResolver {
  @Query(() => HostedAddressConnection, {
    description:
      'The public directory of hosted addresses: open addresses of verified hosts, oldest first, with live occupancy. Public.',
  })
  hostedAddresses(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => HostedAddressFilter, { nullable: true, description: 'Which addresses (default: all listed).' })
    filter?: HostedAddressFilter,
  ) {
    return queries.listDirectory(ctx, filter, page);
  }

  @Query(() => HostConnection, {
    description:
      'Hosts by name: verified ones by default (public; SUSPENDED also public). PENDING and REFUSED hosts: OFFICIAL of MARKET_REGULATION, ADMIN, partner API key with HOSTING_READ (others get an empty list).',
  })
  hosts(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => HostFilter, { nullable: true, description: 'Which hosts.' }) filter?: HostFilter,
  ) {
    return queries.listHosts(ctx, filter, page);
  }

  @Authorized('HOST_AGENT')
  @Query(() => HostType, {
    nullable: true,
    description: "The viewer's firm as a host (any status), or null. Role: HOST_AGENT.",
  })
  myHost(@Ctx() ctx: RequestContext) {
    return viewerHost(ctx);
  }

  @Authorized('APPLICANT', 'HOST_AGENT')
  @Query(() => HostingAgreementConnection, {
    description:
      "Hosting agreements concerning the viewer, newest first: a host agent's firm's; an applicant's own requests and those of the enterprises it acts for. Roles: APPLICANT, HOST_AGENT.",
  })
  myHostingAgreements(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => HostingAgreementFilter, { nullable: true, description: 'Only these.' })
    filter?: HostingAgreementFilter,
  ) {
    return queries.listMyAgreements(ctx, filter?.status, page);
  }

  @Authorized(OFFICIAL, 'ADMIN', 'HOST_AGENT')
  @Query(() => UnreachableReportConnection, {
    description:
      "Reports of unreachable enterprises, oldest first: all for officials and administrators; a host agent sees its firm's. Roles: OFFICIAL of MARKET_REGULATION, ADMIN, HOST_AGENT.",
  })
  unreachableReports(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => UnreachableReportFilter, { nullable: true, description: 'Only these.' })
    filter?: UnreachableReportFilter,
  ) {
    return queries.listUnreachableReports(ctx, filter?.status, page);
  }

  @Query(() => AbnormalOperationsListingConnection, {
    description:
      'The abnormal-operations list (经营异常名录), newest first: public facts (reason, date, deciding authority). Public.',
  })
  abnormalOperationsList(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => AbnormalOperationsListFilter, { nullable: true, description: 'Which entries.' })
    filter?: AbnormalOperationsListFilter,
  ) {
    return queries.listAbnormal(ctx, filter?.includeRemoved ?? false, page);
  }

  @Query(() => HostingSettingsType, {
    description: 'The host rules and the acknowledgement deadline in force. Public.',
  })
  hostingSettings(@Ctx() ctx: RequestContext) {
    return hosting.hostingSettings(ctx);
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => ApplyAsHostPayload, {
    description:
      "Applies for the agent's firm to host registered addresses (again after a refusal); an official then verifies it. Role: HOST_AGENT.",
  })
  async applyAsHost(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ApplyAsHostInput, { description: 'The firm.' }) input: ApplyAsHostInput,
  ) {
    return { host: await hosting.applyAsHost(ctx, input) };
  }

  @Authorized(OFFICIAL)
  @MutationWithPayload(() => VerifyHostPayload, {
    description:
      'Verifies a pending host against its practising licence (or reinstates a suspended one). Role: OFFICIAL of MARKET_REGULATION.',
  })
  async verifyHost(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => VerifyHostInput, { description: 'The host.' }) input: VerifyHostInput,
  ) {
    return { host: await hosting.verifyHost(ctx, input.id) };
  }

  @Authorized(OFFICIAL)
  @MutationWithPayload(() => RefuseHostPayload, {
    description: 'Refuses a pending host, with a reason. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async refuseHost(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RefuseHostInput, { description: 'The host and reason.' }) input: RefuseHostInput,
  ) {
    return { host: await hosting.refuseHost(ctx, input.id, input.reason) };
  }

  @Authorized(OFFICIAL)
  @MutationWithPayload(() => SuspendHostPayload, {
    description:
      'Suspends a verified host: its addresses take no new enterprises; existing agreements stay. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async suspendHost(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SuspendHostInput, { description: 'The host and reason.' }) input: SuspendHostInput,
  ) {
    return { host: await hosting.suspendHost(ctx, input.id, input.reason) };
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => AddHostedAddressPayload, {
    description:
      "Adds an address to the viewer's verified host, within the host rules (hostingSettings). Role: HOST_AGENT.",
  })
  async addHostedAddress(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddHostedAddressInput, { description: 'The address.' }) input: AddHostedAddressInput,
  ) {
    return { address: await hosting.addHostedAddress(ctx, input) };
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => UpdateHostedAddressPayload, {
    description:
      "Edits an address of the viewer's host; its capacity never drops below the enterprises hosted now. Role: HOST_AGENT.",
  })
  async updateHostedAddress(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateHostedAddressInput, { description: 'The changes.' }) input: UpdateHostedAddressInput,
  ) {
    return { address: await hosting.updateHostedAddress(ctx, input) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => RequestHostingPayload, {
    description:
      'Asks to be hosted at an address with a free slot, for a name you reserved or an enterprise you act for. Role: APPLICANT.',
  })
  async requestHosting(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestHostingInput, { description: 'The address and what is to be hosted.' })
    input: RequestHostingInput,
  ) {
    return { agreement: await hosting.requestHosting(ctx, input) };
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => AcceptHostingRequestPayload, {
    description:
      'Accepts a request: the agreement becomes active and takes a slot; the capacity is never exceeded. Role: HOST_AGENT of that host.',
  })
  async acceptHostingRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptHostingRequestInput, { description: 'The request.' }) input: AcceptHostingRequestInput,
  ) {
    return { agreement: await hosting.acceptHostingRequest(ctx, input.id) };
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => RefuseHostingRequestPayload, {
    description: 'Refuses a request, with a reason. Role: HOST_AGENT of that host.',
  })
  async refuseHostingRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RefuseHostingRequestInput, { description: 'The request and reason.' })
    input: RefuseHostingRequestInput,
  ) {
    return { agreement: await hosting.refuseHostingRequest(ctx, input.id, input.reason) };
  }

  @Authorized('HOST_AGENT', 'APPLICANT')
  @MutationWithPayload(() => TerminateHostingPayload, {
    description:
      'Ends an active agreement, with a reason; the slot is freed and the other side told (the enterprise must file a change of registered address). Roles: HOST_AGENT of that host, APPLICANT of the enterprise.',
  })
  async terminateHosting(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => TerminateHostingInput, { description: 'The agreement and reason.' })
    input: TerminateHostingInput,
  ) {
    return { agreement: await hosting.terminateHosting(ctx, input.id, input.reason) };
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => LogDocumentForwardingPayload, {
    description:
      'Logs a document or letter forwarded to an enterprise your firm hosts; the enterprise is told. Role: HOST_AGENT.',
  })
  async logDocumentForwarding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LogDocumentForwardingInput, { description: 'The item.' }) input: LogDocumentForwardingInput,
  ) {
    return { forwarding: await hosting.logDocumentForwarding(ctx, input) };
  }

  @Authorized('APPLICANT')
  @MutationWithPayload(() => AcknowledgeForwardingPayload, {
    description: 'Acknowledges a forwarded item. Role: APPLICANT acting for the enterprise.',
  })
  async acknowledgeForwarding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcknowledgeForwardingInput, { description: 'The item.' }) input: AcknowledgeForwardingInput,
  ) {
    return { forwarding: await hosting.acknowledgeForwarding(ctx, input.id) };
  }

  @Authorized('HOST_AGENT')
  @MutationWithPayload(() => ReportEnterpriseUnreachablePayload, {
    description:
      'Reports that an enterprise your firm hosts cannot be reached, with the attempts made; an official decides. Role: HOST_AGENT.',
  })
  async reportEnterpriseUnreachable(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReportEnterpriseUnreachableInput, { description: 'The enterprise and attempts.' })
    input: ReportEnterpriseUnreachableInput,
  ) {
    return { report: await hosting.reportEnterpriseUnreachable(ctx, input) };
  }

  @Authorized(OFFICIAL)
  @MutationWithPayload(() => ListEnterpriseAsAbnormalPayload, {
    description:
      'Decides a pending unreachable report by listing the enterprise on the abnormal-operations list (public). Role: OFFICIAL of MARKET_REGULATION.',
  })
  async listEnterpriseAsAbnormal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ListEnterpriseAsAbnormalInput, { description: 'The report, reason and authority.' })
    input: ListEnterpriseAsAbnormalInput,
  ) {
    return hosting.listEnterpriseAsAbnormal(ctx, input);
  }

  @Authorized(OFFICIAL)
  @MutationWithPayload(() => DismissUnreachableReportPayload, {
    description: 'Dismisses a pending unreachable report. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async dismissUnreachableReport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DismissUnreachableReportInput, { description: 'The report and note.' })
    input: DismissUnreachableReportInput,
  ) {
    return { report: await hosting.dismissUnreachableReport(ctx, input) };
  }

  @Authorized(OFFICIAL)
  @MutationWithPayload(() => RemoveEnterpriseFromAbnormalListPayload, {
    description:
      'Takes an enterprise off the abnormal-operations list once the cause is cured. Role: OFFICIAL of MARKET_REGULATION.',
  })
  async removeEnterpriseFromAbnormalList(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveEnterpriseFromAbnormalListInput, {
      description: 'The enterprise and how the cause was cured.',
    })
    input: RemoveEnterpriseFromAbnormalListInput,
  ) {
    return { listing: await hosting.removeEnterpriseFromAbnormalList(ctx, input) };
  }

  @Authorized('ADMIN')
  @MutationWithPayload(() => UpdateHostingSettingsPayload, {
    description:
      'Changes the host rules or the acknowledgement deadline; addresses already added keep their capacity. Role: ADMIN.',
  })
  async updateHostingSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateHostingSettingsInput, { description: 'The new figures.' })
    input: UpdateHostingSettingsInput,
  ) {
    return { settings: await hosting.updateHostingSettings(ctx, input) };
  }

  @Authorized('APPLICANT', 'HOST_AGENT')
  @Subscription(() => HostingAgreementType, {
    description:
      'Each change of a hosting agreement concerning you (one agreement with `id`): requests, decisions, terminations, forwarded items and acknowledgements. Roles: APPLICANT (its own), HOST_AGENT (its firm’s). Authenticate with connectionParams { authorization: "Bearer …" }.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const { viewer } = ctx;
      let only: string | null = null;
      if (args.id) {
        only = localIdOf(args.id as string, 'HostingAgreement');
        const agreement = only ? await ctx.loaders.get(agreementById).load(only) : null;
        const host = agreement ? await ctx.loaders.get(hostById).load(agreement.hostId) : null;
        if (!agreement || !(await canSeeAgreement(ctx, agreement, host))) throw notFound(ctx.locale);
      }
      const hostId = viewer.role === 'HOST_AGENT' ? ((await viewerHost(ctx))?.id ?? null) : null;
      return liveEvents<AgreementUpdatedEvent>(ctx, HOSTING_AGREEMENT_UPDATED, {
        where: (event) =>
          (only === null || event.id === only) &&
          (viewer.role === 'HOST_AGENT'
            ? event.hostId === hostId
            : event.applicantId === viewer.userId || only !== null),
      });
    },
  })
  async hostingAgreementUpdated(
    @Root() event: AgreementUpdatedEvent,
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: 'Only this agreement.' }) _id?: string,
  ): Promise<HostingAgreement> {
    const fresh = freshForEvent(ctx);
    const agreement = await fresh.loaders.get(agreementById).load(event.id);
    if (!agreement) throw notFound(ctx.locale);
    return agreement;
  }
}

@Resolver(() => HostType)
export class HostFieldsResolver {
  @FieldResolver(() => HostedAddressConnection, { description: "The host's addresses, oldest first." })
  addresses(@Root() host: Host, @Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return addressesOfHost(ctx, host.id, page);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Office floor area, m². Visible to its own agents, officials of MARKET_REGULATION, administrators and HOSTING_READ keys.',
  })
  officeFloorArea(@Root() host: Host, @Ctx() ctx: RequestContext) {
    return canSeeHostDetails(ctx, host) ? host.officeFloorArea : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Full-time secretaries. Visible as officeFloorArea.' })
  fullTimeSecretaries(@Root() host: Host, @Ctx() ctx: RequestContext) {
    return canSeeHostDetails(ctx, host) ? host.fullTimeSecretaries : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it was refused or suspended.' })
  decisionReason(@Root() host: Host, @Ctx() ctx: RequestContext) {
    return canSeeHostDetails(ctx, host) ? host.decisionReason : null;
  }
}

function canSeeHostDetails(ctx: RequestContext, host: Host): boolean {
  const { viewer } = ctx;
  return (
    isHostAgentOf(viewer, host) ||
    viewer.role === 'ADMIN' ||
    (viewer.role === 'OFFICIAL' && viewer.department === 'MARKET_REGULATION') ||
    (viewer.kind === 'API_KEY' && viewer.scopes.includes('HOSTING_READ'))
  );
}

@Resolver(() => HostedAddressType)
export class HostedAddressFieldsResolver {
  @FieldResolver(() => HostType, { description: 'The host offering it.' })
  async host(@Root() address: HostedAddress, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(hostById).load(address.hostId);
  }

  @FieldResolver(() => Int, { description: 'Free slots now (capacity − occupied), live.' })
  available(@Root() address: HostedAddress) {
    return Math.max(0, address.capacity - address.occupied);
  }
}

@Resolver(() => HostingAgreementType)
export class HostingAgreementFieldsResolver {
  @FieldResolver(() => HostedAddressType, { description: 'The hosted address.' })
  address(@Root() agreement: HostingAgreement, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(addressById).load(agreement.addressId);
  }

  @FieldResolver(() => HostType, { description: 'The host.' })
  host(@Root() agreement: HostingAgreement, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(hostById).load(agreement.hostId);
  }

  @FieldResolver(() => EnterpriseType, { nullable: true, description: 'The enterprise, once it exists.' })
  enterprise(@Root() agreement: HostingAgreement, @Ctx() ctx: RequestContext) {
    return agreement.enterpriseId ? ctx.loaders.get(enterpriseById).load(agreement.enterpriseId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The applicant who requested it.' })
  applicant(@Root() agreement: HostingAgreement, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(userById).load(agreement.applicantId);
  }

  @FieldResolver(() => DocumentForwardingConnection, {
    description: 'Items the host forwarded under it, newest first.',
  })
  forwardings(@Root() agreement: HostingAgreement, @Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return forwardingsOfAgreement(ctx, agreement.id, page);
  }
}

@Resolver(() => DocumentForwardingType)
export class DocumentForwardingFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'Not acknowledged and past acknowledgeBy (Asia/Shanghai).' })
  overdue(@Root() row: DocumentForwarding, @Ctx() ctx: RequestContext) {
    return !row.acknowledgedAt && shanghaiDate(ctx.deps.clock.now()) > row.acknowledgeBy;
  }

  @FieldResolver(() => EnterpriseType, { description: 'The enterprise it was forwarded to.' })
  enterprise(@Root() row: DocumentForwarding, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(row.enterpriseId);
  }
}

@Resolver(() => UnreachableReportType)
export class UnreachableReportFieldsResolver {
  @FieldResolver(() => EnterpriseType, { description: 'The enterprise reported.' })
  enterprise(@Root() report: UnreachableReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(report.enterpriseId);
  }

  @FieldResolver(() => HostType, { description: 'The reporting host.' })
  host(@Root() report: UnreachableReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(hostById).load(report.hostId);
  }
}

@Resolver(() => AbnormalOperationsListingType)
export class AbnormalOperationsListingFieldsResolver {
  @FieldResolver(() => EnterpriseType, { description: 'The enterprise listed.' })
  enterprise(@Root() listing: AbnormalOperationsListing, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(listing.enterpriseId);
  }
}

/** The public profile of an enterprise shows its listings (经营异常名录 entries are public). */
const ENTERPRISE_LISTINGS: ChildList<AbnormalOperationsListing> = {
  name: 'hosting.listingsByEnterprise',
  entity: AbnormalOperationsListing,
  parent: 'enterpriseId',
  orderBy: ['listedOn'],
  direction: 'desc',
};

@Resolver(() => EnterpriseType)
export class EnterpriseAbnormalOperationsResolver {
  @FieldResolver(() => AbnormalOperationsListingConnection, {
    description:
      'Its entries on the abnormal-operations list (经营异常名录), newest first; removed ones carry removedOn. A page of enterprises reads the first page of each one’s entries in one statement. Public.',
  })
  @EnterpriseReads('id')
  abnormalOperations(@Root() enterprise: { id: string }, @Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return childPage(ctx, ENTERPRISE_LISTINGS, enterprise.id, page, checkPageSize(ctx, page.first));
  }

  @FieldResolver(() => HostedAddressType, {
    nullable: true,
    description:
      'The hosted address (住所托管) it is registered at, with its host, while a hosting agreement is active. Public.',
  })
  @EnterpriseReads('id')
  hostedAddress(@Root() enterprise: { id: string }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(hostedAddressByEnterprise).load(enterprise.id);
  }
}
