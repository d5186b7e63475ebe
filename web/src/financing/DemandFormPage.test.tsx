// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  FinancingDemandFieldsFragment,
  MyEnterprisesForFinancingQuery,
  PublishFinancingDemandMutation,
} from '../gql/graphql';
import { mockClient, renderWithApp } from '../testing/render';
import { DemandFormPage } from './DemandFormPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// Fixtures typed from the codegen documents: a change to the queries that they no longer match
// fails the type check.
const enterprises: MyEnterprisesForFinancingQuery = {
  myEnterprises: {
    edges: [
      {
        node: {
          id: 'RW50OjE=',
          name: '青岛瑞祥泰信息技术有限公司',
          uscc: '91370211000000001X',
          status: 'ACTIVE',
          industry: { code: 'I65', name: 'Software' },
        },
      },
    ],
  },
};

const demand: FinancingDemandFieldsFragment = {
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
  district: 'HUANGDAO',
  foreignInvested: false,
  industry: { code: 'I65', name: 'Software' },
  enterprise: { id: 'RW50OjE=', name: '青岛瑞祥泰信息技术有限公司', uscc: '91370211000000001X' },
  contact: { name: '王海川', phone: '13912345678', email: null },
};

function refused(userErrors: PublishFinancingDemandMutation['publishFinancingDemand']['userErrors']) {
  const answer: PublishFinancingDemandMutation = { publishFinancingDemand: { demand: null, userErrors } };
  return answer;
}

function field(name: string) {
  return document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

async function fillValid() {
  await userEvent.type(field('amount'), '3000000');
  await userEvent.selectOptions(field('purpose'), 'WORKING_CAPITAL');
  await userEvent.selectOptions(field('guaranteeType'), 'CREDIT');
  await userEvent.type(field('maxAnnualRate'), '5.00');
  await userEvent.type(field('contact.name'), '王海川');
  await userEvent.type(field('contact.phone'), '13912345678');
}

describe('the financing demand form', () => {
  it('marks the missing fields itself and sends nothing', async () => {
    const { client, calls } = mockClient({ query: () => enterprises });
    renderWithApp(<DemandFormPage />, { client, token: 'qes_s_x' });
    await screen.findByTestId('demand-form');
    await userEvent.clear(field('termMonths'));
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));

    for (const name of ['amount', 'termMonths', 'purpose', 'guaranteeType', 'contact.name', 'contact.phone'])
      expect(field(name).getAttribute('aria-invalid'), name).toBe('true');
    expect(field('enterpriseId').value).toBe('RW50OjE=');
    expect(field('collateral').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getAllByText('Please fill this in.').length).toBeGreaterThanOrEqual(5);
    expect(calls.filter((call) => call.kind === 'mutation')).toEqual([]);
  });

  it('refuses a malformed rate and e-mail before sending', async () => {
    const { client, calls } = mockClient({ query: () => enterprises });
    renderWithApp(<DemandFormPage />, { client, token: 'qes_s_x' });
    await screen.findByTestId('demand-form');
    await fillValid();
    await userEvent.clear(field('maxAnnualRate'));
    await userEvent.type(field('maxAnnualRate'), '4.355');
    await userEvent.type(field('contact.email'), 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));

    expect(field('maxAnnualRate').getAttribute('aria-invalid')).toBe('true');
    expect(field('contact.email').getAttribute('aria-invalid')).toBe('true');
    expect(field('amount').getAttribute('aria-invalid')).toBeNull();
    expect(calls.filter((call) => call.kind === 'mutation')).toEqual([]);
  });

  it('shows each userError at the field its path names, and the others above the form', async () => {
    const { client, calls } = mockClient({
      query: () => enterprises,
      mutation: () =>
        refused([
          { code: 'OUT_OF_RANGE', field: ['input', 'amount', 'amount'], message: 'At most 100,000,000 yuan' },
          { code: 'INVALID_FORMAT', field: ['input', 'contact', 'phone'], message: 'Not a phone number' },
          { code: 'INVALID_STATE', field: null, message: 'Try again later' },
        ]),
    });
    renderWithApp(<DemandFormPage />, { client, token: 'qes_s_x' });
    await screen.findByTestId('demand-form');
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(field('amount').getAttribute('aria-invalid')).toBe('true'));
    expect(
      document.getElementById(field('amount').getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent,
    ).toBe('At most 100,000,000 yuan');
    expect(field('contact.phone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Try again later');
    expect(field('purpose').getAttribute('aria-invalid')).toBeNull();

    const sent = calls.find((call) => call.kind === 'mutation')!.variables as { input: Record<string, unknown> };
    expect(sent.input).toMatchObject({
      enterpriseId: 'RW50OjE=',
      amount: { amount: '3000000', currency: 'CNY' },
      termMonths: 12,
      purpose: 'WORKING_CAPITAL',
      guaranteeType: 'CREDIT',
      maxAnnualRate: '5.00',
      collateral: null,
      contact: { name: '王海川', phone: '13912345678', email: null, idNumber: null },
      contactConsent: false,
    });
  });

  it('opens the published demand', async () => {
    const published: PublishFinancingDemandMutation = { publishFinancingDemand: { demand, userErrors: [] } };
    const { client } = mockClient({ query: () => enterprises, mutation: () => published });
    renderWithApp(<DemandFormPage />, { client, token: 'qes_s_x', path: '/financing/demands/new' });
    await screen.findByTestId('demand-form');
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/financing/demands/RkQ6MQ%3D%3D'));
  });

  it('explains that a demand needs a registered enterprise', async () => {
    const none: MyEnterprisesForFinancingQuery = { myEnterprises: { edges: [] } };
    const { client } = mockClient({ query: () => none });
    renderWithApp(<DemandFormPage />, { client, token: 'qes_s_x', language: 'zh-CN' });
    await screen.findByText(/企业登记确认后才能发布融资需求/);
    expect(screen.queryByTestId('demand-form')).toBeNull();
  });
});
