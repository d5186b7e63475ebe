import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { localIdOf, toGlobalId } from '../../src/shared/ids.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
});
afterAll(async () => app?.stop());

const TRAIL = /* GraphQL */ `
  query Trail($id: ID!, $first: Int, $after: String) {
    auditTrail(subjectId: $id, first: $first, after: $after) {
      totalCount
      edges {
        node {
          action
          actorId
          actorApiKeyId
          actorRole
          subjectId
          fromState
          toState
          at
          requestId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

async function createAndRevokeKey(): Promise<string> {
  const created = await app.execute(
    `mutation { createApiKey(input: { name: "审计测试", scopes: [NAMES_READ] }) { apiKey { id } } }`,
    {},
    { token: admin.token },
  );
  const id = created.data?.createApiKey.apiKey.id as string;
  app.clock.advance(60_000);
  await app.execute(
    `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }`,
    { id },
    { token: admin.token },
  );
  app.clock.advance(-60_000);
  return id;
}

describe('auditTrail', () => {
  it('shows the events of a subject oldest first, with actor, states and time', async () => {
    const id = await createAndRevokeKey();

    const result = await app.execute(TRAIL, { id }, { token: admin.token });

    expect(result.data?.auditTrail.totalCount).toBe(2);
    expect(result.data?.auditTrail.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        action: 'apiKey.create',
        actorId: toGlobalId('User', admin.user.id),
        actorApiKeyId: null,
        actorRole: 'ADMIN',
        subjectId: id,
        fromState: null,
        toState: 'ACTIVE',
        at: '2026-11-26T09:00:00.000+08:00',
        requestId: expect.stringMatching(/^test-/),
      },
      {
        action: 'apiKey.revoke',
        actorId: toGlobalId('User', admin.user.id),
        actorApiKeyId: null,
        actorRole: 'ADMIN',
        subjectId: id,
        fromState: 'ACTIVE',
        toState: 'REVOKED',
        at: '2026-11-26T09:01:00.000+08:00',
        requestId: expect.stringMatching(/^test-/),
      },
    ]);
  });

  it('keeps the order of recording for events at the same instant', async () => {
    const created = await app.execute(
      `mutation { createApiKey(input: { name: "同一时刻", scopes: [NAMES_READ] }) { apiKey { id } } }`,
      {},
      { token: admin.token },
    );
    const id = created.data?.createApiKey.apiKey.id as string;
    for (let i = 0; i < 5; i += 1) {
      await app.execute(
        `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }`,
        { id },
        { token: admin.token },
      );
    }
    const em = app.em();
    // Five more events at the very same instant, written in this order.
    for (const action of ['test.first', 'test.second', 'test.third', 'test.fourth', 'test.fifth']) {
      em.create(AuditEvent, {
        action,
        subjectType: 'ApiKey',
        subjectId: localIdOf(id, 'ApiKey')!,
        at: app.clock.now(),
        requestId: 'same-instant',
        details: null,
      });
      await em.flush();
    }

    const trail = await app.execute(TRAIL, { id }, { token: admin.token });

    const actions = trail.data?.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions).toEqual([
      'apiKey.create',
      'apiKey.revoke',
      'test.first',
      'test.second',
      'test.third',
      'test.fourth',
      'test.fifth',
    ]);
  });

  it('is open to officials', async () => {
    const id = await createAndRevokeKey();
    const official = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });

    const result = await app.execute(TRAIL, { id }, { token: official.token });

    expect(result.errors).toBeUndefined();
    expect(result.data?.auditTrail.totalCount).toBe(2);
  });

  it.each([
    ['an anonymous caller', async () => null, 'UNAUTHENTICATED'],
    ['an applicant', async () => (await createUser(app)).token, 'FORBIDDEN'],
    ['a bank officer', async () => (await createUser(app, { role: 'BANK_OFFICER' })).token, 'FORBIDDEN'],
    ['a host agent', async () => (await createUser(app, { role: 'HOST_AGENT' })).token, 'FORBIDDEN'],
    ['a partner API key', async () => (await createApiKeyRow(app)).secret, 'FORBIDDEN'],
  ])('is refused to %s', async (_who, token, code) => {
    const id = await createAndRevokeKey();

    const result = await app.execute(TRAIL, { id }, { token: await token() });

    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
  });

  it('pages with first and after', async () => {
    const id = await createAndRevokeKey();

    const page1 = await app.execute(TRAIL, { id, first: 1 }, { token: admin.token });
    const page2 = await app.execute(
      TRAIL,
      { id, first: 1, after: page1.data?.auditTrail.pageInfo.endCursor },
      { token: admin.token },
    );

    expect(page1.data?.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'apiKey.create',
    ]);
    expect(page1.data?.auditTrail.pageInfo.hasNextPage).toBe(true);
    expect(page2.data?.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'apiKey.revoke',
    ]);
  });

  it('is empty for a malformed subject ID', async () => {
    const result = await app.execute(TRAIL, { id: 'not-an-id' }, { token: admin.token });

    expect(result.data?.auditTrail).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('shows only the events of the subject asked for', async () => {
    const first = await createAndRevokeKey();
    await createAndRevokeKey();

    const result = await app.execute(TRAIL, { id: first }, { token: admin.token });

    expect(
      result.data?.auditTrail.edges.every((e: { node: { subjectId: string } }) => e.node.subjectId === first),
    ).toBe(true);
  });

  it('records an action by a partner API key with the key as actor', async () => {
    const key = await createApiKeyRow(app);
    const em = app.em();
    // No foundation mutation is open to partners yet; the event is written as a service would write it.
    em.create(AuditEvent, {
      actorUserId: null,
      actorApiKeyId: key.apiKey.id,
      actorRole: 'PARTNER',
      action: 'test.partnerRead',
      subjectType: 'ApiKey',
      subjectId: key.apiKey.id,
      at: app.clock.now(),
      requestId: 'test-partner',
      details: null,
    });
    await em.flush();

    const result = await app.execute(TRAIL, { id: key.id }, { token: admin.token });

    expect(result.data?.auditTrail.edges[0].node).toMatchObject({
      actorId: null,
      actorApiKeyId: key.id,
      actorRole: 'PARTNER',
    });
  });
});

describe('the audit_events table', () => {
  it('refuses to change a recorded event', async () => {
    const id = await createAndRevokeKey();
    const connection = app.orm.em.getConnection();

    const update = connection.execute(`update audit_events set action = 'forged' where subject_id = ?`, [
      localIdOf(id, 'ApiKey'),
    ]);

    await expect(update).rejects.toThrow(/append-only/);
  });

  it('refuses to delete a recorded event', async () => {
    const id = await createAndRevokeKey();
    const connection = app.orm.em.getConnection();

    const deletion = connection.execute(`delete from audit_events where subject_id = ?`, [localIdOf(id, 'ApiKey')]);

    await expect(deletion).rejects.toThrow(/append-only/);
  });
});
