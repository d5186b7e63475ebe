import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import {
  ACCEPT,
  createCast,
  demandInput,
  financingRowCounts,
  makeOffer,
  offerInput,
  publishDemand,
  type Cast,
} from './helpers.js';

// The permission matrix of every financing operation (architecture.md: "for each mutation, the
// permission matrix"). Each row is the reviewed contract of one operation; every cell runs the real
// operation on fresh data: a demand of the owner's enterprise with a pending offer of the offering bank.

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

const CALLERS = [
  'owner',
  'otherEnterprise',
  'offeringBank',
  'otherBank',
  'partner',
  'partnerWithoutScope',
  'financeOfficial',
  'otherOfficial',
  'admin',
  'anonymous',
] as const;
type CallerName = (typeof CALLERS)[number];
/** OK; a top-level error code; a userError code; NULL / EMPTY when a read answered with nothing. */
type Outcome = 'OK' | 'NULL' | 'EMPTY' | 'UNAUTHENTICATED' | 'FORBIDDEN' | `userError:${string}`;
type Row = Record<CallerName, Outcome>;

function tokenOf(caller: CallerName): string | null {
  switch (caller) {
    case 'owner':
      return cast.owner.token;
    case 'otherEnterprise':
      return cast.other.token;
    case 'offeringBank':
      return cast.bankA.token;
    case 'otherBank':
      return cast.bankB.token;
    case 'partner':
      return cast.partner;
    case 'partnerWithoutScope':
      return cast.partnerWithoutScope;
    case 'financeOfficial':
      return cast.finance.token;
    case 'otherOfficial':
      return cast.registrar.token;
    case 'admin':
      return cast.admin.token;
    case 'anonymous':
      return null;
  }
}

const DENIED = {
  partner: 'FORBIDDEN',
  partnerWithoutScope: 'FORBIDDEN',
  financeOfficial: 'FORBIDDEN',
  otherOfficial: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
} as const;

const ENTERPRISE_ONLY: Row = {
  owner: 'OK',
  otherEnterprise: 'userError:NOT_FOUND',
  offeringBank: 'FORBIDDEN',
  otherBank: 'FORBIDDEN',
  ...DENIED,
};
const OFFERING_BANK_ONLY: Row = {
  owner: 'FORBIDDEN',
  otherEnterprise: 'FORBIDDEN',
  offeringBank: 'OK',
  otherBank: 'userError:NOT_FOUND',
  ...DENIED,
};
const ANY_BANK: Row = { ...OFFERING_BANK_ONLY, otherBank: 'OK' };
const PUBLIC: Row = Object.fromEntries(CALLERS.map((c) => [c, 'OK'])) as Row;

const MATRIX: Record<string, Row> = {
  publishFinancingDemand: ENTERPRISE_ONLY,
  withdrawFinancingDemand: ENTERPRISE_ONLY,
  acceptFinancingOffer: ENTERPRISE_ONLY,
  declineFinancingOffer: ENTERPRISE_ONLY,
  // The offering bank already has a pending offer on the demand: a second one is refused.
  makeFinancingOffer: { ...ANY_BANK, offeringBank: 'userError:ALREADY_EXISTS' },
  withdrawFinancingOffer: OFFERING_BANK_ONLY,
  recordDisbursement: OFFERING_BANK_ONLY,
  publishCreditProduct: ANY_BANK,
  retireCreditProduct: OFFERING_BANK_ONLY,
  saveFinancingDemandAlert: ANY_BANK,
  deleteFinancingDemandAlert: OFFERING_BANK_ONLY,
  financingDemands: {
    owner: 'FORBIDDEN',
    otherEnterprise: 'FORBIDDEN',
    offeringBank: 'OK',
    otherBank: 'OK',
    partner: 'OK',
    partnerWithoutScope: 'FORBIDDEN',
    financeOfficial: 'OK',
    otherOfficial: 'OK',
    admin: 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  },
  financingDemand: {
    owner: 'OK',
    otherEnterprise: 'NULL',
    offeringBank: 'OK',
    otherBank: 'OK',
    partner: 'OK',
    partnerWithoutScope: 'NULL',
    financeOfficial: 'OK',
    otherOfficial: 'OK',
    admin: 'NULL',
    anonymous: 'UNAUTHENTICATED',
  },
  myFinancingDemands: {
    owner: 'OK',
    otherEnterprise: 'EMPTY',
    offeringBank: 'FORBIDDEN',
    otherBank: 'FORBIDDEN',
    ...DENIED,
  },
  myFinancingOffers: { ...OFFERING_BANK_ONLY, otherBank: 'EMPTY' },
  myFinancingDemandAlerts: ANY_BANK,
  creditProducts: PUBLIC,
  banks: PUBLIC,
  financingStats: {
    owner: 'FORBIDDEN',
    otherEnterprise: 'FORBIDDEN',
    offeringBank: 'FORBIDDEN',
    otherBank: 'FORBIDDEN',
    ...DENIED,
    financeOfficial: 'OK',
  },
};

