import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypicalCase } from '../../src/modules/investor-services/service-case.entity.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { act, complaintInput, consultationInput, createCast, submit, type Cast } from './helpers.js';

let app: TestApp;
let cast: Cast;
let resolvedId: string;

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-03-02T10:00:00+08:00' });
  cast = await createCast(app);
  // A complaint accepted on time and resolved, rated 4; a consultation answered late, rated 2; one open.
  const complaint = (await submit(app, cast.investor, complaintInput())).serviceCase.id;
  await act(app, cast.handler, 'acceptServiceCase', { id: complaint });
  app.clock.set('2026-03-20T10:00:00+08:00');
  await act(app, cast.handler, 'resolveServiceCase', {
    id: complaint,
    outcome: 'UNDERSTANDING_REACHED',
    summary: 'Agreed.',
  });
  await act(app, cast.investor, 'rateServiceCase', { id: complaint, score: 4 });
  resolvedId = complaint;
  app.clock.set('2026-04-01T10:00:00+08:00');
  const consultation = (await submit(app, cast.investor, consultationInput())).serviceCase.id;
  app.clock.set('2026-04-15T10:00:00+08:00');
  await act(app, cast.handler, 'resolveServiceCase', { id: consultation, outcome: 'ANSWERED', summary: 'The answer.' });
  await act(app, cast.investor, 'rateServiceCase', { id: consultation, score: 2 });
  await submit(app, cast.investor, consultationInput({ category: 'MARKET_ACCESS' }));
});
afterAll(() => app?.stop());

describe('serviceCaseStats', () => {
  it('counts by kind, category, status and month, with on-time rates, the median and the average rating', async () => {
    const result = await app.execute(
      `{ serviceCaseStats(from: "2026-03-01", to: "2026-04-30") { total byKind { key count } byCategory { key count } byStatus { key count } byMonth { key count }
         onTimeAcceptanceRate onTimeResolutionRate medianWorkingDaysToResolve averageRating overdue } }`,
      {},
      { token: cast.handler.token },
    );
    expect(result.errors).toBeUndefined();
    const stats = result.data!.serviceCaseStats;
    expect(stats.total).toBe(3);
    expect(stats.byKind).toEqual([
      { key: 'CONSULTATION', count: 2 },
      { key: 'COMPLAINT', count: 1 },
      { key: 'SUGGESTION', count: 0 },
    ]);
    expect(stats.byMonth).toEqual([
      { key: '2026-03', count: 1 },
      { key: '2026-04', count: 2 },
    ]);
    expect(stats.byCategory).toContainEqual({ key: 'MARKET_ACCESS', count: 1 });
    expect(stats.byStatus).toContainEqual({ key: 'RESOLVED', count: 2 });
    expect(stats.onTimeAcceptanceRate).toBe(1);
    // The consultation took 9 working days (1 → 15 Apr, Qingming 4–6 Apr off) against 5: late.
    expect(stats.onTimeResolutionRate).toBe(0.5);
    // Complaint: 2 → 20 Mar = 14 working days; consultation: 1 → 15 Apr = 9 (Qingming). Median 11.5.
    expect(stats.medianWorkingDaysToResolve).toBe(11.5);
    expect(stats.averageRating).toBe(3);
    expect(stats.overdue).toBe(0);
  });
});

describe('typical cases', () => {
  const PUBLISH = `mutation ($input: PublishTypicalCaseInput!) { publishTypicalCase(input: $input) { typicalCase { id title } userErrors { code field message } } }`;

  it('refuses a summary that names the investor, writing nothing', async () => {
    const result = await app.execute(
      PUBLISH,
      {
        input: {
          caseId: resolvedId,
          title: 'Permit',
          summary: `${cast.investor.user.displayName} complained about a permit.`,
        },
      },
      { token: cast.handler.token, language: 'en' },
    );
    expect(result.data!.publishTypicalCase.userErrors[0].message).toContain('The summary must be anonymous');
    expect(await app.em().count(TypicalCase, {})).toBe(0);
  });

  it('publishes an anonymised summary that anyone can find by a word in it', async () => {
    const result = await app.execute(
      PUBLISH,
      {
        input: {
          caseId: resolvedId,
          title: 'Permit decided after coordination',
          summary: 'A construction permit left undecided was decided once the office coordinated with the bureau.',
        },
      },
      { token: cast.handler.token },
    );
    expect(result.data!.publishTypicalCase.userErrors).toEqual([]);
    const found = await app.execute(
      `{ typicalCases(filter: { search: "coordinated" }) { edges { node { title outcome } } } }`,
    );
    expect(found.data!.typicalCases.edges).toEqual([
      { node: { title: 'Permit decided after coordination', outcome: 'UNDERSTANDING_REACHED' } },
    ]);
    const none = await app.execute(`{ typicalCases(filter: { search: "zebra" }) { totalCount } }`);
    expect(none.data!.typicalCases.totalCount).toBe(0);
  });
});

