import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { accountRowCounts, uniqueEmail } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';

// The account-wide limit is lowered from its default of 50 so that reaching it stays quick.
const FAILURES_PER_ACCOUNT = 12;

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({
    config: { signInLockout: { failuresPerSource: 5, failuresPerAccount: FAILURES_PER_ACCOUNT } },
  });
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

function signIn(email: string, password: string, ip = '127.0.0.1') {
  return app.execute(SIGN_IN, { input: { email, password } }, { language: 'en', ip });
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

describe('failed sign-ins from one address', () => {
  it('do not lock out the owner signing in from another address', async () => {
    const { user } = await createUser(app);
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(user.email, `Wrong-password-${attempt}`, '203.0.113.7');

    const fromAttacker = await signIn(user.email, TEST_PASSWORD, '203.0.113.7');
    const fromOwner = await signIn(user.email, TEST_PASSWORD, '198.51.100.20');

    expect(fromAttacker.data?.signIn.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect(fromOwner.data?.signIn.userErrors).toEqual([]);
    expect(fromOwner.data?.signIn.token).toEqual(expect.any(String));
  });
});

describe('failed sign-ins spread over many addresses', () => {
  it('lock the account for everyone once the account-wide limit is reached', async () => {
    const { user } = await createUser(app);
    // Four failures from each address: never the five that lock one address out.
    for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT; attempt++) {
      const failed = await signIn(
        user.email,
        `Wrong-password-${attempt}`,
        `203.0.113.${100 + Math.floor(attempt / 4)}`,
      );
      expect(failed.data?.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }

    const fromOwner = await signIn(user.email, TEST_PASSWORD, '198.51.100.21');

    expect(fromOwner.data?.signIn.token).toBeNull();
    expect(fromOwner.data?.signIn.userErrors).toEqual([
      {
        code: 'TOO_MANY_ATTEMPTS',
        field: null,
        message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/),
      },
    ]);
  });

  it('below the account-wide limit leave the owner free to sign in', async () => {
    const { user } = await createUser(app);
    for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT - 1; attempt++) {
      await signIn(user.email, `Wrong-password-${attempt}`, `203.0.113.${150 + Math.floor(attempt / 4)}`);
    }

    const fromOwner = await signIn(user.email, TEST_PASSWORD, '198.51.100.22');

    expect(fromOwner.data?.signIn.userErrors).toEqual([]);
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
