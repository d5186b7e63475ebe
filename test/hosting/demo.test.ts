import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../../src/db/demo/index.js';
import { TestApp } from '../helpers/app.js';

// The demo data set of 住所托管: two verified firms, a pending one, agreements in every state,
// forwarded items acknowledged and overdue, a report waiting, one enterprise listed; loading twice adds nothing.

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

describe('the hosting demo data', () => {
  it('has the hosts, agreements in every state, occupancy equal to the active agreements', async () => {
    const em = app.em();
    expect((await em.execute(`select status from hosts order by status`)).map((r: any) => r.status)).toEqual([
      'PENDING',
      'VERIFIED',
      'VERIFIED',
    ]);
    expect(
      (await em.execute(`select distinct status from hosting_agreements order by status`)).map((r: any) => r.status),
    ).toEqual(['ACTIVE', 'REFUSED', 'REQUESTED', 'TERMINATED']);
    const mismatched = await em.execute(
      `select a.id from hosted_addresses a where a.occupied <> (select count(*) from hosting_agreements g where g.address_id = a.id and g.status = 'ACTIVE')`,
    );
    expect(mismatched).toEqual([]);
  });

  it('shows host@demo.local its two addresses, one nearly full, and the overdue and acknowledged items', async () => {
    const token = await signIn('host@demo.local');
    const result = await app.execute(
      `{ myHost { name kind status addresses(first: 5) { edges { node { capacity occupied available } } } }
         myHostingAgreements(first: 50, filter: { status: ACTIVE }) { edges { node { forwardings(first: 5) { edges { node { acknowledgedAt overdue } } } } } } }`,
      {},
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.myHost).toMatchObject({ kind: 'LAW_FIRM', status: 'VERIFIED' });
    const addresses = result.data!.myHost.addresses.edges.map((e: any) => e.node);
    expect(addresses).toHaveLength(2);
    expect(addresses.some((a: any) => a.available === 1)).toBe(true);
    const items = result.data!.myHostingAgreements.edges.flatMap((e: any) =>
      e.node.forwardings.edges.map((f: any) => f.node),
    );
    expect(items.some((i: any) => i.overdue)).toBe(true);
    expect(items.some((i: any) => i.acknowledgedAt)).toBe(true);
  });

  it('has a report waiting for the official and one enterprise on the public abnormal list', async () => {
    const token = await signIn('official@demo.local');
    const reports = await app.execute(
      `{ unreachableReports(first: 10, filter: { status: PENDING }) { totalCount } }`,
      {},
      { token },
    );
    expect(reports.data!.unreachableReports.totalCount).toBe(1);
    const list = await app.execute(
      `{ abnormalOperationsList(first: 10) { totalCount edges { node { authority enterprise { name } } } } }`,
    );
    expect(list.data!.abnormalOperationsList.totalCount).toBe(1);
    const host2 = await app.execute(`{ myHost { kind status } }`, {}, { token: await signIn('host2@demo.local') });
    expect(host2.data!.myHost).toEqual({ kind: 'ACCOUNTING_FIRM', status: 'VERIFIED' });
  });

  it('loading it again adds nothing', async () => {
    const before = await app
      .em()
      .execute(`select (select count(*) from hosts)::int as h, (select count(*) from hosting_agreements)::int as a`);
    await loadDemoData(app.orm, app.deps);
    expect(
      await app
        .em()
        .execute(`select (select count(*) from hosts)::int as h, (select count(*) from hosting_agreements)::int as a`),
    ).toEqual(before);
  });
});
