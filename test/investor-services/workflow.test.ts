import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { act, complaintInput, consultationInput, createCast, readCase, submit, SUBMIT, type Cast } from './helpers.js';
import { ServiceCase } from '../../src/modules/investor-services/service-case.entity.js';

let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  cast = await createCast(app);
});
afterAll(() => app?.stop());

async function caseCount() {
  return app.em().count(ServiceCase, {});
}

describe('submitting a case', () => {
  it('gives a complaint a number and an English acknowledgement with its deadline and the right to reconsideration or litigation', async () => {
    const { serviceCase, acknowledgement } = await submit(app, cast.investor, complaintInput());
    expect(serviceCase.number).toMatch(/^WZ2026\d{6}$/);
    expect(serviceCase.status).toBe('SUBMITTED');
    // Thu 26 Nov 2026 + 7 working days = Mon 7 Dec 2026.
    expect(serviceCase.acceptBy).toBe('2026-12-07');
    expect(serviceCase.resolveBy).toBeNull();
    expect(acknowledgement).toContain(serviceCase.number);
    expect(acknowledgement).toContain('2026-12-07');
    expect(acknowledgement).toContain('does not affect your right to apply for administrative reconsideration');
    expect(serviceCase.acknowledgement).toBe(acknowledgement);
  });

  it('answers a consultation in Chinese when the investor chose Chinese, with its 5-working-day deadline', async () => {
    const { serviceCase, acknowledgement } = await submit(app, cast.investor, consultationInput({ language: 'ZH_CN' }));
    expect(serviceCase.resolveBy).toBe('2026-12-03');
    expect(acknowledgement).toContain('我们已于 2026-11-26 收到您的咨询');
  });

  it('accepts a case for a foreign-invested enterprise the applicant acts for', async () => {
    const { serviceCase } = await submit(
      app,
      cast.enterpriseInvestor,
      consultationInput({ enterpriseId: cast.enterpriseId }),
    );
    expect(serviceCase.status).toBe('SUBMITTED');
  });

  it.each([
    [
      'an unknown category',
      (cast_) => ({ who: cast_.investor, input: complaintInput({ category: 'NOT_A_CATEGORY' }) }),
      'category',
    ],
    [
      'a complaint without the respondent',
      (cast_) => ({ who: cast_.investor, input: complaintInput({ respondent: ' ' }) }),
      'respondent',
    ],
    [
      'a complaint without saying whether it is in litigation',
      (cast_) => ({ who: cast_.investor, input: complaintInput({ inReconsiderationOrLitigation: null }) }),
      'inReconsiderationOrLitigation',
    ],
    [
      'a domestic enterprise',
      (cast_) => ({
        who: cast_.enterpriseInvestor,
        input: consultationInput({ enterpriseId: cast_.domesticEnterpriseId }),
      }),
      'enterpriseId',
    ],
    [
      'an applicant who is not a foreign investor',
      (cast_) => ({ who: cast_.enterpriseInvestor, input: consultationInput() }),
      'enterpriseId',
    ],
    [
      'confidential details without saying what they are',
      (cast_) => ({ who: cast_.investor, input: consultationInput({ confidentialDetails: 'secret' }) }),
      'confidentialKinds',
    ],
  ] as [string, (c: Cast) => { who: Cast['investor']; input: Record<string, unknown> }, string][])(
    'refuses %s with a UserError and writes nothing',
    async (_what, make, field) => {
      const { who, input } = make(cast);
      const before = await caseCount();
      const result = await app.execute(SUBMIT, { input }, { token: who.token, language: 'en' });
      expect(result.errors).toBeUndefined();
      const errors = result.data!.submitServiceCase.userErrors;
      expect(errors.map((e: { field: string[] }) => e.field.at(-1))).toContain(field);
      expect(errors[0].message).toMatch(/^[A-Z]/);
      expect(result.data!.submitServiceCase.serviceCase).toBeNull();
      expect(await caseCount()).toBe(before);
    },
  );
});

