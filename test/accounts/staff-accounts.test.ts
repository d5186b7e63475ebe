import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { accountRowCounts, uniqueEmail } from '../helpers/accounts.js';
import { createOrganisation, createUser } from '../helpers/factories.js';
import { Organisation } from '../../src/modules/accounts/index.js';
import { toGlobalId } from '../../src/shared/ids.js';

let app: TestApp;
let adminToken: string;
let bank: Organisation;
let lawFirm: Organisation;
let accountingFirm: Organisation;
beforeAll(async () => {
  app = await TestApp.start();
  adminToken = (await createUser(app, { role: 'ADMIN' })).token;
  bank = await createOrganisation(app, 'BANK');
  lawFirm = await createOrganisation(app, 'LAW_FIRM');
  accountingFirm = await createOrganisation(app, 'ACCOUNTING_FIRM');
});
afterAll(async () => app?.stop());

const CREATE_STAFF = /* GraphQL */ `
  mutation CreateStaff($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      user {
        id
        email
        role
        department
        organisation {
          id
          kind
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const CREATE_ORGANISATION = /* GraphQL */ `
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation {
        id
        kind
        name
        uscc
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

const orgId = (organisation: Organisation) => toGlobalId('Organisation', organisation.id);

function staffInput(overrides: Record<string, unknown>) {
  return { email: uniqueEmail('staff'), displayName: '工作人员', password: 'Staff-pass-2026', ...overrides };
}

async function createStaff(overrides: Record<string, unknown>) {
  const result = await app.execute(
    CREATE_STAFF,
    { input: staffInput(overrides) },
    { token: adminToken, language: 'en' },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.createStaffAccount;
}

describe('createStaffAccount creates', () => {
  it('an official with a department', async () => {
    const payload = await createStaff({ role: 'OFFICIAL', department: 'TAX' });

    expect(payload.userErrors).toEqual([]);
    expect(payload.user).toMatchObject({ role: 'OFFICIAL', department: 'TAX', organisation: null });
  });

  it('a bank officer of a bank', async () => {
    const payload = await createStaff({ role: 'BANK_OFFICER', organisationId: orgId(bank) });

    expect(payload.userErrors).toEqual([]);
    expect(payload.user).toMatchObject({
      role: 'BANK_OFFICER',
      department: null,
      organisation: { id: orgId(bank), kind: 'BANK' },
    });
  });

  it.each([
    ['a law firm', () => lawFirm],
    ['an accounting firm', () => accountingFirm],
  ])('a host agent of %s', async (_what, organisation) => {
    const payload = await createStaff({ role: 'HOST_AGENT', organisationId: orgId(organisation()) });

    expect(payload.userErrors).toEqual([]);
    expect(payload.user.organisation.id).toBe(orgId(organisation()));
  });

  it('an administrator without department or organisation', async () => {
    const payload = await createStaff({ role: 'ADMIN' });

    expect(payload.userErrors).toEqual([]);
    expect(payload.user).toMatchObject({ role: 'ADMIN', department: null, organisation: null });
  });

  it('an account that can sign in with its initial password', async () => {
    const input = staffInput({ role: 'OFFICIAL', department: 'FINANCE' });
    await app.execute(CREATE_STAFF, { input }, { token: adminToken });

    const signIn = await app.execute(
      `mutation($input: SignInInput!) { signIn(input: $input) { user { role department } userErrors { code } } }`,
      { input: { email: input.email, password: input.password } },
    );

    expect(signIn.data?.signIn).toEqual({ user: { role: 'OFFICIAL', department: 'FINANCE' }, userErrors: [] });
  });
});

describe('createStaffAccount refuses, writing nothing,', () => {
  it.each([
    [
      'an official without a department',
      { role: 'OFFICIAL' },
      'REQUIRED',
      'department',
      'An official needs a department.',
    ],
    [
      'a department for a bank officer',
      { role: 'BANK_OFFICER', department: 'FINANCE', organisationId: 'BANK' },
      'INVALID_INPUT',
      'department',
      'Only officials belong to a department.',
    ],
    [
      'a bank officer without a bank',
      { role: 'BANK_OFFICER' },
      'REQUIRED',
      'organisationId',
      'A bank officer needs a bank; a host agent needs a law or accounting firm.',
    ],
    [
      'a bank officer of a law firm',
      { role: 'BANK_OFFICER', organisationId: 'LAW_FIRM' },
      'INVALID_INPUT',
      'organisationId',
      'The organisation is not of the kind this role needs.',
    ],
    [
      'a host agent without a firm',
      { role: 'HOST_AGENT' },
      'REQUIRED',
      'organisationId',
      'A bank officer needs a bank; a host agent needs a law or accounting firm.',
    ],
    [
      'a host agent of a bank',
      { role: 'HOST_AGENT', organisationId: 'BANK' },
      'INVALID_INPUT',
      'organisationId',
      'The organisation is not of the kind this role needs.',
    ],
    [
      'an organisation for an official',
      { role: 'OFFICIAL', department: 'TAX', organisationId: 'BANK' },
      'INVALID_INPUT',
      'organisationId',
      'The organisation is not of the kind this role needs.',
    ],
    [
      'an applicant account',
      { role: 'APPLICANT' },
      'INVALID_INPUT',
      'role',
      'Staff accounts are bank officers, host agents, officials or administrators.',
    ],
    [
      'a partner account',
      { role: 'PARTNER' },
      'INVALID_INPUT',
      'role',
      'Staff accounts are bank officers, host agents, officials or administrators.',
    ],
    [
      'an organisation that does not exist',
      { role: 'BANK_OFFICER', organisationId: toGlobalId('Organisation', '00000000-0000-4000-8000-000000000000') },
      'NOT_FOUND',
      'organisationId',
      'Not found.',
    ],
    [
      'an organisation ID of another type',
      { role: 'BANK_OFFICER', organisationId: toGlobalId('User', '00000000-0000-4000-8000-000000000000') },
      'NOT_FOUND',
      'organisationId',
      'Not found.',
    ],
    ['a weak password', { role: 'ADMIN', password: 'password' }, 'WEAK_PASSWORD', 'password', expect.any(String)],
    [
      'an invalid email',
      { role: 'ADMIN', email: 'not-an-email' },
      'INVALID_FORMAT',
      'email',
      'Enter a valid email address.',
    ],
  ])('%s', async (_what, overrides, code, field, message) => {
    const byKind = { BANK: bank, LAW_FIRM: lawFirm } as Record<string, Organisation>;
    const organisation = byKind[(overrides as { organisationId?: string }).organisationId ?? ''];
    const before = await accountRowCounts(app);

    const payload = await createStaff({
      ...overrides,
      ...(organisation ? { organisationId: orgId(organisation) } : {}),
    });

    expect(payload.user).toBeNull();
    expect(payload.userErrors).toContainEqual({ code, field: ['input', field], message });
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('an email already in use, whatever its case', async () => {
    const { user } = await createUser(app);
    const before = await accountRowCounts(app);

    const payload = await createStaff({ role: 'ADMIN', email: user.email.toUpperCase() });

    expect(payload.userErrors).toEqual([
      { code: 'ALREADY_EXISTS', field: ['input', 'email'], message: 'An account with this email already exists.' },
    ]);
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('every problem of the input in one answer', async () => {
    const payload = await createStaff({ role: 'BANK_OFFICER', department: 'TAX', password: 'short' });

    expect(payload.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(
      expect.arrayContaining(['input.password', 'input.department', 'input.organisationId']),
    );
  });
});

describe('createOrganisation', () => {
  it('adds an organisation with its credit code', async () => {
    const result = await app.execute(
      CREATE_ORGANISATION,
      { input: { kind: 'LAW_FIRM', name: '  山东青岛某律师事务所  ', uscc: '91370200MA3C5LR95K' } },
      { token: adminToken },
    );

    expect(result.data?.createOrganisation).toEqual({
      organisation: {
        id: expect.any(String),
        kind: 'LAW_FIRM',
        name: '山东青岛某律师事务所',
        uscc: '91370200MA3C5LR95K',
      },
      userErrors: [],
    });
  });

  it('refuses a name already taken and writes nothing', async () => {
    const before = await accountRowCounts(app);

    const result = await app.execute(
      CREATE_ORGANISATION,
      { input: { kind: 'BANK', name: bank.name } },
      { token: adminToken, language: 'en' },
    );

    expect(result.data?.createOrganisation).toEqual({
      organisation: null,
      userErrors: [
        { code: 'ALREADY_EXISTS', field: ['input', 'name'], message: 'An organisation with this name already exists.' },
      ],
    });
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it.each([
    ['a blank name', { name: '' }, 'REQUIRED', 'name'],
    ['a name over 200 characters', { name: '行'.repeat(201) }, 'TOO_LONG', 'name'],
    ['a credit code of the wrong shape', { uscc: '1234' }, 'INVALID_FORMAT', 'uscc'],
  ])('refuses %s and writes nothing', async (_what, overrides, code, field) => {
    const before = await accountRowCounts(app);

    const result = await app.execute(
      CREATE_ORGANISATION,
      { input: { kind: 'BANK', name: '某某银行青岛分行', ...overrides } },
      { token: adminToken },
    );

    expect(result.data?.createOrganisation.organisation).toBeNull();
    expect(result.data?.createOrganisation.userErrors).toEqual([
      { code, field: ['input', field], message: expect.any(String) },
    ]);
    expect(await accountRowCounts(app)).toEqual(before);
  });
});
