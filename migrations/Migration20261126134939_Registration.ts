import { Migration } from '@mikro-orm/migrations';

export class Migration20261126134939_Registration extends Migration {

  override async up(): Promise<void> {
    // Organisation codes of issued credit codes: from "MA000000" on (as issued since 2015), see generateUscc.
    this.addSql(`create sequence "enterprise_uscc_seq" start with 311613792031;`);
    this.addSql(`create sequence "registration_application_number_seq";`);
    this.addSql(`create sequence "business_licence_number_seq";`);

    this.addSql(`create table "enterprises" ("id" uuid not null, "uscc" varchar(18) null, "name" varchar(200) not null, "name_parts" jsonb null, "kind" text check ("kind" in ('LIMITED_LIABILITY_COMPANY', 'JOINT_STOCK_COMPANY', 'PARTNERSHIP', 'SOLE_PROPRIETORSHIP', 'BRANCH', 'FARMERS_COOPERATIVE', 'INDIVIDUAL_BUSINESS')) not null, "foreign_invested" boolean not null default false, "district" text check ("district" in ('SHINAN', 'SHIBEI', 'HUANGDAO', 'LAOSHAN', 'LICANG', 'CHENGYANG', 'JIMO', 'JIAOZHOU', 'PINGDU', 'LAIXI')) not null, "zone" text check ("zone" in ('QINGDAO_FTZ', 'SCO_DEMO_ZONE', 'NONE')) not null default 'NONE', "industry" varchar(8) null, "registered_capital_fen" bigint null, "business_scope" text null, "legal_representative_name" varchar(100) null, "registered_address" varchar(300) null, "established_on" date null, "deregistered_on" date null, "status" text check ("status" in ('ACTIVE', 'DEREGISTERED', 'REVOKED')) not null default 'ACTIVE', "agent_id" uuid not null, "name_change_required_by" date null, "declaration" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "enterprises_pkey" primary key ("id"));`);
    this.addSql(`alter table "enterprises" add constraint "enterprises_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "enterprises_name_trgm_idx" on "enterprises" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "enterprises_agent_name_id_idx" on "enterprises" ("agent_id", "name", "id");`);
    this.addSql(`create index "enterprises_zone_name_id_idx" on "enterprises" ("zone", "name", "id");`);
    this.addSql(`create index "enterprises_district_name_id_idx" on "enterprises" ("district", "name", "id");`);
    this.addSql(`create index "enterprises_status_name_id_idx" on "enterprises" ("status", "name", "id");`);
    this.addSql(`create index "enterprises_name_id_idx" on "enterprises" ("name", "id");`);

    this.addSql(`create table "registration_applications" ("id" uuid not null, "number" varchar(24) not null, "kind" text check ("kind" in ('ESTABLISHMENT', 'CHANGE', 'DEREGISTRATION')) not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'CONFIRMED', 'CORRECTION_REQUESTED', 'REJECTED', 'WITHDRAWN')) not null default 'DRAFT', "applicant_id" uuid not null, "enterprise_id" uuid null, "name_reservation_id" uuid null, "declaration" jsonb not null, "deregistration" jsonb null, "change_decided_on" date null, "commitment" jsonb null, "first_submitted_at" timestamptz null, "submitted_at" timestamptz null, "received_on" date null, "review_reasons" jsonb not null, "decide_by" date null, "extended_at" timestamptz null, "extension_reason" text null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decision_note" text null, "rejection_reasons" jsonb not null, "correction_notices" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "registration_applications_pkey" primary key ("id"));`);
    this.addSql(`alter table "registration_applications" add constraint "registration_applications_number_unique" unique ("number");`);
    this.addSql(`create index "registration_applications_reservation_idx" on "registration_applications" ("name_reservation_id");`);
    this.addSql(`create index "registration_applications_enterprise_idx" on "registration_applications" ("enterprise_id", "status");`);
    this.addSql(`create index "registration_applications_applicant_status_idx" on "registration_applications" ("applicant_id", "status", "created_at", "id");`);
    this.addSql(`create index "registration_applications_applicant_idx" on "registration_applications" ("applicant_id", "created_at", "id");`);
    this.addSql(`create index "registration_applications_kind_queue_idx" on "registration_applications" ("kind", "status", "submitted_at", "id");`);
    this.addSql(`create index "registration_applications_queue_idx" on "registration_applications" ("status", "submitted_at", "id");`);

    this.addSql(`create table "enterprise_changes" ("id" uuid not null, "enterprise_id" uuid not null, "application_id" uuid not null, "kind" text check ("kind" in ('ESTABLISHMENT', 'CHANGE', 'DEREGISTRATION')) not null, "items" jsonb not null, "at" timestamptz not null, constraint "enterprise_changes_pkey" primary key ("id"));`);
    this.addSql(`create index "enterprise_changes_enterprise_at_id_idx" on "enterprise_changes" ("enterprise_id", "at", "id");`);

    this.addSql(`create table "business_licences" ("id" uuid not null, "enterprise_id" uuid not null, "number" varchar(32) not null, "issued_at" timestamptz not null, "facts" jsonb not null, "verification_code" varchar(64) not null, "status" text check ("status" in ('VALID', 'SUPERSEDED', 'CANCELLED')) not null default 'VALID', "ended_at" timestamptz null, constraint "business_licences_pkey" primary key ("id"));`);
    this.addSql(`alter table "business_licences" add constraint "business_licences_number_unique" unique ("number");`);
    this.addSql(`alter table "business_licences" add constraint "business_licences_verification_code_unique" unique ("verification_code");`);
    this.addSql(`create index "business_licences_enterprise_status_idx" on "business_licences" ("enterprise_id", "status");`);

    this.addSql(`create table "department_clearances" ("id" uuid not null, "application_id" uuid not null, "department" text check ("department" in ('TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND')) not null, "status" text check ("status" in ('PENDING', 'CLEARED', 'BLOCKED')) not null default 'PENDING', "note" text null, "recorded_by_id" uuid null, "recorded_at" timestamptz null, "created_at" timestamptz not null, "version" int not null default 1, constraint "department_clearances_pkey" primary key ("id"));`);
    this.addSql(`create index "department_clearances_queue_idx" on "department_clearances" ("department", "status", "created_at", "id");`);
    this.addSql(`alter table "department_clearances" add constraint "department_clearances_application_department_unique" unique ("application_id", "department");`);

    this.addSql(`alter table "enterprises" add constraint "enterprises_agent_id_foreign" foreign key ("agent_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "registration_applications" add constraint "registration_applications_applicant_id_foreign" foreign key ("applicant_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "registration_applications" add constraint "registration_applications_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "registration_applications" add constraint "registration_applications_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "enterprise_changes" add constraint "enterprise_changes_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);
    this.addSql(`alter table "enterprise_changes" add constraint "enterprise_changes_application_id_foreign" foreign key ("application_id") references "registration_applications" ("id") on update cascade;`);

    this.addSql(`alter table "business_licences" add constraint "business_licences_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);

    this.addSql(`alter table "department_clearances" add constraint "department_clearances_application_id_foreign" foreign key ("application_id") references "registration_applications" ("id") on update cascade;`);
    this.addSql(`alter table "department_clearances" add constraint "department_clearances_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "registration_applications" drop constraint "registration_applications_enterprise_id_foreign";`);

    this.addSql(`alter table "enterprise_changes" drop constraint "enterprise_changes_enterprise_id_foreign";`);

    this.addSql(`alter table "business_licences" drop constraint "business_licences_enterprise_id_foreign";`);

    this.addSql(`alter table "enterprise_changes" drop constraint "enterprise_changes_application_id_foreign";`);

    this.addSql(`alter table "department_clearances" drop constraint "department_clearances_application_id_foreign";`);

    this.addSql(`drop table if exists "enterprises" cascade;`);

    this.addSql(`drop table if exists "registration_applications" cascade;`);

    this.addSql(`drop table if exists "enterprise_changes" cascade;`);

    this.addSql(`drop table if exists "business_licences" cascade;`);

    this.addSql(`drop table if exists "department_clearances" cascade;`);

    this.addSql(`drop sequence if exists "enterprise_uscc_seq";`);
    this.addSql(`drop sequence if exists "registration_application_number_seq";`);
    this.addSql(`drop sequence if exists "business_licence_number_seq";`);
  }

}
