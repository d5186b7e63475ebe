import 'reflect-metadata';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoData } from '../../src/db/demo/index.js';
import { TestApp } from '../helpers/app.js';

// The demo data goes through the services, so the event feed has the demo's events from the start.
// (The financing demo writes its rows directly, in bulk: its demands and offers are not in the feed.)

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
  await loadDemoData(app.orm, app.deps);
}, 300_000);
afterAll(async () => app?.stop());

it('puts the demo data in the event feed', async () => {
  const rows = await app
    .em()
    .execute<{ type: string; count: number }[]>(
      `select type, count(*)::int as count from domain_events group by type order by type`,
    );
  const types = rows.map((row) => row.type);
  expect(types).toEqual(
    expect.arrayContaining(['ENTERPRISE_REGISTERED', 'HOSTING_AGREEMENT_UPDATED', 'REGISTRATION_APPLICATION_UPDATED']),
  );
});
