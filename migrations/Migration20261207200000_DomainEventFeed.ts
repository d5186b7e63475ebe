import { Migration } from '@mikro-orm/migrations';

// The outbox of domain events (src/shared/events): one row per event, written in the transaction of the
// change it reports, read by partners as the event feed. Rows are read in (xact_id, position) order and
// only below the oldest running transaction (see event-feed.service.ts), so the btree index on that pair
// serves every page; `audience` names who may see the row (public, a role, a scope, an organisation, a
// host, a user) and is matched with `&&` in the same query. `domain_event_horizon` keeps the last key
// the retention sweep deleted, so a cursor from before it is refused instead of silently skipping.
export class Migration20261207200000_DomainEventFeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "domain_events" ("position" bigserial not null, "xact_id" xid8 not null default pg_current_xact_id(), "type" text not null, "subject_type" text not null, "subject_id" uuid not null, "audience" text[] not null, "occurred_at" timestamptz not null, constraint "domain_events_pkey" primary key ("position"));`,
    );
    this.addSql(`create index "domain_events_feed_index" on "domain_events" ("xact_id", "position");`);
    this.addSql(`create index "domain_events_occurred_at_index" on "domain_events" ("occurred_at");`);
    this.addSql(
      `create table "domain_event_horizon" ("id" int not null primary key check ("id" = 1), "xact_id" xid8 not null, "position" bigint not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "domain_event_horizon";`);
    this.addSql(`drop table "domain_events";`);
  }
}
