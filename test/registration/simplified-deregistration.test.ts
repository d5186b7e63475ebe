import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { District } from '../../src/shared/graphql/reference.types.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { defineMessages } from '../../src/shared/messages.js';
import { Enterprise } from '../../src/modules/registration/index.js';
import { expectFeedEvent } from '../helpers/event-feed.js';
import {
  addSimplifiedDeregistrationObstacle,
  removeSimplifiedDeregistrationObstacle,
  type SimplifiedDeregistrationObstacleCheck,
} from '../../src/modules/registration/simplified-deregistration.service.js';
import {
  CLEAR,
  CONFIRM,
  DEREG_COMMITMENT,
  SAVE,
  SUBMIT,
  WITHDRAW,
  fingerprint,
  gid,
  payloadOf,
  run,
} from './helpers.js';

// Simplified deregistration (简易注销): 市场主体登记管理条例 第三十三条 and its 实施细则 第四十七条至第四十九条.
// A 20-day public notice on the platform ("公示期为20日"), objections by anyone during it (an objection
// ends the simplified route), the application "于公示期届满之日起20日内", the bars of 实施细则 第四十八条
// (abnormal-operations list, frozen or pledged equity, unpaid fine), and no notice and no liquidation
// for an individual business. Days are calendar days; the first day is not counted and a last day on a
// holiday moves to the next working day (民法典 第二百零一条、第二百零三条).

const NOTICE_FIELDS = /* GraphQL */ `
  id startsOn endsOn applyBy status objectionPeriodOpen district objectedAt
  commitment { termsVersion text signatoryName }
  enterprise { id name }
`;
const START = /* GraphQL */ `
  mutation ($input: StartSimplifiedDeregistrationNoticeInput!) {
    startSimplifiedDeregistrationNotice(input: $input) { notice { ${NOTICE_FIELDS} } userErrors { code field message } }
  }
`;
const OBJECT = /* GraphQL */ `
  mutation ($input: ObjectToSimplifiedDeregistrationInput!) {
    objectToSimplifiedDeregistration(input: $input) { notice { ${NOTICE_FIELDS} } userErrors { code field message } }
  }
`;
const NOTICES = /* GraphQL */ `
  query ($filter: SimplifiedDeregistrationNoticeFilter, $first: Int) {
    simplifiedDeregistrationNotices(filter: $filter, first: $first) {
      totalCount
      edges { node { ${NOTICE_FIELDS} objections(first: 10) { totalCount edges { node { objectorName contact reason anonymous } } } } }
    }
  }
`;
const RECORD = /* GraphQL */ `
  mutation ($input: RecordEnterpriseRestrictionInput!) {
    recordEnterpriseRestriction(input: $input) {
      restriction {
        id
        kind
        reason
        since
        inForce
        liftedOn
        enterprise {
          id
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
const LIFT = /* GraphQL */ `
  mutation ($input: LiftEnterpriseRestrictionInput!) {
    liftEnterpriseRestriction(input: $input) {
      restriction {
        id
        inForce
        liftedOn
        liftReason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const NOTICE_COMMITMENT = { termsVersion: 'SIMPLE-DEREG-2026.1', accepted: true, signatoryName: '王海川' };

defineMessages({
  'test.simplified.abnormalOperations': {
    zh: '企业被列入经营异常名录（{since}），不适用简易注销。',
    en: 'The enterprise is on the abnormal-operations list (since {since}): simplified deregistration is not available.',
  },
});

let app: TestApp;
let applicant: TestUser;
let stranger: TestUser;
let registrar: TestUser;
const clearers: TestUser[] = [];
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-08-24T10:00:00+08:00' });
  applicant = await createUser(app);
  stranger = await createUser(app);
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  for (const department of ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const) {
    clearers.push(await createUser(app, { role: 'OFFICIAL', department }));
  }
});
afterAll(async () => app?.stop());

async function enterprise(kind: Enterprise['kind'] = 'LIMITED_LIABILITY_COMPANY'): Promise<string> {
  const row = await createEnterprise(app, applicant);
  if (kind !== row.kind) {
    await app.em().nativeUpdate(Enterprise, { id: row.id }, { kind });
  }
  return gid('Enterprise', row.id);
}

async function startNotice(enterpriseId: string, user: TestUser = applicant) {
  const data = await run(app, START, { input: { enterpriseId, commitment: NOTICE_COMMITMENT } }, user);
  return data.startSimplifiedDeregistrationNotice as { notice: any; userErrors: any[] };
}

async function draftDeregistration(enterpriseId: string, deregistration: Record<string, unknown>) {
  const draft = payloadOf(
    await run(app, SAVE, { input: { kind: 'DEREGISTRATION', enterpriseId, deregistration } }, applicant),
  );
  expect(draft.userErrors).toEqual([]);
  return draft.application.id as string;
}

async function submitSimplified(enterpriseId: string) {
  const id = await draftDeregistration(enterpriseId, { reason: '决定解散', simplified: true });
  const data = await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant);
  return { id, payload: payloadOf(data) };
}

