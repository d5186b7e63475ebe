import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, ApiKeyDailyUse, User } from '../../src/modules/accounts/accounts.entity.js';
import { sha256 } from '../../src/modules/accounts/credentials.js';
import { flushApiKeyUse } from '../../src/modules/accounts/key-usage.js';
import { localIdOf, toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { cheapPasswordHash, createOrganisation, createUser, type TestUser } from '../helpers/factories.js';

// Keys an organisation's own administrator manages: create (with the scopes its kind allows), list,
// rotate with an overlap, revoke; never another organisation's; use counted per day.

const START = '2026-11-26T09:00:00+08:00';
const HOUR = 3600_000;

let app: TestApp;
let bankAdmin: TestUser;
let firmAdmin: TestUser;
let bankOfficer: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: START });
  const bank = await createOrganisation(app, 'BANK');
  const firm = await createOrganisation(app, 'LAW_FIRM');
  const passwordHash = cheapPasswordHash();
  bankAdmin = await createUser(app, {
    role: 'BANK_OFFICER',
    organisation: bank,
    organisationAdmin: true,
    passwordHash,
  });
  firmAdmin = await createUser(app, { role: 'HOST_AGENT', organisation: firm, organisationAdmin: true, passwordHash });
  bankOfficer = await createUser(app, { role: 'BANK_OFFICER', organisation: bank, passwordHash });
});
afterEach(() => app.clock.set(START));
afterAll(async () => app?.stop());

const ERRORS = 'userErrors { code field message }';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name scopes organisation { name } } ${ERRORS} } }`;
const ROTATE = `mutation($input: RotateApiKeyInput!) { rotateApiKey(input: $input) { secret apiKey { id previousSecretValidUntil } ${ERRORS} } }`;
const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id name expiresAt scopes } ${ERRORS} } }`;
const KEYS = `{ apiKeys(first: 100) { edges { node { id name lastUsedAt dailyUse { day requests } } } } }`;
const WHO = `{ viewer { role apiKey { id } } }`;

async function create(as: TestUser, input: Record<string, unknown>) {
  const result = await app.execute(CREATE, { input }, { token: as.token, language: 'en' });
  expect(result.errors).toBeUndefined();
  return result.data!.createApiKey;
}

async function bankKey(): Promise<{ id: string; secret: string }> {
  const created = await create(bankAdmin, { name: '信贷系统', scopes: ['FINANCING_READ', 'REGISTRATION_READ'] });
  expect(created.userErrors).toEqual([]);
  return { id: created.apiKey.id, secret: created.secret };
}

/** Every column of the key's row: compare before and after a refused change. */
async function keyRow(id: string) {
  return app.em().execute(`select * from api_keys where id = ?`, [localIdOf(id, 'ApiKey')]);
}

