import { Migration } from '@mikro-orm/migrations';

export class Migration20261207115037_SimplifiedDeregistration extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "simplified_deregistration_notices" ("id" uuid not null, "enterprise_id" uuid not null, "district" text check ("district" in ('SHINAN', 'SHIBEI', 'HUANGDAO', 'LAOSHAN', 'LICANG', 'CHENGYANG', 'JIMO', 'JIAOZHOU', 'PINGDU', 'LAIXI')) not null, "started_by_id" uuid not null, "starts_on" date not null, "ends_on" date not null, "apply_by" date not null, "status" text check ("status" in ('OPEN', 'OBJECTED', 'COMPLETED')) not null default 'OPEN', "commitment" jsonb not null, "objected_at" timestamptz null, "created_at" timestamptz not null, "version" int not null default 1, constraint "simplified_deregistration_notices_pkey" primary key ("id"));`);
    this.addSql(`create index "simplified_deregistration_notices_enterprise_idx" on "simplified_deregistration_notices" ("enterprise_id", "created_at");`);
    this.addSql(`create index "simplified_deregistration_notices_district_idx" on "simplified_deregistration_notices" ("district", "created_at", "id");`);
    this.addSql(`create index "simplified_deregistration_notices_list_idx" on "simplified_deregistration_notices" ("created_at", "id");`);

    this.addSql(`create table "simplified_deregistration_objections" ("id" uuid not null, "notice_id" uuid not null, "objector_name" varchar(100) not null, "contact" varchar(200) not null, "reason" text not null, "submitted_by_id" uuid null, "created_at" timestamptz not null, constraint "simplified_deregistration_objections_pkey" primary key ("id"));`);
    this.addSql(`create index "simplified_deregistration_objections_notice_idx" on "simplified_deregistration_objections" ("notice_id", "created_at", "id");`);

    this.addSql(`create table "enterprise_restrictions" ("id" uuid not null, "enterprise_id" uuid not null, "kind" text check ("kind" in ('EQUITY_FROZEN', 'EQUITY_PLEDGED', 'UNPAID_FINE')) not null, "reason" text not null, "since" date not null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, "lifted_on" date null, "lift_reason" text null, "lifted_by_id" uuid null, "lifted_at" timestamptz null, "version" int not null default 1, constraint "enterprise_restrictions_pkey" primary key ("id"));`);
    this.addSql(`create index "enterprise_restrictions_enterprise_idx" on "enterprise_restrictions" ("enterprise_id", "lifted_at", "since");`);

    this.addSql(`alter table "simplified_deregistration_notices" add constraint "simplified_deregistration_notices_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);
    this.addSql(`alter table "simplified_deregistration_notices" add constraint "simplified_deregistration_notices_started_by_id_foreign" foreign key ("started_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "simplified_deregistration_objections" add constraint "simplified_deregistration_objections_notice_id_foreign" foreign key ("notice_id") references "simplified_deregistration_notices" ("id") on update cascade;`);
    this.addSql(`alter table "simplified_deregistration_objections" add constraint "simplified_deregistration_objections_submitted_by_id_foreign" foreign key ("submitted_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "enterprise_restrictions" add constraint "enterprise_restrictions_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);
    this.addSql(`alter table "enterprise_restrictions" add constraint "enterprise_restrictions_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "enterprise_restrictions" add constraint "enterprise_restrictions_lifted_by_id_foreign" foreign key ("lifted_by_id") references "users" ("id") on update cascade on delete set null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "simplified_deregistration_objections" drop constraint "simplified_deregistration_objections_notice_id_foreign";`);

    this.addSql(`drop table if exists "simplified_deregistration_notices" cascade;`);

    this.addSql(`drop table if exists "simplified_deregistration_objections" cascade;`);

    this.addSql(`drop table if exists "enterprise_restrictions" cascade;`);

  }

}