async function objectTo(noticeId: string, input: Record<string, unknown> = {}, user: TestUser | null = null) {
  const data = await run(
    app,
    OBJECT,
    {
      input: {
        noticeId,
        objectorName: '青岛港湾建材有限公司',
        contact: '0532-86666666',
        reason: '该企业尚欠货款 12 万元未付。',
        ...input,
      },
    },
    user,
  );
  return data.objectToSimplifiedDeregistration as { notice: any; userErrors: any[] };
}

const codes = (errors: { code: string; field: string[] | null }[]) =>
  errors.map(({ code, field }) => ({ code, field }));

describe('the 20-day public notice (条例 Art. 33; 实施细则 Art. 49)', () => {
  it('条例 Art. 33: the notice runs 20 calendar days after the day it is published, is public and filterable, and the application is due 20 days after it ends, moved off the National Day holiday', async () => {
    app.clock.set('2026-08-24T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice, userErrors } = await startNotice(enterpriseId);
    expect(userErrors).toEqual([]);
    expect(notice).toMatchObject({
      startsOn: '2026-08-24',
      endsOn: '2026-09-13',
      // 20 days after 13 September is 3 October, inside the 1–7 October holiday: the next working day.
      applyBy: '2026-10-08',
      status: 'IN_NOTICE',
      objectionPeriodOpen: true,
      district: 'HUANGDAO',
      commitment: { termsVersion: 'SIMPLE-DEREG-2026.1', signatoryName: '王海川' },
    });
    expect(notice.commitment.text).toContain('债权债务');

    const listed = await run(app, NOTICES, { filter: { status: 'IN_NOTICE', district: 'HUANGDAO' }, first: 100 });
    expect(listed.simplifiedDeregistrationNotices.edges.map((e: any) => e.node.id)).toContain(notice.id);
    const elsewhere = await run(app, NOTICES, { filter: { district: 'SHINAN' }, first: 100 });
    expect(elsewhere.simplifiedDeregistrationNotices.edges.map((e: any) => e.node.id)).not.toContain(notice.id);
    const ended = await run(app, NOTICES, { filter: { status: 'ENDED' }, first: 100 });
    expect(ended.simplifiedDeregistrationNotices.edges.map((e: any) => e.node.id)).not.toContain(notice.id);
    const audit = await app.em().find(AuditEvent, { action: 'simplifiedDeregistration.startNotice' });
    expect(audit.length).toBeGreaterThan(0);
  });

  it('an enterprise’s applicant finds its own notice by the enterprise filter, and an ID naming no enterprise finds none', async () => {
    app.clock.set('2026-08-24T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const other = await enterprise();
    const { notice } = await startNotice(enterpriseId);
    await startNotice(other);
    const mine = await run(app, NOTICES, { filter: { enterpriseId }, first: 100 }, applicant);
    expect(mine.simplifiedDeregistrationNotices.edges.map((e: any) => e.node.id)).toEqual([notice.id]);
    for (const wrong of [gid('User', applicant.user.id), 'not-an-id']) {
      const none = await run(app, NOTICES, { filter: { enterpriseId: wrong }, first: 100 });
      expect(none.simplifiedDeregistrationNotices).toMatchObject({ totalCount: 0, edges: [] });
    }
  });

  it('the notice’s promise can be read before it is given, on the version the notice takes', async () => {
    const data = await run(
      app,
      `{ registrationCommitmentTerms(kind: DEREGISTRATION, simplifiedNotice: true) { version textZh textEn } }`,
      {},
    );
    expect(data.registrationCommitmentTerms.version).toBe(NOTICE_COMMITMENT.termsVersion);
    expect(data.registrationCommitmentTerms.textZh).toContain('债权债务');
    expect(data.registrationCommitmentTerms.textEn).toContain('no debts');
    const ordinary = await run(app, `{ registrationCommitmentTerms(kind: DEREGISTRATION) { version } }`, {});
    expect(ordinary.registrationCommitmentTerms.version).toBe(DEREG_COMMITMENT.termsVersion);
  });

  it('条例 Art. 33: the application is refused on the last day of the notice, accepted the day after, and the four department clearances then run to deregistration', async () => {
    app.clock.set('2026-08-24T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice } = await startNotice(enterpriseId);

    app.clock.set('2026-09-13T18:00:00+08:00');
    const id = await draftDeregistration(enterpriseId, { reason: '决定解散', simplified: true });
    const before = await fingerprint(app);
    const early = payloadOf(await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant));
    expect(codes(early.userErrors)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'deregistration', 'simplified'] },
    ]);
    expect(early.userErrors[0].message).toContain('2026-09-14');
    expect(await fingerprint(app)).toBe(before);

    app.clock.set('2026-09-14T09:00:00+08:00');
    const submitted = payloadOf(await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant));
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.application.clearances.map((c: any) => c.status)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
      'PENDING',
    ]);
    for (const clearer of clearers) {
      const cleared = payloadOf(await run(app, CLEAR, { input: { id, outcome: 'CLEARED' } }, clearer));
      expect(cleared.userErrors).toEqual([]);
    }
    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id } }, registrar));
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.application.enterprise.status).toBe('DEREGISTERED');
    const after = await run(app, NOTICES, { filter: { status: 'COMPLETED' }, first: 100 });
    expect(after.simplifiedDeregistrationNotices.edges.map((e: any) => e.node.id)).toContain(notice.id);
    // The public notice's events are in the partners' feed for every reader, once each.
    for (const type of ['SIMPLIFIED_DEREGISTRATION_NOTICE_PUBLISHED', 'SIMPLIFIED_DEREGISTRATION_NOTICE_COMPLETED']) {
      await expectFeedEvent(app, type, notice.id, { seenBy: [stranger.token, registrar.token], hiddenFrom: [] });
    }
  });

  it('实施细则 Art. 49: an application more than 20 days after the notice ended is refused (the deadline falling on a Saturday moves to Monday)', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice } = await startNotice(enterpriseId);
    expect(notice).toMatchObject({ endsOn: '2026-11-22', applyBy: '2026-12-14' });

    app.clock.set('2026-12-15T09:00:00+08:00');
    const late = await submitSimplified(enterpriseId);
    expect(codes(late.payload.userErrors)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'deregistration', 'simplified'] },
    ]);
    expect(late.payload.userErrors[0].message).toContain('2026-12-14');
    const lapsed = await run(app, NOTICES, { filter: { status: 'LAPSED' }, first: 100 });
    expect(lapsed.simplifiedDeregistrationNotices.edges.map((e: any) => e.node.id)).toContain(notice.id);

    app.clock.set('2026-12-14T17:00:00+08:00');
    const inTime = payloadOf(
      await run(app, SUBMIT, { input: { id: late.id, commitment: DEREG_COMMITMENT } }, applicant),
    );
    expect(inTime.userErrors).toEqual([]);
    expect(payloadOf(await run(app, WITHDRAW, { input: { id: late.id } }, applicant)).userErrors).toEqual([]);
  });

  it('条例 Art. 33: only the enterprise’s own applicant starts the notice, once at a time, with the promise accepted', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const before = await fingerprint(app);
    expect(codes((await startNotice(enterpriseId, stranger)).userErrors)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'enterpriseId'] },
    ]);
    const refused = await run(
      app,
      START,
      { input: { enterpriseId, commitment: { termsVersion: 'OLD', accepted: false, signatoryName: ' ' } } },
      applicant,
    );
    expect(codes(refused.startSimplifiedDeregistrationNotice.userErrors)).toEqual([
      { code: 'COMMITMENT_REQUIRED', field: ['input', 'commitment', 'termsVersion'] },
      { code: 'COMMITMENT_REQUIRED', field: ['input', 'commitment', 'accepted'] },
      { code: 'REQUIRED', field: ['input', 'commitment', 'signatoryName'] },
    ]);
    expect(await fingerprint(app)).toBe(before);
    expect((await startNotice(enterpriseId)).userErrors).toEqual([]);
    expect(codes((await startNotice(enterpriseId)).userErrors)).toEqual([
      { code: 'CONFLICT', field: ['input', 'enterpriseId'] },
    ]);
  });
});

