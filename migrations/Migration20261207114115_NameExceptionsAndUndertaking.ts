import { Migration } from '@mikro-orm/migrations';

// 规定 第十五条, 第十六条第三项, 第十七条 and 第八条: the name-transfer consents, the undertaking on similar
// names every reservation records (its first text version), the investment-relationship claim on a
// reservation, why a registered name was released, and the division names with another meaning as
// data an administrator maintains (seeded with the list that was a code constant).
export class Migration20261207114115_NameExceptionsAndUndertaking extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "name_division_exceptions" ("word" varchar(50) not null, "meaning" varchar(200) not null, "created_at" timestamptz not null, constraint "name_division_exceptions_pkey" primary key ("word"));`);

    this.addSql(`create table "name_transfers" ("id" uuid not null, "enterprise_id" uuid not null, "name" varchar(200) not null, "transferee_email" varchar(320) not null, "status" text check ("status" in ('CONSENTED', 'USED', 'WITHDRAWN')) not null default 'CONSENTED', "consented_by" uuid not null, "consented_at" timestamptz not null, "valid_until" timestamptz not null, "reservation_id" uuid null, "used_at" timestamptz null, "holder_must_change_since" timestamptz null, "withdrawn_at" timestamptz null, constraint "name_transfers_pkey" primary key ("id"));`);
    this.addSql(`create index "name_transfers_transferee_email_status_index" on "name_transfers" ("transferee_email", "status");`);
    this.addSql(`create index "name_transfers_enterprise_id_index" on "name_transfers" ("enterprise_id");`);

    this.addSql(`create table "name_undertaking_terms" ("version" int not null, "text_zh" text not null, "text_en" text not null, "published_at" timestamptz not null, "published_by" uuid null, constraint "name_undertaking_terms_pkey" primary key ("version"));`);


    this.addSql(`alter table "enterprise_names" add column "release_reason" text check ("release_reason" in ('DEREGISTERED', 'NAME_CHANGED', 'REVOKED')) null;`);

    this.addSql(`alter table "name_reservations" add column "undertaking_terms_version" int null, add column "undertaking_signatory_name" varchar(100) null, add column "undertaking_accepted_at" timestamptz null, add column "related_enterprise_id" uuid null, add column "investment_relationship" text check ("investment_relationship" in ('HOLDER_INVESTS_IN_NEW', 'NEW_INVESTS_IN_HOLDER')) null, add column "name_transfer_id" uuid null;`);
    this.addSql(`alter table "name_reservations" add constraint "name_reservations_name_transfer_id_foreign" foreign key ("name_transfer_id") references "name_transfers" ("id") on update cascade on delete set null;`);

    this.addSql(`insert into "name_division_exceptions" ("word", "meaning", "created_at") values ('东方', 'the East', now()), ('朝阳', 'the rising sun', now()), ('和平', 'peace', now()), ('新华', 'new China', now()), ('长安', 'lasting peace', now()), ('永安', 'lasting safety', now()), ('光明', 'brightness', now()), ('太平', 'peace', now()), ('安宁', 'tranquillity', now()), ('长寿', 'longevity', now()), ('吉利', 'good fortune', now()), ('安康', 'well-being', now()), ('和顺', 'harmony', now()), ('富民', 'enriching the people', now());`);
    this.addSql(this.getKnex().raw(`insert into "name_undertaking_terms" ("version", "text_zh", "text_en", "published_at", "published_by") values (1, ?, ?, now(), null);`, [
      '本人作为申请人（或其委托的代理人）承诺：所申报的企业名称如与他人已登记或者已申报的企业名称相同或者近似，造成公众混淆误认的，依法承担相应的法律责任，并依照登记机关的要求更改企业名称。',
      'I, the applicant (or the agent it has appointed), undertake that should the enterprise name applied for prove identical or similar to a name another has registered or applied for, so that the public is confused or misled, I will bear the legal liability for it and change the name as the registration authority requires.',
    ]));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "name_reservations" drop constraint "name_reservations_name_transfer_id_foreign";`);

    this.addSql(`drop table if exists "name_division_exceptions" cascade;`);

    this.addSql(`drop table if exists "name_transfers" cascade;`);

    this.addSql(`drop table if exists "name_undertaking_terms" cascade;`);


    this.addSql(`alter table "enterprise_names" drop column "release_reason";`);

    this.addSql(`alter table "name_reservations" drop column "undertaking_terms_version", drop column "undertaking_signatory_name", drop column "undertaking_accepted_at", drop column "related_enterprise_id", drop column "investment_relationship", drop column "name_transfer_id";`);
  }

}