interface Fixture {
  demandId: string;
  offerId: string;
}

/** A fresh open demand of the owner's enterprise with a pending offer of bank A. */
async function fixture(): Promise<Fixture> {
  const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
  const offerId = await makeOffer(app, cast.bankA, demandId);
  return { demandId, offerId };
}

const PRODUCT_INPUT = () => ({
  name: `普惠贷 ${Math.random().toString(36).slice(2, 8)}`,
  description: '面向小微企业的信用贷款',
  minAmount: { amount: '100000.00' },
  maxAmount: { amount: '5000000.00' },
  minTermMonths: 6,
  maxTermMonths: 36,
  minAnnualRate: '3.45',
  maxAnnualRate: '6.00',
  guaranteeTypes: ['CREDIT'],
  audience: ['SMALL_AND_MICRO'],
  onlineApplication: true,
  applicationUrl: 'https://bank.example.cn/apply',
});

interface Operation {
  document: string;
  variables: () => Promise<Record<string, unknown>>;
  /** For reads: how to tell OK from NULL/EMPTY. */
  read?: (data: any, variables: Record<string, unknown>) => Outcome;
}

const OPERATIONS: Record<string, Operation> = {
  publishFinancingDemand: {
    document: `mutation($input: PublishFinancingDemandInput!) { publishFinancingDemand(input: $input) { demand { id } userErrors { code } } }`,
    variables: async () => ({ input: demandInput(cast.enterpriseId) }),
  },
  withdrawFinancingDemand: {
    document: `mutation($input: WithdrawFinancingDemandInput!) { withdrawFinancingDemand(input: $input) { demand { id } userErrors { code } } }`,
    variables: async () => ({ input: { id: (await fixture()).demandId } }),
  },
  acceptFinancingOffer: {
    document: ACCEPT,
    variables: async () => ({ input: { id: (await fixture()).offerId } }),
  },
  declineFinancingOffer: {
    document: `mutation($input: DeclineFinancingOfferInput!) { declineFinancingOffer(input: $input) { offer { id } userErrors { code } } }`,
    variables: async () => ({ input: { id: (await fixture()).offerId } }),
  },
  makeFinancingOffer: {
    document: `mutation($input: MakeFinancingOfferInput!) { makeFinancingOffer(input: $input) { offer { id } userErrors { code } } }`,
    variables: async () => ({ input: offerInput((await fixture()).demandId) }),
  },
  withdrawFinancingOffer: {
    document: `mutation($input: WithdrawFinancingOfferInput!) { withdrawFinancingOffer(input: $input) { offer { id } userErrors { code } } }`,
    variables: async () => ({ input: { id: (await fixture()).offerId } }),
  },
  recordDisbursement: {
    document: `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { offer { id } userErrors { code } } }`,
    variables: async () => {
      const { offerId } = await fixture();
      const accepted = await app.execute(ACCEPT, { input: { id: offerId } }, { token: cast.owner.token });
      expect(accepted.data!.acceptFinancingOffer.userErrors).toEqual([]);
      return { input: { offerId, amount: { amount: '1500000.00' }, disbursedOn: '2026-11-26' } };
    },
  },
  publishCreditProduct: {
    document: `mutation($input: PublishCreditProductInput!) { publishCreditProduct(input: $input) { product { id } userErrors { code } } }`,
    variables: async () => ({ input: PRODUCT_INPUT() }),
  },
  retireCreditProduct: {
    document: `mutation($input: RetireCreditProductInput!) { retireCreditProduct(input: $input) { product { id } userErrors { code } } }`,
    variables: async () => {
      const published = await app.execute(
        OPERATIONS.publishCreditProduct!.document,
        { input: PRODUCT_INPUT() },
        { token: cast.bankA.token },
      );
      return { input: { id: published.data!.publishCreditProduct.product.id } };
    },
  },
  saveFinancingDemandAlert: {
    document: `mutation($input: SaveFinancingDemandAlertInput!) { saveFinancingDemandAlert(input: $input) { alert { id } userErrors { code } } }`,
    variables: async () => {
      // Keep the officers under their alert limit whatever the order of the cases.
      await app.em().execute('delete from financing_demand_alerts');
      return { input: { name: '黄岛区信用贷', filter: { districts: ['HUANGDAO'] } } };
    },
  },
  deleteFinancingDemandAlert: {
    document: `mutation($input: DeleteFinancingDemandAlertInput!) { deleteFinancingDemandAlert(input: $input) { alert { id } userErrors { code } } }`,
    variables: async () => {
      await app.em().execute('delete from financing_demand_alerts');
      const saved = await app.execute(
        OPERATIONS.saveFinancingDemandAlert!.document,
        { input: { name: '提醒', filter: {} } },
        { token: cast.bankA.token },
      );
      return { input: { id: saved.data!.saveFinancingDemandAlert.alert.id } };
    },
  },
  financingDemands: {
    document: `query($after: DateTime) { financingDemands(first: 100, filter: { publishedAfter: $after }) { edges { node { id } } } }`,
    variables: async () => ({ after: app.clock.now().toISOString(), demandId: (await fixture()).demandId }),
    read: (data, variables) =>
      data.financingDemands.edges.some((e: any) => e.node.id === variables.demandId) ? 'OK' : 'EMPTY',
  },
  financingDemand: {
    document: `query($demandId: ID!) { financingDemand(id: $demandId) { id } }`,
    variables: async () => ({ demandId: (await fixture()).demandId }),
    read: (data) => (data.financingDemand ? 'OK' : 'NULL'),
  },
  myFinancingDemands: {
    document: `query { myFinancingDemands(first: 100) { edges { node { id } } } }`,
    variables: async () => ({ demandId: (await fixture()).demandId }),
    read: (data, variables) =>
      data.myFinancingDemands.edges.some((e: any) => e.node.id === variables.demandId) ? 'OK' : 'EMPTY',
  },
  myFinancingOffers: {
    document: `query { myFinancingOffers(first: 100) { edges { node { id } } } }`,
    variables: async () => ({ offerId: (await fixture()).offerId }),
    read: (data, variables) =>
      data.myFinancingOffers.edges.some((e: any) => e.node.id === variables.offerId) ? 'OK' : 'EMPTY',
  },
  myFinancingDemandAlerts: {
    document: `query { myFinancingDemandAlerts { id } }`,
    variables: async () => ({}),
  },
  creditProducts: {
    document: `query { creditProducts(first: 5) { edges { node { id bank { name } } } } }`,
    variables: async () => ({}),
  },
  banks: {
    document: `query { banks(first: 5) { edges { node { id name } } } }`,
    variables: async () => ({}),
  },
  financingStats: {
    document: `query { financingStats(from: "2026-01-01", to: "2026-12-31", groupBy: DISTRICT) { key demandCount } }`,
    variables: async () => ({}),
  },
};

