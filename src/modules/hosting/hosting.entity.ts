import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CalendarDateType } from '../../shared/calendar-date.type.js';
import { District, Zone } from '../../shared/graphql/reference.types.js';
import { Organisation, User } from '../accounts/index.js';
import { NameReservation } from '../names/index.js';
import { Enterprise } from '../registration/index.js';
import {
  ForwardedDocumentKind,
  HostKind,
  HostStatus,
  HostedAddressStatus,
  HostingAgreementStatus,
  HostingParty,
  UnreachableReportStatus,
} from './hosting.enums.js';

// The tables of 住所托管 (domain-rules §3). References are relations mapped to their keys (mapToPk):
// the schema gets its foreign keys, the code keeps plain ids. Every index is declared here so the
// next generated migration never drops one.

/** A law or accounting firm offering registered addresses; one per firm (organisation). */
@Entity({ tableName: 'hosts' })
@Index({ name: 'hosts_status_name_id_idx', properties: ['status', 'name', 'id'] })
@Index({ name: 'hosts_kind_status_idx', properties: ['kind', 'status'] })
export class Host {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { mapToPk: true, fieldName: 'organisation_id', unique: true, deleteRule: 'no action' })
  organisationId!: string;

  @Enum({ items: () => HostKind })
  kind!: HostKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Practising-licence number (执业许可证号). */
  @Property({ type: 'string', length: 50 })
  licenceNumber!: string;

  @Property({ type: 'string', length: 18 })
  uscc!: string;

  @Enum({ items: Object.values(District) })
  district!: District;

  /** Office floor area in m². */
  @Property({ type: 'integer' })
  officeFloorArea!: number;

  @Property({ type: 'integer' })
  fullTimeSecretaries!: number;

  @Enum({ items: () => HostStatus })
  status: HostStatus = HostStatus.PENDING;

  @Property({ type: 'uuid' })
  appliedById!: string;

  @Property({ type: 'datetime' })
  appliedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  /** The reason of a refusal or suspension. */
  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;
}

/**
 * An address a host offers. `occupied` counts its ACTIVE agreements and changes only under this row's
 * lock, in the transaction that changes an agreement; the table's check keeps it within capacity. The
 * host's kind and status are copied here so the public directory filters one table by its indexes.
 */
@Entity({ tableName: 'hosted_addresses' })
@Check({ name: 'hosted_addresses_occupied_check', expression: 'occupied >= 0 and occupied <= capacity' })
@Index({ name: 'hosted_addresses_host_idx', properties: ['hostId', 'createdAt', 'id'] })
@Index({
  name: 'hosted_addresses_listed_idx',
  expression: `create index hosted_addresses_listed_idx on hosted_addresses (created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE'`,
})
@Index({
  name: 'hosted_addresses_listed_district_idx',
  expression: `create index hosted_addresses_listed_district_idx on hosted_addresses (district, created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE'`,
})
@Index({
  name: 'hosted_addresses_listed_zone_idx',
  expression: `create index hosted_addresses_listed_zone_idx on hosted_addresses (zone, created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE'`,
})
@Index({
  name: 'hosted_addresses_listed_kind_idx',
  expression: `create index hosted_addresses_listed_kind_idx on hosted_addresses (host_kind, created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE'`,
})
@Index({
  name: 'hosted_addresses_listed_vacant_idx',
  expression: `create index hosted_addresses_listed_vacant_idx on hosted_addresses (created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE' and occupied < capacity`,
})
export class HostedAddress {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Host, { mapToPk: true, fieldName: 'host_id', deleteRule: 'no action' })
  hostId!: string;

  @Enum({ items: () => HostKind })
  hostKind!: HostKind;

  @Enum({ items: () => HostStatus })
  hostStatus!: HostStatus;

  @Property({ type: 'string', length: 300 })
  address!: string;

  @Enum({ items: Object.values(District) })
  district!: District;

  @Enum({ items: Object.values(Zone) })
  zone!: Zone;

  /** Office floor area set aside for the hosted enterprises, m². */
  @Property({ type: 'integer' })
  floorArea!: number;

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: 'integer' })
  occupied: number = 0;

  @Enum({ items: () => HostedAddressStatus })
  status: HostedAddressStatus = HostedAddressStatus.ACTIVE;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** The written agreement between a host and an enterprise (or an applicant for a reserved name). */
