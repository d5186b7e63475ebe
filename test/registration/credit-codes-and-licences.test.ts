import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import {
  QINGDAO_CITY_AREA_CODE,
  QINGDAO_DISTRICT_AREA_CODES,
  QINGDAO_DISTRICTS,
  organisationCodeBodyForSequence,
  validateUscc,
} from '../../src/shared/credit-code.js';
import { BusinessLicence } from '../../src/modules/registration/registration.entity.js';
import { codeMatches, licenceIdOfCode, signLicence } from '../../src/modules/registration/licence-signature.js';
import { establish, localId, run } from './helpers.js';

// Credit codes issued on confirmation carry the district's registering-authority code and pass both
// check characters; the licence verification code is an HMAC only the platform can make.

let app: TestApp;
let applicant: TestUser;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

const VERIFY = /* GraphQL */ `
  query ($code: String!) {
    verifyBusinessLicence(verificationCode: $code) {
      genuine
      current
      licence {
        number
        status
        facts {
          uscc
          name
          legalRepresentative
          registeredCapital {
            amount
          }
          establishedOn
        }
      }
      enterprise {
        id
        name
        uscc
      }
    }
  }
`;

describe('unified social credit codes', () => {
  it('the sequence starts where codes read "MA…", as issued since 2015', () => {
    expect(organisationCodeBodyForSequence(311613792031)).toBe('MA000000');
  });

  it('gives each district its own registering-authority code, with both check characters right', async () => {
    const codes: string[] = [];
    for (const district of QINGDAO_DISTRICTS) {
      const zone = district === 'HUANGDAO' ? 'QINGDAO_FTZ' : district === 'JIAOZHOU' ? 'SCO_DEMO_ZONE' : 'NONE';
      const confirmed = await establish(
        app,
        applicant,
        official,
        { registeredAddress: { district, zone, address: `青岛市某区某路 ${codes.length + 1} 号` } },
        { district },
      );
      const uscc = confirmed.enterprise.uscc as string;
      expect(uscc.slice(0, 2)).toBe('91');
      expect(uscc.slice(2, 8)).toBe(QINGDAO_DISTRICT_AREA_CODES[district]);
      expect(validateUscc(uscc)).toEqual({
        valid: true,
        checkCharacterOk: true,
        organisationCodeOk: true,
        problems: [],
      });
      codes.push(uscc);
    }
    expect(new Set(codes).size).toBe(QINGDAO_DISTRICTS.length);
  });

  it('实施细则 Art. 4: a joint-stock company, registered by the city-level authority, gets the city code 370200', async () => {
    const confirmed = await establish(
      app,
      applicant,
      official,
      { kind: 'JOINT_STOCK_COMPANY' },
      { kind: 'JOINT_STOCK_COMPANY', name: '青岛澜泽信息技术股份有限公司' },
    );
    const uscc = confirmed.enterprise.uscc as string;
    expect(uscc.slice(2, 8)).toBe(QINGDAO_CITY_AREA_CODE);
    expect(validateUscc(uscc).valid).toBe(true);
    const licence = await app.em().findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
    expect(licence.number.slice(0, 6)).toBe(QINGDAO_CITY_AREA_CODE);
  });

  it('finds an enterprise by its code, in either case; a code that fails its check finds nothing', async () => {
    const confirmed = await establish(app, applicant, official);
    const uscc = confirmed.enterprise.uscc as string;
    const query = `query($uscc: String!) { enterpriseByUscc(uscc: $uscc) { id } }`;
    expect((await run(app, query, { uscc: uscc.toLowerCase() })).enterpriseByUscc).toEqual({
      id: confirmed.enterprise.id,
    });
    const wrongCheck = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    expect((await run(app, query, { uscc: wrongCheck })).enterpriseByUscc).toBeNull();
  });
});

describe('business licence verification', () => {
  it('a genuine code tells what the licence certifies', async () => {
    const confirmed = await establish(app, applicant, official);
    const licence = await app.em().findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
    const result = (await run(app, VERIFY, { code: licence.verificationCode })).verifyBusinessLicence;
    expect(result).toEqual({
      genuine: true,
      current: true,
      licence: {
        number: licence.number,
        status: 'VALID',
        facts: {
          uscc: confirmed.enterprise.uscc,
          name: confirmed.enterprise.name,
          legalRepresentative: '王海川',
          registeredCapital: { amount: '1000000.00' },
          establishedOn: '2026-11-26',
        },
      },
      enterprise: { id: confirmed.enterprise.id, name: confirmed.enterprise.name, uscc: confirmed.enterprise.uscc },
    });
    expect(licence.number).toMatch(/^370211202600\d{6}$/);
  });

  it('an altered code, in any of its characters, is not genuine', async () => {
    const confirmed = await establish(app, applicant, official);
    const { verificationCode: code } = await app
      .em()
      .findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < code.length; i++) {
      const replacement = alphabet[(alphabet.indexOf(code[i]!) + 1) % alphabet.length]!;
      const altered = code.slice(0, i) + replacement + code.slice(i + 1);
      const result = (await run(app, VERIFY, { code: altered })).verifyBusinessLicence;
      expect(result, `position ${i}`).toEqual({ genuine: false, current: null, licence: null, enterprise: null });
    }
  });

  it('a forged code (signed with another key, or made up) is not genuine', async () => {
    const confirmed = await establish(app, applicant, official);
    const licence = await app.em().findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
    const forged = signLicence(Buffer.from('not-the-deployment-key-0123456789abcdef'), licence.id, licence.facts);
    expect(licenceIdOfCode(forged)).toBe(licence.id);
    for (const code of [forged, 'A'.repeat(43), '', 'not a code', licence.verificationCode + 'A']) {
      expect((await run(app, VERIFY, { code })).verifyBusinessLicence.genuine, code).toBe(false);
    }
  });

  it('a licence whose facts were changed in the database no longer verifies', async () => {
    const confirmed = await establish(app, applicant, official);
    const em = app.em();
    const licence = await em.findOneOrFail(BusinessLicence, { enterprise: localId(confirmed.enterprise.id) });
    expect(codeMatches(app.deps.signingKey, licence.verificationCode, licence.id, licence.facts)).toBe(true);
    licence.facts = { ...licence.facts, registeredCapitalFen: 100_000_000_00 };
    await em.flush();
    expect((await run(app, VERIFY, { code: licence.verificationCode })).verifyBusinessLicence.genuine).toBe(false);
  });

  it('codes cannot be guessed: two licences with the same facts but different ids share nothing predictable', () => {
    const facts = { v: 1 } as never;
    const a = signLicence(app.deps.signingKey, '00000000-0000-4000-8000-000000000001', facts);
    const b = signLicence(app.deps.signingKey, '00000000-0000-4000-8000-000000000002', facts);
    expect(a.slice(22)).not.toBe(b.slice(22));
  });
});
