import { Migration } from '@mikro-orm/migrations';

export class Migration20261207090128_AuditChainAndIdempotency extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_chain" ("link_number" bigint not null, "event_id" uuid not null, "hash" varchar(64) not null, constraint "audit_chain_pkey" primary key ("link_number"));`);
    this.addSql(`alter table "audit_chain" add constraint "audit_chain_event_id_unique" unique ("event_id");`);

    this.addSql(`create table "idempotency_keys" ("id" uuid not null, "scope" varchar(60) not null, "key" varchar(100) not null, "operation" varchar(60) not null, "fingerprint" varchar(64) not null, "result_id" uuid null, "created_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_keys_created_at_index" on "idempotency_keys" ("created_at");`);
    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_scope_key_unique" unique ("scope", "key");`);

    // What an event's link hashes: every column a reader sees, in a fixed order, the instant in UTC
    // (so the session's time zone does not change the text). The verification uses the same functions.
    this.addSql(`create function audit_event_canonical(e audit_events) returns text language sql stable as $$
      select jsonb_build_array(e.id, e.actor_user_id, e.actor_api_key_id, e.actor_role, e.action, e.subject_type,
        e.subject_id, e.from_state, e.to_state, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.request_id, e.details)::text $$;`);
    this.addSql(`create function audit_chain_hash(previous text, link_number bigint, e audit_events) returns text language sql stable as $$
      select encode(sha256(convert_to(coalesce(previous, '') || '|' || link_number::text || '|' || audit_event_canonical(e), 'UTF8')), 'hex') $$;`);

    // Links are appended at commit (a deferred trigger), one transaction at a time (a transaction-level
    // advisory lock): the lock is held only from the commit's deferred triggers to the commit itself, and
    // after every row lock the transaction will take, so it cannot deadlock with them. Committed order
    // is the chain's order; read committed gives each statement of the trigger a fresh snapshot, so the
    // head read after the lock is the one the previous holder committed.
    this.addSql(`create function audit_chain_append() returns trigger language plpgsql as $$
      declare
        head audit_chain%rowtype;
        next_position bigint;
      begin
        perform pg_advisory_xact_lock(7261207001);
        select * into head from audit_chain order by link_number desc limit 1;
        next_position := coalesce(head.link_number, 0) + 1;
        insert into audit_chain (link_number, event_id, hash)
          values (next_position, new.id, audit_chain_hash(head.hash, next_position, new));
        return null;
      end $$;`);
    this.addSql(`create constraint trigger audit_events_chain after insert on "audit_events" deferrable initially deferred for each row execute function audit_chain_append();`);
    this.addSql(`create function audit_chain_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_chain is append-only'; end $$;`);
    this.addSql(`create trigger audit_chain_no_update before update or delete on "audit_chain" for each row execute function audit_chain_append_only();`);

    // Events recorded before the chain existed are linked in the order they were recorded.
    this.addSql(`do $$
      declare
        e audit_events;
        n bigint := 0;
        previous text := null;
      begin
        for e in select * from audit_events order by seq loop
          n := n + 1;
          previous := audit_chain_hash(previous, n, e);
          insert into audit_chain (link_number, event_id, hash) values (n, e.id, previous);
        end loop;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_events_chain on "audit_events";`);
    this.addSql(`drop table if exists "audit_chain" cascade;`);
    this.addSql(`drop function if exists audit_chain_append();`);
    this.addSql(`drop function if exists audit_chain_append_only();`);
    this.addSql(`drop function if exists audit_chain_hash(text, bigint, audit_events);`);
    this.addSql(`drop function if exists audit_event_canonical(audit_events);`);

    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
  }

}
