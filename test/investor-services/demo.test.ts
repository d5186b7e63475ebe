import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../../src/db/demo/index.js';
import { ServiceCase } from '../../src/modules/investor-services/service-case.entity.js';
import { TestApp } from '../helpers/app.js';

// The demo of foreign-investment services: investor@demo.local's cases in every state, one overdue,
// handled by commerce@demo.local and commerce2@demo.local; two published typical cases.

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

describe('the investor-services demo data', () => {
  it('gives the investor cases in every state, one of them overdue', async () => {
    const token = await signIn('investor@demo.local');
    const result = await app.execute(
      `{ myServiceCases(first: 50) { edges { node { status overdue acceptBy resolveBy } } } }`,
      {},
      { token },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.myServiceCases.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(
      new Set(['SUBMITTED', 'MATERIALS_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'RESOLVED', 'CLOSED', 'WITHDRAWN']),
    );
    expect(nodes.filter((n: any) => n.overdue)).toHaveLength(1);
  });

  it('lets both commerce officials read the queue, and shows two typical cases to anyone', async () => {
    for (const email of ['commerce@demo.local', 'commerce2@demo.local']) {
      const token = await signIn(email);
      const queue = await app.execute(`{ serviceCases(filter: { overdue: true }) { totalCount } }`, {}, { token });
      expect(queue.data!.serviceCases.totalCount).toBe(1);
    }
    // commerce@demo.local handles the investor's cases: they are in its own queue, confidential parts included.
    const handler = await app.execute(
      `{ serviceCases(first: 50, filter: { assignedToMe: true }) { totalCount edges { node { viewerIsHandler } } } }`,
      {},
      { token: await signIn('commerce@demo.local') },
    );
    expect(handler.data!.serviceCases.totalCount).toBeGreaterThan(0);
    expect(handler.data!.serviceCases.edges.every((e: any) => e.node.viewerIsHandler)).toBe(true);
    const typical = await app.execute(`{ typicalCases { totalCount edges { node { title } } } }`);
    expect(typical.data!.typicalCases.totalCount).toBe(2);
  });

  it('adds nothing when loaded again', async () => {
    const before = await app.em().count(ServiceCase, {});
    await loadDemoData(app.orm, app.deps);
    expect(await app.em().count(ServiceCase, {})).toBe(before);
  });
});
