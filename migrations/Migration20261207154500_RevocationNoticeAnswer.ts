import { Migration } from '@mikro-orm/migrations';

export class Migration20261207154500_RevocationNoticeAnswer extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "revocation_proceedings" add column "answer_statement" text null, add column "answer_evidence" text null, add column "answered_at" timestamptz null, add column "answered_by_id" uuid null;`);
    this.addSql(`alter table "revocation_proceedings" add constraint "revocation_proceedings_answered_by_id_foreign" foreign key ("answered_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "revocation_proceedings" drop constraint "revocation_proceedings_answered_by_id_foreign";`);
    this.addSql(`alter table "revocation_proceedings" drop column "answer_statement", drop column "answer_evidence", drop column "answered_at", drop column "answered_by_id";`);
  }

}
