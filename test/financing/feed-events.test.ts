import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueDemands } from '../../src/modules/financing/index.js';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { expectFeedEvent } from '../helpers/event-feed.js';
import {
  ACCEPT,
  DECLINE,
  RECORD_DISBURSEMENT,
  WITHDRAW_DEMAND,
  WITHDRAW_OFFER,
  createCast,
  makeOffer,
  publishDemand,
  type Cast,
} from './helpers.js';

// Every financing change is in the partners' event feed once, seen exactly by the readers of its object:
// an offer by its own bank (never the other bank), the enterprise and finance officials; a demand no longer
// open by officials, its publisher and the banks that offered on it; credit products by everyone.

const DAY = 86_400_000;
let app: TestApp;
let cast: Cast;

async function run(operation: string, input: Record<string, unknown>, token: string, field: string): Promise<void> {
  const result = await app.execute(operation, { input }, { token });
  expect(result.errors).toBeUndefined();
  expect(result.data![field].userErrors).toEqual([]);
}

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

describe('financing events in the feed', () => {
  it('offer declined, accepted and disbursed: the offering bank and the enterprise, not the other bank', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, demandId);
    const offerB = await makeOffer(app, cast.bankB, demandId);
    await run(DECLINE, { id: offerB }, cast.owner.token, 'declineFinancingOffer');
    await expectFeedEvent(app, 'FINANCING_OFFER_DECLINED', offerB, {
      seenBy: [cast.bankB.token, cast.owner.token, cast.finance.token],
      hiddenFrom: [cast.bankA.token, cast.other.token],
    });
    await run(ACCEPT, { id: offerA }, cast.owner.token, 'acceptFinancingOffer');
    await expectFeedEvent(app, 'FINANCING_OFFER_ACCEPTED', offerA, {
      seenBy: [cast.bankA.token, cast.bankA2.token, cast.owner.token],
      hiddenFrom: [cast.bankB.token, cast.other.token],
    });
    await run(
      RECORD_DISBURSEMENT,
      { offerId: offerA, amount: { amount: '1500000.00' }, disbursedOn: '2026-11-26' },
      cast.bankA.token,
      'recordDisbursement',
    );
    await expectFeedEvent(app, 'FINANCING_OFFER_DISBURSED', offerA, {
      seenBy: [cast.bankA.token, cast.owner.token],
      hiddenFrom: [cast.bankB.token, cast.other.token],
    });
  });

  it('accepting one offer declines the other pending ones: each bank hears of its own', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, demandId);
    const offerB = await makeOffer(app, cast.bankB, demandId);
    await run(ACCEPT, { id: offerA }, cast.owner.token, 'acceptFinancingOffer');
    await expectFeedEvent(app, 'FINANCING_OFFER_DECLINED', offerB, {
      seenBy: [cast.bankB.token, cast.owner.token],
      hiddenFrom: [cast.bankA.token],
    });
  });

  it('offer withdrawn, then the demand withdrawn: a bank that offered sees the demand event, the other does not', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, demandId);
    await run(WITHDRAW_OFFER, { id: offerA }, cast.bankA.token, 'withdrawFinancingOffer');
    await expectFeedEvent(app, 'FINANCING_OFFER_WITHDRAWN', offerA, {
      seenBy: [cast.bankA.token, cast.owner.token],
      hiddenFrom: [cast.bankB.token],
    });
    await run(WITHDRAW_DEMAND, { id: demandId }, cast.owner.token, 'withdrawFinancingDemand');
    await expectFeedEvent(app, 'FINANCING_DEMAND_WITHDRAWN', demandId, {
      seenBy: [cast.owner.token, cast.bankA.token, cast.finance.token, cast.registrar.token],
      hiddenFrom: [cast.bankB.token, cast.other.token],
    });
  });

  it('the expiry sweep records each expired demand once, in its own transaction', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    await makeOffer(app, cast.bankB, demandId);
    const start = app.clock.now();
    try {
      app.clock.set(new Date(start.getTime() + 61 * DAY));
      expect(await expireDueDemands(app.em(), app.clock)).toBeGreaterThanOrEqual(1);
      // A second run finds nothing more to expire and records nothing.
      expect(await expireDueDemands(app.em(), app.clock)).toBe(0);
      await expectFeedEvent(app, 'FINANCING_DEMAND_EXPIRED', demandId, {
        seenBy: [cast.owner.token, cast.bankB.token],
        hiddenFrom: [cast.bankA.token, cast.other.token],
      });
    } finally {
      app.clock.set(start);
    }
  });

  it('credit products published and retired are public', async () => {
    const everyone = await createApiKeyRow(app, { scopes: ['EVENTS_READ'], createdBy: cast.admin.user });
    const published = await app.execute(
      `mutation($input: PublishCreditProductInput!) { publishCreditProduct(input: $input) { product { id } userErrors { code field } } }`,
      {
        input: {
          name: `事件贷 ${Date.now()}`,
          description: '事件流测试',
          minAmount: { amount: '100000.00' },
          maxAmount: { amount: '3000000.00' },
          minTermMonths: 6,
          maxTermMonths: 36,
          minAnnualRate: '3.45',
          maxAnnualRate: '5.50',
          guaranteeTypes: ['CREDIT'],
          audience: ['SMALL_AND_MICRO'],
          onlineApplication: false,
          applicationUrl: null,
        },
      },
      { token: cast.bankA.token },
    );
    expect(published.data!.publishCreditProduct.userErrors).toEqual([]);
    const productId = published.data!.publishCreditProduct.product.id as string;
    await expectFeedEvent(app, 'CREDIT_PRODUCT_PUBLISHED', productId, {
      seenBy: [everyone.secret, cast.bankB.token, cast.other.token],
      hiddenFrom: [],
    });
    await run(
      `mutation($input: RetireCreditProductInput!) { retireCreditProduct(input: $input) { userErrors { code } } }`,
      { id: productId },
      cast.bankA.token,
      'retireCreditProduct',
    );
    await expectFeedEvent(app, 'CREDIT_PRODUCT_RETIRED', productId, { seenBy: [everyone.secret], hiddenFrom: [] });
  });
});
