import { Migration } from '@mikro-orm/migrations';

export class Migration20261207114908_Hosting extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "hosting_settings" ("id" smallint not null default 1, "floor_area_per_enterprise" int not null, "enterprises_per_secretary" int not null, "acknowledge_within_working_days" int not null, "updated_at" timestamptz not null, constraint "hosting_settings_pkey" primary key ("id"));`);

    this.addSql(`create table "hosts" ("id" uuid not null, "organisation_id" uuid not null, "kind" text check ("kind" in ('LAW_FIRM', 'ACCOUNTING_FIRM')) not null, "name" varchar(200) not null, "licence_number" varchar(50) not null, "uscc" varchar(18) not null, "district" text check ("district" in ('SHINAN', 'SHIBEI', 'HUANGDAO', 'LAOSHAN', 'LICANG', 'CHENGYANG', 'JIMO', 'JIAOZHOU', 'PINGDU', 'LAIXI')) not null, "office_floor_area" int not null, "full_time_secretaries" int not null, "status" text check ("status" in ('PENDING', 'VERIFIED', 'REFUSED', 'SUSPENDED')) not null default 'PENDING', "applied_by_id" uuid not null, "applied_at" timestamptz not null, "decided_at" timestamptz null, "decision_reason" text null, constraint "hosts_pkey" primary key ("id"));`);
    this.addSql(`alter table "hosts" add constraint "hosts_organisation_id_unique" unique ("organisation_id");`);
    this.addSql(`create index "hosts_kind_status_idx" on "hosts" ("kind", "status");`);
    this.addSql(`create index "hosts_status_name_id_idx" on "hosts" ("status", "name", "id");`);

    this.addSql(`create table "hosted_addresses" ("id" uuid not null, "host_id" uuid not null, "host_kind" text check ("host_kind" in ('LAW_FIRM', 'ACCOUNTING_FIRM')) not null, "host_status" text check ("host_status" in ('PENDING', 'VERIFIED', 'REFUSED', 'SUSPENDED')) not null, "address" varchar(300) not null, "district" text check ("district" in ('SHINAN', 'SHIBEI', 'HUANGDAO', 'LAOSHAN', 'LICANG', 'CHENGYANG', 'JIMO', 'JIAOZHOU', 'PINGDU', 'LAIXI')) not null, "zone" text check ("zone" in ('QINGDAO_FTZ', 'SCO_DEMO_ZONE', 'NONE')) not null, "floor_area" int not null, "capacity" int not null, "occupied" int not null default 0, "status" text check ("status" in ('ACTIVE', 'CLOSED')) not null default 'ACTIVE', "created_at" timestamptz not null, constraint "hosted_addresses_pkey" primary key ("id"));`);
    this.addSql(`create index hosted_addresses_listed_vacant_idx on hosted_addresses (created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE' and occupied < capacity;`);
    this.addSql(`create index hosted_addresses_listed_kind_idx on hosted_addresses (host_kind, created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE';`);
    this.addSql(`create index hosted_addresses_listed_zone_idx on hosted_addresses (zone, created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE';`);
    this.addSql(`create index hosted_addresses_listed_district_idx on hosted_addresses (district, created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE';`);
    this.addSql(`create index hosted_addresses_listed_idx on hosted_addresses (created_at, id) where host_status = 'VERIFIED' and status = 'ACTIVE';`);
    this.addSql(`create index "hosted_addresses_host_idx" on "hosted_addresses" ("host_id", "created_at", "id");`);

    this.addSql(`create table "hosting_agreements" ("id" uuid not null, "address_id" uuid not null, "host_id" uuid not null, "enterprise_id" uuid null, "reservation_id" uuid null, "enterprise_name" varchar(200) not null, "applicant_id" uuid not null, "status" text check ("status" in ('REQUESTED', 'ACTIVE', 'REFUSED', 'TERMINATED')) not null default 'REQUESTED', "requested_at" timestamptz not null, "decided_at" timestamptz null, "refusal_reason" text null, "starts_on" date null, "ends_on" date null, "terminated_at" timestamptz null, "termination_reason" text null, "terminated_by" text check ("terminated_by" in ('HOST', 'ENTERPRISE')) null, constraint "hosting_agreements_pkey" primary key ("id"));`);
    this.addSql(`create unique index hosting_agreements_open_reservation_uniq on hosting_agreements (reservation_id) where status in ('REQUESTED', 'ACTIVE') and reservation_id is not null;`);
    this.addSql(`create unique index hosting_agreements_open_enterprise_uniq on hosting_agreements (enterprise_id) where status in ('REQUESTED', 'ACTIVE') and enterprise_id is not null;`);
    this.addSql(`create index "hosting_agreements_enterprise_idx" on "hosting_agreements" ("enterprise_id", "status");`);
    this.addSql(`create index "hosting_agreements_applicant_idx" on "hosting_agreements" ("applicant_id", "requested_at", "id");`);
    this.addSql(`create index "hosting_agreements_address_status_idx" on "hosting_agreements" ("address_id", "status");`);
    this.addSql(`create index "hosting_agreements_host_status_idx" on "hosting_agreements" ("host_id", "status", "requested_at", "id");`);

    this.addSql(`create table "unreachable_reports" ("id" uuid not null, "host_id" uuid not null, "enterprise_id" uuid not null, "agreement_id" uuid not null, "attempts" text not null, "reported_by_id" uuid not null, "reported_at" timestamptz not null, "status" text check ("status" in ('PENDING', 'LISTED', 'DISMISSED')) not null default 'PENDING', "decided_at" timestamptz null, "decision_note" text null, constraint "unreachable_reports_pkey" primary key ("id"));`);
    this.addSql(`create unique index unreachable_reports_pending_uniq on unreachable_reports (enterprise_id) where status = 'PENDING';`);
    this.addSql(`create index "unreachable_reports_host_idx" on "unreachable_reports" ("host_id", "reported_at", "id");`);
    this.addSql(`create index "unreachable_reports_status_idx" on "unreachable_reports" ("status", "reported_at", "id");`);

    this.addSql(`create table "document_forwardings" ("id" uuid not null, "agreement_id" uuid not null, "host_id" uuid not null, "enterprise_id" uuid not null, "sender" varchar(200) not null, "kind" text check ("kind" in ('OFFICIAL_DOCUMENT', 'LETTER', 'PARCEL', 'OTHER')) not null, "received_on" date not null, "forwarded_on" date not null, "tracking_number" varchar(50) null, "acknowledge_by" date not null, "acknowledged_at" timestamptz null, "acknowledged_by_id" uuid null, "logged_at" timestamptz not null, constraint "document_forwardings_pkey" primary key ("id"));`);
    this.addSql(`create index "document_forwardings_enterprise_idx" on "document_forwardings" ("enterprise_id", "forwarded_on", "id");`);
    this.addSql(`create index "document_forwardings_host_idx" on "document_forwardings" ("host_id", "forwarded_on", "id");`);
    this.addSql(`create index "document_forwardings_agreement_idx" on "document_forwardings" ("agreement_id", "forwarded_on", "id");`);

    this.addSql(`create table "abnormal_operations_listings" ("id" uuid not null, "enterprise_id" uuid not null, "report_id" uuid null, "reason" text not null, "listed_on" date not null, "authority" varchar(200) not null, "removed_on" date null, "removal_reason" text null, constraint "abnormal_operations_listings_pkey" primary key ("id"));`);
    this.addSql(`create unique index abnormal_listings_current_uniq on abnormal_operations_listings (enterprise_id) where removed_on is null;`);
    this.addSql(`create index "abnormal_listings_enterprise_idx" on "abnormal_operations_listings" ("enterprise_id");`);
    this.addSql(`create index "abnormal_listings_listed_idx" on "abnormal_operations_listings" ("listed_on", "id");`);

    // Capacity is never exceeded: the address row's lock serialises every change of occupied, and this check backs it up.
    this.addSql(`alter table "hosted_addresses" add constraint "hosted_addresses_occupied_check" check ("occupied" >= 0 and "occupied" <= "capacity");`);
    this.addSql(`insert into "hosting_settings" ("id", "floor_area_per_enterprise", "enterprises_per_secretary", "acknowledge_within_working_days", "updated_at") values (1, 2, 50, 5, now());`);

    this.addSql(`alter table "hosts" add constraint "hosts_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "hosted_addresses" add constraint "hosted_addresses_host_id_foreign" foreign key ("host_id") references "hosts" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "hosting_agreements" add constraint "hosting_agreements_address_id_foreign" foreign key ("address_id") references "hosted_addresses" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "hosting_agreements" add constraint "hosting_agreements_host_id_foreign" foreign key ("host_id") references "hosts" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "hosting_agreements" add constraint "hosting_agreements_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "hosting_agreements" add constraint "hosting_agreements_reservation_id_foreign" foreign key ("reservation_id") references "name_reservations" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "hosting_agreements" add constraint "hosting_agreements_applicant_id_foreign" foreign key ("applicant_id") references "users" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "unreachable_reports" add constraint "unreachable_reports_host_id_foreign" foreign key ("host_id") references "hosts" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "unreachable_reports" add constraint "unreachable_reports_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "unreachable_reports" add constraint "unreachable_reports_agreement_id_foreign" foreign key ("agreement_id") references "hosting_agreements" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "document_forwardings" add constraint "document_forwardings_agreement_id_foreign" foreign key ("agreement_id") references "hosting_agreements" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "document_forwardings" add constraint "document_forwardings_host_id_foreign" foreign key ("host_id") references "hosts" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "document_forwardings" add constraint "document_forwardings_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "abnormal_operations_listings" add constraint "abnormal_operations_listings_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "abnormal_operations_listings" add constraint "abnormal_operations_listings_report_id_foreign" foreign key ("report_id") references "unreachable_reports" ("id") on update cascade on delete no action;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "hosted_addresses" drop constraint "hosted_addresses_host_id_foreign";`);

    this.addSql(`alter table "hosting_agreements" drop constraint "hosting_agreements_host_id_foreign";`);

    this.addSql(`alter table "unreachable_reports" drop constraint "unreachable_reports_host_id_foreign";`);

    this.addSql(`alter table "document_forwardings" drop constraint "document_forwardings_host_id_foreign";`);

    this.addSql(`alter table "hosting_agreements" drop constraint "hosting_agreements_address_id_foreign";`);

    this.addSql(`alter table "unreachable_reports" drop constraint "unreachable_reports_agreement_id_foreign";`);

    this.addSql(`alter table "document_forwardings" drop constraint "document_forwardings_agreement_id_foreign";`);

    this.addSql(`alter table "abnormal_operations_listings" drop constraint "abnormal_operations_listings_report_id_foreign";`);

    this.addSql(`drop table if exists "hosting_settings" cascade;`);

    this.addSql(`drop table if exists "hosts" cascade;`);

    this.addSql(`drop table if exists "hosted_addresses" cascade;`);

    this.addSql(`drop table if exists "hosting_agreements" cascade;`);

    this.addSql(`drop table if exists "unreachable_reports" cascade;`);

    this.addSql(`drop table if exists "document_forwardings" cascade;`);

    this.addSql(`drop table if exists "abnormal_operations_listings" cascade;`);

  }

}
