import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { RegistrationApplication } from '../../src/modules/registration/registration.entity.js';
import {
  CLEAR,
  COMMITMENT,
  CORRECT,
  DEREG_COMMITMENT,
  APPROVE_EXTENSION,
  EXTEND,
  REJECT,
  SAVE,
  SUBMIT,
  WITHDRAW,
  declaration,
  draftEstablishment,
  errorsOf,
  establish,
  localId,
  payloadOf,
  run,
  submitted,
} from './helpers.js';

// The review: decide-by dates in working days (2026 National Day: 1–7 October off, Saturday 10 October
// worked), the one extension, the one consolidated correction notice, rejection, withdrawal, and the
// history, audit and notifications each step leaves.

let app: TestApp;
let applicant: TestUser;
let official: TestUser;
let head: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  head = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());
beforeEach(() => app.clock.set('2026-11-26T09:00:00+08:00'));

const FOREIGN = {
  overrides: {
    foreignInvested: true,
    serviceAgent: { name: '青岛送达代理有限公司', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' },
  },
  reservation: { foreignInvested: true },
};

async function submittedAt(instant: string, foreign: boolean) {
  app.clock.set(instant);
  const { id, application } = await submitted(
    app,
    applicant,
    foreign ? FOREIGN.overrides : {},
    foreign ? FOREIGN.reservation : {},
  );
  return { id, application };
}

describe('decide-by dates in working days', () => {
  it('3 working days from Wednesday 30 September 2026 skip the National Day holiday and count Saturday 10 October', async () => {
    const { application } = await submittedAt('2026-09-30T15:00:00+08:00', true);
    expect(application).toMatchObject({
      receivedOn: '2026-09-30',
      complete: false,
      reviewReasons: ['FOREIGN_INVESTED'],
      decideBy: '2026-10-10',
    });
  });

  it('3 working days from Tuesday 29 September 2026 end on Friday 9 October', async () => {
    const { application } = await submittedAt('2026-09-29T10:00:00+08:00', true);
    expect(application.decideBy).toBe('2026-10-09');
  });

  it('a complete application received during the holiday is due the first working day after it', async () => {
    const { application } = await submittedAt('2026-10-03T11:00:00+08:00', false);
    expect(application).toMatchObject({ receivedOn: '2026-10-03', complete: true, decideBy: '2026-10-08' });
  });

  it('a complete application received on the make-up Saturday is due that same day', async () => {
    const { application } = await submittedAt('2026-10-10T09:30:00+08:00', false);
    expect(application.decideBy).toBe('2026-10-10');
  });

  it('the day of receipt follows Asia/Shanghai: 23:30 UTC on 30 September is 1 October in Qingdao', async () => {
    const { application } = await submittedAt('2026-09-30T23:30:00Z', false);
    expect(application).toMatchObject({ receivedOn: '2026-10-01', decideBy: '2026-10-08' });
  });

  it('条例 Art. 19: one extension, asked for by one official and approved by another, adds 3 working days, with the reason recorded and the applicant told', async () => {
    const { id } = await submittedAt('2026-09-30T15:00:00+08:00', true);
    const asked = payloadOf(
      await run(app, EXTEND, { input: { id, reason: '需核实外国投资者的主体资格证明。' } }, official),
    );
    expect(asked.userErrors).toEqual([]);
    expect(asked.application).toMatchObject({ decideBy: '2026-10-10', extendedAt: null });
    expect(
      await app
        .em()
        .count(Notification, { userId: applicant.user.id, kind: 'REGISTRATION_EXTENDED', subjectId: localId(id) }),
    ).toBe(0);

    const extended = payloadOf(await run(app, APPROVE_EXTENSION, { input: { id } }, head));
    expect(extended.userErrors).toEqual([]);
    expect(extended.application).toMatchObject({
      decideBy: '2026-10-14',
      extensionReason: '需核实外国投资者的主体资格证明。',
      extendedAt: expect.any(String),
    });
    const stored = await app.em().findOneOrFail(RegistrationApplication, { id: localId(id) });
    expect(stored.extensionRequestedBy?.id).toBe(official.user.id);
    expect(stored.extensionApprovedBy?.id).toBe(head.user.id);
    const notes = await app
      .em()
      .find(Notification, { userId: applicant.user.id, kind: 'REGISTRATION_EXTENDED', subjectId: localId(id) });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params).toMatchObject({ decideBy: '2026-10-14' });
  });

  it('an application past its decide-by date is overdue', async () => {
    const { id } = await submittedAt('2026-09-30T15:00:00+08:00', true);
    app.clock.set('2026-10-12T09:00:00+08:00');
    const data = await run(
      app,
      `query($id: ID!) { registrationApplication(id: $id) { decideBy overdue } }`,
      { id },
      official,
    );
    expect(data.registrationApplication).toEqual({ decideBy: '2026-10-10', overdue: true });
  });
});

