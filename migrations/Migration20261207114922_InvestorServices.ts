import { Migration } from '@mikro-orm/migrations';

export class Migration20261207114922_InvestorServices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create sequence "service_case_number_seq";`);
    this.addSql(`create table "investor_service_settings" ("id" smallint not null default 1, "consultation_working_days" int not null, "suggestion_working_days" int not null, "updated_at" timestamptz not null, constraint "investor_service_settings_pkey" primary key ("id"));`);

    this.addSql(`create table "stored_files" ("id" uuid not null, "owner_user_id" uuid not null, "name" varchar(120) not null, "content_type" varchar(40) not null, "size" int not null, "sha256" varchar(64) not null, "attached_to" varchar(60) null, "created_at" timestamptz not null, constraint "stored_files_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_files_owner_user_id_created_at_index" on "stored_files" ("owner_user_id", "created_at");`);

    this.addSql(`create table "stored_file_contents" ("file_id" uuid not null, "data" bytea not null, constraint "stored_file_contents_pkey" primary key ("file_id"));`);

    this.addSql(`create table "service_cases" ("id" uuid not null, "number" varchar(20) not null, "kind" text check ("kind" in ('CONSULTATION', 'COMPLAINT', 'SUGGESTION')) not null, "category" varchar(40) not null, "subject" varchar(200) not null, "body" text not null, "language" varchar(5) not null, "status" text check ("status" in ('SUBMITTED', 'MATERIALS_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'RESOLVED', 'CLOSED', 'WITHDRAWN')) not null default 'SUBMITTED', "submitter_id" uuid not null, "enterprise_id" uuid null, "respondent" varchar(200) null, "respondent_contact" varchar(200) null, "administrative_act" text null, "request" text null, "in_reconsideration_or_litigation" boolean null, "confidential_details" text null, "confidential_kinds" jsonb not null, "submitted_at" timestamptz not null, "submitted_on" date not null, "materials_complete_on" date null, "materials_request" text null, "materials_requested_at" timestamptz null, "materials_supplied_at" timestamptz null, "assignee_id" uuid null, "decided_by_id" uuid null, "decided_on" date null, "accepted_on" date null, "decline_reason" text check ("decline_reason" in ('CIVIL_OR_COMMERCIAL_DISPUTE', 'NOT_FOREIGN_INVESTOR', 'IN_LITIGATION_OR_RECONSIDERATION', 'INCOMPLETE_MATERIALS', 'DUPLICATE', 'OUTSIDE_REMIT')) null, "decision_note" text null, "competent_office" varchar(200) null, "extended_resolve_by" date null, "extension_reason" text null, "outcome" text check ("outcome" in ('RESOLVED_BY_COORDINATION', 'UNDERSTANDING_REACHED', 'COMPLAINANT_NOT_COOPERATING', 'ANSWERED', 'REFERRED')) null, "resolution_summary" text null, "resolved_on" date null, "ended_at" timestamptz null, "rating" smallint null, "rating_comment" text null, "rated_at" timestamptz null, "updated_at" timestamptz not null, constraint "service_cases_pkey" primary key ("id"));`);
    this.addSql(`alter table "service_cases" add constraint "service_cases_number_unique" unique ("number");`);
    this.addSql(`create index "service_cases_submitted_at_id_index" on "service_cases" ("submitted_at", "id");`);
    this.addSql(`create index "service_cases_assignee_id_submitted_at_id_index" on "service_cases" ("assignee_id", "submitted_at", "id");`);
    this.addSql(`create index "service_cases_status_submitted_at_id_index" on "service_cases" ("status", "submitted_at", "id");`);
    this.addSql(`create index "service_cases_submitter_id_submitted_at_id_index" on "service_cases" ("submitter_id", "submitted_at", "id");`);

    this.addSql(`create table "typical_cases" ("id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('CONSULTATION', 'COMPLAINT', 'SUGGESTION')) not null, "category" varchar(40) not null, "language" varchar(5) not null, "title" varchar(200) not null, "summary" text not null, "outcome" text check ("outcome" in ('RESOLVED_BY_COORDINATION', 'UNDERSTANDING_REACHED', 'COMPLAINANT_NOT_COOPERATING', 'ANSWERED', 'REFERRED')) not null, "published_by_id" uuid not null, "published_at" timestamptz not null, constraint "typical_cases_pkey" primary key ("id"));`);
    this.addSql(`alter table "typical_cases" add constraint "typical_cases_case_id_unique" unique ("case_id");`);
    this.addSql(`create index "typical_cases_published_at_id_index" on "typical_cases" ("published_at", "id");`);

    this.addSql(`create table "service_case_messages" ("id" uuid not null, "case_id" uuid not null, "author_id" uuid not null, "author_role" varchar(10) not null, "internal" boolean not null default false, "confidential" boolean not null default false, "body" text not null, "created_at" timestamptz not null, constraint "service_case_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "service_case_messages_case_id_created_at_id_index" on "service_case_messages" ("case_id", "created_at", "id");`);

    this.addSql(`create table "service_case_attachments" ("id" uuid not null, "case_id" uuid not null, "file_id" uuid not null, "attached_at" timestamptz not null, constraint "service_case_attachments_pkey" primary key ("id"));`);
    this.addSql(`alter table "service_case_attachments" add constraint "service_case_attachments_file_id_unique" unique ("file_id");`);
    this.addSql(`create index "service_case_attachments_case_id_index" on "service_case_attachments" ("case_id");`);

    this.addSql(`insert into "investor_service_settings" ("id", "consultation_working_days", "suggestion_working_days", "updated_at") values (1, 5, 20, now());`);
    this.addSql(`alter table "stored_file_contents" add constraint "stored_file_contents_file_id_foreign" foreign key ("file_id") references "stored_files" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_cases" add constraint "service_cases_submitter_id_foreign" foreign key ("submitter_id") references "users" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "service_cases" add constraint "service_cases_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "service_cases" add constraint "service_cases_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "service_cases" add constraint "service_cases_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "typical_cases" add constraint "typical_cases_case_id_foreign" foreign key ("case_id") references "service_cases" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "typical_cases" add constraint "typical_cases_published_by_id_foreign" foreign key ("published_by_id") references "users" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "service_case_messages" add constraint "service_case_messages_case_id_foreign" foreign key ("case_id") references "service_cases" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_case_messages" add constraint "service_case_messages_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "service_case_attachments" add constraint "service_case_attachments_case_id_foreign" foreign key ("case_id") references "service_cases" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "typical_cases" drop constraint "typical_cases_case_id_foreign";`);

    this.addSql(`alter table "service_case_messages" drop constraint "service_case_messages_case_id_foreign";`);

    this.addSql(`alter table "service_case_attachments" drop constraint "service_case_attachments_case_id_foreign";`);

    this.addSql(`drop table if exists "investor_service_settings" cascade;`);

    this.addSql(`drop table if exists "stored_files" cascade;`);

    this.addSql(`drop table if exists "stored_file_contents" cascade;`);

    this.addSql(`drop table if exists "service_cases" cascade;`);

    this.addSql(`drop table if exists "typical_cases" cascade;`);

    this.addSql(`drop table if exists "service_case_messages" cascade;`);

    this.addSql(`drop table if exists "service_case_attachments" cascade;`);
    this.addSql(`drop sequence if exists "service_case_number_seq";`);

  }

}
