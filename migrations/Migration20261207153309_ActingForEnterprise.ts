import { Migration } from '@mikro-orm/migrations';

// Acting for an enterprise (帮办代办): an enterprise's one agent becomes a list of agents (agent_ids,
// filled from agent_id), invitations to join it, and the invitation validity setting (14 days).
export class Migration20261207153309_ActingForEnterprise extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "registration_settings" ("id" smallint not null default 1, "agent_invitation_valid_days" int not null, "updated_at" timestamptz not null, constraint "registration_settings_pkey" primary key ("id"));`);
    this.addSql(`insert into "registration_settings" ("id", "agent_invitation_valid_days", "updated_at") values (1, 14, now());`);

    this.addSql(`create table "enterprise_agent_invitations" ("id" uuid not null, "enterprise_id" uuid not null, "email" varchar(320) not null, "invited_by_id" uuid not null, "invited_at" timestamptz not null, "expires_at" timestamptz not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'REVOKED')) not null default 'PENDING', "decided_at" timestamptz null, "accepted_by_id" uuid null, "revoked_by_id" uuid null, "version" int not null default 1, constraint "enterprise_agent_invitations_pkey" primary key ("id"));`);
    this.addSql(`create index "enterprise_agent_invitations_email_idx" on "enterprise_agent_invitations" ("email", "status", "invited_at", "id");`);
    this.addSql(`create index "enterprise_agent_invitations_enterprise_idx" on "enterprise_agent_invitations" ("enterprise_id", "status", "invited_at");`);

    this.addSql(`alter table "enterprise_agent_invitations" add constraint "enterprise_agent_invitations_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade;`);
    this.addSql(`alter table "enterprise_agent_invitations" add constraint "enterprise_agent_invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "enterprise_agent_invitations" add constraint "enterprise_agent_invitations_accepted_by_id_foreign" foreign key ("accepted_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enterprise_agent_invitations" add constraint "enterprise_agent_invitations_revoked_by_id_foreign" foreign key ("revoked_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "enterprises" add column "agent_ids" uuid[] not null default '{}';`);
    this.addSql(`update "enterprises" set "agent_ids" = array["agent_id"];`);
    this.addSql(`alter table "enterprises" alter column "agent_ids" drop default;`);
    this.addSql(`alter table "enterprises" add constraint "enterprises_agent_ids_not_empty" check (cardinality("agent_ids") > 0);`);
    this.addSql(`create index "enterprises_agent_ids_idx" on "enterprises" using gin ("agent_ids");`);

    this.addSql(`drop index "enterprises_agent_name_id_idx";`);
    this.addSql(`alter table "enterprises" drop constraint "enterprises_agent_id_foreign";`);
    this.addSql(`alter table "enterprises" drop column "agent_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "enterprises" add column "agent_id" uuid null;`);
    this.addSql(`update "enterprises" set "agent_id" = "agent_ids"[1];`);
    this.addSql(`alter table "enterprises" alter column "agent_id" set not null;`);
    this.addSql(`alter table "enterprises" add constraint "enterprises_agent_id_foreign" foreign key ("agent_id") references "users" ("id") on update cascade on delete no action;`);
    this.addSql(`create index "enterprises_agent_name_id_idx" on "enterprises" ("agent_id", "name", "id");`);
    this.addSql(`drop index "enterprises_agent_ids_idx";`);
    this.addSql(`alter table "enterprises" drop column "agent_ids";`);

    this.addSql(`drop table if exists "enterprise_agent_invitations" cascade;`);
    this.addSql(`drop table if exists "registration_settings" cascade;`);
  }

}
