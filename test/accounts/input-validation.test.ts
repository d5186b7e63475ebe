import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { accountRowCounts, uniqueEmail } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { postGraphql } from '../helpers/http.js';

// Bad input on the account mutations: the clear UserError (code, field, message), nothing written,
// and never the rejected value echoed back (a password in a response ends up in client logs).

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation Change($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

function signUpInput(overrides: Record<string, unknown> = {}) {
  return { email: uniqueEmail('applicant'), password: 'Qingdao-2026-ok', displayName: '青岛申请人', ...overrides };
}

describe('signUp refuses, writing nothing,', () => {
  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'INVALID_FORMAT', 'email', 'Enter a valid email address.'],
    ['a blank display name', { displayName: '' }, 'REQUIRED', 'displayName', 'This field is required.'],
    [
      'a display name over 100 characters',
      { displayName: '名'.repeat(101) },
      'TOO_LONG',
      'displayName',
      'Must be at most 100 characters.',
    ],
    [
      'a password under 10 characters',
      { password: 'Short-1' },
      'WEAK_PASSWORD',
      'password',
      'The password must have at least 10 characters.',
    ],
    [
      'a password over 128 characters',
      { password: 'A1' + 'x'.repeat(127) },
      'WEAK_PASSWORD',
      'password',
      'The password must have at most 128 characters.',
    ],
    [
      'a password without digits',
      { password: 'only-letters-here' },
      'WEAK_PASSWORD',
      'password',
      'The password must contain both letters and digits.',
    ],
    [
      'a password without letters',
      { password: '1234567890-1234' },
      'WEAK_PASSWORD',
      'password',
      'The password must contain both letters and digits.',
    ],
    [
      'a password containing the name part of the email',
      { email: 'haichuan@example.cn', password: 'haichuan-2026!' },
      'WEAK_PASSWORD',
      'password',
      'The password must not contain the name part of the email.',
    ],
  ])('%s', async (_what, overrides, code, field, message) => {
    const before = await accountRowCounts(app);

    const result = await app.execute(SIGN_UP, { input: signUpInput(overrides) }, { language: 'en' });

    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp.user).toBeNull();
    expect(result.data?.signUp.token).toBeNull();
    expect(result.data?.signUp.userErrors).toContainEqual({ code, field: ['input', field], message });
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('an email already registered, whatever its case', async () => {
    const { user } = await createUser(app);
    const before = await accountRowCounts(app);

    const result = await app.execute(
      SIGN_UP,
      { input: signUpInput({ email: user.email.toUpperCase() }) },
      { language: 'en' },
    );

    expect(result.data?.signUp.userErrors).toEqual([
      { code: 'ALREADY_EXISTS', field: ['input', 'email'], message: 'An account with this email already exists.' },
    ]);
    expect(await accountRowCounts(app)).toEqual(before);
  });
});

describe('signUp', () => {
  it('answers in Chinese by default', async () => {
    const result = await app.execute(SIGN_UP, { input: signUpInput({ password: 'Short-1' }) });

    expect(result.data?.signUp.userErrors).toEqual([
      { code: 'WEAK_PASSWORD', field: ['input', 'password'], message: '密码至少需要 10 个字符。' },
    ]);
  });

  it('records the sign-up in the audit trail with the new account as the subject', async () => {
    const result = await app.execute(SIGN_UP, { input: signUpInput() });
    const admin = await createUser(app, { role: 'ADMIN' });

    const trail = await app.execute(
      `query($id: ID!) { auditTrail(subjectId: $id) { edges { node { action subjectId toState } } } }`,
      { id: result.data?.signUp.user.id },
      { token: admin.token },
    );

    expect(trail.data?.auditTrail.edges).toEqual([
      { node: { action: 'ACCOUNT_SIGN_UP', subjectId: result.data?.signUp.user.id, toState: 'ACTIVE' } },
    ]);
  });
});

describe('signIn refuses', () => {
  it.each([
    ['a blank email', { email: '', password: 'Anything-123' }, 'email'],
    ['a blank password', { email: 'someone@example.cn', password: '' }, 'password'],
  ])('%s as REQUIRED', async (_what, input, field) => {
    const result = await app.execute(SIGN_IN, { input }, { language: 'en' });

    expect(result.data?.signIn).toEqual({
      token: null,
      userErrors: [{ code: 'REQUIRED', field: ['input', field], message: 'This field is required.' }],
    });
  });
});

