import { Migration } from '@mikro-orm/migrations';

// Signed webhooks (src/modules/webhooks): an organisation's endpoints, each with its own position in the
// outbox (domain_events) up to which its deliveries are written, and the deliveries with their attempts.
// A delivery is unique per endpoint and event (the dispatcher may run twice over the same page and adds
// nothing); a redelivery repeats one and is left out of that rule. Due deliveries are found through a
// partial index on the pending ones.
export class Migration20261207220000_Webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "webhook_disabled_reason" as enum ('BY_ADMIN', 'FAILING');`);
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(
      `create table "webhook_endpoints" ("id" uuid not null, "organisation_id" uuid not null, "url" varchar(2000) not null, "description" varchar(500) not null default '', "event_types" jsonb not null default '[]', "demand_filter" jsonb null, "enabled" boolean not null default true, "disabled_reason" "webhook_disabled_reason" null, "secret_ciphertext" text not null, "secret_prefix" varchar(16) not null, "failing_since" timestamptz null, "cursor_xact_id" xid8 not null, "cursor_position" bigint not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhook_endpoints_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_endpoints_organisation_id_created_at_id_index" on "webhook_endpoints" ("organisation_id", "created_at", "id");`,
    );
    this.addSql(
      `alter table "webhook_endpoints" add constraint "webhook_endpoints_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_endpoints" add constraint "webhook_endpoints_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`,
    );
    this.addSql(
      `create table "webhook_deliveries" ("id" uuid not null, "endpoint_id" uuid not null, "event_position" bigint not null, "event_type" varchar(100) not null, "body" text not null, "status" "webhook_delivery_status" not null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "claimed_until" timestamptz null, "last_attempt_at" timestamptz null, "response_status" int null, "duration_ms" int null, "error" varchar(40) null, "redelivery_of_id" uuid null, "created_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_deliveries_endpoint_id_created_at_id_index" on "webhook_deliveries" ("endpoint_id", "created_at", "id");`,
    );
    this.addSql(
      `create unique index "webhook_deliveries_endpoint_event_unique" on "webhook_deliveries" ("endpoint_id", "event_position") where "redelivery_of_id" is null;`,
    );
    this.addSql(
      `create index "webhook_deliveries_due_index" on "webhook_deliveries" ("next_attempt_at") where "status" = 'PENDING';`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_redelivery_of_id_foreign" foreign key ("redelivery_of_id") references "webhook_deliveries" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "webhook_deliveries";`);
    this.addSql(`drop table "webhook_endpoints";`);
    this.addSql(`drop type "webhook_delivery_status";`);
    this.addSql(`drop type "webhook_disabled_reason";`);
  }
}
