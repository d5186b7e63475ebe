import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createCast, demandInput, type Cast } from './helpers.js';

// Who may call each financing operation is the permission matrix's
// (test/platform/permission-matrix.ts). Here: what its rows do not express, the exact form of a
// refusal and a partner's budget.

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

describe('publishing a financing demand', () => {
  it('reports the enterprise of another applicant as not found, on the field that names it', async () => {
    const result = await app.execute(
      `mutation($input: PublishFinancingDemandInput!) { publishFinancingDemand(input: $input) { demand { id } userErrors { code field } } }`,
      { input: demandInput(toGlobalId('Enterprise', cast.otherEnterprise.id)) },
      { token: cast.owner.token },
    );
    expect(result.data!.publishFinancingDemand).toEqual({
      demand: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] }],
    });
  });
});

describe('a partner system', () => {
  it('searching beyond its budget per minute is answered RATE_LIMITED', async () => {
    const limited = await TestApp.start({ config: { rateLimitPointsPerMinute: 60 } });
    try {
      const local = await createCast(limited);
      // Cost 51: the page, and a nested connection under each of its 50 rows.
      const query = `{ financingDemands(first: 50) { edges { node { id offers(first: 1) { totalCount } } } } }`;
      const first = await limited.execute(query, {}, { token: local.partner });
      expect(first.errors).toBeUndefined();
      const second = await limited.execute(query, {}, { token: local.partner });
      expect(second.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});
