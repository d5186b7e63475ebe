import { Migration } from '@mikro-orm/migrations';

export class Migration20261207153000_DirectNameVerification extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "name_reservations" add column "declared_in_application_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "name_reservations" drop column "declared_in_application_id";`);
  }

}
