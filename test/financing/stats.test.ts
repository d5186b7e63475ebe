import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { District } from '../../src/shared/graphql/reference.types.js';
import { TestApp } from '../helpers/app.js';
import {
  ACCEPT,
  RECORD_DISBURSEMENT,
  createCast,
  createEnterprise,
  makeOffer,
  publishDemand,
  type Cast,
} from './helpers.js';

// financingStats on a small data set whose figures were worked out by hand:
//
//   demand  enterprise          published (Shanghai)  amount      offers (hours after publication)  accepted      disbursed
//   D1      E1 Huangdao I65     2026-11-02 09:00      1,000,000   A +10h, B +24h                     A 11-04 09:00  900,000 on 11-07 (3 days)
//   D2      E2 Shinan   C39     2026-11-10 09:00      2,000,000   B +2h                              B 11-11 10:00  2,000,000 on 11-16 (5 days)
//   D3      E3 Huangdao C39     2026-11-20 09:00      3,000,000   A +24h                             -              -
//   D4      E1 Huangdao I65     2026-12-01 09:00      4,000,000   -                                  -              -
//   D5      E2 Shinan   C39     2026-12-05 09:00        500,000   A +4h                              A 12-06 09:00  -
//   D6      E1 Huangdao I65     2027-01-05 09:00      9,000,000   -   (outside the range 2026-11-01 … 2026-12-31)

let app: TestApp;
let cast: Cast;

const at = (shanghai: string) => app.clock.set(`${shanghai}:00+08:00`);

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-01T09:00:00+08:00' });
  cast = await createCast(app);
  const e1 = toGlobalId(
    'Enterprise',
    (await createEnterprise(app, cast.owner, { district: District.HUANGDAO, industry: 'I65' })).id,
  );
  const e2 = toGlobalId(
    'Enterprise',
    (await createEnterprise(app, cast.owner, { district: District.SHINAN, industry: 'C39' })).id,
  );
  const e3 = toGlobalId(
    'Enterprise',
    (await createEnterprise(app, cast.owner, { district: District.HUANGDAO, industry: 'C39' })).id,
  );
  const publish = (enterprise: string, amount: string) =>
    publishDemand(app, cast.owner, enterprise, { amount: { amount }, maxAnnualRate: null });
  const offer = (bank: typeof cast.bankA, demand: string, amount: string) =>
    makeOffer(app, bank, demand, { amount: { amount } });
  const accept = async (offerId: string) => {
    const result = await app.execute(ACCEPT, { input: { id: offerId } }, { token: cast.owner.token });
    expect(result.data!.acceptFinancingOffer.userErrors).toEqual([]);
  };
  const disburse = async (bank: typeof cast.bankA, offerId: string, amount: string, disbursedOn: string) => {
    const result = await app.execute(
      RECORD_DISBURSEMENT,
      { input: { offerId, amount: { amount }, disbursedOn } },
      { token: bank.token },
    );
    expect(result.data!.recordDisbursement.userErrors).toEqual([]);
  };

  at('2026-11-02T09:00');
  const d1 = await publish(e1, '1000000.00');
  at('2026-11-02T19:00');
  const d1a = await offer(cast.bankA, d1, '900000.00');
  at('2026-11-03T09:00');
  await offer(cast.bankB, d1, '1000000.00');
  at('2026-11-04T09:00');
  await accept(d1a);
  at('2026-11-07T15:00');
  await disburse(cast.bankA, d1a, '900000.00', '2026-11-07');

  at('2026-11-10T09:00');
  const d2 = await publish(e2, '2000000.00');
  at('2026-11-10T11:00');
  const d2b = await offer(cast.bankB, d2, '2000000.00');
  at('2026-11-11T10:00');
  await accept(d2b);
  at('2026-11-16T10:00');
  await disburse(cast.bankB, d2b, '2000000.00', '2026-11-16');

  at('2026-11-20T09:00');
  const d3 = await publish(e3, '3000000.00');
  at('2026-11-21T09:00');
  await offer(cast.bankA, d3, '3000000.00');

  at('2026-12-01T09:00');
  await publish(e1, '4000000.00');

  at('2026-12-05T09:00');
  const d5 = await publish(e2, '500000.00');
  at('2026-12-05T13:00');
  const d5a = await offer(cast.bankA, d5, '500000.00');
  at('2026-12-06T09:00');
  await accept(d5a);

  at('2027-01-05T09:00');
  await publish(e1, '9000000.00');
});
afterAll(async () => app?.stop());

const STATS = `query($groupBy: FinancingStatsGrouping!) {
  financingStats(from: "2026-11-01", to: "2026-12-31", groupBy: $groupBy) {
    key label demandCount amountRequested { amount } enterpriseCount claimedCount claimRate medianHoursToFirstOffer
    obtainedCount obtainedRate disbursedCount amountDisbursed { amount } amountDisbursedPerEnterprise { amount } medianDaysToDisbursement
  }
}`;

async function stats(groupBy: string) {
  const result = await app.execute(STATS, { groupBy }, { token: cast.finance.token, language: 'en' });
  expect(result.errors).toBeUndefined();
  return Object.fromEntries(result.data!.financingStats.map((row: any) => [row.key, row]));
}