describe('the review queue', () => {
  it('lists submitted applications oldest first, page after page', async () => {
    const fresh = await TestApp.start();
    try {
      const a = await createUser(fresh);
      const o = await createUser(fresh, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
      const ids: string[] = [];
      for (const day of ['2026-11-20', '2026-11-18', '2026-11-23', '2026-11-19']) {
        fresh.clock.set(`${day}T10:00:00+08:00`);
        ids.push((await submitted(fresh, a)).id);
      }
      const query = `query($after: String) { registrationReviewQueue(first: 2, after: $after) { totalCount edges { node { id receivedOn decideBy } } pageInfo { hasNextPage endCursor } } }`;
      const first = (await run(fresh, query, {}, o)).registrationReviewQueue;
      const second = (await run(fresh, query, { after: first.pageInfo.endCursor }, o)).registrationReviewQueue;
      expect(first.totalCount).toBe(4);
      expect([...first.edges, ...second.edges].map((e: any) => e.node.receivedOn)).toEqual([
        '2026-11-18',
        '2026-11-19',
        '2026-11-20',
        '2026-11-23',
      ]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const drafts = await run(fresh, `{ registrationReviewQueue(filter: { status: DRAFT }) { totalCount } }`, {}, o);
      expect(drafts.registrationReviewQueue.totalCount).toBe(0);
    } finally {
      await fresh.stop();
    }
  });
});

describe('corrections: one consolidated notice', () => {
  it('sends the application back with every item at once; the applicant corrects and resubmits', async () => {
    const { id } = await submitted(app, applicant);
    const notice = payloadOf(
      await run(
        app,
        CORRECT,
        {
          input: {
            id,
            items: [
              { field: ['declaration', 'businessScope'], message: '请按经营范围规范表述填写。' },
              {
                field: ['declaration', 'investors', '1', 'registrationNumber'],
                message: '请核对企业股东的统一社会信用代码。',
              },
            ],
          },
        },
        official,
      ),
    );
    expect(notice.userErrors).toEqual([]);
    expect(notice.application.status).toBe('CORRECTION_REQUESTED');
    expect(notice.application.correctionNotice).toEqual({
      round: 1,
      items: [
        { field: ['declaration', 'businessScope'], message: '请按经营范围规范表述填写。' },
        {
          field: ['declaration', 'investors', '1', 'registrationNumber'],
          message: '请核对企业股东的统一社会信用代码。',
        },
      ],
    });
    expect(
      await app.em().count(Notification, {
        userId: applicant.user.id,
        kind: 'REGISTRATION_CORRECTION_REQUESTED',
        subjectId: localId(id),
      }),
    ).toBe(1);

    const saved = payloadOf(
      await run(
        app,
        SAVE,
        { input: { id, declaration: declaration({ businessScope: '软件开发；信息技术咨询服务' }) } },
        applicant,
      ),
    );
    expect(saved.userErrors).toEqual([]);
    const resubmitted = payloadOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant));
    expect(resubmitted.userErrors).toEqual([]);
    expect(resubmitted.application.status).toBe('SUBMITTED');
  });

  it('a second notice may only name items the applicant changed since the first', async () => {
    const { id } = await submitted(app, applicant);
    await run(
      app,
      CORRECT,
      { input: { id, items: [{ field: ['declaration', 'businessScope'], message: '请规范表述。' }] } },
      official,
    );
    await run(
      app,
      SAVE,
      { input: { id, declaration: declaration({ businessScope: '软件开发；数据处理' }) } },
      applicant,
    );
    await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant);

    const late = await run(
      app,
      CORRECT,
      {
        input: {
          id,
          items: [
            { field: ['declaration', 'businessScope'], message: '“数据处理”须写为“数据处理服务”。' },
            { field: ['declaration', 'liaison', 'phone'], message: '请填写手机号码。' },
          ],
        },
      },
      official,
    );
    expect(errorsOf(late)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'items', '1', 'field'] }]);

    const second = payloadOf(
      await run(
        app,
        CORRECT,
        {
          input: {
            id,
            items: [{ field: ['declaration', 'businessScope'], message: '“数据处理”须写为“数据处理服务”。' }],
          },
        },
        official,
      ),
    );
    expect(second.userErrors).toEqual([]);
    expect(second.application.correctionNotice.round).toBe(2);
  });
});

