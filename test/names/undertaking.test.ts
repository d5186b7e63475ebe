import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { tradeName } from '../registration/helpers.js';
import { CHECK, COMMITMENT_V1, UNDERTAKING_V1, namesRowCounts, reserveViaApi } from './helpers.js';

// 规定 第十六条第三项: every applicant undertakes in writing to bear the liability should its name prove
// confusingly similar to an existing one. The undertaking (text version, signatory, time) is recorded on
// every reservation, ordinary and special; without it nothing is reserved.

let app: TestApp;
let applicant: TestUser;
let admin: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app);
  admin = await createUser(app, { role: 'ADMIN' });
});
afterAll(async () => app?.stop());

const ordinaryName = () => `青岛${tradeName()}${tradeName()}软件有限公司`;

describe('the undertaking on similar names (规定 Art. 16(3))', () => {
  it('Art. 16(3): an ordinary reservation records the undertaking: version, signatory and time, with its text in both languages', async () => {
    const payload = await reserveViaApi(app, applicant.token, ordinaryName());
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservation?.special).toBe(false);
    expect(payload.reservation?.similarNameUndertaking).toMatchObject({ termsVersion: 1, signatoryName: '王海川' });
    expect(Date.parse(payload.reservation!.similarNameUndertaking!.acceptedAt)).toBe(app.clock.now().getTime());
    for (const [language, pattern] of [
      ['zh-CN', /相同或者近似.*法律责任/],
      ['en', /identical or similar.*legal liability/],
    ] as const) {
      const read = await app.execute(
        `query($id: ID!) { node(id: $id) { ... on NameReservation { similarNameUndertaking { terms { version text } } } } }`,
        { id: payload.reservation!.id },
        { token: applicant.token, language },
      );
      expect(read.data?.node.similarNameUndertaking.terms.version).toBe(1);
      expect(read.data?.node.similarNameUndertaking.terms.text).toMatch(pattern);
    }
  });

  it('Art. 16(3): a special reservation records the undertaking besides the commitment', async () => {
    const payload = await reserveViaApi(app, applicant.token, `${tradeName()}${tradeName()}智能科技有限公司`, {
      commitment: COMMITMENT_V1,
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservation).toMatchObject({
      special: true,
      commitment: { termsVersion: 1 },
      similarNameUndertaking: { termsVersion: 1, signatoryName: '王海川' },
    });
  });

  it.each([
    ['left out', null, ['input', 'similarNameUndertaking']],
    ['not accepted', { ...UNDERTAKING_V1, accepted: false }, ['input', 'similarNameUndertaking', 'accepted']],
    ['unsigned', { ...UNDERTAKING_V1, signatoryName: '  ' }, ['input', 'similarNameUndertaking', 'signatoryName']],
    ['on another version', { ...UNDERTAKING_V1, termsVersion: 7 }, ['input', 'similarNameUndertaking', 'termsVersion']],
  ])(
    'Art. 16(3): a reservation with the undertaking %s is refused with COMMITMENT_REQUIRED and writes nothing',
    async (_, undertaking, field) => {
      const before = await namesRowCounts(app);
      const payload = await reserveViaApi(app, applicant.token, ordinaryName(), {
        similarNameUndertaking: undertaking,
      });
      expect(payload.reservation).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'COMMITMENT_REQUIRED', field })]);
      expect(await namesRowCounts(app)).toEqual(before);
    },
  );

  it('Art. 16(3): the check offers the current text; a new version published by an administrator must be accepted from then on', async () => {
    const checked = await app.execute(
      `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { similarNameUndertakingTerms { version textZh textEn text } } }`,
      { input: { name: ordinaryName() } },
      { language: 'en' },
    );
    expect(checked.errors).toBeUndefined();
    const terms = checked.data?.checkEnterpriseName.similarNameUndertakingTerms;
    expect(terms.version).toBe(1);
    expect(terms.text).toBe(terms.textEn);
    expect(terms.textZh).toContain('承诺');

    const published = await app.execute(
      `mutation($input: PublishSimilarNameUndertakingTermsInput!) { publishSimilarNameUndertakingTerms(input: $input) { undertakingTerms { version text } userErrors { code } } }`,
      { input: { textZh: '第二版：名称如与他人名称相同或者近似，申请人依法承担责任。', textEn: 'Version 2.' } },
      { token: admin.token },
    );
    expect(published.data?.publishSimilarNameUndertakingTerms).toMatchObject({
      undertakingTerms: { version: 2 },
      userErrors: [],
    });
    const stale = await reserveViaApi(app, applicant.token, ordinaryName(), { similarNameUndertaking: UNDERTAKING_V1 });
    expect(stale.userErrors).toEqual([
      expect.objectContaining({
        code: 'COMMITMENT_REQUIRED',
        field: ['input', 'similarNameUndertaking', 'termsVersion'],
      }),
    ]);
    const fresh = await reserveViaApi(app, applicant.token, ordinaryName(), {
      similarNameUndertaking: { ...UNDERTAKING_V1, termsVersion: 2 },
    });
    expect(fresh.reservation?.similarNameUndertaking?.termsVersion).toBe(2);
    const current = await app.execute(CHECK, { input: { name: ordinaryName() } });
    expect(current.errors).toBeUndefined();
  });
});