function outcomeOf(result: ExecuteResult, operation: string, variables: Record<string, unknown>): Outcome {
  if (result.errors?.length) return result.errors[0]!.extensions?.code as Outcome;
  const read = OPERATIONS[operation]!.read;
  if (read) return read(result.data, variables);
  const payload = result.data?.[operation] as { userErrors?: { code: string }[] } | null;
  const userErrors = payload?.userErrors ?? [];
  return userErrors.length ? `userError:${userErrors[0]!.code}` : 'OK';
}

const cases = Object.entries(MATRIX).flatMap(([operation, row]) =>
  CALLERS.map((caller) => ({ operation, caller, expected: row[caller] })),
);

describe('the permission matrix of the financing operations', () => {
  it('covers every caller for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(cases)('$operation called by $caller: $expected', async ({ operation, caller, expected }) => {
    const variables = await OPERATIONS[operation]!.variables();
    const before = await financingRowCounts(app);

    const result = await app.execute(OPERATIONS[operation]!.document, variables, { token: tokenOf(caller) });

    expect(outcomeOf(result, operation, variables)).toBe(expected);
    if (expected === 'UNAUTHENTICATED' || expected === 'FORBIDDEN' || expected.startsWith('userError:')) {
      expect(await financingRowCounts(app)).toEqual(before);
    }
  });

  it('reports the enterprise of another applicant as not found when publishing for it', async () => {
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
