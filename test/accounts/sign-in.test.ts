import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { User } from '../../src/modules/accounts/index.js';

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
        email
        displayName
        role
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
      expiresAt
      user {
        email
        role
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const VIEWER = /* GraphQL */ `
  {
    viewer {
      role
      user {
        email
      }
    }
  }
`;

describe('sign-up and sign-in', () => {
  it('signs up an applicant, who can then sign in and see itself as viewer', async () => {
    const signUp = await app.execute(SIGN_UP, {
      input: { email: 'Hai.Chuan@Example.cn', password: 'Qingdao-2026', displayName: '王海川' },
    });
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data?.signUp.userErrors).toEqual([]);
    expect(signUp.data?.signUp.user).toMatchObject({ email: 'hai.chuan@example.cn', role: 'APPLICANT' });

    const signIn = await app.execute(SIGN_IN, { input: { email: 'hai.chuan@example.cn', password: 'Qingdao-2026' } });
    expect(signIn.data?.signIn.userErrors).toEqual([]);
    const token = signIn.data?.signIn.token as string;
    expect(token).toMatch(/^qes_s_[A-Za-z0-9_-]{43}$/);

    const viewer = await app.execute(VIEWER, {}, { token });
    expect(viewer.data?.viewer).toEqual({ role: 'APPLICANT', user: { email: 'hai.chuan@example.cn' } });
  });

  it('refuses a weak password with a clear error and writes nothing', async () => {
    const result = await app.execute(
      SIGN_UP,
      { input: { email: 'weak@example.cn', password: 'short', displayName: 'X' } },
      { language: 'en' },
    );
    expect(result.data?.signUp.user).toBeNull();
    expect(result.data?.signUp.userErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'WEAK_PASSWORD',
          field: ['input', 'password'],
          message: expect.stringContaining('at least 10'),
        }),
      ]),
    );
    expect(await app.em().count(User, { email: 'weak@example.cn' })).toBe(0);
  });
});
