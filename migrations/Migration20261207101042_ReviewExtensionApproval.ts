import { Migration } from '@mikro-orm/migrations';

// A review extension is asked for by one official and approved by another.
export class Migration20261207101042_ReviewExtensionApproval extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "registration_applications" add column "extension_requested_at" timestamptz null, add column "extension_requested_by_id" uuid null, add column "extension_approved_by_id" uuid null;`);
    this.addSql(`alter table "registration_applications" add constraint "registration_applications_extension_requested_by_id_foreign" foreign key ("extension_requested_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "registration_applications" add constraint "registration_applications_extension_approved_by_id_foreign" foreign key ("extension_approved_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "registration_applications" drop constraint "registration_applications_extension_requested_by_id_foreign";`);
    this.addSql(`alter table "registration_applications" drop constraint "registration_applications_extension_approved_by_id_foreign";`);
    this.addSql(`alter table "registration_applications" drop column "extension_requested_at", drop column "extension_requested_by_id", drop column "extension_approved_by_id";`);
  }

}
