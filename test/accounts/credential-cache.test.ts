import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';

// With CREDENTIAL_CACHE_SECONDS on, a recognised credential is trusted for a few seconds without a
// query, and everything that ends a credential in this process ends it at once.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ config: { credentialCacheSeconds: 5 } });
});
afterAll(async () => app?.stop());

const VIEWER = `{ viewer { role } }`;
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;
const sessionQueries = (statements: string[]) => statements.filter((sql) => /from "sessions"/.test(sql)).length;

describe('the credential cache', () => {
  it('recognises a session again without a query, until the time to live has passed', async () => {
    const { token } = await createUser(app);
    await app.execute(VIEWER, {}, { token });
    expect(sessionQueries(await app.countQueries(() => app.execute(VIEWER, {}, { token })))).toBe(0);
    app.clock.advance(5001);
    try {
      expect(sessionQueries(await app.countQueries(() => app.execute(VIEWER, {}, { token })))).toBe(1);
    } finally {
      app.clock.advance(-5001);
    }
  });

  it('forgets a session that signs out, at once', async () => {
    const { token } = await createUser(app);
    await app.execute(VIEWER, {}, { token });
    await app.execute(`mutation { signOut { signedOut } }`, {}, { token });
    expect(codeOf(await app.execute(VIEWER, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it("forgets a user's other sessions when the password changes, at once", async () => {
    const { user, token: other } = await createUser(app);
    await app.execute(VIEWER, {}, { token: other });
    const signIn = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { email: user.email, password: TEST_PASSWORD },
    });
    const current = signIn.data!.signIn.token as string;
    const changed = await app.execute(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { code } } }`,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2027' } },
      { token: current },
    );
    expect(changed.data!.changePassword.userErrors).toEqual([]);
    expect(codeOf(await app.execute(VIEWER, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect((await app.execute(VIEWER, {}, { token: current })).data!.viewer.role).toBe('APPLICANT');
  });

  it('forgets a revoked API key, at once', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });
    const key = await createApiKeyRow(app, { createdBy: admin.user });
    expect((await app.execute(VIEWER, {}, { token: key.secret })).data!.viewer.role).toBe('PARTNER');
    const revoked = await app.execute(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { userErrors { code } } }`,
      { input: { id: key.id } },
      { token: admin.token },
    );
    expect(revoked.data!.revokeApiKey.userErrors).toEqual([]);
    expect(codeOf(await app.execute(VIEWER, {}, { token: key.secret }))).toBe('UNAUTHENTICATED');
  });

  it('never keeps a session past its expiry', async () => {
    const { token } = await createUser(app);
    await app.execute(VIEWER, {}, { token });
    // The factory's sessions last a year; the cache entry cannot outlive that, nor 5 seconds.
    app.clock.advance(366 * 24 * 3600_000);
    try {
      expect(codeOf(await app.execute(VIEWER, {}, { token }))).toBe('UNAUTHENTICATED');
    } finally {
      app.clock.advance(-366 * 24 * 3600_000);
    }
  });
});
