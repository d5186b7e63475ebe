import 'reflect-metadata';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoData } from '../../src/db/demo/index.js';
import { TestApp } from '../helpers/app.js';

// The demo data goes through the services, so the event feed has the demo's events from the start. The
// financing demo writes its rows directly, in bulk, and the events the services would have recorded with them.

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
    expect.arrayContaining([
      'ENTERPRISE_REGISTERED',
      'HOSTING_AGREEMENT_UPDATED',
      'REGISTRATION_APPLICATION_UPDATED',
      'CREDIT_PRODUCT_PUBLISHED',
      'FINANCING_DEMAND_PUBLISHED',
      'FINANCING_DEMAND_WITHDRAWN',
      'FINANCING_DEMAND_EXPIRED',
      'FINANCING_OFFER_RECEIVED',
      'FINANCING_OFFER_ACCEPTED',
      'FINANCING_OFFER_DECLINED',
      'FINANCING_OFFER_DISBURSED',
    ]),
  );
  // One publication event per demand and one receipt per offer, with the services' audiences.
  const [counts] = await app.em().execute<{ demands: number; offers: number; published: number; received: number }[]>(
    `select (select count(*)::int from financing_demands) as demands, (select count(*)::int from financing_offers) as offers,
            (select count(*)::int from domain_events where type = 'FINANCING_DEMAND_PUBLISHED') as published,
            (select count(*)::int from domain_events where type = 'FINANCING_OFFER_RECEIVED') as received`,
  );
  expect(counts!.published).toBe(counts!.demands);
  expect(counts!.received).toBe(counts!.offers);
  const [offer] = await app.em().execute<{ audience: string[]; bank_id: string }[]>(
    `select e.audience, o.bank_id from domain_events e join financing_offers o on o.id = e.subject_id
      where e.type = 'FINANCING_OFFER_RECEIVED' limit 1`,
  );
  expect(offer!.audience).toContain(`org:${offer!.bank_id}`);
  expect(offer!.audience).not.toContain('role:BANK_OFFICER');
});
