// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CreditProductsQuery,
  FinancingBanksQuery,
  FinancingViewerQuery,
  PublishCreditProductMutation,
  RetireCreditProductMutation,
} from '../gql/graphql';
import { mockClient, renderWithApp } from '../testing/render';
import { BankProductsPage } from './BankProductsPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const viewer: FinancingViewerQuery = {
  viewer: {
    role: 'BANK_OFFICER',
    user: {
      id: 'VTox',
      role: 'BANK_OFFICER',
      department: null,
      organisation: { id: 'T3JnOjE=', name: '青岛银行股份有限公司', uscc: '91370200264609602K' },
    },
  },
};
const banks: FinancingBanksQuery = {
  banks: {
    edges: [
      { node: { id: 'QmFuazoy', name: '青岛银行', uscc: '91370200676776095A' } },
      { node: { id: 'QmFuazox', name: '青岛银行股份有限公司', uscc: '91370200264609602K' } },
    ],
  },
};
const products: CreditProductsQuery = {
  creditProducts: {
    totalCount: 1,
    pageInfo: { hasNextPage: false, endCursor: null },
    edges: [
      {
        node: {
          id: 'Q1A6MQ==',
          name: '普惠信用贷',
          description: '纯信用',
          status: 'ACTIVE',
          minAmount: { amount: '100000.00', currency: 'CNY' },
          maxAmount: { amount: '3000000.00', currency: 'CNY' },
          minTermMonths: 3,
          maxTermMonths: 36,
          minAnnualRate: '3.45',
          maxAnnualRate: '4.80',
          guaranteeTypes: ['CREDIT'],
          audience: ['SMALL_AND_MICRO'],
          onlineApplication: false,
          applicationUrl: null,
          publishedAt: '2026-11-01T01:00:00Z',
          bank: { id: 'QmFuazox', name: '青岛银行股份有限公司' },
        },
      },
    ],
  },
};

const queries = (name: string) => ({ FinancingViewer: viewer, FinancingBanks: banks, CreditProducts: products })[name];

function field(name: string) {
  return document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

describe("the bank's credit products", () => {
  it("lists its own bank's products (matched by credit code) and retires one", async () => {
    const retired: RetireCreditProductMutation = {
      retireCreditProduct: { product: { id: 'Q1A6MQ==', status: 'RETIRED' }, userErrors: [] },
    };
    const { client, calls } = mockClient({ query: queries, mutation: () => retired });
    renderWithApp(<BankProductsPage />, { client, token: 'qes_s_x' });
    await userEvent.click(await screen.findByRole('button', { name: 'Retire 普惠信用贷' }));
    await screen.findByText('The product is retired.');
    expect(calls.find((call) => call.name === 'CreditProducts')!.variables).toMatchObject({
      filter: { bankIds: ['QmFuazox'] },
    });
    expect(calls.find((call) => call.kind === 'mutation')).toMatchObject({
      name: 'RetireCreditProduct',
      variables: { input: { id: 'Q1A6MQ==' } },
    });
  });

  it('puts the userErrors of publishing at the fields they name', async () => {
    const refused: PublishCreditProductMutation = {
      publishCreditProduct: {
        product: null,
        userErrors: [
          { code: 'OUT_OF_RANGE', field: ['input', 'maxAmount', 'amount'], message: 'At most 100,000,000 yuan' },
          { code: 'INVALID_FORMAT', field: ['input', 'applicationUrl'], message: 'Not an https address' },
        ],
      },
    };
    const { client, calls } = mockClient({ query: queries, mutation: () => refused });
    renderWithApp(<BankProductsPage />, { client, token: 'qes_s_x' });
    await screen.findByTestId('product-form');
    await userEvent.type(field('name'), '科创贷');
    await userEvent.type(field('description'), '面向科技型企业');
    await userEvent.type(field('minAmount'), '100000');
    await userEvent.type(field('maxAmount'), '900000000');
    await userEvent.type(field('minTermMonths'), '6');
    await userEvent.type(field('maxTermMonths'), '36');
    await userEvent.type(field('minAnnualRate'), '3.2');
    await userEvent.type(field('maxAnnualRate'), '4.5');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Pledge' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Technology enterprises' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Online application' }));
    await userEvent.type(field('applicationUrl'), 'http://example.cn');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the product' }));

    await waitFor(() => expect(field('maxAmount').getAttribute('aria-invalid')).toBe('true'));
    expect(field('applicationUrl').getAttribute('aria-invalid')).toBe('true');
    expect(field('minAmount').getAttribute('aria-invalid')).toBeNull();
    expect((calls.find((call) => call.kind === 'mutation')!.variables as { input: unknown }).input).toEqual({
      name: '科创贷',
      description: '面向科技型企业',
      minAmount: { amount: '100000', currency: 'CNY' },
      maxAmount: { amount: '900000000', currency: 'CNY' },
      minTermMonths: 6,
      maxTermMonths: 36,
      minAnnualRate: '3.2',
      maxAnnualRate: '4.5',
      guaranteeTypes: ['PLEDGE'],
      audience: ['TECHNOLOGY'],
      onlineApplication: true,
      applicationUrl: 'http://example.cn',
    });
  });

  it('asks for a guarantee type and an audience before sending', async () => {
    const { client, calls } = mockClient({ query: queries });
    renderWithApp(<BankProductsPage />, { client, token: 'qes_s_x' });
    await screen.findByTestId('product-form');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the product' }));
    expect(screen.getAllByText('Choose at least one.')).toHaveLength(2);
    expect(field('name').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((call) => call.kind === 'mutation')).toEqual([]);
  });
});