async function authenticates(secret: string): Promise<boolean> {
  const result = await app.execute(WHO, {}, { token: secret });
  if (result.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return false;
  expect(result.errors).toBeUndefined();
  return result.data!.viewer.role === 'PARTNER';
}

describe("an organisation's administrator", () => {
  it('creates a key of its organisation whose secret works at once and is stored only as a hash', async () => {
    const created = await create(bankAdmin, { name: '  信贷审批系统 ', scopes: ['FINANCING_READ'] });

    expect(created.userErrors).toEqual([]);
    expect(created.apiKey).toMatchObject({ name: '信贷审批系统', scopes: ['FINANCING_READ'] });
    expect(created.apiKey.organisation).not.toBeNull();
    expect(await authenticates(created.secret)).toBe(true);
    const [row] = await keyRow(created.apiKey.id);
    expect(row.secret_hash).toBe(sha256(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);
  });

  it('is refused a scope its organisation may not give, and nothing is created', async () => {
    const before = await app.em().count(ApiKey, {});

    const created = await create(bankAdmin, { name: '托管目录', scopes: ['HOSTING_READ', 'NAMES_READ'] });

    expect(created.userErrors).toEqual([
      expect.objectContaining({
        code: 'NOT_ALLOWED',
        field: ['input', 'scopes'],
        message: expect.stringContaining('HOSTING_READ'),
      }),
    ]);
    expect(created.secret).toBeNull();
    expect(await app.em().count(ApiKey, {})).toBe(before);
  });

  it('is refused a blank name, no scopes or an expiry in the past, all at once, and nothing is created', async () => {
    const before = await app.em().count(ApiKey, {});

    const created = await create(bankAdmin, { name: '   ', scopes: [], expiresAt: '2026-11-25T09:00:00+08:00' });

    expect(created.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.name',
      'input.scopes',
      'input.expiresAt',
    ]);
    expect(await app.em().count(ApiKey, {})).toBe(before);
  });

  it("lists its organisation's keys and never another organisation's", async () => {
    const own = await bankKey();
    const other = await create(firmAdmin, { name: '托管系统', scopes: ['HOSTING_READ'] });

    const listed = await app.execute(KEYS, {}, { token: bankAdmin.token });
    const ids = listed.data!.apiKeys.edges.map((edge: { node: { id: string } }) => edge.node.id);

    expect(ids).toContain(own.id);
    expect(ids).not.toContain(other.apiKey.id);
  });

  it("cannot rotate or revoke another organisation's key: answered as if it did not exist, nothing changed", async () => {
    const other = await bankKey();
    const before = await keyRow(other.id);

    const rotate = await app.execute(ROTATE, { input: { id: other.id } }, { token: firmAdmin.token });
    const revoke = await app.execute(REVOKE, { input: { id: other.id } }, { token: firmAdmin.token });
    const node = await app.execute(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: other.id },
      { token: firmAdmin.token },
    );

    expect(rotate.data!.rotateApiKey.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(revoke.data!.revokeApiKey.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(node.data!.node).toBeNull();
    expect(await keyRow(other.id)).toEqual(before);
    expect(await authenticates(other.secret)).toBe(true);
  });

  it('revokes its key: the secret stops working at once', async () => {
    const key = await bankKey();

    const revoked = await app.execute(REVOKE, { input: { id: key.id } }, { token: bankAdmin.token });

    expect(revoked.data!.revokeApiKey.userErrors).toEqual([]);
    expect(await authenticates(key.secret)).toBe(false);
  });
});

describe('a staff account that does not administer its organisation', () => {
  it('may not manage keys, even of its own organisation', async () => {
    const result = await app.execute(KEYS, {}, { token: bankOfficer.token });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('rotateApiKey', () => {
  it('keeps the old secret working beside the new one for the overlap, then only the new one', async () => {
    const key = await bankKey();

    const rotated = await app.execute(ROTATE, { input: { id: key.id, overlapHours: 2 } }, { token: bankAdmin.token });
    const { secret } = rotated.data!.rotateApiKey;

    expect(rotated.data!.rotateApiKey.userErrors).toEqual([]);
    expect(secret).not.toBe(key.secret);
    expect(await authenticates(key.secret)).toBe(true);
    expect(await authenticates(secret)).toBe(true);
    app.clock.advance(2 * HOUR - 1000);
    expect(await authenticates(key.secret)).toBe(true);
    app.clock.advance(1000);
    expect(await authenticates(key.secret)).toBe(false);
    expect(await authenticates(secret)).toBe(true);
  });

  it('overlaps 24 hours by default', async () => {
    const key = await bankKey();

    const rotated = await app.execute(ROTATE, { input: { id: key.id } }, { token: bankAdmin.token });

    expect(new Date(rotated.data!.rotateApiKey.apiKey.previousSecretValidUntil).getTime()).toBe(
      new Date(START).getTime() + 24 * HOUR,
    );
  });

  it('keeps at most two secrets: a second rotation ends the first secret at once', async () => {
    const key = await bankKey();
    const first = await app.execute(ROTATE, { input: { id: key.id } }, { token: bankAdmin.token });

    await app.execute(ROTATE, { input: { id: key.id } }, { token: bankAdmin.token });

    expect(await authenticates(key.secret)).toBe(false);
    expect(await authenticates(first.data!.rotateApiKey.secret)).toBe(true);
  });

  it('refuses an overlap out of bounds and changes nothing', async () => {
    const key = await bankKey();
    const before = await keyRow(key.id);

    const rotated = await app.execute(
      ROTATE,
      { input: { id: key.id, overlapHours: 169 } },
      { token: bankAdmin.token, language: 'en' },
    );

    expect(rotated.data!.rotateApiKey.userErrors).toEqual([
      {
        code: 'OUT_OF_RANGE',
        field: ['input', 'overlapHours'],
        message: 'The overlap must be between 0 and 168 hours.',
      },
    ]);
    expect(rotated.data!.rotateApiKey.secret).toBeNull();
    expect(await keyRow(key.id)).toEqual(before);
  });

  it('refuses a revoked key and changes nothing', async () => {
    const key = await bankKey();
    await app.execute(REVOKE, { input: { id: key.id } }, { token: bankAdmin.token });
    const before = await keyRow(key.id);

    const rotated = await app.execute(ROTATE, { input: { id: key.id } }, { token: bankAdmin.token });

    expect(rotated.data!.rotateApiKey.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(await keyRow(key.id)).toEqual(before);
  });
});

describe('updateApiKey', () => {
  async function update(as: TestUser, input: Record<string, unknown>, language = 'en') {
    const result = await app.execute(UPDATE, { input }, { token: as.token, language });
    expect(result.errors).toBeUndefined();
    return result.data!.updateApiKey;
  }

  it('renames a key and changes its expiry, audited; scopes and secret stay', async () => {
    const key = await bankKey();

    const updated = await update(bankAdmin, {
      id: key.id,
      name: '  新信贷系统 ',
      expiresAt: '2027-06-30T00:00:00+08:00',
    });

    expect(updated.userErrors).toEqual([]);
    expect(updated.apiKey).toMatchObject({
      name: '新信贷系统',
      expiresAt: '2027-06-30T00:00:00.000+08:00',
      scopes: ['FINANCING_READ', 'REGISTRATION_READ'],
    });
    expect(await authenticates(key.secret)).toBe(true);
    const [audit] = await app
      .em()
      .execute(
        `select action, actor_user_id, details from audit_events where subject_id = ? and action = 'apiKey.update'`,
        [localIdOf(key.id, 'ApiKey')],
      );
    expect(audit).toMatchObject({
      actor_user_id: bankAdmin.user.id,
      details: {
        name: { from: '信贷系统', to: '新信贷系统' },
        expiresAt: { from: null, to: '2027-06-29T16:00:00.000Z' },
      },
    });
    // A field left out keeps its value; null expiry means never.
    const renamedOnly = await update(bankAdmin, { id: key.id, name: '信贷系统 2' });
    expect(renamedOnly.apiKey).toMatchObject({ name: '信贷系统 2', expiresAt: '2027-06-30T00:00:00.000+08:00' });
    const never = await update(bankAdmin, { id: key.id, expiresAt: null });
    expect(never.apiKey).toMatchObject({ name: '信贷系统 2', expiresAt: null });
  });

  it('applies a new expiry at once: a key expired now stops working', async () => {
    const key = await bankKey();
    expect(await authenticates(key.secret)).toBe(true);
    expect((await update(bankAdmin, { id: key.id, expiresAt: '2026-11-26T10:00:00+08:00' })).userErrors).toEqual([]);
    app.clock.set('2026-11-26T10:00:01+08:00');
    expect(await authenticates(key.secret)).toBe(false);
  });

  it('refuses an empty name and a past expiry at their fields, in both languages, and changes nothing', async () => {
    const key = await bankKey();
    const before = await keyRow(key.id);

    const en = await update(bankAdmin, { id: key.id, name: '  ', expiresAt: '2026-11-25T09:00:00+08:00' });
    const zh = await update(bankAdmin, { id: key.id, name: '', expiresAt: '2026-11-26T09:00:00+08:00' }, 'zh-CN');

    expect(en.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'name'], message: 'This field is required.' },
      { code: 'OUT_OF_RANGE', field: ['input', 'expiresAt'], message: 'The expiry must be in the future.' },
    ]);
    expect(zh.userErrors.map((e: { message: string }) => e.message)).toEqual([
      '此项为必填项。',
      '到期时间必须晚于当前时间。',
    ]);
    expect(await keyRow(key.id)).toEqual(before);
  });

  it("answers an unknown id or another organisation's key as missing, and a revoked key as unchangeable", async () => {
    const other = await bankKey();
    const before = await keyRow(other.id);
    const missing = await update(firmAdmin, { id: other.id, name: '改名' });
    const unknown = await update(bankAdmin, {
      id: toGlobalId('ApiKey', '00000000-0000-4000-8000-000000000000'),
      name: '改名',
    });
    const garbage = await update(bankAdmin, { id: 'nonsense', name: '改名' });
    for (const payload of [missing, unknown, garbage]) {
      expect(payload).toEqual({
        apiKey: null,
        userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })],
      });
    }
    expect(await keyRow(other.id)).toEqual(before);

    await app.execute(REVOKE, { input: { id: other.id } }, { token: bankAdmin.token });
    const revokedRow = await keyRow(other.id);
    const revoked = await update(bankAdmin, { id: other.id, name: '改名' });
    expect(revoked.userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'], message: 'This key is revoked and can no longer be changed.' },
    ]);
    expect(await keyRow(other.id)).toEqual(revokedRow);
  });

  it("is allowed to the platform administrator for any organisation's key, not to a staff account", async () => {
    const key = await bankKey();
    const platformAdmin = await createUser(app, { role: 'ADMIN', passwordHash: cheapPasswordHash() });
    expect((await update(platformAdmin, { id: key.id, name: '平台改名' })).apiKey.name).toBe('平台改名');
    const refused = await app.execute(UPDATE, { input: { id: key.id, name: 'x' } }, { token: bankOfficer.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a key's use", () => {
  it('is counted per day and shown with the key', async () => {
    const key = await bankKey();
    for (let i = 0; i < 3; i += 1) expect(await authenticates(key.secret)).toBe(true);
    app.clock.advance(24 * HOUR);
    for (let i = 0; i < 2; i += 1) expect(await authenticates(key.secret)).toBe(true);

    await flushApiKeyUse();

    const listed = await app.execute(KEYS, {}, { token: bankAdmin.token });
    const node = listed.data!.apiKeys.edges.find((edge: { node: { id: string } }) => edge.node.id === key.id).node;
    expect(node.dailyUse).toEqual([
      { day: '2026-11-26', requests: 3 },
      { day: '2026-11-27', requests: 2 },
    ]);
    expect(node.lastUsedAt).not.toBeNull();
    expect(await app.em().count(ApiKeyDailyUse, { apiKey: localIdOf(key.id, 'ApiKey')! })).toBe(2);
  });
});

describe('a key without the scope an operation needs', () => {
  it('gets FORBIDDEN naming the scope it lacks', async () => {
    const created = await create(bankAdmin, { name: '名称核查', scopes: ['NAMES_READ'] });

    const result = await app.execute(
      `{ registerEnterprises(first: 1) { totalCount } }`,
      {},
      {
        token: created.secret,
        language: 'en',
      },
    );

    expect(result.errors?.[0]).toMatchObject({
      message: 'This API key lacks the scope this needs: REGISTRATION_READ.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('still reads what is public', async () => {
    const created = await create(bankAdmin, { name: '名称核查', scopes: ['NAMES_READ'] });

    const result = await app.execute(`{ enterprises(first: 1) { totalCount } }`, {}, { token: created.secret });

    expect(result.errors).toBeUndefined();
  });
});

describe('checkEnterpriseNames', () => {
  it('checks each name as checkEnterpriseName does, in order, and refuses more than 100', async () => {
    const created = await create(bankAdmin, { name: '名称核查', scopes: ['NAMES_READ'] });
    const names = ['青岛海川智能科技有限公司', '青岛'];
    const query = `query($input: CheckEnterpriseNamesInput!) { checkEnterpriseNames(input: $input) { name available } }`;

    const result = await app.execute(
      query,
      { input: { names: names.map((name) => ({ name })) } },
      {
        token: created.secret,
      },
    );
    const single = await Promise.all(
      names.map(async (name) => {
        const one = await app.execute(
          `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { name available } }`,
          { input: { name } },
        );
        return one.data!.checkEnterpriseName;
      }),
    );
    const tooMany = await app.execute(
      query,
      { input: { names: Array.from({ length: 101 }, () => ({ name: '青岛海川智能科技有限公司' })) } },
      { token: created.secret },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.checkEnterpriseNames).toEqual(single);
    expect(tooMany.data ?? null).toBeNull();
    expect(tooMany.errors?.length).toBeGreaterThan(0);
  });
});

describe("appointing an organisation's administrator", () => {
  const CREATE_STAFF = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { user { id organisationAdmin } ${ERRORS} } }`;

  it('is done by the platform administrator when creating a bank officer, who then manages the bank keys', async () => {
    const platformAdmin = await createUser(app, { role: 'ADMIN', passwordHash: cheapPasswordHash() });
    const bank = await createOrganisation(app, 'BANK');
    const email = `keys-admin-${Date.now()}@bank.example.cn`;

    const created = await app.execute(
      CREATE_STAFF,
      {
        input: {
          email,
          displayName: '何管理',
          password: 'Bank-admin-2026',
          role: 'BANK_OFFICER',
          organisationId: toGlobalId('Organisation', bank.id),
          organisationAdmin: true,
        },
      },
      { token: platformAdmin.token },
    );
    const signedIn = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { email, password: 'Bank-admin-2026' },
    });
    const keys = await app.execute(KEYS, {}, { token: signedIn.data!.signIn.token });

    expect(created.data!.createStaffAccount).toMatchObject({ user: { organisationAdmin: true }, userErrors: [] });
    expect(keys.errors).toBeUndefined();
  });

  it('is refused for an official, and no account is created', async () => {
    const platformAdmin = await createUser(app, { role: 'ADMIN', passwordHash: cheapPasswordHash() });
    const users = await app.em().count(User, {});

    const created = await app.execute(
      CREATE_STAFF,
      {
        input: {
          email: `official-${Date.now()}@example.cn`,
          displayName: '李官员',
          password: 'Official-pass-2026',
          role: 'OFFICIAL',
          department: 'TAX',
          organisationAdmin: true,
        },
      },
      { token: platformAdmin.token },
    );

    expect(created.data!.createStaffAccount.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'organisationAdmin'] }),
    ]);
    expect(await app.em().count(User, {})).toBe(users);
  });
});