describe('the complaint workflow', () => {
  it('runs from submission through materials, acceptance, extension, resolution and rating', async () => {
    const { serviceCase } = await submit(app, cast.investor, complaintInput());
    const id = serviceCase.id;

    const requested = await act(app, cast.handler, 'requestServiceCaseMaterials', {
      id,
      missing: 'Proof of legal status; the permit application receipt.',
    });
    expect(requested.userErrors).toEqual([]);
    expect(requested.serviceCase!.status).toBe('MATERIALS_REQUESTED');
    expect(requested.serviceCase!.acceptBy).toBeNull();
    expect(requested.serviceCase!.overdue).toBe(false);

    const again = await act(app, cast.handler, 'requestServiceCaseMaterials', { id, missing: 'More.' });
    expect(again.userErrors[0]!.code).toBe('INVALID_STATE');

    // The materials arrive a week later: the clock starts again from that day.
    app.clock.set('2026-12-03T10:00:00+08:00');
    const supplied = await act(app, cast.investor, 'supplyServiceCaseMaterials', {
      id,
      body: 'Attached are the documents.',
    });
    expect(supplied.userErrors).toEqual([]);
    expect(supplied.serviceCase!.status).toBe('SUBMITTED');
    expect(supplied.serviceCase!.acceptBy).toBe('2026-12-14');

    const declinedWithoutReason = await act(app, cast.handler, 'declineServiceCase', { id });
    expect(declinedWithoutReason.userErrors.map((e) => e.code)).toEqual(['REQUIRED']);
    expect((await readCase(app, cast.investor, id))!.status).toBe('SUBMITTED');

    const accepted = await act(app, cast.handler, 'acceptServiceCase', { id });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.serviceCase!.status).toBe('ACCEPTED');
    expect(accepted.serviceCase!.decision.notice).toContain('complaint office at the next higher level');
    // 3 Dec 2026 + 60 working days, across New Year 2027 (only weekends known for 2027).
    expect(accepted.serviceCase!.resolveBy).toBe('2027-02-25');

    const rateEarly = await act(app, cast.investor, 'rateServiceCase', { id, score: 5 });
    expect(rateEarly.userErrors[0]!.message).toBe('You can rate the handling once the case is resolved.');

    const extended = await act(app, cast.handler, 'extendServiceCase', {
      id,
      newResolveBy: '2027-03-31',
      reason: 'Three departments are involved.',
    });
    expect(extended.userErrors).toEqual([]);
    expect(extended.serviceCase!.extendedResolveBy).toBe('2027-03-31');
    const twice = await act(app, cast.handler, 'extendServiceCase', {
      id,
      newResolveBy: '2027-04-30',
      reason: 'Again.',
    });
    expect(twice.userErrors[0]!.message).toBe('The resolution deadline has already been extended once.');
    expect((await readCase(app, cast.handler, id))!.extendedResolveBy).toBe('2027-03-31');

    const resolved = await act(app, cast.handler, 'resolveServiceCase', {
      id,
      outcome: 'RESOLVED_BY_COORDINATION',
      summary: 'The bureau issued its decision after our coordination.',
    });
    expect(resolved.userErrors).toEqual([]);
    expect(resolved.serviceCase!.resolution.onTime).toBe(true);

    const rated = await act(app, cast.investor, 'rateServiceCase', { id, score: 4, comment: 'Quick and clear.' });
    expect(rated.serviceCase!.rating).toEqual({ score: 4, comment: 'Quick and clear.' });

    // Every step is in the inbox (in English for an English reader) and in the history.
    const inbox = await app.execute(
      `{ notifications(first: 100) { edges { node { kind title subject { id } } } } }`,
      {},
      { token: cast.investor.token, language: 'en' },
    );
    const titles = inbox
      .data!.notifications.edges.filter((e: any) => e.node.subject?.id === id)
      .map((e: any) => e.node.title);
    const number = serviceCase.number;
    expect(titles).toEqual(
      expect.arrayContaining([
        `Case ${number} received`,
        `Materials needed for ${number}`,
        `Complaint ${number} accepted`,
        `Deadline of ${number} extended`,
        `Case ${number} resolved`,
      ]),
    );
    const history = await app.execute(
      `query ($id: ID!) { serviceCase(id: $id) { history { action status } } }`,
      { id },
      { token: cast.investor.token },
    );
    expect(history.data!.serviceCase.history.map((h: any) => h.action)).toEqual([
      'investorServices.submit',
      'investorServices.requestMaterials',
      'investorServices.supplyMaterials',
      'investorServices.accept',
      'investorServices.extend',
      'investorServices.resolve',
      'investorServices.rate',
    ]);
    app.clock.set('2026-11-26T09:00:00+08:00');
  });

  it('declines a complaint outside its remit only with the competent office, and says so in the decision', async () => {
    const { serviceCase } = await submit(app, cast.investor, complaintInput());
    const missing = await act(app, cast.handler, 'declineServiceCase', { id: serviceCase.id, reason: 'OUTSIDE_REMIT' });
    expect(missing.userErrors[0]!.field).toEqual(['input', 'competentOffice']);
    const declined = await act(app, cast.handler, 'declineServiceCase', {
      id: serviceCase.id,
      reason: 'OUTSIDE_REMIT',
      competentOffice: 'Shandong Provincial Department of Commerce',
      note: 'The matter concerns a provincial authority.',
    });
    expect(declined.serviceCase!.status).toBe('NOT_ACCEPTED');
    expect(declined.serviceCase!.decision.notice).toContain(
      'please contact Shandong Provincial Department of Commerce',
    );
    expect(declined.serviceCase!.decision.notice).toContain('next higher level');
  });

  it('lets only the handling official act once a case is assigned', async () => {
    const { serviceCase } = await submit(app, cast.investor, complaintInput());
    const assigned = await act(app, cast.otherOfficial, 'assignServiceCase', {
      id: serviceCase.id,
      assigneeId: cast.handler.user.id ? toUserId(cast.handler.user.id) : '',
    });
    expect(assigned.userErrors).toEqual([]);
    const refused = await act(app, cast.otherOfficial, 'acceptServiceCase', { id: serviceCase.id });
    expect(refused.userErrors[0]!.code).toBe('NOT_ALLOWED');
  });

  it('withdraws a case for its submitter only', async () => {
    const { serviceCase } = await submit(app, cast.investor, consultationInput());
    const stranger = await act(app, cast.stranger, 'withdrawServiceCase', { id: serviceCase.id });
    expect(stranger.userErrors[0]!.code).toBe('NOT_FOUND');
    const withdrawn = await act(app, cast.investor, 'withdrawServiceCase', { id: serviceCase.id });
    expect(withdrawn.serviceCase!.status).toBe('WITHDRAWN');
  });
});

