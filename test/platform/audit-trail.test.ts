import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { fromGlobalId, localIdOf, toGlobalId } from '../../src/shared/ids.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { createEnterprise, makeOffer, publishDemand } from '../financing/helpers.js';
import { draftEstablishment } from '../registration/helpers.js';

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
          actor {
            role
            user {
              id
            }
            apiKey {
              id
            }
          }
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

/** Writes `count` events about a subject as a service would, alternating a user and an API key as actor. */
async function recordEvents(
  subjectType: string,
  subjectId: string,
  count: number,
  actors: { userId?: string; apiKeyId?: string } = {},
): Promise<void> {
  const em = app.em();
  for (let i = 0; i < count; i += 1) {
    const byKey = actors.apiKeyId !== undefined && (actors.userId === undefined || i % 2 === 1);
    em.create(AuditEvent, {
      actorUserId: byKey ? null : (actors.userId ?? null),
      actorApiKeyId: byKey ? actors.apiKeyId! : null,
      actorRole: byKey ? 'PARTNER' : 'ADMIN',
      action: 'account.signIn',
      subjectType,
      subjectId,
      at: app.clock.now(),
      requestId: `test-events-${i}`,
      details: null,
    });
  }
  await em.flush();
}

describe('auditTrail', () => {
  it('shows the events of a subject oldest first, with actor, states and time', async () => {
    const id = await createAndRevokeKey();

    const result = await app.execute(TRAIL, { id }, { token: admin.token });

    expect(result.data?.auditTrail.totalCount).toBe(2);
    expect(result.data?.auditTrail.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        action: 'API_KEY_CREATE',
        actor: { role: 'ADMIN', user: { id: toGlobalId('User', admin.user.id) }, apiKey: null },
        subjectId: id,
        fromState: null,
        toState: 'ACTIVE',
        at: '2026-11-26T09:00:00.000+08:00',
        requestId: expect.stringMatching(/^test-/),
      },
      {
        action: 'API_KEY_REVOKE',
        actor: { role: 'ADMIN', user: { id: toGlobalId('User', admin.user.id) }, apiKey: null },
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
    // Five more events at the very same instant, written in this order (any five actions will do).
    const sameInstant = [
      'account.signIn',
      'account.signOut',
      'account.changePassword',
      'account.disable',
      'account.enable',
    ] as const;
    for (const action of sameInstant) {
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
      'API_KEY_CREATE',
      'API_KEY_REVOKE',
      'ACCOUNT_SIGN_IN',
      'ACCOUNT_SIGN_OUT',
      'ACCOUNT_CHANGE_PASSWORD',
      'ACCOUNT_DISABLE',
      'ACCOUNT_ENABLE',
    ]);
  });

  it('is open to officials, for the subjects they may see', async () => {
    const applicant = await createUser(app);
    await recordEvents('User', applicant.user.id, 2);
    const official = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });

    const result = await app.execute(TRAIL, { id: toGlobalId('User', applicant.user.id) }, { token: official.token });

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
      'API_KEY_CREATE',
    ]);
    expect(page1.data?.auditTrail.pageInfo.hasNextPage).toBe(true);
    expect(page2.data?.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'API_KEY_REVOKE',
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
      action: 'apiKey.rotate',
      subjectType: 'ApiKey',
      subjectId: key.apiKey.id,
      at: app.clock.now(),
      requestId: 'test-partner',
      details: null,
    });
    await em.flush();

    const result = await app.execute(TRAIL, { id: key.id }, { token: admin.token });

    expect(result.data?.auditTrail.edges[0].node).toMatchObject({
      actor: { role: 'PARTNER', user: null, apiKey: { id: key.id } },
    });
  });

  it('shows no actor for an event the platform recorded itself (a scheduled job)', async () => {
    const key = await createApiKeyRow(app);
    const em = app.em();
    em.create(AuditEvent, {
      actorUserId: null,
      actorApiKeyId: null,
      actorRole: null,
      action: 'nameReservation.expire',
      subjectType: 'ApiKey',
      subjectId: key.apiKey.id,
      at: app.clock.now(),
      requestId: 'test-job',
      details: null,
    });
    await em.flush();

    const result = await app.execute(TRAIL, { id: key.id }, { token: admin.token });

    expect(result.data?.auditTrail.edges.at(-1).node).toMatchObject({ action: 'NAME_RESERVATION_EXPIRE', actor: null });
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

describe('auditTrail follows what node(id:) shows the viewer', () => {
  const NODE = `query($id: ID!) { node(id: $id) { id } }`;

  /** The subjects the issue names: a bank's offer, an applicant's draft, an API key, the admin user. */
  async function subjectsOfOthers(): Promise<Record<string, string>> {
    const applicant = await createUser(app);
    const enterprise = await createEnterprise(app, applicant);
    const demandId = await publishDemand(app, applicant, toGlobalId('Enterprise', enterprise.id));
    const bank = await createUser(app, { role: 'BANK_OFFICER' });
    const offerId = await makeOffer(app, bank, demandId);
    const { id: draftId } = await draftEstablishment(app, applicant);
    const key = await createApiKeyRow(app, { createdBy: admin.user });
    await recordEvents('RegistrationApplication', localIdOf(draftId, 'RegistrationApplication')!, 1, {
      userId: applicant.user.id,
    });
    await recordEvents('ApiKey', key.apiKey.id, 1, { userId: admin.user.id });
    await recordEvents('User', admin.user.id, 1, { userId: admin.user.id });
    return {
      "a bank's offer": offerId,
      "an applicant's draft": draftId,
      'an API key': key.id,
      'the admin user': toGlobalId('User', admin.user.id),
      "an applicant's demand": demandId,
    };
  }

  it('shows a TAX official no events of a subject node(id:) hides from it, and those of one it shows', async () => {
    const subjects = await subjectsOfOthers();
    const tax = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });

    const seen: Record<string, { node: boolean; events: number }> = {};
    for (const [what, id] of Object.entries(subjects)) {
      const node = await app.execute(NODE, { id }, { token: tax.token });
      const trail = await app.execute(TRAIL, { id }, { token: tax.token });
      const [stored] = await app
        .em()
        .execute<{ n: number }[]>('select count(*)::int as n from audit_events where subject_id = ?', [
          fromGlobalId(id)!.id,
        ]);
      expect(stored!.n, what).toBeGreaterThan(0);
      seen[what] = { node: node.data?.node !== null, events: trail.data?.auditTrail.totalCount };
      // Hidden exactly as if there were no events: the same answer as for a malformed ID.
      if (!seen[what]!.node) {
        expect(trail.data?.auditTrail).toEqual({
          totalCount: 0,
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
        });
      }
    }

    expect(seen["a bank's offer"]).toEqual({ node: false, events: 0 });
    expect(seen["an applicant's draft"]).toEqual({ node: false, events: 0 });
    expect(seen['an API key']).toEqual({ node: false, events: 0 });
    // Officials see demands and every user through node(id:) (the owning modules' rules), so their trails too.
    expect(seen["an applicant's demand"]).toEqual({ node: true, events: 1 });
    expect(seen['the admin user']).toEqual({ node: true, events: 1 });
  });

  it('hides the id of an actor the viewer may not see, and shows it to one who may', async () => {
    const applicant = await createUser(app);
    const key = await createApiKeyRow(app, { createdBy: admin.user });
    await recordEvents('User', applicant.user.id, 2, { userId: admin.user.id, apiKeyId: key.apiKey.id });
    const tax = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });
    const id = toGlobalId('User', applicant.user.id);

    const byOfficial = await app.execute(TRAIL, { id }, { token: tax.token });
    const byAdmin = await app.execute(TRAIL, { id }, { token: admin.token });

    const actors = (result: typeof byAdmin) =>
      result.data?.auditTrail.edges.map((e: { node: { actor: any } }) => [
        e.node.actor.user?.id ?? null,
        e.node.actor.apiKey?.id ?? null,
      ]);
    expect(actors(byOfficial)).toEqual([
      [toGlobalId('User', admin.user.id), null],
      [null, null],
    ]);
    expect(actors(byAdmin)).toEqual([
      [toGlobalId('User', admin.user.id), null],
      [null, key.id],
    ]);
  });

  it.each([
    ['by users', 1, false],
    ['by users and API keys', 2, true],
  ])('costs the same number of SQL statements for a trail of events %s, %i or 40 long', async (_who, few, withKeys) => {
    const short = await createUser(app);
    const long = await createUser(app);
    const key = await createApiKeyRow(app, { createdBy: admin.user });
    const actors = { userId: admin.user.id, apiKeyId: withKeys ? key.apiKey.id : undefined };
    await recordEvents('User', short.user.id, few, actors);
    await recordEvents('User', long.user.id, 40, actors);
    const statements = async (user: TestUser) => {
      const sql = await app.countQueries(async () => {
        const result = await app.execute(
          TRAIL,
          { id: toGlobalId('User', user.user.id), first: 100 },
          { token: admin.token },
        );
        expect(result.errors).toBeUndefined();
        expect(
          result.data?.auditTrail.edges.every(
            (e: { node: { actor: any } }) => e.node.actor.user?.id ?? e.node.actor.apiKey?.id,
          ),
        ).toBe(true);
      });
      return sql.length;
    };

    const forShort = await statements(short);
    const forLong = await statements(long);

    expect(forLong).toBe(forShort);
  });
});
