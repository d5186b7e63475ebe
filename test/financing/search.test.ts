import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { District } from '../../src/shared/graphql/reference.types.js';
import { TestApp } from '../helpers/app.js';
import { ACCEPT, createCast, createEnterprise, makeOffer, publishDemand, type Cast } from './helpers.js';

// The bank search: every filter, both sort keys in both directions, keyset pages that add up to the
// whole list, and a fixed number of SQL statements whatever the page size.

let app: TestApp;
let cast: Cast;

interface Published {
  id: string;
  district: string;
  industry: string;
  foreignInvested: boolean;
  amountFen: number;
  termMonths: number;
  guaranteeType: string;
  publishedAt: number;
}
const published: Published[] = [];

const PROFILES = [
  { district: District.HUANGDAO, industry: 'I65', foreignInvested: false },
  { district: District.SHINAN, industry: 'C39', foreignInvested: true },
  { district: District.LAOSHAN, industry: 'K70', foreignInvested: false },
];
const GUARANTEES = ['CREDIT', 'MORTGAGE', 'GUARANTEE', 'PLEDGE'];

beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
  const enterprises = [];
  for (const profile of PROFILES) {
    for (let i = 0; i < 3; i++)
      enterprises.push({ profile, enterprise: await createEnterprise(app, cast.owner, profile) });
  }
  for (let i = 0; i < 36; i++) {
    const { profile, enterprise } = enterprises[i % enterprises.length]!;
    const amountFen = (1_000_000 + ((i * 7919) % 40) * 250_000) * 100;
    const termMonths = 6 + (i % 5) * 12;
    const guaranteeType = GUARANTEES[i % GUARANTEES.length]!;
    // Every fourth demand shares its publication instant with the one before: ties are broken by id.
    if (i % 4 !== 3) app.clock.advance(60_000);
    const id = await publishDemand(app, cast.owner, toGlobalId('Enterprise', enterprise.id), {
      amount: { amount: (amountFen / 100).toFixed(2) },
      termMonths,
      guaranteeType,
      maxAnnualRate: null,
    });
    published.push({ id, ...profile, amountFen, termMonths, guaranteeType, publishedAt: app.clock.now().getTime() });
  }
});
afterAll(async () => app?.stop());