describe('objections (条例 Art. 33)', () => {
  it('条例 Art. 33: an anonymous objection during the notice ends the simplified route, notifies the enterprise, and is seen by the enterprise and officials only; ordinary deregistration stays open', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice } = await startNotice(enterpriseId);

    app.clock.set('2026-11-22T20:00:00+08:00');
    const objected = await objectTo(notice.id);
    expect(objected.userErrors).toEqual([]);
    expect(objected.notice).toMatchObject({ status: 'OBJECTED', objectionPeriodOpen: true });

    const notification = await app.em().findOne(Notification, {
      userId: applicant.user.id,
      kind: 'SIMPLIFIED_DEREGISTRATION_OBJECTED',
    });
    expect(notification).not.toBeNull();

    const seen = async (user: TestUser | null) => {
      const data = await run(app, NOTICES, { filter: { status: 'OBJECTED' }, first: 100 }, user);
      return data.simplifiedDeregistrationNotices.edges.find((e: any) => e.node.id === notice.id).node.objections;
    };
    expect(await seen(applicant)).toMatchObject({
      totalCount: 1,
      edges: [{ node: { objectorName: '青岛港湾建材有限公司', contact: '0532-86666666', anonymous: true } }],
    });
    expect((await seen(registrar)).totalCount).toBe(1);
    expect((await seen(clearers[0]!)).totalCount).toBe(1);
    expect(await seen(null)).toBeNull();
    expect(await seen(stranger)).toBeNull();
    // A second objection does not change the notice's state: its feed event stays one.
    expect((await objectTo(notice.id, { objectorName: '另一债权人' })).userErrors).toEqual([]);
    await expectFeedEvent(app, 'SIMPLIFIED_DEREGISTRATION_NOTICE_OBJECTED', notice.id, {
      seenBy: [stranger.token, applicant.token],
      hiddenFrom: [],
    });

    app.clock.set('2026-11-23T09:00:00+08:00');
    const simplified = await submitSimplified(enterpriseId);
    expect(codes(simplified.payload.userErrors)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'deregistration', 'simplified'] },
    ]);
    expect(simplified.payload.userErrors[0].message).toContain('一般程序');
    const ordinary = await draftDeregistration(enterpriseId, {
      reason: '决定解散',
      simplified: false,
      liquidationCompletedOn: '2026-11-20',
    });
    const submitted = payloadOf(
      await run(app, SUBMIT, { input: { id: ordinary, commitment: DEREG_COMMITMENT } }, applicant),
    );
    expect(submitted.userErrors).toEqual([]);
  });

  it('条例 Art. 33: no objection after the notice ended; missing, overlong or spoofing text is refused; nothing is written', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice } = await startNotice(enterpriseId);
    const before = await fingerprint(app);
    const blank = await objectTo(notice.id, { objectorName: ' ', contact: '', reason: ' ' }, stranger);
    expect(codes(blank.userErrors)).toEqual([
      { code: 'REQUIRED', field: ['input', 'objectorName'] },
      { code: 'REQUIRED', field: ['input', 'contact'] },
      { code: 'REQUIRED', field: ['input', 'reason'] },
    ]);
    const long = await objectTo(notice.id, { reason: '欠'.repeat(2001) }, stranger);
    expect(long.userErrors.map((e: any) => e.field)).toEqual([['input', 'reason']]);
    const spoofing = await objectTo(notice.id, { objectorName: '青岛\u202e港湾' }, stranger);
    expect(spoofing.userErrors.map((e: any) => e.field)).toEqual([['input', 'objectorName']]);
    const unknown = await objectTo(
      gid('SimplifiedDeregistrationNotice', '00000000-0000-4000-8000-000000000000'),
      {},
      stranger,
    );
    expect(codes(unknown.userErrors)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'noticeId'] }]);

    app.clock.set('2026-11-23T00:00:01+08:00');
    const late = await objectTo(notice.id, {}, stranger);
    expect(codes(late.userErrors)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'noticeId'] }]);
    expect(await fingerprint(app)).toBe(before);
  });

  it('public writes are rate-limited: one caller may raise at most 10 objections an hour', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice } = await startNotice(enterpriseId);
    const objector = await createUser(app);
    for (let i = 0; i < 10; i++) expect((await objectTo(notice.id, {}, objector)).userErrors).toEqual([]);
    const result = await app.execute(
      OBJECT,
      { input: { noticeId: notice.id, objectorName: '甲', contact: '0532-1', reason: '欠款' } },
      { token: objector.token },
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  });
});

