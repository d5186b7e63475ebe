import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { RegistrationApplication } from '../../src/modules/registration/index.js';
import type { Department } from '../../src/shared/viewer.js';
import {
  CLEAR,
  COMMITMENT,
  CONFIRM,
  CORRECT,
  DEREG_COMMITMENT,
  EXTEND,
  REJECT,
  SAVE,
  SUBMIT,
  WITHDRAW,
  draftEstablishment,
  establish,
  localId,
  payloadOf,
  run,
  submitted,
} from './helpers.js';

// Every registration operation against every kind of caller: the applicant that owns the object,
// another applicant, an official of each department, a bank officer, an administrator, anonymous.
// A refused call changes nothing; what a caller may not see is reported as if it did not exist.

const DEPARTMENTS: Department[] = [
  'MARKET_REGULATION',
  'COMMERCE',
  'FINANCE',
  'TAX',
  'SOCIAL_INSURANCE',
  'MEDICAL_INSURANCE',
  'HOUSING_FUND',
];
const CALLERS = ['owner', 'otherApplicant', ...DEPARTMENTS, 'bank', 'admin', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'OK' | 'NULL' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | string;

let app: TestApp;
const users = {} as Record<Exclude<Caller, 'anonymous'>, TestUser>;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  users.owner = await createUser(app);
  users.otherApplicant = await createUser(app);
  for (const department of DEPARTMENTS) users[department] = await createUser(app, { role: 'OFFICIAL', department });
  users.bank = await createUser(app, { role: 'BANK_OFFICER' });
  users.admin = await createUser(app, { role: 'ADMIN' });
});
afterAll(async () => app?.stop());

function userOf(caller: Caller): TestUser | null {
  return caller === 'anonymous' ? null : users[caller];
}

function outcomeOf(result: ExecuteResult): Outcome {
  if (result.errors?.length) return String(result.errors[0]!.extensions?.code);
  const value = Object.values(result.data ?? {})[0] as Record<string, any> | null;
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value.userErrors)) {
    if (value.userErrors.length) return value.userErrors[0].code;
    return 'OK';
  }
  return 'OK';
}

/** Runs `query` as every caller, those expected to succeed last; returns each caller's outcome. */
async function matrix(
  query: string,
  variables: Record<string, unknown>,
  expectedOk: Caller[],
  afterRefusals?: () => Promise<void>,
): Promise<Record<Caller, Outcome>> {
  const outcomes = {} as Record<Caller, Outcome>;
  const order = [...CALLERS.filter((c) => !expectedOk.includes(c)), ...expectedOk];
  let checkedRefusals = false;
  for (const caller of order) {
    if (!checkedRefusals && expectedOk.includes(caller)) {
      checkedRefusals = true;
      await afterRefusals?.();
    }
    outcomes[caller] = outcomeOf(await app.execute(query, variables, { token: userOf(caller)?.token ?? null }));
  }
  return outcomes;
}

function expected(overrides: Partial<Record<Caller, Outcome>>, otherwise: Outcome): Record<Caller, Outcome> {
  return Object.fromEntries(CALLERS.map((c) => [c, overrides[c] ?? otherwise])) as Record<Caller, Outcome>;
}

const OFFICIALS_FORBIDDEN = Object.fromEntries(DEPARTMENTS.map((d) => [d, 'FORBIDDEN'])) as Partial<
  Record<Caller, Outcome>
>;
const APPLICANT_ONLY = {
  ...OFFICIALS_FORBIDDEN,
  bank: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
} as const;
const REGISTRAR_ONLY = {
  owner: 'FORBIDDEN',
  otherApplicant: 'FORBIDDEN',
  ...OFFICIALS_FORBIDDEN,
  MARKET_REGULATION: 'OK',
  bank: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
} as const;

async function versionOf(globalId: string): Promise<number> {
  return (await app.em().findOneOrFail(RegistrationApplication, { id: localId(globalId) })).version;
}

/** Asserts that the refused calls left the application exactly as it was. */
function unchanged(globalId: string, before: () => number) {
  return async () => expect(await versionOf(globalId)).toBe(before());
}

async function deregistrationSubmitted(): Promise<string> {
  const confirmed = await establish(app, users.owner, users.MARKET_REGULATION);
  const draft = payloadOf(
    await run(
      app,
      SAVE,
      {
        input: {
          kind: 'DEREGISTRATION',
          enterpriseId: confirmed.enterprise.id,
          deregistration: { reason: '经营期满', simplified: false, liquidationCompletedOn: '2026-11-20' },
        },
      },
      users.owner,
    ),
  );
  expect(draft.userErrors).toEqual([]);
  const done = payloadOf(
    await run(app, SUBMIT, { input: { id: draft.application.id, commitment: DEREG_COMMITMENT } }, users.owner),
  );
  expect(done.userErrors).toEqual([]);
  return draft.application.id;
}

