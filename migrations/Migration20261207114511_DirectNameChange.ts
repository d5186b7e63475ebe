import { Migration } from '@mikro-orm/migrations';

export class Migration20261207114511_DirectNameChange extends Migration {

  override async up(): Promise<void> {

    this.addSql(`alter table "registration_applications" add column "name_commitment" jsonb null;`);
  }

  override async down(): Promise<void> {

    this.addSql(`alter table "registration_applications" drop column "name_commitment";`);
  }

}
