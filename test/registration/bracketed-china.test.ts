import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { COMMITMENT, SUBMIT, declaration, draftEstablishment, errorsOf, payloadOf, run } from './helpers.js';

// 企业名称登记管理规定 第十二条: "（中国）" after the trade name only for a wholly foreign-owned or
// foreign-controlled enterprise using its foreign investor's trade name, checked against the declared
// investors when the application is submitted for confirmation.

const SERVICE_AGENT = { name: '青岛送达代理有限公司', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' };
const FOREIGN_PARENT = {
  kind: 'ENTERPRISE',
  name: 'Bosch Siemens Hausgeräte GmbH',
  registrationNumber: 'HRB 75534',
  country: 'DE',
  subscribedCapital: { amount: '600000.00' },
  contributionForm: 'CURRENCY',
};

let app: TestApp;
let applicant: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
});
afterAll(async () => app?.stop());

async function submitWith(name: string, investors: Record<string, unknown>[] | undefined) {
  const overrides: Record<string, unknown> = { foreignInvested: true, serviceAgent: SERVICE_AGENT };
  if (investors) overrides.investors = investors;
  const { id } = await draftEstablishment(app, applicant, overrides, { name, foreignInvested: true, commitment: true });
  return run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant);
}

describe('（中国） in the name of a foreign-invested enterprise', () => {
  it('规定 Art. 12: is refused when Chinese investors hold the capital', async () => {
    const data = await submitWith('博西家电（中国）有限公司', undefined);
    expect(errorsOf(data)).toEqual([{ code: 'NOT_ALLOWED', field: ['declaration', 'investors'] }]);
  });

  it('规定 Art. 12: is accepted when foreign investors hold more than half of the capital', async () => {
    const chinese = (declaration().investors as Record<string, unknown>[])[1]!;
    const data = await submitWith('博世（中国）有限公司', [FOREIGN_PARENT, chinese]);
    expect(payloadOf(data).userErrors).toEqual([]);
  });
});
