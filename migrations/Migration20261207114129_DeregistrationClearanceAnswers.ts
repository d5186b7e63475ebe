import { Migration } from '@mikro-orm/migrations';

export class Migration20261207114129_DeregistrationClearanceAnswers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "department_clearance_answers" ("id" uuid not null, "clearance_id" uuid not null, "text" text not null, "answered_by_id" uuid not null, "answered_at" timestamptz not null, constraint "department_clearance_answers_pkey" primary key ("id"));`);
    this.addSql(`create index "department_clearance_answers_clearance_idx" on "department_clearance_answers" ("clearance_id", "answered_at");`);

    this.addSql(`alter table "department_clearance_answers" add constraint "department_clearance_answers_clearance_id_foreign" foreign key ("clearance_id") references "department_clearances" ("id") on update cascade;`);
    this.addSql(`alter table "department_clearance_answers" add constraint "department_clearance_answers_answered_by_id_foreign" foreign key ("answered_by_id") references "users" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "department_clearance_answers" cascade;`);

  }

}
