import { Migration } from '@mikro-orm/migrations';

// The rate-limit and lockout counts every API instance shares when no Redis is configured
// (src/shared/rate-limiter.ts): rate-limiter-flexible's RateLimiterPostgres writes its rows here, in
// its column order (key, points, expire in epoch milliseconds). Created by a migration rather than by
// the library at start-up so that the server needs no right to create tables, and with a text key: the
// library's varchar(255) is shorter than an email with the address it is tried from. Unlogged: every
// request upserts a row here, and counts that last a minute or an hour are not worth a WAL write each
// (after a crash of PostgreSQL they start again from zero; replicas never need them). The index serves
// the sweep of expired rows.
export class Migration20261207183000_RateLimits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unlogged table "rate_limits" ("key" text not null primary key, "points" integer not null default 0, "expire" bigint null);`);
    this.addSql(`create index "rate_limits_expire_index" on "rate_limits" ("expire");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "rate_limits";`);
  }
}
