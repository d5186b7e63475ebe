import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { ApiKey } from '../../src/modules/accounts/accounts.entity.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { accountRowCounts, createApiKeyRow } from '../helpers/accounts.js';
import { cheapPasswordHash, createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';

// The administrator's console API: staff accounts disabled, enabled and given a temporary password
// (their sessions end), the audit-trail browser, and ApiKey.lastUsedAt written at most once a minute.

let app: TestApp;
let admin: TestUser;

beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
});
afterAll(async () => {
  await app?.stop();
});

const gid = (user: TestUser) => toGlobalId('User', user.user.id);
const DISABLE = `mutation($input: DisableStaffAccountInput!) { disableStaffAccount(input: $input) { user { id disabledAt } userErrors { code field message } } }`;
const ENABLE = `mutation($input: EnableStaffAccountInput!) { enableStaffAccount(input: $input) { user { id disabledAt } userErrors { code field message } } }`;
const RESET = `mutation($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { user { id } temporaryPassword userErrors { code field message } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }`;
const WHO = `{ viewer { role } }`;

async function payload(query: string, id: string) {
  const result = await app.execute(query, { input: { id } }, { token: admin.token });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data!)[0] as any;
}

describe('staff accounts', () => {
  it('lists staff accounts, not applicants, and shows the administrator when each was disabled', async () => {
    const official = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const result = await app.execute(
      `{ staffAccounts(first: 100) { edges { node { id role department disabledAt } } } }`,
      {},
      { token: admin.token },
    );
    const ids = result.data!.staffAccounts.edges.map((e: any) => e.node.id);
    expect(ids).toContain(gid(official));
    expect(ids).not.toContain(gid(applicant));
  });

  it('disables an account: its session ends and it cannot sign in; enabled, it can again', async () => {
    const official = await createUser(app, { role: 'OFFICIAL', department: 'TAX', passwordHash: cheapPasswordHash() });
    const disabled = await payload(DISABLE, gid(official));
    expect(disabled.userErrors).toEqual([]);
    expect(disabled.user.disabledAt).not.toBeNull();
    expect((await app.execute(WHO, {}, { token: official.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const refused = await app.execute(SIGN_IN, { input: { email: official.user.email, password: TEST_PASSWORD } });
    expect(refused.data!.signIn.token).toBeNull();

    const enabled = await payload(ENABLE, gid(official));
    expect(enabled.user.disabledAt).toBeNull();
    const again = await app.execute(SIGN_IN, { input: { email: official.user.email, password: TEST_PASSWORD } });
    expect(again.data!.signIn.token).toMatch(/^qes_s_/);
  });

  it('resets a password to a temporary one shown once: the old password and sessions stop working', async () => {
    const officer = await createUser(app, { role: 'BANK_OFFICER', passwordHash: cheapPasswordHash() });
    const reset = await payload(RESET, gid(officer));
    expect(reset.userErrors).toEqual([]);
    expect(reset.temporaryPassword).toMatch(/^[A-Za-z0-9]{10,}$/);
    expect((await app.execute(WHO, {}, { token: officer.token })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const old = await app.execute(SIGN_IN, { input: { email: officer.user.email, password: TEST_PASSWORD } });
    expect(old.data!.signIn.token).toBeNull();
    const fresh = await app.execute(SIGN_IN, {
      input: { email: officer.user.email, password: reset.temporaryPassword },
    });
    expect(fresh.data!.signIn.token).toMatch(/^qes_s_/);
  });

  it('refuses, changing nothing: one’s own account, an applicant, an unknown id, disabling twice, enabling an active one', async () => {
    const applicant = await createUser(app, { role: 'APPLICANT' });
    const active = await createUser(app, { role: 'HOST_AGENT' });
    const cases: [string, string, string][] = [
      [DISABLE, gid(admin), 'NOT_ALLOWED'],
      [DISABLE, gid(applicant), 'NOT_FOUND'],
      [RESET, gid(applicant), 'NOT_FOUND'],
      [DISABLE, 'bm9wZQ', 'NOT_FOUND'],
      [ENABLE, gid(active), 'INVALID_STATE'],
    ];
    for (const [query, id, code] of cases) {
      const before = await accountRowCounts(app);
      const result = await payload(query, id);
      expect(result.userErrors.map((e: any) => ({ code: e.code, field: e.field }))).toEqual([
        { code, field: ['input', 'id'] },
      ]);
      expect(await accountRowCounts(app)).toEqual(before);
    }
  });
});

describe('the audit-trail browser', () => {
  it('lists events newest first, filtered by actions, subject and actor', async () => {
    const official = await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' });
    await payload(DISABLE, gid(official));
    await payload(ENABLE, gid(official));
    const query = `query($filter: AuditEventFilter) { auditEvents(first: 10, filter: $filter) { edges { node { action subjectId actor { role user { id displayName } } } } } }`;
    const bySubject = await app.execute(query, { filter: { subjectId: gid(official) } }, { token: admin.token });
    expect(bySubject.data!.auditEvents.edges.map((e: any) => e.node.action)).toEqual([
      'ACCOUNT_ENABLE',
      'ACCOUNT_DISABLE',
    ]);
    const byAction = await app.execute(
      query,
      { filter: { actions: ['ACCOUNT_DISABLE'], actorId: gid(admin) } },
      { token: admin.token },
    );
    const actions = byAction.data!.auditEvents.edges.map((e: any) => e.node);
    expect(actions.length).toBeGreaterThan(0);
    expect(
      actions.every(
        (n: any) => n.action === 'ACCOUNT_DISABLE' && n.actor.user.id === gid(admin) && n.actor.role === 'ADMIN',
      ),
    ).toBe(true);
    const none = await app.execute(
      query,
      { filter: { subjectId: 'bm9wZQ', actions: ['ACCOUNT_DISABLE'] } },
      { token: admin.token },
    );
    expect(none.data!.auditEvents.edges).toEqual([]);
    const unknown = await app.execute(query, { filter: { actions: ['account.disable'] } }, { token: admin.token });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const other = await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' });
    expect((await app.execute(query, {}, { token: other.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('API key last use', () => {
  async function lastUsed(id: string): Promise<Date | null> {
    return (await app.em().findOneOrFail(ApiKey, { id }, { refresh: true })).lastUsedAt;
  }
  async function eventually(check: () => Promise<boolean>) {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('is written on use, at most once a minute, and shown to the administrator', async () => {
    const key = await createApiKeyRow(app, { scopes: ['FINANCING_READ'] });
    expect(await lastUsed(key.apiKey.id)).toBeNull();
    const at = app.clock.now().getTime();
    expect((await app.execute(WHO, {}, { token: key.secret })).data!.viewer.role).toBe('PARTNER');
    await eventually(async () => (await lastUsed(key.apiKey.id))?.getTime() === at);

    app.clock.advance(30_000);
    await app.execute(WHO, {}, { token: key.secret });
    app.clock.advance(31_000);
    await app.execute(WHO, {}, { token: key.secret });
    await eventually(async () => (await lastUsed(key.apiKey.id))?.getTime() === at + 61_000);

    const listed = await app.execute(
      `{ apiKeys(first: 100) { edges { node { id lastUsedAt } } } }`,
      {},
      { token: admin.token },
    );
    const node = listed.data!.apiKeys.edges.find((e: any) => e.node.id === key.id).node;
    expect(new Date(node.lastUsedAt).getTime()).toBe(at + 61_000);
  });

  it('is not written again within the minute', async () => {
    const key = await createApiKeyRow(app, { scopes: ['FINANCING_READ'] });
    const at = app.clock.now().getTime();
    await app.execute(WHO, {}, { token: key.secret });
    await eventually(async () => (await lastUsed(key.apiKey.id))?.getTime() === at);
    app.clock.advance(59_000);
    await app.execute(WHO, {}, { token: key.secret });
    // A later request that writes shows the 59-second use was skipped: the stamp jumps from `at`.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await lastUsed(key.apiKey.id))?.getTime()).toBe(at);
  });
});
