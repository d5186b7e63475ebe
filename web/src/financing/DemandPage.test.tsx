// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue, never } from 'wonka';
import type {
  AcceptFinancingOfferMutation,
  FinancingDemandQuery,
  FinancingOfferFieldsFragment,
  FinancingOfferReceivedSubscription,
} from '../gql/graphql';
import { mockClient, renderWithApp } from '../testing/render';
import { DemandPage } from './DemandPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function offer(id: string, bank: string, rate: string): FinancingOfferFieldsFragment {
  return {
    id,
    status: 'PENDING',
    amount: { amount: '3000000.00', currency: 'CNY' },
    annualRate: rate,
    termMonths: 24,
    note: null,
    createdAt: '2026-11-26T02:00:00Z',
    decidedAt: null,
    disbursedAmount: null,
    disbursedOn: null,
    bank: { id: `B${id}`, name: bank },
    product: null,
  };
}

const loaded: FinancingDemandQuery = {
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
    offerCount: 1,
    district: 'LAOSHAN',
    foreignInvested: false,
    industry: { code: 'I65', name: 'Software' },
    enterprise: { id: 'RW50OjE=', name: '青岛瑞祥泰信息技术有限公司', uscc: '91370211000000001X' },
    contact: { name: '王海川', phone: '13912345678', email: null },
    offers: { totalCount: 1, edges: [{ node: offer('O1', 'Bank of Qingdao', '4.35') }] },
  },
};

const arriving: FinancingOfferReceivedSubscription = {
  financingOfferReceived: offer('O2', 'Rural Commercial Bank', '4.60'),
};

describe("the applicant's demand page", () => {
  it('adds an offer that arrives live and asks before accepting, naming what follows', async () => {
    const accepted: AcceptFinancingOfferMutation = {
      acceptFinancingOffer: { offer: { id: 'O1', status: 'ACCEPTED' }, userErrors: [] },
    };
    const { client, calls } = mockClient({
      query: () => loaded,
      mutation: () => accepted,
      subscription: (name) =>
        name === 'FinancingOfferReceived'
          ? (fromValue({ data: arriving, stale: false, hasNext: true }) as never)
          : never,
    });
    renderWithApp(<DemandPage />, {
      client,
      token: 'qes_s_x',
      path: '/financing/demands/RkQ6MQ==',
      route: '/financing/demands/:id',
    });

    await waitFor(() => expect(screen.getAllByTestId('offer-row')).toHaveLength(2));
    expect(screen.getByTestId('announcement').textContent).toBe('New offer from Rural Commercial Bank.');
    expect(within(screen.getAllByTestId('offer-row')[0]!).getByText('Lowest rate')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Accept Bank of Qingdao' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Accept the offer of Bank of Qingdao?' });
    expect(dialog.textContent).toContain('Every other pending offer (1) will be declined');
    expect(dialog.textContent).toContain('Bank of Qingdao will see your contact person');
    expect(calls.filter((call) => call.kind === 'mutation')).toEqual([]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, accept' }));
    await screen.findByText('You accepted the offer of Bank of Qingdao.');
    expect(calls.find((call) => call.kind === 'mutation')).toMatchObject({
      name: 'AcceptFinancingOffer',
      variables: { input: { id: 'O1' } },
    });
  });

  it('shows a refusal of the API above the offers', async () => {
    const refused: AcceptFinancingOfferMutation = {
      acceptFinancingOffer: {
        offer: null,
        userErrors: [{ code: 'INVALID_STATE', field: ['input', 'id'], message: 'The offer is no longer pending' }],
      },
    };
    const { client } = mockClient({ query: () => loaded, mutation: () => refused });
    renderWithApp(<DemandPage />, {
      client,
      token: 'qes_s_x',
      path: '/financing/demands/RkQ6MQ==',
      route: '/financing/demands/:id',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Accept Bank of Qingdao' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, accept' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The offer is no longer pending');
  });
});
