import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedStatement } from '../../src/shared/events/event-feed.service.js';
import { TestApp } from '../helpers/app.js';
import { feedSettled } from '../helpers/event-feed.js';

// The feed's audience filter is served by an index on 100,000 rows: a reader of rare events (one
// applicant) through the GIN index on audience, a reader of common ones (the public register) in feed
// order through the btree on (xact_id, position). The plans are PostgreSQL's, for the feed's own statement.

let app: TestApp;
const applicant = `user:${randomUUID()}`;

beforeAll(async () => {
  app = await TestApp.start();
  // Half public, half for banks and officials, and every 1000th for one applicant.
  await app.em().execute(
    `insert into domain_events (type, subject_type, subject_id, audience, occurred_at)
     select 'ENTERPRISE_CHANGED', 'Enterprise', gen_random_uuid(),
            case when i % 1000 = 0 then array[?::text] when i % 2 = 0 then array['public']
                 else array['role:BANK_OFFICER', 'role:OFFICIAL'] end,
            now()
       from generate_series(1, 100000) i`,
    [applicant],
  );
  await app.em().execute(`analyze domain_events`);
}, 120_000);
afterAll(async () => app?.stop());

async function plan(tokens: string[]): Promise<string> {
  // The planner evaluates the readable horizon (pg_snapshot_xmin) when it estimates: until every older
  // transaction on the server has ended, none of the rows is readable yet and any plan would do.
  await feedSettled(app);
  const { sql, params } = feedStatement(tokens, null, null, 101);
  const rows = await app.em().execute<{ 'QUERY PLAN': string }[]>(`explain ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe.runIf(process.env.TEST_DATABASE_URL)('the event feed on 100,000 rows', () => {
  it("reads one applicant's rare events through the GIN index on audience", async () => {
    const text = await plan([applicant]);
    expect(text).toContain('domain_events_audience_index');
    expect(text).not.toMatch(/Seq Scan on domain_events/);
  });

  it('reads the public register in feed order through the btree', async () => {
    const text = await plan(['public']);
    expect(text).toContain('domain_events_feed_index');
    expect(text).not.toMatch(/Seq Scan on domain_events/);
  });
});