describe('permission matrix of the registration mutations', () => {
  it('saveRegistrationDraft (updating a draft): only its own applicant', async () => {
    const { id } = await draftEstablishment(app, users.owner);
    const version = await versionOf(id);
    const outcomes = await matrix(
      SAVE,
      { input: { id, declaration: { businessScope: '软件开发' } } },
      ['owner'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected({ ...APPLICANT_ONLY, otherApplicant: 'NOT_FOUND' }, 'OK'));
  });

  it('saveRegistrationDraft (a new draft): any applicant', async () => {
    const outcomes = await matrix(SAVE, { input: { kind: 'ESTABLISHMENT' } }, ['owner', 'otherApplicant']);
    expect(outcomes).toEqual(expected(APPLICANT_ONLY, 'OK'));
  });

  it('submitRegistrationApplication: only its own applicant', async () => {
    const { id } = await draftEstablishment(app, users.owner);
    const version = await versionOf(id);
    const outcomes = await matrix(
      SUBMIT,
      { input: { id, commitment: COMMITMENT } },
      ['owner'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected({ ...APPLICANT_ONLY, otherApplicant: 'NOT_FOUND' }, 'OK'));
  });

  it('withdrawRegistrationApplication: only its own applicant', async () => {
    const { id } = await submitted(app, users.owner);
    const version = await versionOf(id);
    const outcomes = await matrix(
      WITHDRAW,
      { input: { id } },
      ['owner'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected({ ...APPLICANT_ONLY, otherApplicant: 'NOT_FOUND' }, 'OK'));
  });

  it('confirmRegistrationApplication: only market-regulation officials', async () => {
    const { id } = await submitted(app, users.owner);
    const version = await versionOf(id);
    const outcomes = await matrix(
      CONFIRM,
      { input: { id } },
      ['MARKET_REGULATION'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected(REGISTRAR_ONLY, 'OK'));
  });

  it('requestRegistrationCorrection: only market-regulation officials', async () => {
    const { id } = await submitted(app, users.owner);
    const version = await versionOf(id);
    const items = [{ field: ['declaration', 'businessScope'], message: '请使用规范表述。' }];
    const outcomes = await matrix(
      CORRECT,
      { input: { id, items } },
      ['MARKET_REGULATION'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected(REGISTRAR_ONLY, 'OK'));
  });

  it('rejectRegistrationApplication: only market-regulation officials', async () => {
    const { id } = await submitted(app, users.owner);
    const version = await versionOf(id);
    const outcomes = await matrix(
      REJECT,
      { input: { id, reasons: ['住所不真实'] } },
      ['MARKET_REGULATION'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected(REGISTRAR_ONLY, 'OK'));
  });

  it('extendRegistrationReview: only market-regulation officials', async () => {
    const { id } = await submitted(
      app,
      users.owner,
      {
        foreignInvested: true,
        serviceAgent: { name: '送达代理', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' },
      },
      { foreignInvested: true },
    );
    const version = await versionOf(id);
    const outcomes = await matrix(
      EXTEND,
      { input: { id, reason: '需核实外国投资者主体资格。' } },
      ['MARKET_REGULATION'],
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(expected(REGISTRAR_ONLY, 'OK'));
  });

  it('recordDeregistrationClearance: only officials of the four clearance departments, each for its own', async () => {
    const id = await deregistrationSubmitted();
    const version = await versionOf(id);
    const clearers: Caller[] = ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'];
    const outcomes = await matrix(
      CLEAR,
      { input: { id, outcome: 'CLEARED' } },
      clearers,
      unchanged(id, () => version),
    );
    expect(outcomes).toEqual(
      expected(
        {
          owner: 'FORBIDDEN',
          otherApplicant: 'FORBIDDEN',
          MARKET_REGULATION: 'FORBIDDEN',
          COMMERCE: 'FORBIDDEN',
          FINANCE: 'FORBIDDEN',
          bank: 'FORBIDDEN',
          admin: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'OK',
      ),
    );
  });
});

describe('permission matrix of the registration queries', () => {
  const APPLICATION = /* GraphQL */ `
    query ($id: ID!) {
      registrationApplication(id: $id) {
        id
        status
      }
    }
  `;

  it('registrationApplication (an establishment): its applicant and market-regulation officials; null for the others', async () => {
    const { id } = await submitted(app, users.owner);
    const outcomes = await matrix(APPLICATION, { id }, []);
    expect(outcomes).toEqual(
      expected(
        { owner: 'OK', MARKET_REGULATION: 'OK', bank: 'FORBIDDEN', admin: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
        'NULL',
      ),
    );
  });

  it('registrationApplication (a deregistration): also the four clearance departments', async () => {
    const id = await deregistrationSubmitted();
    const outcomes = await matrix(APPLICATION, { id }, []);
    expect(outcomes).toEqual(
      expected(
        {
          owner: 'OK',
          MARKET_REGULATION: 'OK',
          TAX: 'OK',
          SOCIAL_INSURANCE: 'OK',
          MEDICAL_INSURANCE: 'OK',
          HOUSING_FUND: 'OK',
          bank: 'FORBIDDEN',
          admin: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'NULL',
      ),
    );
  });

  it('registrationApplication (a draft): only its applicant, even for officials', async () => {
    const { id } = await draftEstablishment(app, users.owner);
    const outcomes = await matrix(APPLICATION, { id }, []);
    expect(outcomes).toEqual(
      expected({ owner: 'OK', bank: 'FORBIDDEN', admin: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }, 'NULL'),
    );
  });

  it('node(id:) shows an application exactly to those registrationApplication shows it to', async () => {
    const { id } = await submitted(app, users.owner);
    const outcomes = await matrix(`query($id: ID!) { node(id: $id) { id } }`, { id }, []);
    expect(outcomes).toEqual(expected({ owner: 'OK', MARKET_REGULATION: 'OK' }, 'NULL'));
  });

  it('myRegistrationApplications and myEnterprises: applicants only', async () => {
    for (const query of [
      `{ myRegistrationApplications(first: 5) { totalCount } }`,
      `{ myEnterprises(first: 5) { totalCount } }`,
    ]) {
      expect(await matrix(query, {}, [])).toEqual(expected(APPLICANT_ONLY, 'OK'));
    }
  });

  it('registrationReviewQueue: market-regulation officials only', async () => {
    expect(await matrix(`{ registrationReviewQueue(first: 5) { totalCount } }`, {}, [])).toEqual(
      expected(REGISTRAR_ONLY, 'OK'),
    );
  });

  it('deregistrationClearanceQueue: the four clearance departments only', async () => {
    expect(await matrix(`{ deregistrationClearanceQueue(first: 5) { totalCount } }`, {}, [])).toEqual(
      expected(
        {
          owner: 'FORBIDDEN',
          otherApplicant: 'FORBIDDEN',
          MARKET_REGULATION: 'FORBIDDEN',
          COMMERCE: 'FORBIDDEN',
          FINANCE: 'FORBIDDEN',
          bank: 'FORBIDDEN',
          admin: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'OK',
      ),
    );
  });

  it('enterprise, enterpriseByUscc, enterprises, verifyBusinessLicence and the commitment terms: public', async () => {
    const confirmed = await establish(app, users.owner, users.MARKET_REGULATION);
    const licence = await run(app, `query($id: ID!) { enterprise(id: $id) { licence { verificationCode } } }`, {
      id: confirmed.enterprise.id,
    });
    for (const [query, variables] of [
      [`query($id: ID!) { enterprise(id: $id) { id name } }`, { id: confirmed.enterprise.id }],
      [`query($uscc: String!) { enterpriseByUscc(uscc: $uscc) { id } }`, { uscc: confirmed.enterprise.uscc }],
      [`{ enterprises(first: 5) { totalCount } }`, {}],
      [
        `query($code: String!) { verifyBusinessLicence(verificationCode: $code) { genuine } }`,
        { code: licence.enterprise.licence.verificationCode },
      ],
      [`{ registrationCommitmentTerms(kind: ESTABLISHMENT) { version } }`, {}],
    ] as const) {
      expect(await matrix(query, variables, [])).toEqual(expected({}, 'OK'));
    }
  });

  it("an enterprise's declaration (ID numbers, investors): the applicant acting for it and officials; null for everyone else", async () => {
    const confirmed = await establish(app, users.owner, users.MARKET_REGULATION);
    const query = `query($id: ID!) { enterprise(id: $id) { legalRepresentative declaration { legalRepresentative { idNumber } } } }`;
    const outcomes = {} as Record<Caller, Outcome>;
    for (const caller of CALLERS) {
      const result = await app.execute(
        query,
        { id: confirmed.enterprise.id },
        { token: userOf(caller)?.token ?? null },
      );
      expect(result.data?.enterprise.legalRepresentative).toBe('王海川');
      outcomes[caller] = result.data?.enterprise.declaration ? 'OK' : 'NULL';
    }
    expect(outcomes).toEqual(
      expected({ owner: 'OK', ...Object.fromEntries(DEPARTMENTS.map((d) => [d, 'OK'])) }, 'NULL'),
    );
  });
});