describe('what bars the simplified route (实施细则 Art. 48)', () => {
  it('实施细则 Art. 48: frozen equity recorded by market regulation bars the notice and names the reason; lifting it (audited) opens the route', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const recorded = await run(
      app,
      RECORD,
      {
        input: {
          enterpriseId,
          kind: 'EQUITY_FROZEN',
          reason: '（2026）鲁0211执1234号协助执行通知书',
          since: '2026-10-15',
        },
      },
      registrar,
    );
    const restriction = recorded.recordEnterpriseRestriction.restriction;
    expect(recorded.recordEnterpriseRestriction.userErrors).toEqual([]);
    expect(restriction).toMatchObject({ kind: 'EQUITY_FROZEN', since: '2026-10-15', inForce: true });

    const barred = await startNotice(enterpriseId);
    expect(codes(barred.userErrors)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'enterpriseId'] }]);
    expect(barred.userErrors[0].message).toContain('股权被冻结');
    expect(barred.userErrors[0].message).toContain('鲁0211执1234号');

    const lifted = await run(
      app,
      LIFT,
      { input: { id: restriction.id, reason: '解除冻结', liftedOn: '2026-11-01' } },
      registrar,
    );
    expect(lifted.liftEnterpriseRestriction).toMatchObject({
      restriction: { inForce: false, liftedOn: '2026-11-01', liftReason: '解除冻结' },
      userErrors: [],
    });
    expect((await startNotice(enterpriseId)).userErrors).toEqual([]);
    const audit = await app
      .em()
      .find(AuditEvent, { action: { $in: ['enterpriseRestriction.record', 'enterpriseRestriction.lift'] } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['enterpriseRestriction.record', 'enterpriseRestriction.lift']),
    );
  });

  it('实施细则 Art. 48: pledged equity or an unpaid fine recorded after the notice bars the application, and one recorded during the clearances bars the confirmation', async () => {
    app.clock.set('2026-10-20T10:00:00+08:00');
    const enterpriseId = await enterprise();
    await startNotice(enterpriseId);
    app.clock.set('2026-11-10T10:00:00+08:00');
    const pledge = await run(
      app,
      RECORD,
      { input: { enterpriseId, kind: 'EQUITY_PLEDGED', reason: '股权出质登记 370200-2026-0099', since: '2026-11-05' } },
      registrar,
    );
    const refused = await submitSimplified(enterpriseId);
    expect(codes(refused.payload.userErrors)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'deregistration', 'simplified'] },
    ]);
    expect(refused.payload.userErrors[0].message).toContain('出质');
    await run(
      app,
      LIFT,
      { input: { id: pledge.recordEnterpriseRestriction.restriction.id, reason: '注销出质', liftedOn: '2026-11-10' } },
      registrar,
    );
    const accepted = payloadOf(
      await run(app, SUBMIT, { input: { id: refused.id, commitment: DEREG_COMMITMENT } }, applicant),
    );
    expect(accepted.userErrors).toEqual([]);

    await run(
      app,
      RECORD,
      { input: { enterpriseId, kind: 'UNPAID_FINE', reason: '青市监罚〔2026〕88号', since: '2026-11-10' } },
      registrar,
    );
    for (const clearer of clearers) await run(app, CLEAR, { input: { id: refused.id, outcome: 'CLEARED' } }, clearer);
    const confirm = payloadOf(await run(app, CONFIRM, { input: { id: refused.id } }, registrar));
    expect(codes(confirm.userErrors)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'id'] }]);
    expect(confirm.userErrors[0].message).toContain('罚款');
  });

  it('实施细则 Art. 48: an obstacle registered by another module (the abnormal-operations list) bars the notice and the application with its own reason', async () => {
    app.clock.set('2026-10-20T10:00:00+08:00');
    const listed = await enterprise();
    const other = await enterprise();
    await startNotice(listed);
    const abnormal: SimplifiedDeregistrationObstacleCheck = async (_tx, id) =>
      gid('Enterprise', id) === listed
        ? [
            {
              code: 'ABNORMAL_OPERATIONS_LIST',
              messageKey: 'test.simplified.abnormalOperations',
              params: { since: '2026-09-01' },
            },
          ]
        : [];
    addSimplifiedDeregistrationObstacle(abnormal);
    try {
      app.clock.set('2026-11-10T10:00:00+08:00');
      const refused = await submitSimplified(listed);
      expect(codes(refused.payload.userErrors)).toEqual([
        { code: 'NOT_ALLOWED', field: ['input', 'deregistration', 'simplified'] },
      ]);
      expect(refused.payload.userErrors[0].message).toBe('企业被列入经营异常名录（2026-09-01），不适用简易注销。');
      expect((await startNotice(other)).userErrors).toEqual([]);
    } finally {
      removeSimplifiedDeregistrationObstacle(abnormal);
    }
  });

  it('restrictions: only with a reason and a past date, lifted once and not before they began; nothing is written otherwise', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const before = await fingerprint(app);
    const bad = await run(
      app,
      RECORD,
      { input: { enterpriseId, kind: 'UNPAID_FINE', reason: ' ', since: '2026-11-03' } },
      registrar,
    );
    expect(codes(bad.recordEnterpriseRestriction.userErrors)).toEqual([
      { code: 'REQUIRED', field: ['input', 'reason'] },
      { code: 'OUT_OF_RANGE', field: ['input', 'since'] },
    ]);
    const nowhere = await run(
      app,
      RECORD,
      {
        input: {
          enterpriseId: gid('Enterprise', '00000000-0000-4000-8000-000000000000'),
          kind: 'UNPAID_FINE',
          reason: '罚款',
          since: '2026-11-01',
        },
      },
      registrar,
    );
    expect(codes(nowhere.recordEnterpriseRestriction.userErrors)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'enterpriseId'] },
    ]);
    expect(await fingerprint(app)).toBe(before);

    const fine = await run(
      app,
      RECORD,
      { input: { enterpriseId, kind: 'UNPAID_FINE', reason: '罚款', since: '2026-10-01' } },
      registrar,
    );
    const id = fine.recordEnterpriseRestriction.restriction.id;
    const early = await run(app, LIFT, { input: { id, reason: '已缴清', liftedOn: '2026-09-30' } }, registrar);
    expect(codes(early.liftEnterpriseRestriction.userErrors)).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input', 'liftedOn'] },
    ]);
    await run(app, LIFT, { input: { id, reason: '已缴清', liftedOn: '2026-11-01' } }, registrar);
    const twice = await run(app, LIFT, { input: { id, reason: '已缴清', liftedOn: '2026-11-01' } }, registrar);
    expect(codes(twice.liftEnterpriseRestriction.userErrors)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);

    const restrictions = async (user: TestUser | null) =>
      (
        await run(
          app,
          `query($id: ID!) { enterprise(id: $id) { restrictions(first: 10) { edges { node { kind inForce } } } } }`,
          { id: enterpriseId },
          user,
        )
      ).enterprise.restrictions?.edges.map((e: any) => e.node) ?? null;
    expect(await restrictions(applicant)).toEqual([{ kind: 'UNPAID_FINE', inForce: false }]);
    expect(await restrictions(registrar)).toEqual([{ kind: 'UNPAID_FINE', inForce: false }]);
    expect(await restrictions(stranger)).toBeNull();
    expect(await restrictions(null)).toBeNull();
  });
});

