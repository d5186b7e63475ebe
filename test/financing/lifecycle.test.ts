import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { expireDueDemands } from '../../src/modules/financing/index.js';
import { TestApp } from '../helpers/app.js';
import {
  ACCEPT,
  DECLINE,
  MAKE_OFFER,
  PUBLISH,
  RECORD_DISBURSEMENT,
  WITHDRAW_DEMAND,
  WITHDRAW_OFFER,
  createCast,
  createEnterprise,
  demandInput,
  financingState,
  makeOffer,
  offerInput,
  publishDemand,
  type Cast,
} from './helpers.js';

// Demands and offers from publication to disbursement: each rule, each refusal (a clear UserError with
// nothing written), expiry by the clock, and the inbox.

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

const DAY = 24 * 3600_000;

async function demand(id: string, token = cast.owner.token) {
  const result = await app.execute(
    `query($id: ID!) { financingDemand(id: $id) { id status offerCount matchedAt endedAt expiresAt offers { edges { node { id status decidedAt } } } } }`,
    { id },
    { token },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.financingDemand;
}

async function refused(document: string, input: Record<string, unknown>, token: string, field: string) {
  const before = await financingState(app);
  const result = await app.execute(document, { input }, { token, language: 'en' });
  expect(result.errors).toBeUndefined();
  expect(await financingState(app)).toEqual(before);
  return result.data![field].userErrors as { code: string; field: string[]; message: string }[];
}

describe('publishing a demand', () => {
  it('copies the enterprise facts and opens the demand for the configured period', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId, {
      collateral: '厂房一处',
      desiredOn: '2026-12-20',
    });
    const result = await app.execute(
      `query($id: ID!) { financingDemand(id: $id) { number status district industry { code name } foreignInvested collateral desiredOn publishedAt expiresAt maxAnnualRate amount { amount currency } } }`,
      { id },
      { token: cast.owner.token, language: 'en' },
    );
    expect(result.data!.financingDemand).toMatchObject({
      status: 'OPEN',
      district: 'HUANGDAO',
      industry: { code: 'I65', name: 'Software and information technology services' },
      foreignInvested: false,
      collateral: '厂房一处',
      desiredOn: '2026-12-20',
      maxAnnualRate: '4.80',
      amount: { amount: '2000000.00', currency: 'CNY' },
      publishedAt: '2026-11-26T09:00:00.000+08:00',
      expiresAt: '2027-01-25T09:00:00.000+08:00',
    });
    expect(result.data!.financingDemand.number).toMatch(/^RZ2026\d{7}$/);
  });

  it('refuses bad input with every problem at once and writes nothing', async () => {
    const errors = await refused(
      PUBLISH,
      demandInput(cast.enterpriseId, {
        amount: { amount: '500.00' },
        termMonths: 0,
        maxAnnualRate: '40',
        desiredOn: '2026-01-01',
        contact: { name: '王海川', phone: '12345', idNumber: '370211198501011234' },
      }),
      cast.owner.token,
      'publishFinancingDemand',
    );
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['OUT_OF_RANGE', 'input.amount.amount'],
      ['OUT_OF_RANGE', 'input.termMonths'],
      ['OUT_OF_RANGE', 'input.maxAnnualRate'],
      ['OUT_OF_RANGE', 'input.desiredOn'],
      ['INVALID_FORMAT', 'input.contact.phone'],
      ['INVALID_FORMAT', 'input.contact.idNumber'],
    ]);
    expect(errors[0]!.message).toBe('The amount must be between 1000.00 and 10000000000.00 yuan.');
  });

  it('refuses an enterprise that is not active, and one the applicant does not act for', async () => {
    const closed = await createEnterprise(app, cast.owner, { status: 'DEREGISTERED' });
    const errors = await refused(
      PUBLISH,
      demandInput(toGlobalId('Enterprise', closed.id)),
      cast.owner.token,
      'publishFinancingDemand',
    );
    expect(errors.map((e) => e.code)).toEqual(['INVALID_STATE']);
    const notMine = await refused(
      PUBLISH,
      demandInput(toGlobalId('Enterprise', cast.otherEnterprise.id)),
      cast.owner.token,
      'publishFinancingDemand',
    );
    expect(notMine.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('takes the industry from the input only when the registration records none, checked against GB/T 4754-2017', async () => {
    const bare = await createEnterprise(app, cast.owner, { industry: null });
    const bareId = toGlobalId('Enterprise', bare.id);
    expect(
      (await refused(PUBLISH, demandInput(bareId), cast.owner.token, 'publishFinancingDemand')).map((e) => [
        e.code,
        e.field,
      ]),
    ).toEqual([['REQUIRED', ['input', 'industry']]]);
    expect(
      (
        await refused(PUBLISH, demandInput(bareId, { industry: 'Z99' }), cast.owner.token, 'publishFinancingDemand')
      ).map((e) => e.code),
    ).toEqual(['INVALID_INPUT']);
    const id = await publishDemand(app, cast.owner, bareId, { industry: 'c39' });
    const result = await app.execute(
      `query($id: ID!) { financingDemand(id: $id) { industry { code } } }`,
      { id },
      { token: cast.owner.token },
    );
    expect(result.data!.financingDemand.industry.code).toBe('C39');
    // A registered industry wins over the input.
    const registered = await publishDemand(app, cast.owner, cast.enterpriseId, { industry: 'C39' });
    const check = await app.execute(
      `query($id: ID!) { financingDemand(id: $id) { industry { code } } }`,
      { id: registered },
      { token: cast.owner.token },
    );
    expect(check.data!.financingDemand.industry.code).toBe('I65');
  });
});

describe('offers', () => {
  it('refuses an amount above the demand, a rate above the ceiling or the legal maximum, and a second pending offer of the same bank', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    await makeOffer(app, cast.bankA, id);
    const codes = async (input: Record<string, unknown>, token = cast.bankB.token) =>
      (await refused(MAKE_OFFER, input, token, 'makeFinancingOffer')).map((e) => [e.code, e.field.join('.')]);
    expect(await codes(offerInput(id, { amount: { amount: '2000000.01' } }))).toEqual([
      ['OUT_OF_RANGE', 'input.amount.amount'],
    ]);
    expect(await codes(offerInput(id, { annualRate: '4.81' }))).toEqual([['OUT_OF_RANGE', 'input.annualRate']]);
    expect(await codes(offerInput(id, { annualRate: '37' }))).toEqual([['OUT_OF_RANGE', 'input.annualRate']]);
    expect(await codes(offerInput(id, { annualRate: '4.12345' }))).toEqual([['INVALID_FORMAT', 'input.annualRate']]);
    expect(await codes(offerInput(id, { termMonths: 400 }))).toEqual([['OUT_OF_RANGE', 'input.termMonths']]);
    // The same bank, through another officer: the bank has a pending offer already.
    expect(await codes(offerInput(id), cast.bankA2.token)).toEqual([['ALREADY_EXISTS', 'input.demandId']]);
  });

  it('lets a bank offer again once it withdrew its pending offer, and counts offers not withdrawn', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const first = await makeOffer(app, cast.bankA, id);
    const withdrawn = await app.execute(WITHDRAW_OFFER, { input: { id: first } }, { token: cast.bankA2.token });
    expect(withdrawn.data!.withdrawFinancingOffer).toEqual({
      offer: { id: first, status: 'WITHDRAWN' },
      userErrors: [],
    });
    expect((await demand(id)).offerCount).toBe(0);
    await makeOffer(app, cast.bankA, id);
    expect((await demand(id)).offerCount).toBe(1);
    const again = await refused(WITHDRAW_OFFER, { id: first }, cast.bankA.token, 'withdrawFinancingOffer');
    expect(again.map((e) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('refuses an offer on a demand that is no longer open', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    await app.execute(WITHDRAW_DEMAND, { input: { id } }, { token: cast.owner.token });
    const errors = await refused(MAKE_OFFER, offerInput(id), cast.bankA.token, 'makeFinancingOffer');
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['INVALID_STATE', 'This financing demand no longer takes offers (status WITHDRAWN).'],
    ]);
  });

  it('checks an offer against the credit product it names', async () => {
    const publish = await app.execute(
      `mutation($input: PublishCreditProductInput!) { publishCreditProduct(input: $input) { product { id minAmount { amount } maxAnnualRate guaranteeTypes bank { name } status } userErrors { code } } }`,
      {
        input: {
          name: '科技贷',
          description: '科技型中小企业信用贷款',
          minAmount: { amount: '500000.00' },
          maxAmount: { amount: '1000000.00' },
          minTermMonths: 12,
          maxTermMonths: 36,
          minAnnualRate: '3.50',
          maxAnnualRate: '4.50',
          guaranteeTypes: ['CREDIT', 'GUARANTEE'],
          audience: ['TECHNOLOGY'],
          onlineApplication: false,
        },
      },
      { token: cast.bankA.token },
    );
    const product = publish.data!.publishCreditProduct.product;
    expect(product).toMatchObject({
      minAmount: { amount: '500000.00' },
      maxAnnualRate: '4.50',
      guaranteeTypes: ['CREDIT', 'GUARANTEE'],
      status: 'ACTIVE',
    });
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const codes = async (input: Record<string, unknown>, token = cast.bankA.token) =>
      (await refused(MAKE_OFFER, input, token, 'makeFinancingOffer')).map((e) => [e.code, e.field.join('.')]);
    expect(await codes(offerInput(id, { productId: product.id, amount: { amount: '1500000.00' } }))).toEqual([
      ['OUT_OF_RANGE', 'input.amount.amount'],
    ]);
    expect(
      await codes(offerInput(id, { productId: product.id, amount: { amount: '800000.00' }, annualRate: '4.60' })),
    ).toEqual([['OUT_OF_RANGE', 'input.annualRate']]);
    // Another bank cannot use bank A's product.
    expect(
      await codes(offerInput(id, { productId: product.id, amount: { amount: '800000.00' } }), cast.bankB.token),
    ).toEqual([['NOT_FOUND', 'input.productId']]);
    const offerId = await makeOffer(app, cast.bankA, id, { productId: product.id, amount: { amount: '800000.00' } });
    const withProduct = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on FinancingOffer { product { name } } } }`,
      { id: offerId },
      { token: cast.owner.token },
    );
    expect(withProduct.data!.node.product).toEqual({ name: '科技贷' });
    await app.execute(
      `mutation($input: RetireCreditProductInput!) { retireCreditProduct(input: $input) { userErrors { code } } }`,
      { input: { id: product.id } },
      { token: cast.bankA.token },
    );
    const other = await publishDemand(app, cast.owner, cast.enterpriseId);
    expect(await codes(offerInput(other, { productId: product.id, amount: { amount: '800000.00' } }))).toEqual([
      ['INVALID_STATE', 'input.productId'],
    ]);
  });
});

describe('accepting, declining and withdrawing', () => {
  it('accepting one offer matches the demand, declines the others and tells both banks', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, id);
    const offerB = await makeOffer(app, cast.bankB, id, { amount: { amount: '1000000.00' } });
    app.clock.advance(3600_000);
    const accepted = await app.execute(ACCEPT, { input: { id: offerB } }, { token: cast.owner.token });
    expect(accepted.data!.acceptFinancingOffer).toEqual({ offer: { id: offerB, status: 'ACCEPTED' }, userErrors: [] });
    const state = await demand(id);
    expect(state).toMatchObject({ status: 'MATCHED', matchedAt: '2026-11-26T10:00:00.000+08:00' });
    const statuses = Object.fromEntries(state.offers.edges.map((e: any) => [e.node.id, e.node.status]));
    expect(statuses).toEqual({ [offerA]: 'DECLINED', [offerB]: 'ACCEPTED' });
    const inbox = async (token: string) =>
      (
        await app.execute(`{ notifications(first: 100) { edges { node { kind subject { id } } } } }`, {}, { token })
      ).data!.notifications.edges.map((e: any) => [e.node.kind, e.node.subject?.id]);
    expect(await inbox(cast.bankB.token)).toContainEqual(['FINANCING_OFFER_ACCEPTED', offerB]);
    expect(await inbox(cast.bankA.token)).toContainEqual(['FINANCING_OFFER_DECLINED', offerA]);
    expect(await inbox(cast.owner.token)).toContainEqual(['FINANCING_OFFER_RECEIVED', offerA]);

    expect(
      (await refused(ACCEPT, { id: offerA }, cast.owner.token, 'acceptFinancingOffer')).map((e) => e.code),
    ).toEqual(['INVALID_STATE']);
    expect(
      (await refused(DECLINE, { id: offerB }, cast.owner.token, 'declineFinancingOffer')).map((e) => e.code),
    ).toEqual(['INVALID_STATE']);
    expect(
      (await refused(WITHDRAW_DEMAND, { id }, cast.owner.token, 'withdrawFinancingDemand')).map((e) => e.code),
    ).toEqual(['INVALID_STATE']);
    app.clock.advance(-3600_000);
  });

  it('declining an offer leaves the demand open for others', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, id);
    const declined = await app.execute(DECLINE, { input: { id: offerA } }, { token: cast.owner.token });
    expect(declined.data!.declineFinancingOffer).toEqual({ offer: { id: offerA, status: 'DECLINED' }, userErrors: [] });
    expect((await demand(id)).status).toBe('OPEN');
    await makeOffer(app, cast.bankA, id);
  });

  it('withdrawing a demand declines its pending offers', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, id);
    const result = await app.execute(WITHDRAW_DEMAND, { input: { id } }, { token: cast.owner.token });
    expect(result.data!.withdrawFinancingDemand).toEqual({ demand: { id, status: 'WITHDRAWN' }, userErrors: [] });
    expect((await demand(id)).offers.edges[0].node).toMatchObject({ id: offerA, status: 'DECLINED' });
  });
});

describe('recording a disbursement', () => {
  it('needs an accepted offer, an amount up to the offer and a day from acceptance to today; then closes the demand', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerId = await makeOffer(app, cast.bankA, id);
    const input = (amount: string, disbursedOn: string) => ({ offerId, amount: { amount }, disbursedOn });
    expect(
      (
        await refused(RECORD_DISBURSEMENT, input('1500000.00', '2026-11-26'), cast.bankA.token, 'recordDisbursement')
      ).map((e) => e.code),
    ).toEqual(['INVALID_STATE']);
    await app.execute(ACCEPT, { input: { id: offerId } }, { token: cast.owner.token });
    expect(
      (
        await refused(RECORD_DISBURSEMENT, input('1500000.01', '2026-11-25'), cast.bankA.token, 'recordDisbursement')
      ).map((e) => [e.code, e.field.at(-1)]),
    ).toEqual([
      ['OUT_OF_RANGE', 'amount'],
      ['OUT_OF_RANGE', 'disbursedOn'],
    ]);
    expect(
      (
        await refused(RECORD_DISBURSEMENT, input('1500000.00', '2026-11-27'), cast.bankA.token, 'recordDisbursement')
      ).map((e) => e.code),
    ).toEqual(['OUT_OF_RANGE']);
    const recorded = await app.execute(
      RECORD_DISBURSEMENT,
      { input: input('1200000.00', '2026-11-26') },
      { token: cast.bankA2.token },
    );
    expect(recorded.data!.recordDisbursement).toEqual({
      offer: {
        id: offerId,
        status: 'DISBURSED',
        disbursedAmount: { amount: '1200000.00' },
        disbursedOn: '2026-11-26',
        demand: { status: 'CLOSED' },
      },
      userErrors: [],
    });
  });
});

describe('expiry', () => {
  it('an open demand expires by the clock after the configured period: reads, search, offers and acceptance all see it', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId, { amount: { amount: '3333333.00' } });
    const offerId = await makeOffer(app, cast.bankA, id);
    const start = app.clock.now();
    try {
      app.clock.set(new Date(start.getTime() + 60 * DAY - 1));
      expect((await demand(id)).status).toBe('OPEN');
      app.clock.set(new Date(start.getTime() + 60 * DAY));
      const expired = await demand(id);
      expect(expired).toMatchObject({ status: 'EXPIRED', endedAt: '2027-01-25T09:00:00.000+08:00' });
      expect(expired.offers.edges[0].node).toMatchObject({
        id: offerId,
        status: 'EXPIRED',
        decidedAt: '2027-01-25T09:00:00.000+08:00',
      });
      const search = await app.execute(
        `{ financingDemands(first: 100, filter: { amountMin: { amount: "3333333.00" }, amountMax: { amount: "3333333.00" } }) { edges { node { id } } } }`,
        {},
        { token: cast.bankB.token },
      );
      expect(search.data!.financingDemands.edges).toEqual([]);
      const expiredList = await app.execute(
        `{ financingDemands(first: 100, filter: { status: EXPIRED }) { edges { node { id status } } } }`,
        {},
        { token: cast.finance.token },
      );
      expect(expiredList.data!.financingDemands.edges).toContainEqual({ node: { id, status: 'EXPIRED' } });
      expect(
        (await refused(MAKE_OFFER, offerInput(id), cast.bankB.token, 'makeFinancingOffer')).map((e) => e.message),
      ).toEqual(['This financing demand no longer takes offers (status EXPIRED).']);
      expect(
        (await refused(ACCEPT, { id: offerId }, cast.owner.token, 'acceptFinancingOffer')).map((e) => e.code),
      ).toEqual(['INVALID_STATE']);

      // The sweep writes down what the clock already said.
      const swept = await expireDueDemands(app.em(), app.clock);
      expect(swept).toBeGreaterThanOrEqual(1);
      const [row] = await app
        .em()
        .execute(
          `select d.status, d.ended_at, o.status as offer_status from financing_demands d join financing_offers o on o.demand_id = d.id where o.id = ?`,
          [fromGlobalId(offerId)!.id],
        );
      expect(row).toMatchObject({ status: 'EXPIRED', offer_status: 'EXPIRED' });
      expect((await demand(id)).status).toBe('EXPIRED');
    } finally {
      app.clock.set(start);
    }
  });
});

describe('alerts', () => {
  it("puts a new demand matching an officer's saved alert into that officer's inbox, and no other", async () => {
    const save = `mutation($input: SaveFinancingDemandAlertInput!) { saveFinancingDemandAlert(input: $input) { alert { id name } userErrors { code } } }`;
    await app.execute(
      save,
      { input: { name: '黄岛大额', filter: { districts: ['HUANGDAO'], amountMin: { amount: '5000000.00' } } } },
      { token: cast.bankA.token },
    );
    await app.execute(
      save,
      { input: { name: '市南', filter: { districts: ['SHINAN'] } } },
      { token: cast.bankB.token },
    );
    const id = await publishDemand(app, cast.owner, cast.enterpriseId, {
      amount: { amount: '6000000.00' },
      maxAnnualRate: null,
    });
    const inbox = async (token: string) =>
      (
        await app.execute(
          `{ notifications(first: 100) { edges { node { kind body subject { id } } } } }`,
          {},
          { token, language: 'en' },
        )
      )
        .data!.notifications.edges.map((e: any) => e.node)
        .filter((n: any) => n.kind === 'FINANCING_DEMAND_PUBLISHED');
    const forA = await inbox(cast.bankA.token);
    expect(forA.map((n: any) => n.subject?.id)).toContain(id);
    expect(forA.find((n: any) => n.subject?.id === id).body).toMatch(
      /matches your alert "黄岛大额": 6000000.00 yuan for 24 months/,
    );
    expect((await inbox(cast.bankB.token)).map((n: any) => n.subject?.id)).not.toContain(id);
  });
});