@Entity({ tableName: 'hosting_agreements' })
@Index({ name: 'hosting_agreements_host_status_idx', properties: ['hostId', 'status', 'requestedAt', 'id'] })
@Index({ name: 'hosting_agreements_address_status_idx', properties: ['addressId', 'status'] })
@Index({ name: 'hosting_agreements_applicant_idx', properties: ['applicantId', 'requestedAt', 'id'] })
@Index({ name: 'hosting_agreements_enterprise_idx', properties: ['enterpriseId', 'status'] })
// One open agreement (requested or active) per enterprise and per reserved name.
@Index({
  name: 'hosting_agreements_open_enterprise_uniq',
  expression: `create unique index hosting_agreements_open_enterprise_uniq on hosting_agreements (enterprise_id) where status in ('REQUESTED', 'ACTIVE') and enterprise_id is not null`,
})
@Index({
  name: 'hosting_agreements_open_reservation_uniq',
  expression: `create unique index hosting_agreements_open_reservation_uniq on hosting_agreements (reservation_id) where status in ('REQUESTED', 'ACTIVE') and reservation_id is not null`,
})
export class HostingAgreement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => HostedAddress, { mapToPk: true, fieldName: 'address_id', deleteRule: 'no action' })
  addressId!: string;

  @ManyToOne(() => Host, { mapToPk: true, fieldName: 'host_id', deleteRule: 'no action' })
  hostId!: string;

  @ManyToOne(() => Enterprise, { mapToPk: true, fieldName: 'enterprise_id', nullable: true, deleteRule: 'no action' })
  enterpriseId: string | null = null;

  @ManyToOne(() => NameReservation, {
    mapToPk: true,
    fieldName: 'reservation_id',
    nullable: true,
    deleteRule: 'no action',
  })
  reservationId: string | null = null;

  /** The enterprise's name when requested (the reserved name before the enterprise exists). */
  @Property({ type: 'string', length: 200 })
  enterpriseName!: string;

  @ManyToOne(() => User, { mapToPk: true, fieldName: 'applicant_id', deleteRule: 'no action' })
  applicantId!: string;

  @Enum({ items: () => HostingAgreementStatus })
  status: HostingAgreementStatus = HostingAgreementStatus.REQUESTED;

  @Property({ type: 'datetime' })
  requestedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  refusalReason: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  startsOn: string | null = null;

  @Property({ type: CalendarDateType, nullable: true })
  endsOn: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  terminatedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  terminationReason: string | null = null;

  @Enum({ items: () => HostingParty, nullable: true })
  terminatedBy: HostingParty | null = null;
}

/** One document or letter a host received for a hosted enterprise and forwarded to it. */
@Entity({ tableName: 'document_forwardings' })
@Index({ name: 'document_forwardings_agreement_idx', properties: ['agreementId', 'forwardedOn', 'id'] })
@Index({ name: 'document_forwardings_host_idx', properties: ['hostId', 'forwardedOn', 'id'] })
@Index({ name: 'document_forwardings_enterprise_idx', properties: ['enterpriseId', 'forwardedOn', 'id'] })
export class DocumentForwarding {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => HostingAgreement, { mapToPk: true, fieldName: 'agreement_id', deleteRule: 'no action' })
  agreementId!: string;

  @ManyToOne(() => Host, { mapToPk: true, fieldName: 'host_id', deleteRule: 'no action' })
  hostId!: string;

  @ManyToOne(() => Enterprise, { mapToPk: true, fieldName: 'enterprise_id', deleteRule: 'no action' })
  enterpriseId!: string;

  @Property({ type: 'string', length: 200 })
  sender!: string;

  @Enum({ items: () => ForwardedDocumentKind })
  kind!: ForwardedDocumentKind;

  @Property({ type: CalendarDateType })
  receivedOn!: string;

  @Property({ type: CalendarDateType })
  forwardedOn!: string;

  @Property({ type: 'string', length: 50, nullable: true })
  trackingNumber: string | null = null;

  /** Acknowledgement is due by the end of this day (working days after forwardedOn, by the settings then). */
  @Property({ type: CalendarDateType })
  acknowledgeBy!: string;

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  acknowledgedById: string | null = null;

  @Property({ type: 'datetime' })
  loggedAt!: Date;
}

