import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { bearer, postGraphql } from '../helpers/http.js';
import { sha256 } from '../../src/modules/accounts/credentials.js';

const START = '2026-11-26T09:00:00+08:00';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ now: START });
});
afterEach(() => app.clock.set(START));
afterAll(async () => app?.stop());

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      userErrors {
        code
      }
    }
  }
`;
const SIGN_OUT = /* GraphQL */ `
  mutation {
    signOut {
      signedOut
      userErrors {
        code
      }
    }
  }
`;
const VIEWER = /* GraphQL */ `
  {
    viewer {
      role
      user {
        id
      }
    }
  }
`;

async function signInNewUser(): Promise<{ userId: string; token: string; expiresAt: string }> {
  const { user } = await createUser(app);
  const result = await app.execute(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } });
  expect(result.data?.signIn.userErrors).toEqual([]);
  return { userId: user.id, token: result.data?.signIn.token, expiresAt: result.data?.signIn.expiresAt };
}

function codeOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  return result.errors?.[0]?.extensions?.code;
}

describe('a session token', () => {
  it('is stored only as its SHA-256', async () => {
    const { userId, token } = await signInNewUser();

    const rows = await app.orm.em
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from sessions where user_id = ? order by created_at', [userId]);

    const stored = rows.find((row) => row.token_hash === sha256(token));
    expect(stored).toBeDefined();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(6, 30));
  });

  it('lasts the configured session lifetime', async () => {
    const { expiresAt } = await signInNewUser();

    expect(new Date(expiresAt).getTime() - new Date(START).getTime()).toBe(app.deps.config.sessionTtlHours * 3600_000);
  });

  it('still works one second before it expires', async () => {
    const { token } = await signInNewUser();
    app.clock.advance(app.deps.config.sessionTtlHours * 3600_000 - 1000);

    const result = await app.execute(VIEWER, {}, { token });

    expect(result.data?.viewer.role).toBe('APPLICANT');
  });

  it('is refused with UNAUTHENTICATED once expired', async () => {
    const { token } = await signInNewUser();
    app.clock.advance(app.deps.config.sessionTtlHours * 3600_000 + 1);

    const result = await app.execute(VIEWER, {}, { token });

    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it('once expired is answered over HTTP with status 401', async () => {
    const { token } = await signInNewUser();
    app.clock.advance(app.deps.config.sessionTtlHours * 3600_000 + 1);

    const response = await postGraphql(app, { query: VIEWER }, bearer(token));

    expect(response.status).toBe(401);
    expect(response.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('that is unknown is refused rather than treated as anonymous', async () => {
    const result = await app.execute(VIEWER, {}, { token: 'qes_s_' + 'A'.repeat(43) });

    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });

  it('of an unknown kind is refused', async () => {
    const result = await app.execute(VIEWER, {}, { token: 'not-a-token-at-all' });

    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });
});

describe('an Authorization header that is not a bearer credential', () => {
  it.each([
    ['Basic credentials', `Basic ${Buffer.from(`someone@example.cn:${TEST_PASSWORD}`).toString('base64')}`],
    ['another scheme', 'Token qes_s_abc'],
    ['a bare token', 'qes_s_abc'],
    ['Bearer without a credential', 'Bearer '],
  ])('(%s) is refused with 401 UNAUTHENTICATED, not served as anonymous', async (_what, authorization) => {
    const response = await postGraphql(
      app,
      { query: '{ workingDays { isWorkingDay(date: "2026-10-10") } }' },
      {
        authorization,
      },
    );

    expect(response.status).toBe(401);
    expect(response.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.json.data ?? null).toBeNull();
  });
});

describe('signOut', () => {
  it('revokes the session it was called with, which then fails', async () => {
    const { token } = await signInNewUser();

    const signOut = await app.execute(SIGN_OUT, {}, { token });
    const after = await app.execute(VIEWER, {}, { token });

    expect(signOut.data?.signOut).toEqual({ signedOut: true, userErrors: [] });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it("leaves the user's other sessions working", async () => {
    const { user, token: other } = await createUser(app);
    const signIn = await app.execute(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } });

    await app.execute(SIGN_OUT, {}, { token: signIn.data?.signIn.token });
    const result = await app.execute(VIEWER, {}, { token: other });

    expect(result.data?.viewer.role).toBe('APPLICANT');
  });

  it('records the revocation time on the session row', async () => {
    const { token } = await signInNewUser();

    await app.execute(SIGN_OUT, {}, { token });

    const [row] = await app.orm.em
      .getConnection()
      .execute<{ revoked_at: Date }[]>('select revoked_at from sessions where token_hash = ?', [sha256(token)]);
    expect(new Date(row!.revoked_at).toISOString()).toBe(new Date(START).toISOString());
  });
});

describe('changePassword', () => {
  const CHANGE = /* GraphQL */ `
    mutation Change($input: ChangePasswordInput!) {
      changePassword(input: $input) {
        user {
          id
        }
        userErrors {
          code
          field
        }
      }
    }
  `;

  it('signs out the other sessions of the user but keeps the current one', async () => {
    const { user, token: other } = await createUser(app);
    const current = (await app.execute(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } })).data?.signIn
      .token as string;

    const result = await app.execute(
      CHANGE,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-42' } },
      { token: current },
    );

    expect(result.data?.changePassword.userErrors).toEqual([]);
    expect(codeOf(await app.execute(VIEWER, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect((await app.execute(VIEWER, {}, { token: current })).data?.viewer.role).toBe('APPLICANT');
  });

  it('makes the new password the one that signs in', async () => {
    const { user, token } = await createUser(app);
    await app.execute(
      CHANGE,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-42' } },
      { token },
    );

    const withOld = await app.execute(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } });
    const withNew = await app.execute(SIGN_IN, { input: { email: user.email, password: 'Brand-new-pass-42' } });

    expect(withOld.data?.signIn.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    expect(withNew.data?.signIn.userErrors).toEqual([]);
  });
});
