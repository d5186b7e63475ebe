import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { loadDemoAccounts } from '../../src/db/demo/accounts.demo.js';
import { demoNames, loadDemoNames } from '../../src/db/demo/names.demo.js';
import { EnterpriseName, NameReservation } from '../../src/modules/names/index.js';
import { CHECK } from './helpers.js';

// The names demo data: idempotent, a few hundred names a demo check meets, reservations for the demo applicant.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
  await loadDemoAccounts(app.em(), app.deps);
});
afterAll(async () => app?.stop());

describe('the names demo data', () => {
  it('loads a few hundred names and three reservations once, and nothing more the second time', async () => {
    const first = await loadDemoNames(app.orm, app.deps);
    const second = await loadDemoNames(app.orm, app.deps);

    expect(first.names).toBe(demoNames().length);
    expect(first.names).toBeGreaterThanOrEqual(300);
    expect(first.reservations).toBe(3);
    expect(second).toEqual({ names: 0, reservations: 0 });
    expect(await app.em().count(EnterpriseName, { reservationId: null })).toBe(first.names);
    expect(await app.em().count(NameReservation, { special: true, verificationStatus: 'PENDING' })).toBe(1);
  });

  it('gives a demo check real-looking conflicts', async () => {
    const result = await app.execute(CHECK, { input: { name: '青岛琴屿房地产有限公司', district: 'SHINAN' } });
    expect(result.data?.checkEnterpriseName.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'IDENTICAL',
          rule: 'IDENTICAL_TRADE_NAME_SAME_INDUSTRY',
          name: '青岛琴屿地产有限公司',
        }),
      ]),
    );
    const homophone = await app.execute(CHECK, { input: { name: '青岛勤屿海洋科技有限公司', district: 'SHINAN' } });
    expect(homophone.data?.checkEnterpriseName.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'SIMILAR_HOMOPHONE', name: '青岛琴屿海洋科技有限公司' }),
      ]),
    );
  });
});
