import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District, Zone } from '../../shared/graphql/reference.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import {
  ForwardedDocumentKind,
  HostKind,
  HostStatus,
  HostedAddressStatus,
  HostingAgreementStatus,
  HostingParty,
  UnreachableReportStatus,
} from './hosting.enums.js';

// The GraphQL shapes of 住所托管 (api.md "Hosted registered addresses"). Entities are returned as the
// roots; fields that need more than a column are in hosting.resolver.ts.

@ObjectType('Host', {
  implements: Node,
  description: 'A law or accounting firm offering registered addresses (住所托管), verified by market regulation.',
})
export class HostType extends Node {
  @Field(() => HostKind, { description: 'Law firm or accounting firm.' })
  kind!: HostKind;

  @Field({ description: 'Name of the firm.' })
  name!: string;

  @Field({ description: 'Practising-licence number (执业许可证号).' })
  licenceNumber!: string;

  @Field({ description: 'Unified social credit code of the firm.' })
  uscc!: string;

  @Field(() => District, { description: 'District of the firm.' })
  district!: District;

  @Field(() => HostStatus, { description: 'Where the host stands with market regulation.' })
  status!: HostStatus;

  @Field(() => Date, { description: 'When the firm (last) applied.' })
  appliedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an official last decided on it.' })
  decidedAt!: Date | null;
}

@ObjectType('HostedAddress', {
  implements: Node,
  description: 'An address a host offers for registration, with its capacity.',
})
export class HostedAddressType extends Node {
  @Field({ description: 'The address.' })
  address!: string;

  @Field(() => District, { description: 'District of the address.' })
  district!: District;

  @Field(() => Zone, { description: 'Zone the address lies in.' })
  zone!: Zone;

  @Field(() => Int, { description: 'Office floor area set aside for the hosted enterprises, m².' })
  floorArea!: number;

  @Field(() => Int, { description: 'How many enterprises it may host at once.' })
  capacity!: number;

  @Field(() => Int, { description: 'How many it hosts now (active agreements), live.' })
  occupied!: number;

  @Field(() => HostedAddressStatus, { description: 'Whether it takes enterprises.' })
  status!: HostedAddressStatus;

  @Field(() => Date, { description: 'When the host added it.' })
  createdAt!: Date;
}

@ObjectType('HostingAgreement', {
  implements: Node,
  description: 'The written agreement between a host and an enterprise.',
})
export class HostingAgreementType extends Node {
  @Field(() => HostingAgreementStatus, { description: 'Where the agreement stands.' })
  status!: HostingAgreementStatus;

  @Field({ description: "The enterprise's name (the reserved name before the enterprise exists)." })
  enterpriseName!: string;