const money = (amount: string) => ({ amount });

describe('financingStats', () => {
  it('by district', async () => {
    expect(await stats('DISTRICT')).toEqual({
      HUANGDAO: {
        key: 'HUANGDAO',
        label: 'Huangdao District',
        demandCount: 3,
        amountRequested: money('8000000.00'),
        enterpriseCount: 2,
        claimedCount: 2,
        claimRate: '0.6667',
        medianHoursToFirstOffer: '17.0',
        obtainedCount: 1,
        obtainedRate: '0.3333',
        disbursedCount: 1,
        amountDisbursed: money('900000.00'),
        amountDisbursedPerEnterprise: money('900000.00'),
        medianDaysToDisbursement: '3.0',
      },
      SHINAN: {
        key: 'SHINAN',
        label: 'Shinan District',
        demandCount: 2,
        amountRequested: money('2500000.00'),
        enterpriseCount: 1,
        claimedCount: 2,
        claimRate: '1.0000',
        medianHoursToFirstOffer: '3.0',
        obtainedCount: 2,
        obtainedRate: '1.0000',
        disbursedCount: 1,
        amountDisbursed: money('2000000.00'),
        amountDisbursedPerEnterprise: money('2000000.00'),
        medianDaysToDisbursement: '5.0',
      },
    });
  });

  it('by industry', async () => {
    const rows = await stats('INDUSTRY');
    expect(Object.keys(rows).sort()).toEqual(['C39', 'I65']);
    expect(rows.I65).toMatchObject({
      label: 'Software and information technology services',
      demandCount: 2,
      amountRequested: money('5000000.00'),
      enterpriseCount: 1,
      claimedCount: 1,
      claimRate: '0.5000',
      medianHoursToFirstOffer: '10.0',
      obtainedCount: 1,
      obtainedRate: '0.5000',
      disbursedCount: 1,
      amountDisbursed: money('900000.00'),
      medianDaysToDisbursement: '3.0',
    });
    expect(rows.C39).toMatchObject({
      demandCount: 3,
      amountRequested: money('5500000.00'),
      enterpriseCount: 2,
      claimedCount: 3,
      claimRate: '1.0000',
      medianHoursToFirstOffer: '4.0',
      obtainedCount: 2,
      obtainedRate: '0.6667',
      disbursedCount: 1,
      amountDisbursed: money('2000000.00'),
      amountDisbursedPerEnterprise: money('2000000.00'),
      medianDaysToDisbursement: '5.0',
    });
  });

  it('by month', async () => {
    const rows = await stats('MONTH');
    expect(Object.keys(rows)).toEqual(['2026-11', '2026-12']);
    expect(rows['2026-11']).toMatchObject({
      demandCount: 3,
      amountRequested: money('6000000.00'),
      enterpriseCount: 3,
      claimedCount: 3,
      claimRate: '1.0000',
      medianHoursToFirstOffer: '10.0',
      obtainedCount: 2,
      obtainedRate: '0.6667',
      disbursedCount: 2,
      amountDisbursed: money('2900000.00'),
      amountDisbursedPerEnterprise: money('1450000.00'),
      medianDaysToDisbursement: '4.0',
    });
    expect(rows['2026-12']).toMatchObject({
      demandCount: 2,
      amountRequested: money('4500000.00'),
      enterpriseCount: 2,
      claimedCount: 1,
      claimRate: '0.5000',
      medianHoursToFirstOffer: '4.0',
      obtainedCount: 1,
      obtainedRate: '0.5000',
      disbursedCount: 0,
      amountDisbursed: money('0.00'),
      amountDisbursedPerEnterprise: null,
      medianDaysToDisbursement: null,
    });
  });

  it('by bank', async () => {
    const rows = await stats('BANK');
    const a = rows[toGlobalId('Bank', cast.bankAId)];
    const b = rows[toGlobalId('Bank', cast.bankBId)];
    expect(Object.keys(rows)).toHaveLength(2);
    expect(a).toMatchObject({
      demandCount: 3,
      amountRequested: money('4500000.00'),
      enterpriseCount: 3,
      claimedCount: 3,
      claimRate: '0.6000',
      medianHoursToFirstOffer: '10.0',
      obtainedCount: 2,
      obtainedRate: '0.6667',
      disbursedCount: 1,
      amountDisbursed: money('900000.00'),
      amountDisbursedPerEnterprise: money('900000.00'),
      medianDaysToDisbursement: '3.0',
    });
    expect(a.label).toMatch(/^青岛测试银行/);
    expect(b).toMatchObject({
      demandCount: 2,
      amountRequested: money('3000000.00'),
      enterpriseCount: 2,
      claimedCount: 2,
      claimRate: '0.4000',
      medianHoursToFirstOffer: '13.0',
      obtainedCount: 1,
      obtainedRate: '0.5000',
      disbursedCount: 1,
      amountDisbursed: money('2000000.00'),
      medianDaysToDisbursement: '5.0',
    });
  });

  it('refuses a range that ends before it starts', async () => {
    const result = await app.execute(
      `{ financingStats(from: "2026-12-01", to: "2026-11-01", groupBy: MONTH) { key } }`,
      {},
      { token: cast.finance.token },
    );
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
