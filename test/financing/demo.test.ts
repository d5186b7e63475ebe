import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../../src/db/demo/index.js';
import { TestApp } from '../helpers/app.js';

// The demo data set of 金企通: banks with products, a few hundred demands in every state with offers,
// some of them the demo applicant's; loading it twice adds nothing.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
  await loadDemoData(app.orm, app.deps);
}, 300_000);
afterAll(async () => app?.stop());

async function signIn(email: string): Promise<string> {
  const result = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
    input: { email, password: DEMO_PASSWORD },
  });
  return result.data!.signIn.token as string;
}

describe('the financing demo data', () => {
  it('has demands in every state across districts, with offers, banks and products', async () => {
    const em = app.em();
    const statuses = await em.execute<{ status: string }[]>(
      `select distinct status from financing_demands order by status`,
    );
    expect(statuses.map((r) => r.status)).toEqual(['CLOSED', 'EXPIRED', 'MATCHED', 'OPEN', 'WITHDRAWN']);
    const [counts] = await em.execute<{ demands: number; offers: number; districts: number; products: number }[]>(
      `select (select count(*) from financing_demands)::int as demands, (select count(*) from financing_offers)::int as offers,
              (select count(distinct district) from financing_demands)::int as districts, (select count(*) from credit_products)::int as products`,
    );
    expect(counts!.demands).toBeGreaterThanOrEqual(300);
    expect(counts!.offers).toBeGreaterThan(counts!.demands);
    expect(counts!.districts).toBeGreaterThanOrEqual(8);
    expect(counts!.products).toBeGreaterThanOrEqual(10);
  });

  it('shows the bank officer a searchable list and the applicant its own demands', async () => {
    const bank = await app.execute(
      `{ financingDemands(first: 10) { totalCount edges { node { enterprise { name } } } } }`,
      {},
      { token: await signIn('bank@demo.local') },
    );
    expect(bank.errors).toBeUndefined();
    expect(bank.data!.financingDemands.totalCount).toBeGreaterThan(50);
    const mine = await app.execute(
      `{ myFinancingDemands(first: 100) { totalCount edges { node { status offers { totalCount } } } } }`,
      {},
      { token: await signIn('applicant@demo.local') },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myFinancingDemands.totalCount).toBeGreaterThan(10);
    expect(
      mine.data!.myFinancingDemands.edges.some((e: any) => e.node.status === 'OPEN' && e.node.offers.totalCount > 0),
    ).toBe(true);
    const stats = await app.execute(
      `{ financingStats(from: "2026-07-01", to: "2026-12-31", groupBy: BANK) { key demandCount amountDisbursed { amount } } }`,
      {},
      { token: await signIn('finance@demo.local') },
    );
    expect(stats.data!.financingStats.length).toBeGreaterThanOrEqual(5);
  });

  it('adds nothing when loaded again', async () => {
    const before = await app.em().execute(`select count(*)::int as n from financing_demands`);
    await loadDemoData(app.orm, app.deps);
    expect(await app.em().execute(`select count(*)::int as n from financing_demands`)).toEqual(before);
  });
});
