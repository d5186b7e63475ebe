import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { COMMITMENT, CONFIRM, SUBMIT, declaration, draftEstablishment, errorsOf, payloadOf, run } from './helpers.js';

// 企业名称登记管理规定 第十二条: "（中国）" after the trade name only for a wholly foreign-owned or
// foreign-controlled enterprise using its foreign investor's trade name, checked against the declared
// investors when the application is submitted for confirmation.

const SERVICE_AGENT = { name: '青岛送达代理有限公司', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' };
const FOREIGN_PARENT = {
  kind: 'ENTERPRISE',
  name: 'Siemens AG',
  chineseName: '西门子股份公司',
  registrationNumber: 'HRB 6684',
  country: 'DE',
  subscribedCapital: { amount: '600000.00' },
  contributionForm: 'CURRENCY',
};

let app: TestApp;
let applicant: TestUser;
let registrar: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
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
    expect(errorsOf(data)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'declaration', 'investors'] }]);
  });

  it('规定 Art. 12: is accepted when foreign investors hold more than half of the capital and the name uses their trade name', async () => {
    const chinese = (declaration().investors as Record<string, unknown>[])[1]!;
    const data = await submitWith('西门子（中国）有限公司', [FOREIGN_PARENT, chinese]);
    expect(payloadOf(data).userErrors).toEqual([]);
  });

  it('规定 Art. 12: is refused when the trade name is not that of any declared foreign investor', async () => {
    const chinese = (declaration().investors as Record<string, unknown>[])[1]!;
    const data = await submitWith('博世（中国）有限公司', [FOREIGN_PARENT, chinese]);
    expect(errorsOf(data)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'declaration', 'investors'] }]);
    expect(payloadOf(data).userErrors[0]!.message).toContain('博世');
  });

  it('规定 Art. 12: the trade name must be a foreign investor’s, not a Chinese investor’s', async () => {
    const chinese = {
      ...(declaration().investors as Record<string, unknown>[])[1]!,
      name: '青岛拜耳投资有限公司',
      subscribedCapital: { amount: '400000.00' },
    };
    const data = await submitWith('拜耳（中国）有限公司', [FOREIGN_PARENT, chinese]);
    expect(errorsOf(data)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'declaration', 'investors'] }]);
  });

  it('规定 Art. 12: a foreign organisation form the parser does not know (株式会社) still yields the trade name', async () => {
    const samsung = {
      ...FOREIGN_PARENT,
      name: 'Samsung Electronics Co., Ltd.',
      chineseName: '三星电子株式会社',
      country: 'KR',
    };
    const chinese = (declaration().investors as Record<string, unknown>[])[1]!;
    const data = await submitWith('三星（中国）有限公司', [samsung, chinese]);
    expect(payloadOf(data).userErrors).toEqual([]);
  });

  it('规定 Art. 12: is checked again at confirmation against the investors as declared', async () => {
    const chinese = (declaration().investors as Record<string, unknown>[])[1]!;
    const basf = { ...FOREIGN_PARENT, name: 'BASF SE', chineseName: '巴斯夫股份公司' };
    const submittedData = await submitWith('巴斯夫（中国）有限公司', [basf, chinese]);
    const application = payloadOf(submittedData).application;
    expect(application.status).toBe('SUBMITTED');
    // The stored declaration is what the registry confirms: the investor no longer carries the trade name.
    await app
      .em()
      .getConnection()
      .execute(
        `update registration_applications
         set declaration = jsonb_set(declaration::jsonb, '{investors,0,chineseName}', '"博世有限公司"')
       where number = ?`,
        [application.number],
      );
    const data = await run(app, CONFIRM, { input: { id: application.id } }, registrar);
    expect(errorsOf(data)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'declaration', 'investors'] }]);
  });
});