describe('an individual business (条例 Art. 33, second paragraph)', () => {
  it('条例 Art. 33: an individual business deregisters by the simplified route without a public notice and without liquidation papers', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise('INDIVIDUAL_BUSINESS');
    expect(codes((await startNotice(enterpriseId)).userErrors)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'enterpriseId'] },
    ]);
    const { payload } = await submitSimplified(enterpriseId);
    expect(payload.userErrors).toEqual([]);
    expect(payload.application.status).toBe('SUBMITTED');
  });

  it('条例 Art. 33: an individual business needs no liquidation papers on the ordinary route either', async () => {
    const enterpriseId = await enterprise('INDIVIDUAL_BUSINESS');
    const id = await draftDeregistration(enterpriseId, { reason: '不再经营', simplified: false });
    const submitted = payloadOf(await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant));
    expect(submitted.userErrors).toEqual([]);
  });
});

describe('the public list of notices', () => {
  it('the number of SQL statements does not grow with the list: notices with their enterprise and objections, 1 row vs 20 rows', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    for (let i = 0; i < 20; i++) {
      const row = await createEnterprise(app, applicant, { district: District.PINGDU });
      const { notice } = await startNotice(gid('Enterprise', row.id));
      // A fresh objector each time: one caller may raise only 10 objections an hour.
      const objector = await createUser(app);
      await objectTo(notice.id, {}, objector);
      await objectTo(notice.id, { objectorName: '青岛北海物流有限公司' }, objector);
    }
    const statements = async (first: number) => {
      let rows = 0;
      const sql = await app.countQueries(async () => {
        const data = await run(app, NOTICES, { filter: { district: 'PINGDU' }, first }, registrar);
        rows = data.simplifiedDeregistrationNotices.edges.length;
        for (const edge of data.simplifiedDeregistrationNotices.edges) {
          expect(edge.node.objections.totalCount).toBe(2);
          expect(edge.node.objections.edges).toHaveLength(2);
        }
      });
      expect(rows).toBe(first);
      return sql.length;
    };
    const one = await statements(1);
    const twenty = await statements(20);
    console.info(`simplifiedDeregistrationNotices: ${one} statements for 1 row, ${twenty} for 20 rows`);
    expect(twenty).toBe(one);
  });

  it('the first page of objections hands out cursors the next page turns through', async () => {
    app.clock.set('2026-11-02T10:00:00+08:00');
    const enterpriseId = await enterprise();
    const { notice } = await startNotice(enterpriseId);
    const objector = await createUser(app);
    for (const [i, name] of ['甲公司', '乙公司', '丙公司'].entries()) {
      app.clock.set(`2026-11-02T10:00:0${i + 1}+08:00`);
      await objectTo(notice.id, { objectorName: name }, objector);
    }
    const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on SimplifiedDeregistrationNotice {
      objections(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { objectorName } } } } } }`;
    const first = (await run(app, PAGE, { id: notice.id, after: null }, applicant)).node.objections;
    expect(first.edges.map((e: any) => e.node.objectorName)).toEqual(['甲公司', '乙公司']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await run(app, PAGE, { id: notice.id, after: first.pageInfo.endCursor }, applicant)).node.objections;
    expect(next.edges.map((e: any) => e.node.objectorName)).toEqual(['丙公司']);
  });
});