/** A host's report that it can no longer reach a hosted enterprise. */
@Entity({ tableName: 'unreachable_reports' })
@Index({ name: 'unreachable_reports_status_idx', properties: ['status', 'reportedAt', 'id'] })
@Index({ name: 'unreachable_reports_host_idx', properties: ['hostId', 'reportedAt', 'id'] })
@Index({
  name: 'unreachable_reports_pending_uniq',
  expression: `create unique index unreachable_reports_pending_uniq on unreachable_reports (enterprise_id) where status = 'PENDING'`,
})
export class UnreachableReport {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Host, { mapToPk: true, fieldName: 'host_id', deleteRule: 'no action' })
  hostId!: string;

  @ManyToOne(() => Enterprise, { mapToPk: true, fieldName: 'enterprise_id', deleteRule: 'no action' })
  enterpriseId!: string;

  @ManyToOne(() => HostingAgreement, { mapToPk: true, fieldName: 'agreement_id', deleteRule: 'no action' })
  agreementId!: string;

  /** The attempts made to reach the enterprise. */
  @Property({ type: 'text' })
  attempts!: string;

  @Property({ type: 'uuid' })
  reportedById!: string;

  @Property({ type: 'datetime' })
  reportedAt!: Date;

  @Enum({ items: () => UnreachableReportStatus })
  status: UnreachableReportStatus = UnreachableReportStatus.PENDING;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;
}

/** An entry of the abnormal-operations list (经营异常名录): public facts. */
@Entity({ tableName: 'abnormal_operations_listings' })
@Index({ name: 'abnormal_listings_listed_idx', properties: ['listedOn', 'id'] })
@Index({ name: 'abnormal_listings_enterprise_idx', properties: ['enterpriseId'] })
@Index({
  name: 'abnormal_listings_current_uniq',
  expression: `create unique index abnormal_listings_current_uniq on abnormal_operations_listings (enterprise_id) where removed_on is null`,
})
export class AbnormalOperationsListing {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Enterprise, { mapToPk: true, fieldName: 'enterprise_id', deleteRule: 'no action' })
  enterpriseId!: string;

  @ManyToOne(() => UnreachableReport, {
    mapToPk: true,
    fieldName: 'report_id',
    nullable: true,
    deleteRule: 'no action',
  })
  reportId: string | null = null;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: CalendarDateType })
  listedOn!: string;

  /** The deciding authority (作出决定机关). */
  @Property({ type: 'string', length: 200 })
  authority!: string;

  @Property({ type: CalendarDateType, nullable: true })
  removedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  removalReason: string | null = null;
}

/** The host rules and forwarding deadline an administrator may change (one row). */
@Entity({ tableName: 'hosting_settings' })
export class HostingSettings {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  /** Office floor area, m², each hosted enterprise needs at least (default 2). */
  @Property({ type: 'integer' })
  floorAreaPerEnterprise!: number;

  /** Hosted enterprises one full-time secretary may serve at most (default 50). */
  @Property({ type: 'integer' })
  enterprisesPerSecretary!: number;

  /** Working days after forwarding within which the enterprise acknowledges (default 5). */
  @Property({ type: 'integer' })
  acknowledgeWithinWorkingDays!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

export const hostingEntities = [
  Host,
  HostedAddress,
  HostingAgreement,
  DocumentForwarding,
  UnreachableReport,
  AbnormalOperationsListing,
  HostingSettings,
];