import { toGlobalId } from '../../src/shared/ids.js';
function toUserId(id: string) {
  return toGlobalId('User', id);
}

describe('bad input', () => {
  /** A digest of every row the module, the audit trail and the inbox hold: equal means nothing was written. */
  async function digest() {
    const tables = [
      'service_cases',
      'service_case_messages',
      'service_case_attachments',
      'typical_cases',
      'audit_events',
      'notifications',
      'stored_files',
    ];
    const rows = await app
      .em()
      .execute<{ name: string; sum: string }[]>(
        tables
          .map(
            (t) =>
              `select '${t}' as name, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) as sum from "${t}" x`,
          )
          .join(' union all '),
      );
    return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
  }

  it('declining without a reason, extending twice, rating before resolution and an unknown category write nothing', async () => {
    const complaint = (await submit(app, cast.investor, complaintInput())).serviceCase.id;
    const consultation = (await submit(app, cast.investor, consultationInput())).serviceCase.id;
    const extended = await act(app, cast.handler, 'extendServiceCase', {
      id: consultation,
      newResolveBy: '2026-12-31',
      reason: 'Several departments.',
    });
    expect(extended.userErrors).toEqual([]);
    const before = await digest();
    const attempts = [
      {
        who: cast.handler,
        name: 'declineServiceCase',
        input: { id: complaint, note: 'No reason given.' },
        code: 'REQUIRED',
      },
      {
        who: cast.handler,
        name: 'extendServiceCase',
        input: { id: consultation, newResolveBy: '2027-01-29', reason: 'Again.' },
        code: 'INVALID_STATE',
      },
      { who: cast.investor, name: 'rateServiceCase', input: { id: consultation, score: 5 }, code: 'INVALID_STATE' },
      { who: cast.investor, name: 'rateServiceCase', input: { id: consultation, score: 9 }, code: 'OUT_OF_RANGE' },
      {
        who: cast.handler,
        name: 'resolveServiceCase',
        input: { id: complaint, outcome: 'ANSWERED', summary: 'x' },
        code: 'INVALID_STATE',
      },
      { who: cast.handler, name: 'referServiceCase', input: { id: complaint, competentOffice: ' ' }, code: 'REQUIRED' },
    ];
    for (const { who, name, input, code } of attempts) {
      const payload = await act(app, who, name, input);
      expect(
        payload.userErrors.map((e) => e.code),
        name,
      ).toEqual([code]);
      expect(payload.userErrors[0]!.message).toMatch(/^[A-Z].*\.$/);
      expect(payload.serviceCase).toBeNull();
    }
    const unknown = await app.execute(
      SUBMIT,
      { input: complaintInput({ category: 'SPACE_TRAVEL' }) },
      { token: cast.investor.token, language: 'en' },
    );
    expect(unknown.data!.submitServiceCase.userErrors[0].message).toBe(
      'Choose a category from the list (serviceCaseCategories).',
    );
    expect(await digest()).toEqual(before);
  });
});