describe('changePassword refuses, changing nothing,', () => {
  it('a wrong current password', async () => {
    const { user, token } = await createUser(app);
    const hashBefore = await passwordHashOf(user.id);

    const result = await app.execute(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'Not-the-password-1', newPassword: 'Brand-new-pass-42' } },
      { token, language: 'en' },
    );

    expect(result.data?.changePassword).toEqual({
      user: null,
      userErrors: [
        { code: 'INVALID_CREDENTIALS', field: ['input', 'currentPassword'], message: 'The current password is wrong.' },
      ],
    });
    expect(await passwordHashOf(user.id)).toBe(hashBefore);
  });

  it('a weak new password', async () => {
    const { user, token } = await createUser(app);
    const hashBefore = await passwordHashOf(user.id);

    const result = await app.execute(
      CHANGE_PASSWORD,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'weak' } },
      { token, language: 'en' },
    );

    expect(result.data?.changePassword.user).toBeNull();
    expect(result.data?.changePassword.userErrors).toContainEqual({
      code: 'WEAK_PASSWORD',
      field: ['input', 'newPassword'],
      message: 'The password must have at least 10 characters.',
    });
    expect(await passwordHashOf(user.id)).toBe(hashBefore);
  });

  it('a weak new password without signing out the other sessions', async () => {
    const { user, token } = await createUser(app);
    const other = await app.execute(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } });

    await app.execute(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: 'weak' } }, { token });

    const viewer = await app.execute(`{ viewer { role } }`, {}, { token: other.data?.signIn.token });
    expect(viewer.data?.viewer.role).toBe('APPLICANT');
  });
});

async function passwordHashOf(userId: string): Promise<string> {
  const [row] = await app.orm.em
    .getConnection()
    .execute<{ password_hash: string }[]>('select password_hash from users where id = ?', [userId]);
  return row!.password_hash;
}

describe('a refused input is never echoed back', () => {
  const SECRET = 'Pw-秘密-7';

  it('by a password rule', async () => {
    const result = await app.execute(SIGN_UP, { input: signUpInput({ password: SECRET }) }, { language: 'en' });

    expect(result.data?.signUp.userErrors.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('by a field rule, with the other fields of the input', async () => {
    const result = await app.execute(
      SIGN_UP,
      { input: signUpInput({ email: 'nicht-gültig', password: SECRET, displayName: 'D'.repeat(101) }) },
      { language: 'en' },
    );

    const text = JSON.stringify(result);
    expect(result.data?.signUp.userErrors.length).toBeGreaterThan(1);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('nicht-gültig');
    expect(text).not.toContain('D'.repeat(101));
  });

  it('by a variable of the wrong type', async () => {
    const response = await postGraphql(app, {
      query: SIGN_IN,
      variables: { input: { email: 'someone@example.cn', password: 4_711_000_815 } },
    });

    expect(response.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.json.errors[0].message).toBe(
      'Variable "$input" got invalid value at "input.password"; String cannot represent a non string value.',
    );
    expect(response.text).not.toContain('4711000815');
  });

  it('by a variable missing a required field', async () => {
    const response = await postGraphql(app, {
      query: SIGN_UP,
      variables: { input: { email: 'someone@example.cn', password: SECRET } },
    });

    expect(response.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.json.errors[0].message).toBe(
      'Variable "$input" got invalid value; Field "displayName" of required type "String!" was not provided.',
    );
    expect(response.text).not.toContain(SECRET);
  });

  it('by an enum value that does not exist', async () => {
    const response = await postGraphql(app, {
      query: `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { userErrors { code } } }`,
      variables: { input: { email: 'x@example.cn', displayName: 'X', password: SECRET, role: 'SUPERUSER_SECRET' } },
    });

    expect(response.json.errors[0]).toMatchObject({
      message: 'Variable "$input" got invalid value at "input.role"; The value does not exist in "Role" enum.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(response.text).not.toContain(SECRET);
    expect(response.text).not.toContain('SUPERUSER_SECRET');
  });
});

describe('a refused literal in the query text', () => {
  it('is not echoed back either', async () => {
    const response = await postGraphql(app, {
      query: `mutation { signIn(input: { email: "someone@example.cn", password: 4711000815 }) { token } }`,
    });

    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toMatchObject({
      message: 'String cannot represent a non string value.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(response.text).not.toContain('4711000815');
  });
});
