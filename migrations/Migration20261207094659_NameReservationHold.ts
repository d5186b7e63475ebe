import { Migration } from '@mikro-orm/migrations';

// A reservation used by an application submitted in time does not lapse during the registry's review.
export class Migration20261207094659_NameReservationHold extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "name_reservations" add column "held_for_application_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "name_reservations" drop column "held_for_application_id";`);
  }

}
