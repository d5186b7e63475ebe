import { Migration } from '@mikro-orm/migrations';

export class Migration20261126133344_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "holiday_day_kind" as enum ('HOLIDAY', 'MAKE_UP_WORKDAY');`);
    this.addSql(`create type "organisation_kind" as enum ('BANK', 'LAW_FIRM', 'ACCOUNTING_FIRM');`);
    this.addSql(`create type "role" as enum ('APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'PARTNER', 'ADMIN');`);
    this.addSql(`create type "department" as enum ('MARKET_REGULATION', 'COMMERCE', 'FINANCE', 'TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND');`);
    this.addSql(`create type "locale" as enum ('ZH_CN', 'EN');`);
    this.addSql(`create table "audit_events" ("id" uuid not null, "actor_user_id" uuid null, "actor_api_key_id" uuid null, "actor_role" varchar(32) null, "action" varchar(80) not null, "subject_type" varchar(60) not null, "subject_id" uuid not null, "from_state" varchar(40) null, "to_state" varchar(40) null, "at" timestamptz not null, "request_id" varchar(64) not null, "details" jsonb null, constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_subject_id_at_id_index" on "audit_events" ("subject_id", "at", "id");`);

    this.addSql(`create table "holiday_calendar_days" ("date" date not null, "year" int not null, "kind" "holiday_day_kind" not null, constraint "holiday_calendar_days_pkey" primary key ("date"));`);
    this.addSql(`create index "holiday_calendar_days_year_index" on "holiday_calendar_days" ("year");`);

    this.addSql(`create table "holiday_calendar_years" ("year" int not null, "loaded_at" timestamptz not null, constraint "holiday_calendar_years_pkey" primary key ("year"));`);

    this.addSql(`create table "notifications" ("id" uuid not null, "user_id" uuid not null, "kind" varchar(60) not null, "subject_type" varchar(60) null, "subject_id" uuid null, "title_key" varchar(120) not null, "body_key" varchar(120) not null, "params" jsonb not null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index notifications_unread_idx on notifications (user_id, created_at, id) where read_at is null;`);
    this.addSql(`create index "notifications_user_id_created_at_id_index" on "notifications" ("user_id", "created_at", "id");`);

    this.addSql(`create table "organisations" ("id" uuid not null, "kind" "organisation_kind" not null, "name" varchar(200) not null, "uscc" varchar(18) null, "created_at" timestamptz not null, constraint "organisations_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisations" add constraint "organisations_name_unique" unique ("name");`);

    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(100) not null, "password_hash" varchar(200) not null, "role" "role" not null, "department" "department" null, "organisation_id" uuid null, "locale" "locale" not null default 'ZH_CN', "foreign_investor" boolean not null default false, "created_at" timestamptz not null, "disabled_at" timestamptz null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "api_keys" ("id" uuid not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`alter table "users" add constraint "users_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);
    // Trigram search (enterprise names and search) is available on both PostgreSQL and PGlite.
    this.addSql(`create extension if not exists pg_trgm;`);

    // The audit trail is append-only: no row is ever changed or removed.
    this.addSql(`create function audit_events_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_events is append-only'; end $$;`);
    this.addSql(`create trigger audit_events_no_update before update or delete on "audit_events" for each row execute function audit_events_append_only();`);

    // The official working-day calendars of 2025 and 2026 (State Council notices); later years are
    // loaded by an administrator with loadHolidayCalendar.
    this.addSql(`insert into "holiday_calendar_years" ("year", "loaded_at") values (2025, now());`);
    this.addSql(`insert into "holiday_calendar_days" ("date", "year", "kind") values ('2025-01-01', 2025, 'HOLIDAY'), ('2025-01-28', 2025, 'HOLIDAY'), ('2025-01-29', 2025, 'HOLIDAY'), ('2025-01-30', 2025, 'HOLIDAY'), ('2025-01-31', 2025, 'HOLIDAY'), ('2025-02-01', 2025, 'HOLIDAY'), ('2025-02-02', 2025, 'HOLIDAY'), ('2025-02-03', 2025, 'HOLIDAY'), ('2025-02-04', 2025, 'HOLIDAY'), ('2025-04-04', 2025, 'HOLIDAY'), ('2025-04-05', 2025, 'HOLIDAY'), ('2025-04-06', 2025, 'HOLIDAY'), ('2025-05-01', 2025, 'HOLIDAY'), ('2025-05-02', 2025, 'HOLIDAY'), ('2025-05-03', 2025, 'HOLIDAY'), ('2025-05-04', 2025, 'HOLIDAY'), ('2025-05-05', 2025, 'HOLIDAY'), ('2025-05-31', 2025, 'HOLIDAY'), ('2025-06-01', 2025, 'HOLIDAY'), ('2025-06-02', 2025, 'HOLIDAY'), ('2025-10-01', 2025, 'HOLIDAY'), ('2025-10-02', 2025, 'HOLIDAY'), ('2025-10-03', 2025, 'HOLIDAY'), ('2025-10-04', 2025, 'HOLIDAY'), ('2025-10-05', 2025, 'HOLIDAY'), ('2025-10-06', 2025, 'HOLIDAY'), ('2025-10-07', 2025, 'HOLIDAY'), ('2025-10-08', 2025, 'HOLIDAY'), ('2025-01-26', 2025, 'MAKE_UP_WORKDAY'), ('2025-02-08', 2025, 'MAKE_UP_WORKDAY'), ('2025-04-27', 2025, 'MAKE_UP_WORKDAY'), ('2025-09-28', 2025, 'MAKE_UP_WORKDAY'), ('2025-10-11', 2025, 'MAKE_UP_WORKDAY');`);
    this.addSql(`insert into "holiday_calendar_years" ("year", "loaded_at") values (2026, now());`);
    this.addSql(`insert into "holiday_calendar_days" ("date", "year", "kind") values ('2026-01-01', 2026, 'HOLIDAY'), ('2026-01-02', 2026, 'HOLIDAY'), ('2026-01-03', 2026, 'HOLIDAY'), ('2026-02-15', 2026, 'HOLIDAY'), ('2026-02-16', 2026, 'HOLIDAY'), ('2026-02-17', 2026, 'HOLIDAY'), ('2026-02-18', 2026, 'HOLIDAY'), ('2026-02-19', 2026, 'HOLIDAY'), ('2026-02-20', 2026, 'HOLIDAY'), ('2026-02-21', 2026, 'HOLIDAY'), ('2026-02-22', 2026, 'HOLIDAY'), ('2026-02-23', 2026, 'HOLIDAY'), ('2026-04-04', 2026, 'HOLIDAY'), ('2026-04-05', 2026, 'HOLIDAY'), ('2026-04-06', 2026, 'HOLIDAY'), ('2026-05-01', 2026, 'HOLIDAY'), ('2026-05-02', 2026, 'HOLIDAY'), ('2026-05-03', 2026, 'HOLIDAY'), ('2026-05-04', 2026, 'HOLIDAY'), ('2026-05-05', 2026, 'HOLIDAY'), ('2026-06-19', 2026, 'HOLIDAY'), ('2026-06-20', 2026, 'HOLIDAY'), ('2026-06-21', 2026, 'HOLIDAY'), ('2026-09-25', 2026, 'HOLIDAY'), ('2026-09-26', 2026, 'HOLIDAY'), ('2026-09-27', 2026, 'HOLIDAY'), ('2026-10-01', 2026, 'HOLIDAY'), ('2026-10-02', 2026, 'HOLIDAY'), ('2026-10-03', 2026, 'HOLIDAY'), ('2026-10-04', 2026, 'HOLIDAY'), ('2026-10-05', 2026, 'HOLIDAY'), ('2026-10-06', 2026, 'HOLIDAY'), ('2026-10-07', 2026, 'HOLIDAY'), ('2026-01-04', 2026, 'MAKE_UP_WORKDAY'), ('2026-02-14', 2026, 'MAKE_UP_WORKDAY'), ('2026-02-28', 2026, 'MAKE_UP_WORKDAY'), ('2026-05-09', 2026, 'MAKE_UP_WORKDAY'), ('2026-09-20', 2026, 'MAKE_UP_WORKDAY'), ('2026-10-10', 2026, 'MAKE_UP_WORKDAY');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop constraint "users_organisation_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`alter table "api_keys" drop constraint "api_keys_created_by_id_foreign";`);

    this.addSql(`drop table if exists "audit_events" cascade;`);
    this.addSql(`drop function if exists audit_events_append_only();`);

    this.addSql(`drop table if exists "holiday_calendar_days" cascade;`);

    this.addSql(`drop table if exists "holiday_calendar_years" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "organisations" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`drop type "holiday_day_kind";`);
    this.addSql(`drop type "organisation_kind";`);
    this.addSql(`drop type "role";`);
    this.addSql(`drop type "department";`);
    this.addSql(`drop type "locale";`);
  }

}
