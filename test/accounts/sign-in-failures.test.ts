import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { accountRowCounts, uniqueEmail } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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

function signIn(email: string, password: string) {
  return app.execute(SIGN_IN, { input: { email, password } }, { language: 'en' });
}

describe('a failed sign-in', () => {
  it('answers the same for an unknown email as for a wrong password', async () => {
    const { user } = await createUser(app);

    const unknown = await signIn(uniqueEmail('nobody'), 'Wrong-password-1');
    const wrongPassword = await signIn(user.email, 'Wrong-password-1');

    expect(wrongPassword.errors).toBeUndefined();
    expect(wrongPassword.data?.signIn).toEqual({
      token: null,
      user: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: null, message: 'The email or password is wrong.' }],
    });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual(wrongPassword.data);
  });

  it('writes no session and no audit event', async () => {
    const { user } = await createUser(app);
    const before = await accountRowCounts(app);

    await signIn(user.email, 'Wrong-password-1');

    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('accepts the email in another case and with spaces around it', async () => {
    const { user } = await createUser(app);

    const result = await signIn(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);

    expect(result.data?.signIn.userErrors).toEqual([]);
    expect(result.data?.signIn.token).toEqual(expect.any(String));
  });
});

describe('repeated failed sign-ins', () => {
  it('refuse the sixth attempt with TOO_MANY_ATTEMPTS even with the right password', async () => {
    const { user } = await createUser(app);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await signIn(user.email, `Wrong-password-${attempt}`);
      expect(failed.data?.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }

    const result = await signIn(user.email, TEST_PASSWORD);

    expect(result.data?.signIn.token).toBeNull();
    expect(result.data?.signIn.userErrors).toEqual([
      {
        code: 'TOO_MANY_ATTEMPTS',
        field: null,
        message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/),
      },
    ]);
  });

  it('lock an unknown email just like an existing one, so the lock reveals nothing', async () => {
    const email = uniqueEmail('nobody');
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(email, `Wrong-password-${attempt}`);

    const result = await signIn(email, 'Wrong-password-6');

    expect(result.data?.signIn.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('do not lock the account after four failures', async () => {
    const { user } = await createUser(app);
    for (let attempt = 1; attempt <= 4; attempt++) await signIn(user.email, `Wrong-password-${attempt}`);

    const result = await signIn(user.email, TEST_PASSWORD);

    expect(result.data?.signIn.userErrors).toEqual([]);
  });

  it('are forgotten after a successful sign-in', async () => {
    const { user } = await createUser(app);
    for (let attempt = 1; attempt <= 4; attempt++) await signIn(user.email, `Wrong-password-${attempt}`);
    await signIn(user.email, TEST_PASSWORD);
    for (let attempt = 1; attempt <= 4; attempt++) await signIn(user.email, `Wrong-password-${attempt}`);

    const result = await signIn(user.email, TEST_PASSWORD);

    expect(result.data?.signIn.userErrors).toEqual([]);
  });

  it('of one account do not lock another', async () => {
    const locked = await createUser(app);
    const other = await createUser(app);
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(locked.user.email, `Wrong-password-${attempt}`);

    const result = await signIn(other.user.email, TEST_PASSWORD);

    expect(result.data?.signIn.userErrors).toEqual([]);
  });
});

describe('a disabled account', () => {
  it('cannot sign in, with the same answer as a wrong password', async () => {
    const { user } = await createUser(app);
    const em = app.em();
    await em.nativeUpdate('User', { id: user.id }, { disabledAt: app.clock.now() });

    const result = await signIn(user.email, TEST_PASSWORD);

    expect(result.data?.signIn.userErrors).toEqual([
      { code: 'INVALID_CREDENTIALS', field: null, message: 'The email or password is wrong.' },
    ]);
  });

  it('loses its open sessions at once', async () => {
    const { user, token } = await createUser(app);
    await app.em().nativeUpdate('User', { id: user.id }, { disabledAt: app.clock.now() });

    const result = await app.execute(`{ viewer { role } }`, {}, { token });

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
