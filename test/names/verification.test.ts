import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { fromGlobalId } from '../../src/shared/ids.js';
import { inTransaction } from '../../src/shared/transaction.js';
import type { RequestContext } from '../../src/shared/context.js';
import {
  EnterpriseName,
  NameReservation,
  markReservationUsed,
  onFalseCommitment,
  registerEnterpriseName,
  takeReservationForRegistration,
} from '../../src/modules/names/index.js';
import { CHECK, COMMITMENT_V1, contextFor, namesRowCounts, reserveViaApi } from './helpers.js';

// The verification of special names granted on a commitment: the registry's queue, the finding,
// revocation of a false one (and the hook for an enterprise already using the name), notifications.

const QUEUE = /* GraphQL */ `
  query Queue($first: Int, $after: String, $overdue: Boolean) {
    nameVerificationQueue(first: $first, after: $after, filter: { overdue: $overdue }) {
      totalCount
      edges {
        node {
          id
          name
          status
          reservedAt
          applicant {
            id
            displayName
          }
          verification {
            status
            dueBy
            overdue
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordNameVerificationInput!) {
    recordNameVerification(input: $input) {
      reservation {
        id
        status
        verification {
          status
          dueBy
          overdue
          note
          decidedAt
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

let app: TestApp;
let official: TestUser;
const hookCalls: { enterpriseId: string; inTransaction: boolean }[] = [];

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  onFalseCommitment(async (tx: RequestContext, enterpriseId: string) => {
    hookCalls.push({ enterpriseId, inTransaction: tx.em.isInTransaction() });
  });
});
afterAll(async () => app?.stop());

async function grantSpecial(name: string, applicant?: TestUser) {
  const holder = applicant ?? (await createUser(app));
  const payload = await reserveViaApi(app, holder.token, name, { commitment: COMMITMENT_V1 });
  expect(payload.userErrors).toEqual([]);
  return { holder, id: payload.reservation!.id, localId: fromGlobalId(payload.reservation!.id)!.id };
}

async function record(id: string, outcome: string, note: string | null, token = official.token) {
  const result = await app.execute(RECORD, { input: { id, outcome, note } }, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.recordNameVerification;
}

async function queueIds(variables: Record<string, unknown> = {}) {
  const result = await app.execute(QUEUE, { first: 100, ...variables }, { token: official.token });
  expect(result.errors).toBeUndefined();
  return result.data!.nameVerificationQueue.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
}

describe('the verification queue', () => {
  it('lists granted special names oldest first, with the due day, the applicant and no ordinary names', async () => {
    const first = await grantSpecial('海纳百川科技有限公司');
    app.clock.advance(60_000);
    const second = await grantSpecial('国际海纳物流有限公司');
    const ordinary = await reserveViaApi(app, (await createUser(app)).token, '青岛海纳软件有限公司');

    const result = await app.execute(QUEUE, { first: 100 }, { token: official.token });
    const nodes = result.data!.nameVerificationQueue.edges.map((e: { node: unknown }) => e.node);
    const ids = nodes.map((n: { id: string }) => n.id);

    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).not.toContain(ordinary.reservation!.id);
    expect(nodes.find((n: { id: string }) => n.id === first.id)).toMatchObject({
      status: 'RESERVED',
      applicant: { displayName: 'APPLICANT 测试' },
      verification: { status: 'PENDING', dueBy: '2026-12-24', overdue: false },
    });
  });

  it('marks a pending verification overdue once its due day has passed, and filters on it', async () => {
    const granted = await grantSpecial('海韵文化有限公司');
    const saved = app.clock.now();
    try {
      app.clock.set('2026-12-24T23:00:00+08:00');
      expect(await queueIds({ overdue: true })).not.toContain(granted.id);

      app.clock.set('2026-12-25T00:00:01+08:00');
      const result = await app.execute(QUEUE, { first: 100, overdue: true }, { token: official.token });
      const node = result.data!.nameVerificationQueue.edges.find(
        (e: { node: { id: string } }) => e.node.id === granted.id,
      )?.node;
      expect(node.verification).toMatchObject({ overdue: true });
      expect(await queueIds({ overdue: false })).not.toContain(granted.id);
    } finally {
      app.clock.set(saved);
    }
  });

  it('drops a special name whose reservation lapsed unused', async () => {
    const granted = await grantSpecial('海通（青岛）咨询有限公司');
    const saved = app.clock.now();
    try {
      app.clock.set('2027-02-01T00:00:00+08:00');
      expect(await queueIds()).not.toContain(granted.id);
      const result = await record(granted.id, 'COMPLIANT', null);
      expect(result.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'id'] })]);
    } finally {
      app.clock.set(saved);
    }
  });

  it('counts the window in working days from the configured figure; grants made earlier keep their due day', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });
    const before = await grantSpecial('海星辰智能科技有限公司');
    const changed = await app.execute(
      `mutation { updateNameSettings(input: { verificationWindowWorkingDays: 5 }) { settings { verificationWindowWorkingDays } userErrors { code } } }`,
      {},
      { token: admin.token },
    );
    expect(changed.data?.updateNameSettings).toEqual({
      settings: { verificationWindowWorkingDays: 5 },
      userErrors: [],
    });
    try {
      const after = await reserveViaApi(app, (await createUser(app)).token, '海月辰智能科技有限公司', {
        commitment: COMMITMENT_V1,
      });
      // Thursday 26 November + 5 working days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
      expect(after.reservation?.verification?.dueBy).toBe('2026-12-03');
      const stored = await app.em().findOneOrFail(NameReservation, { id: before.localId });
      expect(stored.verificationDueBy).toBe('2026-12-24');
    } finally {
      await app.execute(
        `mutation { updateNameSettings(input: { verificationWindowWorkingDays: 20 }) { userErrors { code } } }`,
        {},
        { token: admin.token },
      );
    }
  });
});

describe('recording the verification', () => {
  it('records COMPLIANT: the name stays granted, leaves the queue, and the applicant is told', async () => {
    const granted = await grantSpecial('海之韵智能科技有限公司');

    const result = await record(granted.id, 'COMPLIANT', '经核查，承诺属实。');

    expect(result.userErrors).toEqual([]);
    expect(result.reservation).toMatchObject({
      status: 'RESERVED',
      verification: {
        status: 'COMPLIANT',
        note: '经核查，承诺属实。',
        decidedAt: expect.stringMatching(/^2026-11-26T09:0\d:00.000\+08:00$/),
        overdue: false,
      },
    });
    expect(await queueIds()).not.toContain(granted.id);
    expect(await app.em().find(Notification, { userId: granted.holder.user.id, kind: 'NAME_VERIFIED' })).toHaveLength(
      1,
    );
    expect(await app.em().find(AuditEvent, { subjectId: granted.localId, action: 'nameReservation.verify' })).toEqual([
      expect.objectContaining({ fromState: 'PENDING', toState: 'COMPLIANT', actorUserId: official.user.id }),
    ]);
  });

  it('records FALSE_COMMITMENT: revokes the reservation, frees the name, tells the applicant with the finding', async () => {
    const granted = await grantSpecial('海之星智能科技有限公司');

    const result = await record(granted.id, 'FALSE_COMMITMENT', '注册资本不符合使用无行政区划名称的条件。');

    expect(result.reservation).toMatchObject({ status: 'REVOKED', verification: { status: 'FALSE_COMMITMENT' } });
    const check = await app.execute(CHECK, { input: { name: '海之星智能科技有限公司', district: 'SHINAN' } });
    expect(check.data?.checkEnterpriseName.conflicts).toEqual([]);
    const [notification] = await app.em().find(Notification, { userId: granted.holder.user.id, kind: 'NAME_REVOKED' });
    expect(notification?.bodyKey).toBe('names.notify.revoked.body');
    const inbox = await app.execute(
      `{ notifications(first: 5) { edges { node { kind title body } } } }`,
      {},
      { token: granted.holder.token },
    );
    const revoked = inbox.data?.notifications.edges
      .map((e: { node: unknown }) => e.node)
      .find((n: { kind: string }) => n.kind === 'NAME_REVOKED');
    expect(revoked).toMatchObject({
      kind: 'NAME_REVOKED',
      title: '名称已撤销：海之星智能科技有限公司',
      body: expect.stringContaining('注册资本不符合使用无行政区划名称的条件。'),
    });
    const actions = (await app.em().find(AuditEvent, { subjectId: granted.localId }, { orderBy: { at: 'asc' } })).map(
      (a) => [a.action, a.toState],
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        ['nameReservation.verify', 'FALSE_COMMITMENT'],
        ['nameReservation.revoke', 'REVOKED'],
      ]),
    );
  });

  it('calls the false-commitment hook, in the same transaction, when an enterprise already uses the name', async () => {
    const granted = await grantSpecial('海之梦智能科技有限公司');
    const enterpriseId = crypto.randomUUID();
    await inTransaction(await contextFor(app, granted.holder.token), async (tx) => {
      const reservation = await takeReservationForRegistration(tx, granted.id, granted.holder.user.id, ['id']);
      markReservationUsed(tx, reservation, enterpriseId);
      await registerEnterpriseName(tx, {
        enterpriseId,
        name: reservation.name,
        district: 'SHINAN',
        industry: 'I65',
        kind: 'LIMITED_LIABILITY_COMPANY',
      });
      await tx.em.flush();
    });
    expect(await queueIds()).toContain(granted.id);

    const result = await record(granted.id, 'FALSE_COMMITMENT', '不具备跨省经营条件。');

    expect(result.reservation.status).toBe('REVOKED');
    expect(hookCalls).toContainEqual({ enterpriseId, inTransaction: true });
    const [notification] = await app.em().find(Notification, { userId: granted.holder.user.id, kind: 'NAME_REVOKED' });
    expect(notification?.bodyKey).toBe('names.notify.revokedInUse.body');
    // The enterprise keeps its name in the index until the registration module changes it.
    expect(await app.em().count(EnterpriseName, { enterpriseId, status: 'ACTIVE' })).toBe(1);
  });

  it('requires the finding for FALSE_COMMITMENT, and writes nothing without it', async () => {
    const granted = await grantSpecial('海之歌智能科技有限公司');
    const before = await namesRowCounts(app);

    const result = await record(granted.id, 'FALSE_COMMITMENT', '   ');

    expect(result).toMatchObject({
      reservation: null,
      userErrors: [expect.objectContaining({ code: 'REQUIRED', field: ['input', 'note'] })],
    });
    expect(await namesRowCounts(app)).toEqual(before);
    expect((await app.em().findOneOrFail(NameReservation, { id: granted.localId })).verificationStatus).toBe('PENDING');
  });

  it('refuses a second finding on the same commitment as INVALID_STATE', async () => {
    const granted = await grantSpecial('海之光智能科技有限公司');
    await record(granted.id, 'COMPLIANT', null);
    const before = await namesRowCounts(app);

    const again = await record(granted.id, 'FALSE_COMMITMENT', '复核');

    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'id'] })]);
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('reports an ordinary reservation, an unknown id and a malformed id as NOT_FOUND', async () => {
    const ordinary = await reserveViaApi(app, (await createUser(app)).token, '青岛海之岸软件有限公司');
    const unknown = Buffer.from(`NameReservation:${crypto.randomUUID()}`).toString('base64url');
    for (const id of [ordinary.reservation!.id, unknown, 'not-an-id']) {
      const result = await record(id, 'COMPLIANT', null);
      expect(result.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    }
  });
});

describe('commitments keep their terms version', () => {
  it('shows a commitment given on version 1 with version 1’s text after version 2 is published, and asks new applicants for version 2', async () => {
    const granted = await grantSpecial('海之翼智能科技有限公司');
    const admin = await createUser(app, { role: 'ADMIN' });
    const published = await app.execute(
      `mutation { publishCommitmentTerms(input: { textZh: "第二版承诺书", textEn: "Commitment terms, version 2" }) { commitmentTerms { version text } userErrors { code } } }`,
      {},
      { token: admin.token },
    );
    expect(published.data?.publishCommitmentTerms).toEqual({
      commitmentTerms: { version: 2, text: '第二版承诺书' },
      userErrors: [],
    });

    const node = await app.execute(
      `query ($id: ID!) { node(id: $id) { ... on NameReservation { commitment { termsVersion terms { version textEn } } } } }`,
      { id: granted.id },
      { token: granted.holder.token },
    );
    expect(node.data?.node.commitment).toMatchObject({
      termsVersion: 1,
      terms: { version: 1, textEn: expect.stringContaining('I, the applicant') },
    });

    const stale = await reserveViaApi(app, (await createUser(app)).token, '海之帆智能科技有限公司', {
      commitment: COMMITMENT_V1,
    });
    expect(stale.userErrors).toEqual([
      expect.objectContaining({ code: 'COMMITMENT_REQUIRED', field: ['input', 'commitment', 'termsVersion'] }),
    ]);
    const fresh = await reserveViaApi(app, (await createUser(app)).token, '海之帆智能科技有限公司', {
      commitment: { ...COMMITMENT_V1, termsVersion: 2 },
    });
    expect(fresh.reservation?.commitment?.termsVersion).toBe(2);
  });
});
