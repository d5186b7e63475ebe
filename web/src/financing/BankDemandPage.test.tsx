// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CreditProductsQuery,
  FinancingBanksQuery,
  FinancingDemandQuery,
  FinancingOfferFieldsFragment,
  FinancingViewerQuery,
  MakeFinancingOfferMutation,
} from '../gql/graphql';
import { mockClient, renderWithApp } from '../testing/render';
import { BankDemandPage } from './BankDemandPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

type Demand = NonNullable<FinancingDemandQuery['financingDemand']>;

function demand(overrides: Partial<Demand> = {}): FinancingDemandQuery {
  return {
    financingDemand: {
      id: 'RkQ6MQ==',
      number: 'RZ20261126000001',
      status: 'OPEN',
      amount: { amount: '3000000.00', currency: 'CNY' },
      termMonths: 24,
      purpose: 'WORKING_CAPITAL',
      guaranteeType: 'CREDIT',
      collateral: null,
      maxAnnualRate: '5.00',
      desiredOn: null,
      contactConsent: false,
      publishedAt: '2026-11-26T01:00:00Z',
      expiresAt: '2027-01-25T01:00:00Z',
      matchedAt: null,
      offerCount: 0,
      district: 'LAOSHAN',
      foreignInvested: false,
      industry: { code: 'I65', name: 'Software' },
      enterprise: { id: 'RW50OjE=', name: '青岛瑞祥泰信息技术有限公司', uscc: '91370211000000001X' },
      contact: null,
      offers: { totalCount: 0, edges: [] },
      ...overrides,
    },
  };
}

const viewer: FinancingViewerQuery = {
  viewer: {
    role: 'BANK_OFFICER',
    user: {
      id: 'VTox',
      role: 'BANK_OFFICER',
      department: null,
      organisation: { id: 'T3JnOjE=', name: '青岛甲银行', uscc: null },
    },
  },
};
const banks: FinancingBanksQuery = {
  banks: {
    edges: [
      { node: { id: 'QmFuazox', name: '青岛甲银行', uscc: null } },
      { node: { id: 'QmFuazoy', name: '青岛乙银行', uscc: null } },
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
          bank: { id: 'QmFuazox', name: '青岛甲银行' },
        },
      },
    ],
  },
};

const acceptedOffer: FinancingOfferFieldsFragment = {
  id: 'T2ZmZXI6MQ==',
  status: 'ACCEPTED',
  amount: { amount: '3000000.00', currency: 'CNY' },
  annualRate: '4.35',
  termMonths: 24,
  note: null,
  createdAt: '2026-11-26T02:00:00Z',
  decidedAt: '2026-11-26T03:00:00Z',
  disbursedAmount: null,
  disbursedOn: null,
  bank: { id: 'QmFuazox', name: '青岛甲银行' },
  product: null,
};

function queries(loaded: FinancingDemandQuery) {
  return (name: string) =>
    ({
      FinancingDemand: loaded,
      FinancingViewer: viewer,
      FinancingBanks: banks,
      CreditProducts: products,
    })[name];
}

const render = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithApp(<BankDemandPage />, {
    client,
    token: 'qes_s_x',
    path: '/financing/workbench/demands/RkQ6MQ==',
    route: '/financing/workbench/demands/:id',
  });

describe("a bank's view of a demand", () => {
  it('shows no contact section at all while the API sends no contact', async () => {
    const { client } = mockClient({ query: queries(demand()) });
    render(client);
    await screen.findByTestId('offer-form');
    expect(screen.queryByTestId('contact')).toBeNull();
    expect(screen.queryByText('Contact person')).toBeNull();
  });

  it('shows the contact person the API returns once the offer is accepted', async () => {
    const { client } = mockClient({
      query: queries(
        demand({
          status: 'MATCHED',
          contact: { name: '王海川', phone: '13912345678', email: null },
          offers: { totalCount: 1, edges: [{ node: acceptedOffer }] },
        }),
      ),
    });
    render(client);
    const contact = await screen.findByTestId('contact');
    expect(within(contact).getByRole('link', { name: '13912345678' }).getAttribute('href')).toBe('tel:13912345678');
    expect(screen.getByTestId('disbursement-form')).toBeTruthy();
    expect(screen.queryByTestId('offer-form')).toBeNull();
  });

  it("offers the bank's own products and puts the API's userErrors at the offer's fields", async () => {
    const refused: MakeFinancingOfferMutation = {
      makeFinancingOffer: {
        offer: null,
        userErrors: [
          { code: 'OUT_OF_RANGE', field: ['input', 'annualRate'], message: 'Above the ceiling of 5.00%' },
          { code: 'OUT_OF_RANGE', field: ['input', 'amount', 'amount'], message: 'Outside the product' },
        ],
      },
    };
    const { client, calls } = mockClient({ query: queries(demand()), mutation: () => refused });
    render(client);
    await screen.findByTestId('offer-form');
    const form = screen.getByTestId('offer-form');
    const product = form.querySelector<HTMLSelectElement>('[name="productId"]')!;
    await waitFor(() => expect(product.options.length).toBe(2));
    await userEvent.selectOptions(product, 'Q1A6MQ==');
    const rate = form.querySelector<HTMLInputElement>('[name="annualRate"]')!;
    expect(rate.value).toBe('3.45');
    await userEvent.clear(rate);
    await userEvent.type(rate, '9.99');
    await userEvent.click(screen.getByRole('button', { name: 'Make the offer' }));

    await waitFor(() => expect(rate.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Above the ceiling of 5.00%')).toBeTruthy();
    expect(form.querySelector('[name="amount"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((call) => call.name === 'CreditProducts')!.variables).toMatchObject({
      filter: { bankIds: ['QmFuazox'] },
    });
    expect((calls.find((call) => call.kind === 'mutation')!.variables as { input: unknown }).input).toMatchObject({
      demandId: 'RkQ6MQ==',
      amount: { amount: '3000000', currency: 'CNY' },
      annualRate: '9.99',
      termMonths: 24,
      productId: 'Q1A6MQ==',
    });
  });

  it('checks the rate before sending', async () => {
    const { client, calls } = mockClient({ query: queries(demand()) });
    render(client);
    await screen.findByTestId('offer-form');
    await userEvent.click(screen.getByRole('button', { name: 'Make the offer' }));
    const rate = screen.getByTestId('offer-form').querySelector('[name="annualRate"]')!;
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((call) => call.kind === 'mutation')).toEqual([]);
  });
});
