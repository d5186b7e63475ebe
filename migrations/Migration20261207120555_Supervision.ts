import { Migration } from '@mikro-orm/migrations';

export class Migration20261207120555_Supervision extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inspection_samples" ("id" uuid not null, "number" varchar(20) not null, "seed" varchar(64) not null, "confirmed_from" date not null, "confirmed_to" date not null, "sample_size" int not null, "inspectors_per_enterprise" int not null, "population_ids" jsonb not null, "roster_ids" jsonb not null, "drawn_by_id" uuid not null, "drawn_at" timestamptz not null, constraint "inspection_samples_pkey" primary key ("id"));`);
    this.addSql(`alter table "inspection_samples" add constraint "inspection_samples_number_unique" unique ("number");`);
    this.addSql(`create index "inspection_samples_drawn_idx" on "inspection_samples" ("drawn_at", "id");`);

    this.addSql(`create table "inspections" ("id" uuid not null, "sample_id" uuid not null, "position" int not null, "enterprise_id" uuid not null, "inspector_ids" jsonb not null, "status" text check ("status" in ('ASSIGNED', 'COMPLETED')) not null default 'ASSIGNED', "finding" text check ("finding" in ('COMPLIANT', 'DEFECTS_CORRECTED', 'FALSE_DECLARATION')) null, "finding_note" text null, "recorded_by_id" uuid null, "recorded_at" timestamptz null, "version" int not null default 1, constraint "inspections_pkey" primary key ("id"));`);
    this.addSql(`create index "inspections_enterprise_idx" on "inspections" ("enterprise_id");`);
    this.addSql(`alter table "inspections" add constraint "inspections_sample_position_unique" unique ("sample_id", "position");`);

    this.addSql(`create table "revocation_proceedings" ("id" uuid not null, "inspection_id" uuid not null, "enterprise_id" uuid not null, "status" text check ("status" in ('NOTICE_ISSUED', 'PUBLIC_NOTICE', 'REVOKED', 'CLOSED')) not null default 'NOTICE_ISSUED', "ground" text not null, "notice_issued_on" date not null, "answer_by" date not null, "public_notice_from" date null, "public_notice_until" date null, "public_notice_reason" text null, "revoked_on" date null, "revocation_reason" text null, "closed_reason" text null, "decided_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "revocation_proceedings_pkey" primary key ("id"));`);
    this.addSql(`create index "revocation_proceedings_enterprise_idx" on "revocation_proceedings" ("enterprise_id");`);
    this.addSql(`create index "revocation_proceedings_status_idx" on "revocation_proceedings" ("status", "updated_at", "id");`);

    this.addSql(`alter table "inspection_samples" add constraint "inspection_samples_drawn_by_id_foreign" foreign key ("drawn_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "inspections" add constraint "inspections_sample_id_foreign" foreign key ("sample_id") references "inspection_samples" ("id") on update cascade;`);
    this.addSql(`alter table "inspections" add constraint "inspections_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);
    this.addSql(`alter table "inspections" add constraint "inspections_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "revocation_proceedings" add constraint "revocation_proceedings_inspection_id_foreign" foreign key ("inspection_id") references "inspections" ("id") on update cascade;`);
    this.addSql(`alter table "revocation_proceedings" add constraint "revocation_proceedings_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);
    this.addSql(`alter table "revocation_proceedings" add constraint "revocation_proceedings_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on update cascade on delete set null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspections" drop constraint "inspections_sample_id_foreign";`);

    this.addSql(`alter table "revocation_proceedings" drop constraint "revocation_proceedings_inspection_id_foreign";`);

    this.addSql(`drop table if exists "inspection_samples" cascade;`);

    this.addSql(`drop table if exists "inspections" cascade;`);

    this.addSql(`drop table if exists "revocation_proceedings" cascade;`);

  }

}
