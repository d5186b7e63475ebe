import 'reflect-metadata';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { createCast, makeOffer, publishDemand, type Cast } from '../financing/helpers.js';

// A query run a second time runs compiled (app/compiled-execution.ts, graphql-jit). Whatever ran it, the answer
// must be the same: data, errors and their codes, masking. Each case runs an operation three times
// (graphql-js, then compiled twice) and compares.

let app: TestApp;
let cast: Cast;
let applicant: TestUser;
const compiled: string[] = [];

beforeAll(async () => {
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        const entry = JSON.parse(line) as { msg: string; operationName?: string | null };
        if (entry.msg === 'query compiled') compiled.push(entry.operationName ?? '(anonymous)');
      },
    },
  );
  app = await TestApp.start({ logger });
  cast = await createCast(app);
  applicant = await createUser(app, { role: 'APPLICANT' });
  const first = await publishDemand(app, cast.owner, cast.enterpriseId);
  await publishDemand(app, cast.owner, cast.enterpriseId, { amount: { amount: '2500000.00' } });
  await makeOffer(app, cast.bankA, first);
});
afterAll(async () => app?.stop());

type Run = () => Promise<ExecuteResult>;

/** Three runs of one operation; the answers, with request ids (which differ per request) blanked. */
async function threeTimes(run: Run): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { data, errors } = await run();
    answers.push(JSON.stringify({ data, errors }).replace(/"requestId":"[^"]*"|test-[a-z0-9]+/g, 'ID'));
  }
  return answers;
}

describe('a query run again', () => {
  it('is compiled once, and answers the bank search exactly as graphql-js did', async () => {
    const search = `query BankSearchCompiled($after: String) {
      financingDemands(first: 10, after: $after, filter: { districts: [HUANGDAO] }) {
        totalCount
        edges { cursor node {
          id number amount { amount currency } termMonths purpose guaranteeType maxAnnualRate publishedAt expiresAt
          status offerCount district industry { code name } contact { name }
          enterprise { id name uscc industry { code } }
          offers(first: 10) { totalCount edges { node { id status amount { amount } annualRate createdAt bank { name } } } }
        } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const answers = await threeTimes(() => app.execute(search, { after: null }, { token: cast.bankA.token }));
    expect(answers[0]).toContain('"offers"');
    expect(JSON.parse(answers[0]!).data.financingDemands.edges.length).toBe(2);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    expect(compiled.filter((name) => name === 'BankSearchCompiled')).toEqual(['BankSearchCompiled']);
  });

  it('resolves an interface (node) to its type, through fragments', async () => {
    const query = `query NodeCompiled($id: ID!) { node(id: $id) { __typename id ...U } } fragment U on User { displayName email }`;
    const answers = await threeTimes(() =>
      app.execute(query, { id: toGlobalId('User', applicant.user.id) }, { token: applicant.token }),
    );
    expect(JSON.parse(answers[0]!).data.node.__typename).toBe('User');
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    expect(compiled).toContain('NodeCompiled');
  });

  it('applies the default of an omitted non-null input field given in variables', async () => {
    const query = `query DefaultsCompiled($filter: FinancingDemandFilter) {
      financingDemands(first: 10, filter: $filter) { edges { node { amount { amount } } } }
    }`;
    // currency is CurrencyCode! = CNY in MoneyInput, omitted here.
    const filter = { amountMin: { amount: '2000001' } };
    const answers = await threeTimes(() => app.execute(query, { filter }, { token: cast.bankA.token }));
    expect(JSON.parse(answers[0]!).errors).toBeUndefined();
    expect(JSON.parse(answers[0]!).data.financingDemands.edges).toEqual([
      { node: { amount: { amount: '2500000.00' } } },
    ]);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });

  it('refuses bad variables with BAD_USER_INPUT every time', async () => {
    const query = `query BadVariables($date: Date!) { workingDays { isWorkingDay(date: $date) } }`;
    const answers = await threeTimes(() => app.execute(query, { date: '2026-02-30' }));
    expect(JSON.parse(answers[0]!).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });

  it('answers a refused field with the same error and path every time', async () => {
    const query = `query Forbidden { registrationReviewQueue(first: 5) { edges { node { id } } } }`;
    const answers = await threeTimes(() => app.execute(query, {}, { token: applicant.token }));
    expect(JSON.parse(answers[0]!).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.parse(answers[0]!).errors[0].path).toEqual(['registrationReviewQueue']);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });

  it('masks an input problem raised inside a resolver the same way every time', async () => {
    const query = `query ReversedRange { financingDemands(filter: { amountMin: { amount: "5" }, amountMax: { amount: "1" } }) { edges { node { id } } } }`;
    const answers = await threeTimes(() => app.execute(query, {}, { token: cast.bankA.token }));
    expect(JSON.parse(answers[0]!).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });
});
