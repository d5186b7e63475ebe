import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { reserveViaApi } from '../names/helpers.js';
import { COMMITMENT, CONFIRM, SAVE, SUBMIT, declaration, establish, payloadOf, run, tradeName } from './helpers.js';

// 企业名称登记管理规定 第十七条: a name identical to a related enterprise's is reserved on the ground of an
// investment relationship; when the holder is to invest in the new enterprise, the registry confirms it
// against the declared investors, at submission and again at confirmation.

let app: TestApp;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

async function holderAndRelatedReservation(agent: TestUser) {
  const trade = tradeName();
  const confirmed = await establish(app, agent, official, {}, { name: `青岛${trade}信息技术有限公司` });
  const read = await run(app, `query($id: ID!) { node(id: $id) { ... on Enterprise { uscc } } }`, {
    id: confirmed.enterprise.id,
  });
  const reserved = await reserveViaApi(app, agent.token, `青岛${trade}信息技术股份有限公司`, {
    kind: 'JOINT_STOCK_COMPANY',
    district: 'HUANGDAO',
    investmentRelation: { enterpriseId: confirmed.enterprise.id, relationship: 'HOLDER_INVESTS_IN_NEW' },
  });
  expect(reserved.userErrors).toEqual([]);
  return { uscc: read.node.uscc as string, reservationId: reserved.reservation!.id };
}

function holderAsInvestor(uscc: string) {
  return {
    kind: 'ENTERPRISE',
    name: '持有名称的关联企业',
    registrationNumber: uscc,
    country: 'CN',
    subscribedCapital: { amount: '400000.00' },
    contributionForm: 'CURRENCY',
  };
}

describe('the investment relationship a name was reserved on (规定 Art. 17)', () => {
  it('Art. 17: an establishment whose investors leave out the holder is refused at the investors; declaring the holder lets it through to confirmation', async () => {
    const agent = await createUser(app);
    const { uscc, reservationId } = await holderAndRelatedReservation(agent);
    const base = declaration({ kind: 'JOINT_STOCK_COMPANY' }) as { investors: Record<string, unknown>[] };
    const draft = payloadOf(
      await run(
        app,
        SAVE,
        { input: { kind: 'ESTABLISHMENT', nameReservationId: reservationId, declaration: base } },
        agent,
      ),
    );
    expect(draft.userErrors).toEqual([]);

    const refused = payloadOf(
      await run(app, SUBMIT, { input: { id: draft.application.id, commitment: COMMITMENT } }, agent),
    );
    expect(refused.userErrors).toEqual([
      expect.objectContaining({
        code: 'NOT_ALLOWED',
        field: ['input', 'declaration', 'investors'],
        message: expect.stringContaining(uscc),
      }),
    ]);

    const corrected = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            id: draft.application.id,
            kind: 'ESTABLISHMENT',
            nameReservationId: reservationId,
            declaration: { ...base, investors: [base.investors[0], holderAsInvestor(uscc)] },
          },
        },
        agent,
      ),
    );
    expect(corrected.userErrors).toEqual([]);
    const submitted = payloadOf(
      await run(app, SUBMIT, { input: { id: draft.application.id, commitment: COMMITMENT } }, agent),
    );
    expect(submitted.userErrors).toEqual([]);
    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id: draft.application.id } }, official));
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.application.status).toBe('CONFIRMED');
  });
});
