import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { District, Zone } from '../../shared/graphql/reference.types.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { MultiLineText } from '../../shared/graphql/text-input.js';
import {
  ForwardedDocumentKind,
  HostKind,
  HostStatus,
  HostedAddressStatus,
  HostingAgreementStatus,
  UnreachableReportStatus,
} from './hosting.enums.js';

@InputType({ description: "A firm's application to host registered addresses." })
export class ApplyAsHostInput {
  @Field({ description: 'Name of the firm.' })
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => HostKind, { description: 'Law firm or accounting firm (must match your organisation).' })
  kind!: HostKind;

  @Field({ description: 'Practising-licence number (letters, digits, hyphens; at most 50).' })
  @MaxLength(50)
  licenceNumber!: string;

  @Field({ description: 'Unified social credit code of the firm (checked).' })
  @MaxLength(18)
  uscc!: string;

  @Field(() => District, { description: 'District of the firm.' })
  district!: District;

  @Field(() => Int, { description: 'Office floor area, m².' })
  officeFloorArea!: number;

  @Field(() => Int, { description: 'Number of full-time secretaries.' })
  fullTimeSecretaries!: number;
}

@InputType({ description: 'A host to verify.' })
export class VerifyHostInput {
  @Field(() => ID, { description: 'Global ID of the host.' })
  id!: string;
}

@InputType({ description: 'A host to refuse, with the reason.' })
export class RefuseHostInput {
  @Field(() => ID, { description: 'Global ID of the host.' })
  id!: string;

  @Field({ description: 'Why it is refused (shown to the firm).' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'A host to suspend, with the reason.' })
export class SuspendHostInput {
  @Field(() => ID, { description: 'Global ID of the host.' })
  id!: string;

  @Field({ description: 'Why it is suspended.' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'A new hosted address.' })
export class AddHostedAddressInput {
  @Field({ description: 'The address.' })
  @MaxLength(300)
  address!: string;

  @Field(() => District, { description: 'District of the address.' })
  district!: District;

  @Field(() => Zone, { nullable: true, description: 'Zone of the address (default NONE).' })
  zone?: Zone | null;

  @Field(() => Int, { description: 'Office floor area set aside for hosted enterprises, m².' })
  floorArea!: number;

  @Field(() => Int, { description: 'How many enterprises it may host at once (within the host rules).' })
  capacity!: number;
}

@InputType({ description: 'Changes to a hosted address; fields left out stay.' })
export class UpdateHostedAddressInput {
  @Field(() => ID, { description: 'Global ID of the address.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The address.' })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => Int, { nullable: true, description: 'Office floor area, m².' })
  floorArea?: number | null;

  @Field(() => Int, { nullable: true, description: 'Capacity: never below the enterprises hosted now.' })
  capacity?: number | null;

  @Field(() => HostedAddressStatus, { nullable: true, description: 'Open or close it to new enterprises.' })
  status?: HostedAddressStatus | null;
}

@InputType({ description: 'A request to be hosted: give exactly one of reservationId and enterpriseId.' })
export class RequestHostingInput {
  @Field(() => ID, { description: 'Global ID of the hosted address.' })
  addressId!: string;

  @Field(() => ID, { nullable: true, description: 'A name you reserved (before the enterprise exists).' })
  reservationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An enterprise you act for.' })
  enterpriseId?: string | null;
}

@InputType({ description: 'A hosting request to accept.' })
export class AcceptHostingRequestInput {
  @Field(() => ID, { description: 'Global ID of the agreement.' })
  id!: string;
}

@InputType({ description: 'A hosting request to refuse, with the reason.' })
export class RefuseHostingRequestInput {
  @Field(() => ID, { description: 'Global ID of the agreement.' })
  id!: string;

  @Field({ description: 'Why it is refused.' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'An active agreement to end, with the reason.' })
export class TerminateHostingInput {
  @Field(() => ID, { description: 'Global ID of the agreement.' })
  id!: string;

  @Field({ description: 'Why it ends.' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'An item forwarded to a hosted enterprise.' })
export class LogDocumentForwardingInput {
  @Field(() => ID, { description: 'Global ID of the enterprise (hosted by your firm).' })
  enterpriseId!: string;

  @Field({ description: 'Who sent it.' })
  @MaxLength(200)
  sender!: string;

  @Field(() => ForwardedDocumentKind, { description: 'What it is.' })
  kind!: ForwardedDocumentKind;

