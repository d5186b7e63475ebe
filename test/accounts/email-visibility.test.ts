import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { toGlobalId } from '../../src/shared/ids.js';

// A user's email is personal data: the user and administrators see it, nobody else, even someone
// who may see the user (an official sees applicants).

let app: TestApp;
let applicant: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app);
});
afterAll(async () => app?.stop());

const USER_NODE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on User {
        id
        displayName
        email
      }
    }
  }
`;

const userId = (user: TestUser) => toGlobalId('User', user.user.id);

describe("a user's email", () => {
  it('is shown to the user itself as viewer', async () => {
    const result = await app.execute(`{ viewer { user { email } } }`, {}, { token: applicant.token });

    expect(result.data?.viewer.user.email).toBe(applicant.user.email);
  });

  it('is shown to the user itself through node', async () => {
    const result = await app.execute(USER_NODE, { id: userId(applicant) }, { token: applicant.token });

    expect(result.data?.node.email).toBe(applicant.user.email);
  });

  it('is shown to an administrator', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });

    const result = await app.execute(USER_NODE, { id: userId(applicant) }, { token: admin.token });

    expect(result.data?.node.email).toBe(applicant.user.email);
  });

  it('is hidden from an official who may see the user', async () => {
    const official = await createUser(app, { role: 'OFFICIAL' });

    const result = await app.execute(USER_NODE, { id: userId(applicant) }, { token: official.token });

    expect(result.data?.node).toEqual({ id: userId(applicant), displayName: applicant.user.displayName, email: null });
  });

  it('is shown to the person who has just signed in with it', async () => {
    const result = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { user { email } } }`, {
      input: { email: applicant.user.email, password: TEST_PASSWORD },
    });

    expect(result.data?.signIn.user.email).toBe(applicant.user.email);
  });

  it('of a new staff account is shown to the administrator who created it', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });

    const result = await app.execute(
      `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { user { email } } }`,
      {
        input: {
          email: 'New.Official@Example.cn',
          displayName: '新官员',
          password: 'Official-pass-2026',
          role: 'OFFICIAL',
          department: 'TAX',
        },
      },
      { token: admin.token },
    );

    expect(result.data?.createStaffAccount.user.email).toBe('new.official@example.cn');
  });
});

describe('another user', () => {
  it.each([
    ['another applicant', async () => (await createUser(app)).token],
    ['a bank officer', async () => (await createUser(app, { role: 'BANK_OFFICER' })).token],
    ['a host agent', async () => (await createUser(app, { role: 'HOST_AGENT' })).token],
    ['a partner API key', async () => (await createApiKeyRow(app)).secret],
    ['an anonymous caller', async () => null],
  ])('is not visible at all to %s', async (_who, token) => {
    const result = await app.execute(USER_NODE, { id: userId(applicant) }, { token: await token() });

    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
  });
});
