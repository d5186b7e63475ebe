import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createOrganisation, createUser, type TestUser } from '../helpers/factories.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { toGlobalId } from '../../src/shared/ids.js';

let app: TestApp;
let applicant: TestUser;
let otherApplicant: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app);
  otherApplicant = await createUser(app);
});
afterAll(async () => app?.stop());

const NODE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      __typename
      id
    }
  }
`;
const NODES = /* GraphQL */ `
  query ($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`;
const userId = (user: TestUser) => toGlobalId('User', user.user.id);

async function notificationFor(user: TestUser): Promise<string> {
  const em = app.em();
  const notification = em.create(Notification, {
    userId: user.user.id,
    kind: 'OTHER',
    titleKey: 'error.notFound',
    bodyKey: 'error.notFound',
    createdAt: app.clock.now(),
  });
  await em.flush();
  return toGlobalId('Notification', notification.id);
}

describe('node', () => {
  it("returns the viewer's own User", async () => {
    const result = await app.execute(NODE, { id: userId(applicant) }, { token: applicant.token });

    expect(result.data?.node).toEqual({ __typename: 'User', id: userId(applicant) });
  });

  it("returns null for another applicant's User, as if it did not exist", async () => {
    const hidden = await app.execute(NODE, { id: userId(otherApplicant) }, { token: applicant.token });
    const missing = await app.execute(
      NODE,
      { id: toGlobalId('User', '00000000-0000-4000-8000-000000000000') },
      { token: applicant.token },
    );

    expect(hidden.data).toEqual(missing.data);
    expect(hidden.data?.node).toBeNull();
    expect(hidden.errors).toBeUndefined();
  });

  it("lets an official see an applicant's User", async () => {
    const official = await createUser(app, { role: 'OFFICIAL' });

    const result = await app.execute(NODE, { id: userId(applicant) }, { token: official.token });

    expect(result.data?.node).toEqual({ __typename: 'User', id: userId(applicant) });
  });

  it('resolves every registered node type to an object type of the schema', async () => {
    const bank = await createOrganisation(app, 'BANK');
    const key = await createApiKeyRow(app);
    const admin = await createUser(app, { role: 'ADMIN' });
    const ids = {
      User: userId(applicant),
      Organisation: toGlobalId('Organisation', bank.id),
      ApiKey: key.id,
    };

    const result = await app.execute(NODES, { ids: Object.values(ids) }, { token: admin.token });

    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes.map((n: { __typename: string }) => n.__typename)).toEqual(Object.keys(ids));
  });

  it('shows an organisation to anyone, anonymous callers included', async () => {
    const bank = await createOrganisation(app, 'BANK');
    const id = toGlobalId('Organisation', bank.id);

    const result = await app.execute(`query($id: ID!) { node(id: $id) { id ... on Organisation { kind name } } }`, {
      id,
    });

    expect(result.data?.node).toEqual({ id, kind: 'BANK', name: bank.name });
  });

  it('shows a notification only to its recipient', async () => {
    const id = await notificationFor(applicant);

    const own = await app.execute(NODE, { id }, { token: applicant.token });
    const others = await app.execute(NODE, { id }, { token: otherApplicant.token });
    const admin = await app.execute(NODE, { id }, { token: (await createUser(app, { role: 'ADMIN' })).token });

    expect(own.data?.node).toEqual({ __typename: 'Notification', id });
    expect(others.data?.node).toBeNull();
    expect(admin.data?.node).toBeNull();
  });

  it('shows an API key to administrators and to the key itself, to nobody else', async () => {
    const key = await createApiKeyRow(app);
    const otherKey = await createApiKeyRow(app);
    const admin = await createUser(app, { role: 'ADMIN' });

    const byAdmin = await app.execute(NODE, { id: key.id }, { token: admin.token });
    const byItself = await app.execute(NODE, { id: key.id }, { token: key.secret });
    const byOtherKey = await app.execute(NODE, { id: key.id }, { token: otherKey.secret });
    const byApplicant = await app.execute(NODE, { id: key.id }, { token: applicant.token });

    expect(byAdmin.data?.node).toEqual({ __typename: 'ApiKey', id: key.id });
    expect(byItself.data?.node).toEqual({ __typename: 'ApiKey', id: key.id });
    expect(byOtherKey.data?.node).toBeNull();
    expect(byApplicant.data?.node).toBeNull();
  });

  it.each([
    ['random text', 'not-a-global-id'],
    ['an empty string', ''],
    ['a type with a malformed local id', Buffer.from('User:12345').toString('base64url')],
    ['a type that does not exist', toGlobalId('Spaceship', '00000000-0000-4000-8000-000000000000')],
    ['an over-long id', 'A'.repeat(5000)],
  ])('returns null without an error for %s', async (_what, id) => {
    const result = await app.execute(NODE, { id }, { token: applicant.token });

    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
  });
});

describe('nodes', () => {
  it('returns the objects in the order asked, null where missing, hidden or malformed', async () => {
    const ids = [userId(otherApplicant), userId(applicant), 'garbage', userId(applicant)];

    const result = await app.execute(NODES, { ids }, { token: applicant.token });

    expect(result.data?.nodes).toEqual([
      null,
      { __typename: 'User', id: userId(applicant) },
      null,
      { __typename: 'User', id: userId(applicant) },
    ]);
  });

  it('loads 100 objects of one type in one SQL statement', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });
    const ids = Array.from({ length: 100 }, (_, i) => (i % 2 ? userId(applicant) : userId(otherApplicant)));

    const statements = await app.countQueries(() => app.execute(NODES, { ids }, { token: admin.token }));

    // One to authenticate the caller, one for the users.
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/from "users" as "u0" where "u0"\."id" in \(\$1, \$2\)/);
  });

  it('loads the organisations of 50 users in as many statements as those of 1', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });
    const officers = await Promise.all(Array.from({ length: 50 }, () => createUser(app, { role: 'BANK_OFFICER' })));
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { organisation { name } } } }`;

    const forOne = await app.countQueries(() =>
      app.execute(query, { ids: [userId(officers[0]!)] }, { token: admin.token }),
    );
    const forFifty = await app.countQueries(async () => {
      const result = await app.execute(query, { ids: officers.map(userId) }, { token: admin.token });
      expect(result.data?.nodes.filter((n: { organisation: unknown }) => n.organisation)).toHaveLength(50);
    });

    expect(forFifty).toHaveLength(forOne.length);
  });

  it('accepts 100 ids', async () => {
    const ids = Array.from({ length: 100 }, () => userId(applicant));

    const result = await app.execute(NODES, { ids }, { token: applicant.token });

    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toHaveLength(100);
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, () => userId(applicant));

    const result = await app.execute(NODES, { ids }, { token: applicant.token });

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data).toBeNull();
  });
});
