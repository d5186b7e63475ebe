import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypicalCase } from '../../src/modules/investor-services/service-case.entity.js';
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