describe('editing and withdrawing a typical case', () => {
  const PUBLISH = `mutation ($input: PublishTypicalCaseInput!) { publishTypicalCase(input: $input) { typicalCase { id } userErrors { code field message } } }`;
  const UPDATE = `mutation ($input: UpdateTypicalCaseInput!) { updateTypicalCase(input: $input) { typicalCase { id title summary language editedAt } userErrors { code field message } } }`;
  const WITHDRAW = `mutation ($input: WithdrawTypicalCaseInput!) { withdrawTypicalCase(input: $input) { typicalCase { id } userErrors { code field message } } }`;
  const ORIGINAL = { title: 'Tax answer', summary: 'A question on VAT refunds for exported software was answered.' };

  /** A resolved consultation with its typical case published; answers the typical case's id. */
  async function published(): Promise<string> {
    const id = (await submit(app, cast.investor, consultationInput())).serviceCase.id;
    await act(app, cast.handler, 'resolveServiceCase', { id, outcome: 'ANSWERED', summary: 'The answer.' });
    const result = await app.execute(PUBLISH, { input: { caseId: id, ...ORIGINAL } }, { token: cast.handler.token });
    expect(result.data!.publishTypicalCase.userErrors).toEqual([]);
    return result.data!.publishTypicalCase.typicalCase.id;
  }
  const stored = async () =>
    (await app.em().find(TypicalCase, {}, { orderBy: { publishedAt: 'asc', id: 'asc' } })).map((t) => ({
      title: t.title,
      summary: t.summary,
      language: t.language,
      editedAt: t.editedAt,
      withdrawnAt: t.withdrawnAt,
    }));
  const publicTitles = async () =>
    (await app.execute(`{ typicalCases(first: 100) { edges { node { title } } } }`)).data!.typicalCases.edges.map(
      (e: any) => e.node.title,
    );

  it('replaces the text of a published typical case, in another language if asked, and marks it edited', async () => {
    const id = await published();
    const result = await app.execute(
      UPDATE,
      {
        input: {
          id,
          title: '出口软件增值税退税',
          summary: '关于出口软件服务增值税退税的咨询已答复。',
          language: 'ZH_CN',
        },
      },
      { token: cast.otherOfficial.token },
    );
    expect(result.data!.updateTypicalCase.userErrors).toEqual([]);
    expect(result.data!.updateTypicalCase.typicalCase).toMatchObject({
      title: '出口软件增值税退税',
      language: 'ZH_CN',
    });
    expect(result.data!.updateTypicalCase.typicalCase.editedAt).not.toBeNull();
    expect(await publicTitles()).toContain('出口软件增值税退税');
  });

  it('refuses bad edits with a UserError each and changes nothing', async () => {
    const id = await published();
    const before = await stored();
    const attempts: [Record<string, unknown>, { code: string; field: string[] }][] = [
      [
        { id, title: 'Tax', summary: `${cast.investor.user.email} asked about VAT.` },
        { code: 'INVALID_INPUT', field: ['input', 'summary'] },
      ],
      [
        { id, title: '   ', summary: 'Fine.' },
        { code: 'REQUIRED', field: ['input', 'title'] },
      ],
      [
        { id: 'VHlwaWNhbENhc2U6bm9wZQ', title: 'Tax', summary: 'Fine.' },
        { code: 'NOT_FOUND', field: ['input', 'id'] },
      ],
      [
        { id: resolvedId, title: 'Tax', summary: 'Fine.' },
        { code: 'NOT_FOUND', field: ['input', 'id'] },
      ],
    ];
    for (const [input, error] of attempts) {
      const result = await app.execute(UPDATE, { input }, { token: cast.handler.token, language: 'en' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateTypicalCase.userErrors.map((e: any) => ({ code: e.code, field: e.field }))).toEqual([
        error,
      ]);
      expect(result.data!.updateTypicalCase.typicalCase).toBeNull();
    }
    expect(await stored()).toEqual(before);
  });

  it('withdraws a typical case with a reason: nobody reads it any more, and the case may be published again', async () => {
    const id = await published();
    const noReason = await app.execute(
      WITHDRAW,
      { input: { id, reason: '  ' } },
      { token: cast.handler.token, language: 'en' },
    );
    expect(noReason.data!.withdrawTypicalCase.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'reason'], message: 'Say why it is withdrawn.' },
    ]);
    expect((await app.execute(`query ($id: ID!) { node(id: $id) { id } }`, { id })).data!.node).toEqual({ id });

    const withdrawn = await app.execute(
      WITHDRAW,
      { input: { id, reason: 'The policy changed.' } },
      { token: cast.handler.token },
    );
    expect(withdrawn.data!.withdrawTypicalCase.userErrors).toEqual([]);
    expect((await app.execute(`query ($id: ID!) { node(id: $id) { id } }`, { id })).data!.node).toBeNull();
    const officialsToo = await app.execute(
      `query ($id: ID!) { node(id: $id) { id } }`,
      { id },
      { token: cast.handler.token },
    );
    expect(officialsToo.data!.node).toBeNull();
    const row = await app.em().findOneOrFail(TypicalCase, { id: fromGlobalId(id)!.id });
    expect(row.withdrawalReason).toBe('The policy changed.');
    const trail = await app.em().count(AuditEvent, { action: 'investorServices.withdrawTypical', subjectId: row.id });
    expect(trail).toBe(1);

    // Withdrawn: neither edited nor withdrawn again.
    for (const [query, input, field] of [
      [UPDATE, { id, ...ORIGINAL }, 'updateTypicalCase'],
      [WITHDRAW, { id, reason: 'Again.' }, 'withdrawTypicalCase'],
    ] as const) {
      const again = await app.execute(query, { input }, { token: cast.handler.token, language: 'en' });
      expect(again.data![field].userErrors).toEqual([
        {
          code: 'NOT_FOUND',
          field: ['input', 'id'],
          message: 'This typical case was not found, or it has been withdrawn.',
        },
      ]);
    }
    const republished = await app.execute(
      PUBLISH,
      { input: { caseId: toGlobalId('ServiceCase', row.caseId), ...ORIGINAL } },
      { token: cast.handler.token },
    );
    expect(republished.data!.publishTypicalCase.userErrors).toEqual([]);
  });
});
