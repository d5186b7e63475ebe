import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import { accountRowCounts, createApiKeyRow, uniqueEmail } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import type { Role } from '../../src/shared/viewer.js';

// The permission matrix of every account operation (architecture.md: "for each mutation, the
// permission matrix"). Each row is the reviewed contract of one operation: changing who may call it
// is a diff of this table. Every cell runs the real operation with a caller of its own.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

const CALLERS = ['anonymous', 'APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN', 'PARTNER'] as const;
type CallerName = (typeof CALLERS)[number];

/** OK: allowed and done; a top-level error code; or a userError code on the payload. */
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | `userError:${string}`;
type Row = Record<CallerName, Outcome>;

const PUBLIC: Row = {
  anonymous: 'OK',
  APPLICANT: 'OK',
  BANK_OFFICER: 'OK',
  HOST_AGENT: 'OK',
  OFFICIAL: 'OK',
  ADMIN: 'OK',
  PARTNER: 'OK',
};
const ADMIN_ONLY: Row = {
  anonymous: 'UNAUTHENTICATED',
  APPLICANT: 'FORBIDDEN',
  BANK_OFFICER: 'FORBIDDEN',
  HOST_AGENT: 'FORBIDDEN',
  OFFICIAL: 'FORBIDDEN',
  ADMIN: 'OK',
  PARTNER: 'FORBIDDEN',
};

const MATRIX: Record<string, Row> = {
  signUp: PUBLIC,
  signIn: PUBLIC,
  // An API key is not a sign-in session: there is nothing to sign out of.
  signOut: { ...PUBLIC, anonymous: 'UNAUTHENTICATED', PARTNER: 'userError:NOT_ALLOWED' },
  changePassword: { ...PUBLIC, anonymous: 'UNAUTHENTICATED', PARTNER: 'FORBIDDEN' },
  createStaffAccount: ADMIN_ONLY,
  createOrganisation: ADMIN_ONLY,
  createApiKey: ADMIN_ONLY,
  revokeApiKey: ADMIN_ONLY,
  viewer: PUBLIC,
  organisations: ADMIN_ONLY,
  apiKeys: ADMIN_ONLY,
};

interface Caller {
  token: string | null;
}

interface Operation {
  document: string;
  variables: () => Promise<Record<string, unknown>>;
}

const OPERATIONS: Record<string, Operation> = {
  signUp: {
    document: `mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { code } } }`,
    variables: async () => ({
      input: { email: uniqueEmail('signup'), password: 'Qingdao-2026-pw', displayName: '新申请人' },
    }),
  },
  signIn: {
    document: `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }`,
    variables: async () => {
      const { user } = await createUser(app);
      return { input: { email: user.email, password: TEST_PASSWORD } };
    },
  },
  signOut: {
    document: `mutation { signOut { signedOut userErrors { code } } }`,
    variables: async () => ({}),
  },
  changePassword: {
    document: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } userErrors { code } } }`,
    variables: async () => ({ input: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2027' } }),
  },
  createStaffAccount: {
    document: `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { user { id } userErrors { code } } }`,
    variables: async () => ({
      input: {
        email: uniqueEmail('official'),
        displayName: '新官员',
        password: 'Official-pass-2026',
        role: 'OFFICIAL',
        department: 'COMMERCE',
      },
    }),
  },
  createOrganisation: {
    document: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { code } } }`,
    variables: async () => ({ input: { kind: 'BANK', name: `青岛测试银行 ${uniqueEmail('bank')}` } }),
  },
  createApiKey: {
    document: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }`,
    variables: async () => ({ input: { name: '合作方系统', scopes: ['FINANCING_READ'] } }),
  },
  revokeApiKey: {
    document: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }`,
    variables: async () => ({ input: { id: (await createApiKeyRow(app)).id } }),
  },
  viewer: {
    document: `{ viewer { role } }`,
    variables: async () => ({}),
  },
  organisations: {
    document: `{ organisations(first: 1) { totalCount } }`,
    variables: async () => ({}),
  },
  apiKeys: {
    document: `{ apiKeys(first: 1) { totalCount } }`,
    variables: async () => ({}),
  },
};

async function callerOf(name: CallerName): Promise<Caller> {
  if (name === 'anonymous') return { token: null };
  if (name === 'PARTNER') return { token: (await createApiKeyRow(app, { scopes: ['FINANCING_READ'] })).secret };
  return { token: (await createUser(app, { role: name as Role })).token };
}

function outcomeOf(result: ExecuteResult, field: string): Outcome {
  if (result.errors?.length) return result.errors[0]!.extensions?.code as Outcome;
  const payload = result.data?.[field] as { userErrors?: { code: string }[] } | null;
  const userErrors = payload?.userErrors ?? [];
  return userErrors.length ? `userError:${userErrors[0]!.code}` : 'OK';
}

const cases = Object.entries(MATRIX).flatMap(([operation, row]) =>
  CALLERS.map((caller) => ({ operation, caller, expected: row[caller] })),
);

describe('the permission matrix of the account operations', () => {
  it('covers every caller for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(cases)('$operation called by $caller: $expected', async ({ operation, caller, expected }) => {
    const { token } = await callerOf(caller);
    const variables = await OPERATIONS[operation]!.variables();
    const before = await accountRowCounts(app);

    const result = await app.execute(OPERATIONS[operation]!.document, variables, { token });

    expect(outcomeOf(result, operation)).toBe(expected);
    if (expected === 'UNAUTHENTICATED' || expected === 'FORBIDDEN') {
      expect(result.data?.[operation] ?? null).toBeNull();
      expect(await accountRowCounts(app)).toEqual(before);
    }
  });
});
