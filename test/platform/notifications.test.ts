import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createOrganisation, createUser } from '../helpers/factories.js';
import { sendNotification } from '../helpers/notifications.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { toGlobalId } from '../../src/shared/ids.js';

const START = '2026-11-26T09:00:00+08:00';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ now: START });
});
afterEach(() => app.clock.set(START));
afterAll(async () => app?.stop());

const INBOX = /* GraphQL */ `
  query Inbox($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(filter: { unreadOnly: $unreadOnly }, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          kind
          title
          body
          createdAt
          readAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const MARK_READ = /* GraphQL */ `
  mutation MarkRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      notifications {
        id
        readAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

const globalId = (localId: string) => toGlobalId('Notification', localId);

async function readAtOf(...localIds: string[]): Promise<(Date | null)[]> {
  const em = app.em();
  const rows = await em.find(Notification, { id: { $in: localIds } });
  return localIds.map((id) => rows.find((row) => row.id === id)!.readAt);
}

describe('the notifications inbox', () => {
  it("lists the viewer's own notifications newest first, and nobody else's", async () => {
    const reader = await createUser(app);
    const other = await createUser(app);
    const first = await sendNotification(app, reader.user.id, { n: 1 });
    app.clock.advance(1000);
    const second = await sendNotification(app, reader.user.id, { n: 2 });
    await sendNotification(app, other.user.id, { n: 3 });

    const result = await app.execute(INBOX, {}, { token: reader.token });

    expect(result.data?.notifications.totalCount).toBe(2);
    expect(result.data?.notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      globalId(second),
      globalId(first),
    ]);
  });

  it("renders title and body in the caller's language", async () => {
    const reader = await createUser(app);
    await sendNotification(app, reader.user.id, { n: 7 });

    const english = await app.execute(INBOX, {}, { token: reader.token, language: 'en-GB,en;q=0.9' });
    const chinese = await app.execute(INBOX, {}, { token: reader.token, language: 'zh-CN' });

    expect(english.data?.notifications.edges[0].node).toMatchObject({
      title: 'Test notification 7',
      body: 'Test notification number 7.',
    });
    expect(chinese.data?.notifications.edges[0].node).toMatchObject({ title: '测试通知 7', body: '第 7 条测试通知。' });
  });

  it('lists only unread ones when asked', async () => {
    const reader = await createUser(app);
    const read = await sendNotification(app, reader.user.id, { n: 1 });
    const unread = await sendNotification(app, reader.user.id, { n: 2 });
    await app.execute(MARK_READ, { input: { ids: [globalId(read)] } }, { token: reader.token });

    const result = await app.execute(INBOX, { unreadOnly: true }, { token: reader.token });

    expect(result.data?.notifications.totalCount).toBe(1);
    expect(result.data?.notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      globalId(unread),
    ]);
  });

  it('pages with first and after', async () => {
    const reader = await createUser(app);
    const ids: string[] = [];
    for (let n = 1; n <= 3; n++) {
      ids.push(await sendNotification(app, reader.user.id, { n }));
      app.clock.advance(1000);
    }

    const page1 = await app.execute(INBOX, { first: 2 }, { token: reader.token });
    const page2 = await app.execute(
      INBOX,
      { first: 2, after: page1.data?.notifications.pageInfo.endCursor },
      { token: reader.token },
    );

    const idsOf = (page: typeof page1) =>
      page.data?.notifications.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(idsOf(page1)).toEqual([globalId(ids[2]!), globalId(ids[1]!)]);
    expect(page1.data?.notifications.pageInfo.hasNextPage).toBe(true);
    expect(idsOf(page2)).toEqual([globalId(ids[0]!)]);
    expect(page2.data?.notifications.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses more than 100 at a time', async () => {
    const reader = await createUser(app);

    const result = await app.execute(INBOX, { first: 101 }, { token: reader.token });

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor it did not issue', async () => {
    const reader = await createUser(app);

    const result = await app.execute(INBOX, { after: 'bm90LWEtY3Vyc29y' }, { token: reader.token });

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows the subject only while the viewer may see it', async () => {
    const reader = await createUser(app);
    const bank = await createOrganisation(app, 'BANK');
    const hiddenUser = await createUser(app);
    await sendNotification(app, reader.user.id, { subjectType: 'Organisation', subjectId: bank.id });
    app.clock.advance(1000);
    await sendNotification(app, reader.user.id, { subjectType: 'User', subjectId: hiddenUser.user.id });

    const result = await app.execute(
      `{ notifications { edges { node { subject { __typename id } } } } }`,
      {},
      { token: reader.token },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { subject: null },
      { subject: { __typename: 'Organisation', id: toGlobalId('Organisation', bank.id) } },
    ]);
  });

  it('loads the subjects of 50 notifications in as many statements as that of 1', async () => {
    const one = await createUser(app);
    const fifty = await createUser(app);
    const banks = await Promise.all(Array.from({ length: 50 }, () => createOrganisation(app, 'BANK')));
    await sendNotification(app, one.user.id, { subjectType: 'Organisation', subjectId: banks[0]!.id });
    for (const bank of banks)
      await sendNotification(app, fifty.user.id, { subjectType: 'Organisation', subjectId: bank.id });
    const query = `{ notifications(first: 50) { edges { node { title subject { id ... on Organisation { name } } } } } }`;

    const forOne = await app.countQueries(() => app.execute(query, {}, { token: one.token }));
    const forFifty = await app.countQueries(async () => {
      const result = await app.execute(query, {}, { token: fifty.token });
      expect(
        result.data?.notifications.edges.filter((e: { node: { subject: unknown } }) => e.node.subject),
      ).toHaveLength(50);
    });

    expect(forFifty).toHaveLength(forOne.length);
  });

  it('is refused to an anonymous caller', async () => {
    const result = await app.execute(INBOX);

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is refused to a partner API key, which has no inbox', async () => {
    const key = await createApiKeyRow(app);

    const result = await app.execute(INBOX, {}, { token: key.secret });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('markNotificationsRead', () => {
  it("marks the viewer's own notifications read at the clock's time", async () => {
    const reader = await createUser(app);
    const id = await sendNotification(app, reader.user.id);

    const result = await app.execute(MARK_READ, { input: { ids: [globalId(id)] } }, { token: reader.token });

    expect(result.data?.markNotificationsRead).toEqual({
      notifications: [{ id: globalId(id), readAt: '2026-11-26T09:00:00.000+08:00' }],
      userErrors: [],
    });
    expect(await readAtOf(id)).toEqual([app.clock.now()]);
  });

  it('keeps the first read time when marked again', async () => {
    const reader = await createUser(app);
    const id = await sendNotification(app, reader.user.id);
    await app.execute(MARK_READ, { input: { ids: [globalId(id)] } }, { token: reader.token });
    const firstRead = app.clock.now();
    app.clock.advance(3600_000);

    await app.execute(MARK_READ, { input: { ids: [globalId(id)] } }, { token: reader.token });

    expect(await readAtOf(id)).toEqual([firstRead]);
  });

  it("reports another user's notification as NOT_FOUND and changes nothing", async () => {
    const reader = await createUser(app);
    const other = await createUser(app);
    const own = await sendNotification(app, reader.user.id);
    const others = await sendNotification(app, other.user.id);

    const result = await app.execute(
      MARK_READ,
      { input: { ids: [globalId(own), globalId(others)] } },
      { token: reader.token, language: 'en' },
    );

    expect(result.data?.markNotificationsRead).toEqual({
      notifications: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'ids', '1'], message: 'Not found.' }],
    });
    expect(await readAtOf(own, others)).toEqual([null, null]);
  });

  it.each([
    ['a malformed ID', 'not-an-id'],
    ['the ID of another type', toGlobalId('User', '00000000-0000-4000-8000-000000000000')],
    ['an unknown notification', toGlobalId('Notification', '00000000-0000-4000-8000-000000000000')],
  ])('reports %s as NOT_FOUND and changes nothing', async (_what, badId) => {
    const reader = await createUser(app);
    const own = await sendNotification(app, reader.user.id);

    const result = await app.execute(MARK_READ, { input: { ids: [badId, globalId(own)] } }, { token: reader.token });

    expect(result.data?.markNotificationsRead.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'ids', '0'], message: expect.any(String) },
    ]);
    expect(await readAtOf(own)).toEqual([null]);
  });

  it('refuses more than 100 ids', async () => {
    const reader = await createUser(app);
    const own = await sendNotification(app, reader.user.id);

    const result = await app.execute(
      MARK_READ,
      { input: { ids: Array.from({ length: 101 }, () => globalId(own)) } },
      { token: reader.token },
    );

    expect(result.data?.markNotificationsRead.userErrors).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input', 'ids'], message: expect.any(String) },
    ]);
    expect(await readAtOf(own)).toEqual([null]);
  });

  it('is refused to an anonymous caller', async () => {
    const result = await app.execute(MARK_READ, { input: { ids: [] } });

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