  @Field(() => DateScalar, { description: 'Day received.' })
  receivedOn!: string;

  @Field(() => DateScalar, { description: 'Day forwarded (not before receipt, not after today).' })
  forwardedOn!: string;

  @Field(() => String, { nullable: true, description: 'Tracking number of the forwarding.' })
  @IsOptional()
  @MaxLength(50)
  trackingNumber?: string | null;
}

@InputType({ description: 'A forwarded item to acknowledge.' })
export class AcknowledgeForwardingInput {
  @Field(() => ID, { description: 'Global ID of the forwarding.' })
  id!: string;
}

@InputType({ description: 'A hosted enterprise the host cannot reach.' })
export class ReportEnterpriseUnreachableInput {
  @Field(() => ID, { description: 'Global ID of the enterprise (hosted by your firm).' })
  enterpriseId!: string;

  @Field({ description: 'The attempts made to reach it (calls, letters, visits, with dates).' })
  @MaxLength(4000)
  @MultiLineText()
  attempts!: string;
}

@InputType({ description: 'A decision to list a reported enterprise as operating abnormally.' })
export class ListEnterpriseAsAbnormalInput {
  @Field(() => ID, { description: 'Global ID of the unreachable report.' })
  reportId!: string;

  @Field({ description: 'Reason for listing (public).' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;

  @Field({ description: 'The deciding authority (public), e.g. 青岛市市场监督管理局.' })
  @MaxLength(200)
  authority!: string;
}

@InputType({ description: 'A report to dismiss.' })
export class DismissUnreachableReportInput {
  @Field(() => ID, { description: 'Global ID of the unreachable report.' })
  reportId!: string;

  @Field({ description: 'Why it is dismissed.' })
  @MaxLength(2000)
  @MultiLineText()
  note!: string;
}

@InputType({ description: 'An enterprise whose cause for listing is cured.' })
export class RemoveEnterpriseFromAbnormalListInput {
  @Field(() => ID, { description: 'Global ID of the enterprise.' })
  enterpriseId!: string;

  @Field({ description: 'How the cause was cured.' })
  @MaxLength(2000)
  @MultiLineText()
  reason!: string;
}

@InputType({ description: 'New host rules or deadline; figures left out stay.' })
export class UpdateHostingSettingsInput {
  @Field(() => Int, { nullable: true, description: 'Office floor area, m², per hosted enterprise (1–1000).' })
  floorAreaPerEnterprise?: number | null;

  @Field(() => Int, { nullable: true, description: 'Hosted enterprises per full-time secretary (1–10000).' })
  enterprisesPerSecretary?: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days to acknowledge a forwarded item (1–250).' })
  acknowledgeWithinWorkingDays?: number | null;
}

@InputType({ description: 'Which hosted addresses of the public directory.' })
export class HostedAddressFilter {
  @Field(() => District, { nullable: true, description: 'Only in this district.' })
  district?: District | null;

  @Field(() => Zone, { nullable: true, description: 'Only in this zone.' })
  zone?: Zone | null;

  @Field(() => HostKind, { nullable: true, description: 'Only of hosts of this kind.' })
  hostKind?: HostKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only addresses with a free slot.' })
  hasVacancy?: boolean | null;
}

@InputType({ description: 'Which hosts.' })
export class HostFilter {
  @Field(() => HostKind, { nullable: true, description: 'Only of this kind.' })
  kind?: HostKind | null;

  @Field(() => District, { nullable: true, description: 'Only in this district.' })
  district?: District | null;

  @Field(() => HostStatus, {
    nullable: true,
    description:
      'Only in this status (default VERIFIED). PENDING and REFUSED: officials of MARKET_REGULATION, administrators and HOSTING_READ keys only.',
  })
  status?: HostStatus | null;
}

@InputType({ description: 'Which hosting agreements.' })
export class HostingAgreementFilter {
  @Field(() => HostingAgreementStatus, { nullable: true, description: 'Only in this status.' })
  status?: HostingAgreementStatus | null;
}

@InputType({ description: 'Which entries of the abnormal-operations list.' })
export class AbnormalOperationsListFilter {
  @Field(() => Boolean, { nullable: true, description: 'Also entries removed after the cause was cured.' })
  includeRemoved?: boolean | null;
}

@InputType({ description: 'Which unreachable reports.' })
export class UnreachableReportFilter {
  @Field(() => UnreachableReportStatus, { nullable: true, description: 'Only in this status.' })
  status?: UnreachableReportStatus | null;
}
