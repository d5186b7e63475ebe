import { Migration } from '@mikro-orm/migrations';

// Keys that organisations manage themselves: a key may belong to an organisation, whose administrator
// (users.organisation_admin) manages it; rotation keeps the previous secret's hash until its overlap
// ends; requests are counted per key and day.
export class Migration20261207183019_OrganisationApiKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_key_daily_uses" ("api_key_id" uuid not null, "day" date not null, "requests" int not null, constraint "api_key_daily_uses_pkey" primary key ("api_key_id", "day"));`,
    );
    this.addSql(
      `alter table "api_key_daily_uses" add constraint "api_key_daily_uses_api_key_id_foreign" foreign key ("api_key_id") references "api_keys" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "users" add column "organisation_admin" boolean not null default false;`);
    this.addSql(
      `alter table "api_keys" add column "organisation_id" uuid null, add column "previous_secret_hash" varchar(64) null, add column "previous_secret_valid_until" timestamptz null, add column "rotated_at" timestamptz null;`,
    );
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_previous_secret_hash_unique" unique ("previous_secret_hash");`,
    );
    this.addSql(
      `create index "api_keys_organisation_id_created_at_index" on "api_keys" ("organisation_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key_daily_uses" cascade;`);
    this.addSql(`drop index "api_keys_organisation_id_created_at_index";`);
    this.addSql(`alter table "api_keys" drop constraint "api_keys_previous_secret_hash_unique";`);
    this.addSql(`alter table "api_keys" drop constraint "api_keys_organisation_id_foreign";`);
    this.addSql(
      `alter table "api_keys" drop column "organisation_id", drop column "previous_secret_hash", drop column "previous_secret_valid_until", drop column "rotated_at";`,
    );
    this.addSql(`alter table "users" drop column "organisation_admin";`);
  }
}
