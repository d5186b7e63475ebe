import { Migration } from '@mikro-orm/migrations';

// The list of enterprises by name sorts on the name anyone may read (the credit code while a name is
// withheld pending a forced change: Enterprise.publicName) and the public searches it; these indexes
// keep a page by that key as cheap as a page by the name was.
const PUBLIC_NAME = `(case when name_change_required_by is null then name else coalesce(uscc, name) end)`;

export class Migration20261207095500_EnterprisePublicName extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "enterprises_public_name_id_idx" on "enterprises" (${PUBLIC_NAME}, "id");`);
    this.addSql(
      `create index "enterprises_status_public_name_id_idx" on "enterprises" ("status", ${PUBLIC_NAME}, "id");`,
    );
    this.addSql(
      `create index "enterprises_district_public_name_id_idx" on "enterprises" ("district", ${PUBLIC_NAME}, "id");`,
    );
    this.addSql(`create index "enterprises_zone_public_name_id_idx" on "enterprises" ("zone", ${PUBLIC_NAME}, "id");`);
    this.addSql(
      `create index "enterprises_public_name_trgm_idx" on "enterprises" using gin (${PUBLIC_NAME} gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    for (const index of [
      'enterprises_public_name_id_idx',
      'enterprises_status_public_name_id_idx',
      'enterprises_district_public_name_id_idx',
      'enterprises_zone_public_name_id_idx',
      'enterprises_public_name_trgm_idx',
    ]) {
      this.addSql(`drop index "${index}";`);
    }
  }
}
