import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { accountRowCounts, createApiKeyRow } from '../helpers/accounts.js';
import { createUser } from '../helpers/factories.js';
import { sha256 } from '../../src/modules/accounts/credentials.js';
import { toGlobalId } from '../../src/shared/ids.js';

const START = '2026-11-26T09:00:00+08:00';

let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await TestApp.start({ now: START });
  adminToken = (await createUser(app, { role: 'ADMIN' })).token;
});
afterEach(() => app.clock.set(START));
afterAll(async () => app?.stop());

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
        scopes
        createdAt
        expiresAt
        revokedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
      }
      userErrors {
        code
        field
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
      apiKey {
        id
        name
        scopes
      }
    }
  }
`;

async function createKey(input: Record<string, unknown>) {
  const result = await app.execute(CREATE, { input }, { token: adminToken, language: 'en' });
  expect(result.errors).toBeUndefined();
  return result.data?.createApiKey;
}

describe('createApiKey', () => {
  it('returns a secret that authenticates as a PARTNER with the key and its scopes', async () => {
    const created = await createKey({ name: '某银行信贷系统', scopes: ['FINANCING_READ', 'HOSTING_READ'] });

    const viewer = await app.execute(VIEWER, {}, { token: created.secret });

    expect(created.userErrors).toEqual([]);
    expect(created.secret).toMatch(/^qes_k_[A-Za-z0-9_-]{43}$/);
    expect(viewer.data?.viewer).toEqual({
      role: 'PARTNER',
      user: null,
      apiKey: { id: created.apiKey.id, name: '某银行信贷系统', scopes: ['FINANCING_READ', 'HOSTING_READ'] },
    });
  });

  it('stores only the SHA-256 of the secret and a short prefix', async () => {
    const created = await createKey({ name: '合作方', scopes: ['NAMES_READ'] });

    const rows = await app.orm.em
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from api_keys where secret_hash = ?', [sha256(created.secret)]);

    expect(rows).toHaveLength(1);
    expect(rows[0]!.prefix).toBe(created.secret.slice(0, 12));
    expect(created.apiKey.prefix).toBe(created.secret.slice(0, 12));
    expect(JSON.stringify(rows)).not.toContain(created.secret);
  });

  it('lists each scope once', async () => {
    const created = await createKey({ name: '合作方', scopes: ['NAMES_READ', 'NAMES_READ'] });

    expect(created.apiKey.scopes).toEqual(['NAMES_READ']);
  });

  it('refuses an empty list of scopes and writes nothing', async () => {
    const before = await accountRowCounts(app);

    const created = await createKey({ name: '合作方', scopes: [] });

    expect(created).toEqual({
      secret: null,
      apiKey: null,
      userErrors: [{ code: 'REQUIRED', field: ['input', 'scopes'], message: 'Choose at least one scope.' }],
    });
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('refuses an expiry in the past and writes nothing', async () => {
    const before = await accountRowCounts(app);

    const created = await createKey({ name: '合作方', scopes: ['NAMES_READ'], expiresAt: '2026-11-25T09:00:00+08:00' });

    expect(created.userErrors).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input', 'expiresAt'], message: expect.any(String) },
    ]);
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('refuses a blank name and writes nothing', async () => {
    const before = await accountRowCounts(app);

    const created = await createKey({ name: '', scopes: ['NAMES_READ'] });

    expect(created.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'name'], message: 'This field is required.' },
    ]);
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('refuses a name over 100 characters and writes nothing', async () => {
    const before = await accountRowCounts(app);

    const created = await createKey({ name: 'k'.repeat(101), scopes: ['NAMES_READ'] });

    expect(created.userErrors).toEqual([
      { code: 'TOO_LONG', field: ['input', 'name'], message: 'Must be at most 100 characters.' },
    ]);
    expect(await accountRowCounts(app)).toEqual(before);
  });

  it('records who created the key in the audit trail', async () => {
    const created = await createKey({ name: '合作方', scopes: ['NAMES_READ'] });

    const trail = await app.execute(
      `query($id: ID!) { auditTrail(subjectId: $id) { edges { node { action actor { role } toState } } } }`,
      { id: created.apiKey.id },
      { token: adminToken },
    );

    expect(trail.data?.auditTrail.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { action: 'API_KEY_CREATE', actor: { role: 'ADMIN' }, toState: 'ACTIVE' },
    ]);
  });
});

describe('an API key', () => {
  it('with an expiry works until then and is refused after it', async () => {
    const created = await createKey({
      name: '临时密钥',
      scopes: ['NAMES_READ'],
      expiresAt: '2026-11-27T09:00:00+08:00',
    });
    const before = await app.execute(VIEWER, {}, { token: created.secret });
    app.clock.set('2026-11-27T09:00:01+08:00');

    const after = await app.execute(VIEWER, {}, { token: created.secret });

    expect(before.data?.viewer.role).toBe('PARTNER');
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('that was never issued is refused', async () => {
    const result = await app.execute(VIEWER, {}, { token: 'qes_k_' + 'B'.repeat(43) });

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('revokeApiKey', () => {
  it('makes the secret fail at once', async () => {
    const created = await createKey({ name: '将撤销', scopes: ['NAMES_READ'] });

    const revoked = await app.execute(REVOKE, { input: { id: created.apiKey.id } }, { token: adminToken });
    const viewer = await app.execute(VIEWER, {}, { token: created.secret });

    expect(revoked.data?.revokeApiKey).toEqual({
      apiKey: { id: created.apiKey.id, revokedAt: '2026-11-26T09:00:00.000+08:00' },
      userErrors: [],
    });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('leaves other keys working', async () => {
    const revokedKey = await createApiKeyRow(app);
    const otherKey = await createApiKeyRow(app);

    await app.execute(REVOKE, { input: { id: revokedKey.id } }, { token: adminToken });
    const viewer = await app.execute(VIEWER, {}, { token: otherKey.secret });

    expect(viewer.data?.viewer.role).toBe('PARTNER');
  });

  it('refuses a key already revoked, keeping the first revocation time', async () => {
    const key = await createApiKeyRow(app, { revokedAt: new Date('2026-11-01T00:00:00Z') });
    const before = await accountRowCounts(app);

    const result = await app.execute(REVOKE, { input: { id: key.id } }, { token: adminToken });

    expect(result.data?.revokeApiKey).toEqual({
      apiKey: null,
      userErrors: [{ code: 'INVALID_STATE', field: ['input', 'id'] }],
    });
    expect(await accountRowCounts(app)).toEqual(before);
    const [row] = await app.orm.em
      .getConnection()
      .execute<{ revoked_at: Date }[]>('select revoked_at from api_keys where id = ?', [key.apiKey.id]);
    expect(new Date(row!.revoked_at).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('of the same key twice at the same moment revokes it once and reports INVALID_STATE to the other', async () => {
    const key = await createApiKeyRow(app);

    const results = await Promise.all([
      app.execute(REVOKE, { input: { id: key.id } }, { token: adminToken }),
      app.execute(REVOKE, { input: { id: key.id } }, { token: adminToken }),
    ]);

    const outcomes = results.map(
      (r) => r.data?.revokeApiKey.userErrors.map((e: { code: string }) => e.code).join() || 'OK',
    );
    expect(outcomes.sort()).toEqual(['INVALID_STATE', 'OK']);
  });

  it.each([
    ['an unknown key', () => toGlobalId('ApiKey', '00000000-0000-4000-8000-000000000000')],
    ['the ID of another type', () => toGlobalId('User', '00000000-0000-4000-8000-000000000000')],
    ['a malformed ID', () => 'not-an-id'],
  ])('reports %s as NOT_FOUND and writes nothing', async (_what, id) => {
    const before = await accountRowCounts(app);

    const result = await app.execute(REVOKE, { input: { id: id() } }, { token: adminToken });

    expect(result.data?.revokeApiKey).toEqual({
      apiKey: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }],
    });
    expect(await accountRowCounts(app)).toEqual(before);
  });
});

describe('the apiKeys list', () => {
  it('shows keys newest first to an administrator, never their secrets', async () => {
    const older = await createApiKeyRow(app);
    app.clock.advance(60_000);
    const newer = await createApiKeyRow(app);

    const result = await app.execute(
      `{ apiKeys(first: 100) { totalCount edges { node { id prefix } } } }`,
      {},
      { token: adminToken },
    );

    const ids = result.data?.apiKeys.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(result)).not.toContain(older.secret);
  });
});
