import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import type { Department } from '../../src/shared/viewer.js';
import { SAVE, deregistrationSubmitted, draftEstablishment, establish } from './helpers.js';

// Who may call each registration operation is the permission matrix's
// (test/platform/permission-matrix.ts). Here: what its rows do not express, the visibility that
// depends on the kind and state of an application, and on a field.

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

/** Runs `query` as every caller; returns each caller's outcome. */
async function matrix(query: string, variables: Record<string, unknown>): Promise<Record<Caller, Outcome>> {
  const outcomes = {} as Record<Caller, Outcome>;
  for (const caller of CALLERS) {
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
describe('saveRegistrationDraft', () => {
  it('starts a new draft for any applicant, one that owns nothing included', async () => {
    const outcomes = await matrix(SAVE, { input: { kind: 'ESTABLISHMENT' } });
    expect(outcomes).toEqual(expected(APPLICANT_ONLY, 'OK'));
  });
});

describe('registrationApplication and the declaration of an enterprise', () => {
  const APPLICATION = /* GraphQL */ `
    query ($id: ID!) {
      registrationApplication(id: $id) {
        id
        status
      }
    }
  `;

  it('registrationApplication (a deregistration): also the four clearance departments', async () => {
    const id = await deregistrationSubmitted(app, users.owner, users.MARKET_REGULATION);
    const outcomes = await matrix(APPLICATION, { id });
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
    const outcomes = await matrix(APPLICATION, { id });
    expect(outcomes).toEqual(
      expected({ owner: 'OK', bank: 'FORBIDDEN', admin: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }, 'NULL'),
    );
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
