import { Migration } from '@mikro-orm/migrations';

// A published typical case can be edited and withdrawn. A withdrawn one keeps its row (the audit
// trail names it), so "one typical case per case" holds among those not withdrawn only, and the
// public list reads those through a partial index.
export class Migration20261207160000_TypicalCaseEditWithdraw extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "typical_cases" add column "edited_at" timestamptz null, add column "withdrawn_at" timestamptz null, add column "withdrawal_reason" text null;`);
    this.addSql(`alter table "typical_cases" drop constraint "typical_cases_case_id_unique";`);
    this.addSql(`create unique index "typical_cases_case_id_published_unique" on "typical_cases" ("case_id") where "withdrawn_at" is null;`);
    this.addSql(`drop index "typical_cases_published_at_id_index";`);
    this.addSql(`create index "typical_cases_published_idx" on "typical_cases" ("published_at", "id") where "withdrawn_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "typical_cases_published_idx";`);
    this.addSql(`create index "typical_cases_published_at_id_index" on "typical_cases" ("published_at", "id");`);
    this.addSql(`drop index "typical_cases_case_id_published_unique";`);
    this.addSql(`delete from "typical_cases" where "withdrawn_at" is not null;`);
    this.addSql(`alter table "typical_cases" add constraint "typical_cases_case_id_unique" unique ("case_id");`);
    this.addSql(`alter table "typical_cases" drop column "edited_at", drop column "withdrawn_at", drop column "withdrawal_reason";`);
  }
}