describe('rejection, withdrawal and history', () => {
  it('rejects with reasons, and the applicant reads who did what when', async () => {
    const { id: draftId } = await draftEstablishment(app, applicant);
    app.clock.advance(60_000);
    await run(app, SUBMIT, { input: { id: draftId, commitment: COMMITMENT } }, applicant);
    app.clock.advance(60_000);
    const id = draftId;
    const rejected = payloadOf(
      await run(app, REJECT, { input: { id, reasons: ['经营范围含须前置审批的项目，未提交许可文件。'] } }, official),
    );
    expect(rejected.userErrors).toEqual([]);
    expect(rejected.application).toMatchObject({
      status: 'REJECTED',
      rejectionReasons: ['经营范围含须前置审批的项目，未提交许可文件。'],
    });

    const data = await run(
      app,
      `query($id: ID!) { registrationApplication(id: $id) { history { action fromStatus toStatus actorRole department actorName note } } }`,
      { id },
      applicant,
    );
    expect(data.registrationApplication.history).toEqual([
      {
        action: 'registration.createDraft',
        fromStatus: null,
        toStatus: 'DRAFT',
        actorRole: 'APPLICANT',
        department: null,
        actorName: 'APPLICANT 测试',
        note: null,
      },
      {
        action: 'registration.submit',
        fromStatus: 'DRAFT',
        toStatus: 'SUBMITTED',
        actorRole: 'APPLICANT',
        department: null,
        actorName: 'APPLICANT 测试',
        note: null,
      },
      {
        action: 'registration.reject',
        fromStatus: 'SUBMITTED',
        toStatus: 'REJECTED',
        actorRole: 'OFFICIAL',
        department: 'MARKET_REGULATION',
        actorName: 'OFFICIAL 测试',
        note: '经营范围含须前置审批的项目，未提交许可文件。',
      },
    ]);
    expect(await app.em().count(AuditEvent, { subjectId: localId(id) })).toBe(3);
    expect(
      await app
        .em()
        .count(Notification, { userId: applicant.user.id, kind: 'REGISTRATION_REJECTED', subjectId: localId(id) }),
    ).toBe(1);
  });

  it('the applicant withdraws an application in progress and gets a receipt', async () => {
    const { id } = await submitted(app, applicant);
    const withdrawn = payloadOf(await run(app, WITHDRAW, { input: { id } }, applicant));
    expect(withdrawn).toMatchObject({ userErrors: [], application: { status: 'WITHDRAWN' } });
    expect(
      await app
        .em()
        .count(Notification, { userId: applicant.user.id, kind: 'REGISTRATION_WITHDRAWN', subjectId: localId(id) }),
    ).toBe(1);
  });

  it('a deregistration is due the first working day after its last clearance', async () => {
    const confirmed = await establish(app, applicant, official);
    const draft = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'DEREGISTRATION',
            enterpriseId: confirmed.enterprise.id,
            deregistration: { reason: '决定解散', liquidationCompletedOn: '2026-11-20' },
          },
        },
        applicant,
      ),
    );
    const id = draft.application.id;
    const sent = payloadOf(await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant));
    expect(sent.application).toMatchObject({ status: 'SUBMITTED', decideBy: null });
    app.clock.set('2026-11-28T10:00:00+08:00');
    for (const department of ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const) {
      const clearer = await createUser(app, { role: 'OFFICIAL', department });
      expect(payloadOf(await run(app, CLEAR, { input: { id, outcome: 'CLEARED' } }, clearer)).userErrors).toEqual([]);
    }
    const data = await run(app, `query($id: ID!) { registrationApplication(id: $id) { decideBy } }`, { id }, official);
    expect(data.registrationApplication.decideBy).toBe('2026-11-30');
  });
});
