import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createCast, type Cast } from './helpers.js';

// Credit products: what a bank may publish, what anyone finds with each filter, retirement; banks.

let app: TestApp;
let cast: Cast;
const products: Record<string, string> = {};

const PUBLISH = `mutation($input: PublishCreditProductInput!) {
  publishCreditProduct(input: $input) { product { id name status bank { id name } } userErrors { code field } } }`;

function product(overrides: Record<string, unknown> = {}) {
  return {
    name: '普惠信用贷',
    description: '面向小微企业',
    minAmount: { amount: '100000.00' },
    maxAmount: { amount: '3000000.00' },
    minTermMonths: 6,
    maxTermMonths: 36,
    minAnnualRate: '3.45',
    maxAnnualRate: '5.50',
    guaranteeTypes: ['CREDIT'],
    audience: ['SMALL_AND_MICRO'],
    onlineApplication: true,
    applicationUrl: 'https://bank.example.cn/apply',
    ...overrides,
  };
}

beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
  const publish = async (key: string, token: string, input: Record<string, unknown>) => {
    app.clock.advance(1000);
    const result = await app.execute(PUBLISH, { input }, { token });
    expect(result.data!.publishCreditProduct.userErrors).toEqual([]);
    products[key] = result.data!.publishCreditProduct.product.id;
  };
  await publish('micro', cast.bankA.token, product());
  await publish(
    'mortgage',
    cast.bankA.token,
    product({
      name: '厂房抵押贷',
      minAmount: { amount: '2000000.00' },
      maxAmount: { amount: '50000000.00' },
      minTermMonths: 12,
      maxTermMonths: 120,
      guaranteeTypes: ['MORTGAGE'],
      audience: ['ALL'],
      onlineApplication: false,
      applicationUrl: null,
    }),
  );
  await publish(
    'trade',
    cast.bankB.token,
    product({
      name: '外贸通',
      guaranteeTypes: ['PLEDGE', 'CREDIT'],
      audience: ['FOREIGN_TRADE', 'FOREIGN_INVESTED'],
      onlineApplication: false,
      applicationUrl: null,
    }),
  );
});
afterAll(async () => app?.stop());

async function list(filter: Record<string, unknown> = {}): Promise<string[]> {
  const result = await app.execute(
    `query($filter: CreditProductFilter) { creditProducts(first: 100, filter: $filter) { edges { node { id } } } }`,
    { filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.creditProducts.edges.map((e: any) => e.node.id);
}

describe('credit products', () => {
  it('anyone lists the active ones, newest first, with each filter', async () => {
    const { micro, mortgage, trade } = products as Record<string, string>;
    expect(await list()).toEqual([trade, mortgage, micro]);
    expect(await list({ bankIds: [await bankId(cast.bankB.token)] })).toEqual([trade]);
    expect(await list({ guaranteeTypes: ['PLEDGE', 'MORTGAGE'] })).toEqual([trade, mortgage]);
    expect(await list({ amount: { amount: '2500000.00' } })).toEqual([trade, mortgage, micro]);
    expect(await list({ amount: { amount: '10000000.00' } })).toEqual([mortgage]);
    expect(await list({ termMonths: 60 })).toEqual([mortgage]);
    // ALL always matches an audience.
    expect(await list({ audience: ['FOREIGN_INVESTED'] })).toEqual([trade, mortgage]);
    expect(await list({ onlineApplication: true })).toEqual([micro]);
  });

  it('refuses reversed ranges, empty lists, a plain-http address and a duplicate active name', async () => {
    const result = await app.execute(
      PUBLISH,
      {
        input: product({
          minAmount: { amount: '5000000.00' },
          minTermMonths: 40,
          minAnnualRate: '6',
          guaranteeTypes: [],
          audience: [],
          applicationUrl: 'http://x.cn',
        }),
      },
      { token: cast.bankA.token },
    );
    expect(result.data!.publishCreditProduct.userErrors.map((e: any) => [e.code, e.field.at(-1)])).toEqual([
      ['OUT_OF_RANGE', 'maxAmount'],
      ['OUT_OF_RANGE', 'maxTermMonths'],
      ['OUT_OF_RANGE', 'maxAnnualRate'],
      ['REQUIRED', 'guaranteeTypes'],
      ['REQUIRED', 'audience'],
      ['INVALID_FORMAT', 'applicationUrl'],
      ['ALREADY_EXISTS', 'name'],
    ]);
  });

  it('a retired product leaves the list, and its bank may publish the name again', async () => {
    const retire = await app.execute(
      `mutation($input: RetireCreditProductInput!) { retireCreditProduct(input: $input) { product { id status retiredAt } userErrors { code } } }`,
      { input: { id: products.micro } },
      { token: cast.bankA2.token },
    );
    expect(retire.data!.retireCreditProduct.product).toMatchObject({ id: products.micro, status: 'RETIRED' });
    expect(await list()).not.toContain(products.micro);
    const again = await app.execute(PUBLISH, { input: product() }, { token: cast.bankA.token });
    expect(again.data!.publishCreditProduct.userErrors).toEqual([]);
  });
});

async function bankId(token: string): Promise<string> {
  const result = await app.execute(
    `{ myFinancingOffers(first: 1) { totalCount } viewer { user { organisation { name } } } }`,
    {},
    { token },
  );
  const name = result.data!.viewer.user.organisation.name;
  const banks = await app.execute(`{ banks(first: 100) { edges { node { id name } } } }`);
  return banks.data!.banks.edges.find((e: any) => e.node.name === name).node.id;
}

describe('banks', () => {
  it('anyone lists them by name with their active products', async () => {
    const result = await app.execute(
      `{ banks(first: 1) { totalCount edges { node { id name products(first: 10) { totalCount edges { node { name bank { name } } } } } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.banks.totalCount).toBe(2);
    const next = await app.execute(
      `query($after: String) { banks(first: 1, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
      {
        after: result.data!.banks.pageInfo.endCursor,
      },
    );
    const names = [result.data!.banks.edges[0].node.name, next.data!.banks.edges[0].node.name];
    expect(names).toEqual([...names].sort());
    expect(next.data!.banks.pageInfo.hasNextPage).toBe(false);
    const first = result.data!.banks.edges[0].node;
    expect(first.products.edges.every((e: any) => e.node.bank.name === first.name)).toBe(true);
  });
});