const SEARCH = `query($filter: FinancingDemandFilter, $orderBy: FinancingDemandOrder, $first: Int, $after: String) {
  financingDemands(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function search(variables: Record<string, unknown>, token = cast.bankA.token) {
  const result = await app.execute(SEARCH, variables, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.financingDemands;
}

async function ids(filter: Record<string, unknown>, orderBy?: Record<string, unknown>): Promise<string[]> {
  return (await search({ filter, orderBy, first: 100 })).edges.map((e: any) => e.node.id);
}

function byIdDesc(a: Published, b: Published): number {
  const ka = Buffer.from(a.id, 'base64url').toString();
  const kb = Buffer.from(b.id, 'base64url').toString();
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** The expected list, newest first (ties: larger id first, as the SQL orders). */
function expected(where: (d: Published) => boolean): string[] {
  return published
    .filter(where)
    .sort((a, b) => b.publishedAt - a.publishedAt || byIdDesc(a, b))
    .map((d) => d.id);
}

describe('filters', () => {
  it('without a filter lists every open demand, newest first', async () => {
    expect(await ids({})).toEqual(expected(() => true));
  });

  it('one district, several districts (merged in order), industries, foreign investment', async () => {
    expect(await ids({ districts: ['SHINAN'] })).toEqual(expected((d) => d.district === 'SHINAN'));
    expect(await ids({ districts: ['SHINAN', 'LAOSHAN'] })).toEqual(expected((d) => d.district !== 'HUANGDAO'));
    expect(await ids({ industries: ['K70', 'i65'] })).toEqual(expected((d) => d.industry !== 'C39'));
    expect(await ids({ foreignInvested: true })).toEqual(expected((d) => d.foreignInvested));
  });

  it('amount range, longest term, guarantee types and publication time', async () => {
    const [min, max] = [3_000_000_00, 7_000_000_00];
    expect(await ids({ amountMin: { amount: '3000000.00' }, amountMax: { amount: '7000000' } })).toEqual(
      expected((d) => d.amountFen >= min && d.amountFen <= max),
    );
    expect(await ids({ termMonthsMax: 30 })).toEqual(expected((d) => d.termMonths <= 30));
    expect(await ids({ guaranteeTypes: ['MORTGAGE', 'PLEDGE'] })).toEqual(
      expected((d) => ['MORTGAGE', 'PLEDGE'].includes(d.guaranteeType)),
    );
    const cut = published[20]!.publishedAt;
    expect(await ids({ publishedAfter: new Date(cut).toISOString() })).toEqual(expected((d) => d.publishedAt >= cut));
  });

  it('all filters together, in several districts', async () => {
    const filter = {
      districts: ['HUANGDAO', 'SHINAN'],
      amountMin: { amount: '2000000.00' },
      termMonthsMax: 42,
      guaranteeTypes: ['CREDIT', 'MORTGAGE', 'GUARANTEE'],
    };
    expect(await ids(filter)).toEqual(
      expected(
        (d) =>
          d.district !== 'LAOSHAN' && d.amountFen >= 2_000_000_00 && d.termMonths <= 42 && d.guaranteeType !== 'PLEDGE',
      ),
    );
  });

  it('refuses an industry code outside GB/T 4754-2017 and a reversed amount range', async () => {
    const result = await app.execute(
      SEARCH,
      { filter: { industries: ['I65', 'X99'], amountMin: { amount: '5' }, amountMax: { amount: '1' } } },
      { token: cast.bankA.token },
    );
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { code: 'INVALID_INPUT', field: ['filter', 'industries', '1'] },
        { code: 'OUT_OF_RANGE', field: ['filter', 'amountMax'] },
      ],
    });
  });
});

describe('order and pages', () => {
  it('sorts by amount in both directions and by publication oldest first', async () => {
    const byAmount = [...published].sort((a, b) => a.amountFen - b.amountFen || (a.id < b.id ? -1 : 1));
    const asc = await ids({}, { field: 'AMOUNT', direction: 'ASC' });
    expect(asc.map((id) => published.find((d) => d.id === id)!.amountFen)).toEqual(byAmount.map((d) => d.amountFen));
    const desc = await ids({}, { field: 'AMOUNT' });
    expect(desc.map((id) => published.find((d) => d.id === id)!.amountFen)).toEqual(
      byAmount.map((d) => d.amountFen).reverse(),
    );
    expect(await ids({}, { field: 'PUBLISHED_AT', direction: 'ASC' })).toEqual(expected(() => true).reverse());
  });

  it('keyset pages of 5 add up to the whole list, in every order and with several districts', async () => {
    for (const [filter, orderBy] of [
      [{}, undefined],
      [{}, { field: 'AMOUNT', direction: 'ASC' }],
      [{ districts: ['SHINAN', 'HUANGDAO'] }, { field: 'AMOUNT' }],
      [{ districts: ['SHINAN', 'HUANGDAO'] }, undefined],
    ] as const) {
      const whole = await ids(filter, orderBy);
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await search({ filter, orderBy, first: 5, after });
        paged.push(...page.edges.map((e: any) => e.node.id));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(whole.length);
    }
  });

  it('counts on request and refuses a forged cursor or a page over 100', async () => {
    expect((await search({ filter: { districts: ['LAOSHAN'] }, first: 1 })).totalCount).toBe(12);
    const forged = await app.execute(
      SEARCH,
      { after: Buffer.from('["x","y"]').toString('base64url') },
      { token: cast.bankA.token },
    );
    expect(forged.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const large = await app.execute(SEARCH, { first: 101 }, { token: cast.bankA.token });
    expect(large.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('statuses by caller', () => {
  it('a bank sees matched demands only where it made an offer; a partner only open ones; an official all', async () => {
    const target = published[0]!.id;
    const offer = await makeOffer(app, cast.bankA, target, { amount: { amount: '100000.00' } });
    await app.execute(ACCEPT, { input: { id: offer } }, { token: cast.owner.token });
    expect(await ids({ status: 'MATCHED' })).toEqual([target]);
    expect((await search({ filter: { status: 'MATCHED' }, first: 10 }, cast.bankB.token)).edges).toEqual([]);
    expect((await search({ filter: { status: 'MATCHED' }, first: 10 }, cast.partner)).edges).toEqual([]);
    expect(
      (await search({ filter: { status: 'MATCHED' }, first: 10 }, cast.registrar.token)).edges.map(
        (e: any) => e.node.id,
      ),
    ).toEqual([target]);
    expect(await ids({})).not.toContain(target);
  });
});

describe('the enterprise of each row', () => {
  it('answers its public facts from the page, and fields that need its full record through the registration module', async () => {
    const lean = await search({ filter: { districts: ['SHINAN'] }, first: 3 });
    expect(lean.edges).toHaveLength(3);
    const result = await app.execute(
      `{ financingDemands(first: 3, filter: { districts: [SHINAN] }) { edges { node { enterprise { id name uscc industry { code name } foreignInvested businessScope registeredAddress { address } } } } } }`,
      {},
      { token: cast.bankA.token },
    );
    expect(result.errors).toBeUndefined();
    for (const edge of result.data!.financingDemands.edges) {
      expect(edge.node.enterprise).toMatchObject({
        industry: { code: 'C39' },
        foreignInvested: true,
        businessScope: '软件开发',
      });
      expect(edge.node.enterprise.registeredAddress.address).toMatch(/^青岛市/);
    }
  });
});

describe('SQL statements', () => {
  const BANK_SEARCH = `query($first: Int!) {
    financingDemands(first: $first, filter: { districts: [HUANGDAO], amountMin: { amount: "1000000.00" }, amountMax: { amount: "20000000.00" } }) {
      edges { cursor node {
        id number amount { amount currency } termMonths purpose guaranteeType maxAnnualRate publishedAt expiresAt status offerCount
        industry { code name } district foreignInvested contact { phone }
        enterprise { id name uscc industry { code name } }
        offers(first: 5) { totalCount edges { node { id status amount { amount } annualRate termMonths createdAt bank { name } } } }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it('are as many for 50 demands with their enterprises and offers as for 1', async () => {
    // 50 more open demands in Huangdao, from 10 enterprises, with offers of bank A on every third.
    const enterprises = [];
    for (let i = 0; i < 10; i++) enterprises.push(await createEnterprise(app, cast.owner));
    for (let i = 0; i < 50; i++) {
      app.clock.advance(1000);
      const id = await publishDemand(app, cast.owner, toGlobalId('Enterprise', enterprises[i % 10]!.id), {
        maxAnnualRate: null,
      });
      if (i % 3 === 1) await makeOffer(app, cast.bankA, id);
    }
    await app.execute(BANK_SEARCH, { first: 1 }, { token: cast.bankA.token });

    let one: any;
    let fifty: any;
    const forOne = await app.countQueries(async () => {
      one = await app.execute(BANK_SEARCH, { first: 1 }, { token: cast.bankA.token });
    });
    const forFifty = await app.countQueries(async () => {
      fifty = await app.execute(BANK_SEARCH, { first: 50 }, { token: cast.bankA.token });
    });
    expect(one.errors).toBeUndefined();
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data.financingDemands.edges).toHaveLength(50);
    expect(
      fifty.data.financingDemands.edges.filter((e: any) => e.node.offers.edges.length > 0).length,
    ).toBeGreaterThanOrEqual(16);
    expect(fifty.data.financingDemands.edges[0].node.enterprise.industry.code).toBe('I65');
    expect(forFifty.length).toBe(forOne.length);
    // The session, the page, the enterprises, the offers, their totals, the banks of the offers.
    expect(forFifty.length).toBeLessThanOrEqual(6);
  });
});

// A query that selects none of a demand's detail fields reads the rows without their detail columns
// (financing.lookahead.ts): the answer must not change with the selection, in any state of a demand.
describe('the fields of each row', () => {
  const CORE = `id number district industry { code name } amount { amount currency } termMonths purpose guaranteeType
    maxAnnualRate status publishedAt expiresAt offerCount`;
  const DETAIL = 'foreignInvested collateral desiredOn contactConsent matchedAt endedAt';
  const rows = async (status: string, fields: string) => {
    const result = await app.execute(
      `query($status: FinancingDemandStatus) { financingDemands(first: 100, filter: { status: $status }) { edges { node { ${fields} } } } }`,
      { status },
      { token: cast.registrar.token },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.financingDemands.edges.map((edge: any) => edge.node);
  };
  const pick = (node: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, node[k]]));

  async function expectSameWhateverTheSelection(status: string): Promise<number> {
    const full = await rows(status, `${CORE} ${DETAIL}`);
    const core = await rows(status, CORE);
    const throughFragment = await rows(status, `id ... on FinancingDemand { collateral endedAt }`);
    const coreKeys = Object.keys(core[0] ?? {});
    expect(core).toEqual(full.map((node: any) => pick(node, coreKeys)));
    expect(throughFragment).toEqual(full.map((node: any) => pick(node, ['id', 'collateral', 'endedAt'])));
    for (const node of full) {
      const one = await app.execute(
        `query($id: ID!) { node(id: $id) { ... on FinancingDemand { ${CORE} ${DETAIL} } } }`,
        { id: node.id },
        { token: cast.registrar.token },
      );
      expect(one.data!.node).toEqual(node);
    }
    return full.length;
  }

  it('are the same whether or not a query selects the detail fields, and agree with node(id)', async () => {
    app.clock.advance(1000);
    const detailed = await publishDemand(app, cast.owner, cast.enterpriseId, {
      collateral: '厂房抵押',
      desiredOn: '2027-03-01',
      contactConsent: true,
      guaranteeType: 'MORTGAGE',
    });
    expect(await expectSameWhateverTheSelection('OPEN')).toBeGreaterThan(40);
    expect((await rows('OPEN', `id ${DETAIL}`)).find((node: any) => node.id === detailed)).toMatchObject({
      collateral: '厂房抵押',
      desiredOn: '2027-03-01',
      contactConsent: true,
      matchedAt: null,
      endedAt: null,
    });
    expect(await expectSameWhateverTheSelection('MATCHED')).toBe(1);
    expect((await rows('MATCHED', 'matchedAt'))[0].matchedAt).toMatch(/\+08:00$/);

    // A bank sees a contact person where the enterprise consented or accepted its offer: the rule reads
    // columns a query selecting only `id contact` must still bring.
    const contacts = async (status: string, token: string) => {
      const result = await app.execute(
        `query($status: FinancingDemandStatus) { financingDemands(first: 100, filter: { status: $status }) { edges { node { id contact { phone } } } } }`,
        { status },
        { token },
      );
      expect(result.errors).toBeUndefined();
      const found = new Map<string, unknown>();
      for (const edge of result.data!.financingDemands.edges) found.set(edge.node.id, edge.node.contact);
      for (const [id, contact] of found) {
        const one = await app.execute(
          `query($id: ID!) { node(id: $id) { ... on FinancingDemand { contact { phone } } } }`,
          { id },
          { token },
        );
        expect(one.data!.node.contact).toEqual(contact);
      }
      return found;
    };
    const matched = (await rows('MATCHED', 'id'))[0].id;
    expect((await contacts('MATCHED', cast.bankA.token)).get(matched)).toEqual({ phone: expect.any(String) });
    const openToBankB = await contacts('OPEN', cast.bankB.token);
    expect(openToBankB.get(detailed)).toEqual({ phone: expect.any(String) });
    expect([...openToBankB.values()].filter((contact) => contact === null).length).toBeGreaterThan(40);

    // Past their time, open demands are expired by the clock, and end when they expired.
    app.clock.advance(61 * 24 * 3600_000);
    expect(await expectSameWhateverTheSelection('EXPIRED')).toBeGreaterThan(40);
    const expired = (await rows('EXPIRED', 'expiresAt endedAt')) as { expiresAt: string; endedAt: string }[];
    for (const node of expired) expect(node.endedAt).toBe(node.expiresAt);
  });
});
