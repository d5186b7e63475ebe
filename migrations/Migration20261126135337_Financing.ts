import { Migration } from '@mikro-orm/migrations';

// 金企通 financing: demands (with their contact persons apart), offers, credit products, alerts. Generated
// from the entities, plus by hand: the demand number sequence, and a fill factor that leaves room on
// each page for the in-place (HOT) updates of offer counts.
export class Migration20261126135337_Financing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "credit_products" ("id" uuid not null, "bank_id" uuid not null, "name" varchar(100) not null, "description" text not null, "min_amount_fen" bigint not null, "max_amount_fen" bigint not null, "min_term_months" smallint not null, "max_term_months" smallint not null, "min_annual_rate" numeric(7,4) not null, "max_annual_rate" numeric(7,4) not null, "guarantee_types" jsonb not null, "audience" jsonb not null, "online_application" boolean not null, "application_url" varchar(500) null, "status" text check ("status" in ('ACTIVE', 'RETIRED')) not null default 'ACTIVE', "published_at" timestamptz not null, "retired_at" timestamptz null, constraint "credit_products_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_products_status_published_at_id_index" on "credit_products" ("status", "published_at", "id");`);
    this.addSql(`create index "credit_products_bank_id_status_published_at_id_index" on "credit_products" ("bank_id", "status", "published_at", "id");`);

    this.addSql(`create table "financing_demand_alerts" ("id" uuid not null, "user_id" uuid not null, "bank_id" uuid not null, "name" varchar(100) not null, "filter" jsonb not null, "created_at" timestamptz not null, constraint "financing_demand_alerts_pkey" primary key ("id"));`);
    this.addSql(`create index "financing_demand_alerts_user_id_index" on "financing_demand_alerts" ("user_id");`);

    this.addSql(`create table "financing_demands" ("id" uuid not null, "number" varchar(20) not null, "enterprise_id" uuid not null, "district" text check ("district" in ('SHINAN', 'SHIBEI', 'HUANGDAO', 'LAOSHAN', 'LICANG', 'CHENGYANG', 'JIMO', 'JIAOZHOU', 'PINGDU', 'LAIXI')) not null, "industry" varchar(3) not null, "foreign_invested" boolean not null, "amount_fen" bigint not null, "term_months" smallint not null, "purpose" text check ("purpose" in ('WORKING_CAPITAL', 'FIXED_ASSETS', 'TECHNOLOGY_UPGRADE', 'TRADE_FINANCE', 'OTHER')) not null, "guarantee_type" text check ("guarantee_type" in ('CREDIT', 'GUARANTEE', 'MORTGAGE', 'PLEDGE', 'GUARANTEE_COMPANY')) not null, "collateral" text null, "max_annual_rate" numeric(7,4) null, "desired_on" date null, "contact_consent" boolean not null, "status" text check ("status" in ('OPEN', 'MATCHED', 'CLOSED', 'WITHDRAWN', 'EXPIRED')) not null default 'OPEN', "published_at" timestamptz not null, "expires_at" timestamptz not null, "offer_count" int not null default 0, "first_offer_at" timestamptz null, "accepted_offer_id" uuid null, "accepted_bank_id" uuid null, "matched_at" timestamptz null, "ended_at" timestamptz null, "published_by_id" uuid not null, constraint "financing_demands_pkey" primary key ("id"));`);
    this.addSql(`alter table "financing_demands" set (fillfactor = 90);`);
    this.addSql(`alter table "financing_demands" add constraint "financing_demands_number_unique" unique ("number");`);
    this.addSql(`create sequence "financing_demand_number_seq";`);
    this.addSql(`create index financing_demands_open_expires_idx on financing_demands (expires_at) where status = 'OPEN';`);
    this.addSql(`create index "financing_demands_published_at_idx" on "financing_demands" ("published_at");`);
    this.addSql(`create index "financing_demands_status_published_idx" on "financing_demands" ("status", "published_at", "id");`);
    this.addSql(`create index financing_demands_open_district_amount_idx on financing_demands (district, amount_fen, id, published_at, expires_at, term_months, industry, guarantee_type, foreign_invested) where status = 'OPEN';`);
    this.addSql(`create index financing_demands_open_amount_idx on financing_demands (amount_fen, id, district, published_at, expires_at, term_months, industry, guarantee_type, foreign_invested) where status = 'OPEN';`);
    this.addSql(`create index financing_demands_open_district_published_idx on financing_demands (district, published_at, id, amount_fen, expires_at, term_months, industry, guarantee_type, foreign_invested) where status = 'OPEN';`);
    this.addSql(`create index financing_demands_open_published_idx on financing_demands (published_at, id, amount_fen, district, expires_at, term_months, industry, guarantee_type, foreign_invested) where status = 'OPEN';`);
    this.addSql(`create index "financing_demands_enterprise_id_published_at_id_index" on "financing_demands" ("enterprise_id", "published_at", "id");`);

    this.addSql(`create table "financing_offers" ("id" uuid not null, "demand_id" uuid not null, "bank_id" uuid not null, "product_id" uuid null, "amount_fen" bigint not null, "annual_rate" numeric(7,4) not null, "term_months" smallint not null, "note" text null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'DISBURSED')) not null default 'PENDING', "created_at" timestamptz not null, "created_by_id" uuid not null, "decided_at" timestamptz null, "accepted_at" timestamptz null, "disbursed_amount_fen" bigint null, "disbursed_on" date null, "disbursed_at" timestamptz null, constraint "financing_offers_pkey" primary key ("id"));`);
    this.addSql(`create unique index financing_offers_one_accepted_idx on financing_offers (demand_id) where status in ('ACCEPTED', 'DISBURSED');`);
    this.addSql(`create unique index financing_offers_one_pending_per_bank_idx on financing_offers (demand_id, bank_id) where status = 'PENDING';`);
    this.addSql(`create index "financing_offers_bank_id_created_at_id_index" on "financing_offers" ("bank_id", "created_at", "id");`);
    this.addSql(`create index "financing_offers_demand_id_bank_id_created_at_index" on "financing_offers" ("demand_id", "bank_id", "created_at");`);

    this.addSql(`create table "financing_demand_contacts" ("demand_id" uuid not null, "name" varchar(50) not null, "phone" varchar(20) not null, "email" varchar(254) null, "id_number" varchar(18) null, constraint "financing_demand_contacts_pkey" primary key ("demand_id"));`);

    this.addSql(`alter table "credit_products" add constraint "credit_products_bank_id_foreign" foreign key ("bank_id") references "organisations" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "financing_demand_alerts" add constraint "financing_demand_alerts_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "financing_demand_alerts" add constraint "financing_demand_alerts_bank_id_foreign" foreign key ("bank_id") references "organisations" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "financing_demands" add constraint "financing_demands_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprises" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "financing_demands" add constraint "financing_demands_accepted_offer_id_foreign" foreign key ("accepted_offer_id") references "financing_offers" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_demands" add constraint "financing_demands_accepted_bank_id_foreign" foreign key ("accepted_bank_id") references "organisations" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "financing_demands" add constraint "financing_demands_published_by_id_foreign" foreign key ("published_by_id") references "users" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "financing_offers" add constraint "financing_offers_demand_id_foreign" foreign key ("demand_id") references "financing_demands" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "financing_offers" add constraint "financing_offers_bank_id_foreign" foreign key ("bank_id") references "organisations" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "financing_offers" add constraint "financing_offers_product_id_foreign" foreign key ("product_id") references "credit_products" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "financing_offers" add constraint "financing_offers_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "financing_demand_contacts" add constraint "financing_demand_contacts_demand_id_foreign" foreign key ("demand_id") references "financing_demands" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "financing_demand_number_seq";`);

    this.addSql(`alter table "financing_offers" drop constraint "financing_offers_product_id_foreign";`);

    this.addSql(`alter table "financing_offers" drop constraint "financing_offers_demand_id_foreign";`);

    this.addSql(`alter table "financing_demand_contacts" drop constraint "financing_demand_contacts_demand_id_foreign";`);

    this.addSql(`alter table "financing_demands" drop constraint "financing_demands_accepted_offer_id_foreign";`);

    this.addSql(`drop table if exists "credit_products" cascade;`);

    this.addSql(`drop table if exists "financing_demand_alerts" cascade;`);

    this.addSql(`drop table if exists "financing_demands" cascade;`);

    this.addSql(`drop table if exists "financing_offers" cascade;`);

    this.addSql(`drop table if exists "financing_demand_contacts" cascade;`);
  }

}