  @Field(() => Date, { description: 'When it was requested.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the host accepted or refused it.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The host's reason for refusing." })
  refusalReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day hosted.' })
  startsOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day hosted.' })
  endsOn!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was terminated.' })
  terminatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was terminated.' })
  terminationReason!: string | null;

  @Field(() => HostingParty, { nullable: true, description: 'Which side terminated it.' })
  terminatedBy!: HostingParty | null;
}

@ObjectType('DocumentForwarding', {
  implements: Node,
  description: 'An official document or letter a host received for a hosted enterprise and forwarded to it.',
})
export class DocumentForwardingType extends Node {
  @Field({ description: 'Who sent it.' })
  sender!: string;

  @Field(() => ForwardedDocumentKind, { description: 'What it is.' })
  kind!: ForwardedDocumentKind;

  @Field(() => DateScalar, { description: 'Day the host received it.' })
  receivedOn!: string;

  @Field(() => DateScalar, { description: 'Day the host forwarded it.' })
  forwardedOn!: string;

  @Field(() => String, { nullable: true, description: 'Tracking number of the forwarding.' })
  trackingNumber!: string | null;

  @Field(() => DateScalar, { description: 'The enterprise acknowledges it by the end of this day (working days).' })
  acknowledgeBy!: string;

  @Field(() => Date, { nullable: true, description: 'When the enterprise acknowledged it.' })
  acknowledgedAt!: Date | null;
}

@ObjectType('UnreachableReport', {
  implements: Node,
  description: "A host's report that it can no longer reach a hosted enterprise.",
})
export class UnreachableReportType extends Node {
  @Field({ description: 'The attempts made to reach the enterprise.' })
  attempts!: string;

  @Field(() => Date, { description: 'When it was reported.' })
  reportedAt!: Date;

  @Field(() => UnreachableReportStatus, { description: 'Where the report stands.' })
  status!: UnreachableReportStatus;

  @Field(() => Date, { nullable: true, description: 'When an official decided.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The official's reason or note." })
  decisionNote!: string | null;
}

@ObjectType('AbnormalOperationsListing', {
  description: 'An entry of the abnormal-operations list (经营异常名录). Public.',
})
export class AbnormalOperationsListingType {
  @Field({ description: 'Why the enterprise was listed.' })
  reason!: string;

  @Field(() => DateScalar, { description: 'Day it was listed.' })
  listedOn!: string;

  @Field({ description: 'The deciding authority (作出决定机关).' })
  authority!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was removed, once the cause was cured.' })
  removedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was removed.' })
  removalReason!: string | null;
}

@ObjectType('HostingSettings', { description: 'The host rules and deadlines an administrator may change.' })
export class HostingSettingsType {
  @Field(() => Int, { description: 'Office floor area, m², each hosted enterprise needs at least (default 2).' })
  floorAreaPerEnterprise!: number;

  @Field(() => Int, { description: 'Hosted enterprises one full-time secretary may serve at most (default 50).' })
  enterprisesPerSecretary!: number;

  @Field(() => Int, {
    description: 'Working days after forwarding within which an enterprise acknowledges (default 5).',
  })
  acknowledgeWithinWorkingDays!: number;

  @Field(() => Date, { description: 'When they were last changed.' })
  updatedAt!: Date;
}

export const HostConnection = ConnectionType(HostType, 'Host', 'host');
export const HostedAddressConnection = ConnectionType(HostedAddressType, 'HostedAddress', 'hosted address');
export const HostingAgreementConnection = ConnectionType(HostingAgreementType, 'HostingAgreement', 'hosting agreement');
export const DocumentForwardingConnection = ConnectionType(
  DocumentForwardingType,
  'DocumentForwarding',
  'forwarded document',
);
export const UnreachableReportConnection = ConnectionType(
  UnreachableReportType,
  'UnreachableReport',
  'unreachable report',
);
export const AbnormalOperationsListingConnection = ConnectionType(
  AbnormalOperationsListingType,
  'AbnormalOperationsListing',
  'abnormal-operations listing',
);

@ObjectType({ description: 'Result of applyAsHost.' })
export class ApplyAsHostPayload {
  @Field(() => HostType, { nullable: true, description: 'The host application.' })
  host?: HostType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of verifyHost.' })
export class VerifyHostPayload {
  @Field(() => HostType, { nullable: true, description: 'The host.' })
  host?: HostType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of refuseHost.' })
export class RefuseHostPayload {
  @Field(() => HostType, { nullable: true, description: 'The host.' })
  host?: HostType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of suspendHost.' })
export class SuspendHostPayload {
  @Field(() => HostType, { nullable: true, description: 'The host.' })
  host?: HostType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of addHostedAddress.' })
export class AddHostedAddressPayload {
  @Field(() => HostedAddressType, { nullable: true, description: 'The new address.' })
  address?: HostedAddressType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateHostedAddress.' })
export class UpdateHostedAddressPayload {
  @Field(() => HostedAddressType, { nullable: true, description: 'The address.' })
  address?: HostedAddressType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of requestHosting.' })
export class RequestHostingPayload {
  @Field(() => HostingAgreementType, { nullable: true, description: 'The requested agreement.' })
  agreement?: HostingAgreementType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of acceptHostingRequest.' })
export class AcceptHostingRequestPayload {
  @Field(() => HostingAgreementType, { nullable: true, description: 'The agreement, now active.' })
  agreement?: HostingAgreementType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of refuseHostingRequest.' })
export class RefuseHostingRequestPayload {
  @Field(() => HostingAgreementType, { nullable: true, description: 'The agreement, now refused.' })
  agreement?: HostingAgreementType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of terminateHosting.' })
export class TerminateHostingPayload {
  @Field(() => HostingAgreementType, { nullable: true, description: 'The agreement, now terminated.' })
  agreement?: HostingAgreementType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of logDocumentForwarding.' })
export class LogDocumentForwardingPayload {
  @Field(() => DocumentForwardingType, { nullable: true, description: 'The logged forwarding.' })
  forwarding?: DocumentForwardingType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of acknowledgeForwarding.' })
export class AcknowledgeForwardingPayload {
  @Field(() => DocumentForwardingType, { nullable: true, description: 'The acknowledged forwarding.' })
  forwarding?: DocumentForwardingType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of reportEnterpriseUnreachable.' })
export class ReportEnterpriseUnreachablePayload {
  @Field(() => UnreachableReportType, { nullable: true, description: 'The report.' })
  report?: UnreachableReportType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of listEnterpriseAsAbnormal.' })
export class ListEnterpriseAsAbnormalPayload {
  @Field(() => UnreachableReportType, { nullable: true, description: 'The report, now decided.' })
  report?: UnreachableReportType;
  @Field(() => AbnormalOperationsListingType, { nullable: true, description: 'The new listing.' })
  listing?: AbnormalOperationsListingType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of dismissUnreachableReport.' })
export class DismissUnreachableReportPayload {
  @Field(() => UnreachableReportType, { nullable: true, description: 'The report, now dismissed.' })
  report?: UnreachableReportType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of removeEnterpriseFromAbnormalList.' })
export class RemoveEnterpriseFromAbnormalListPayload {
  @Field(() => AbnormalOperationsListingType, { nullable: true, description: 'The listing, now ended.' })
  listing?: AbnormalOperationsListingType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateHostingSettings.' })
export class UpdateHostingSettingsPayload {
  @Field(() => HostingSettingsType, { nullable: true, description: 'The settings now in force.' })
  settings?: HostingSettingsType;
  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}
