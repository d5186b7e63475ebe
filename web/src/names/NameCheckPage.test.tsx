// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient, renderWithApp } from '../testing/render';
import { NameCheckPage, reservePath } from './NameCheckPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const special = (name: string) => ({
  checkEnterpriseName: {
    __typename: 'NameCheck',
    name,
    available: true,
    special: true,
    parts: { administrativeDivision: null, tradeName: '海岸线', industry: '智能科技', organisationForm: '有限公司' },
    specialReasons: [{ code: 'NO_DIVISION', term: null, message: 'The name has no administrative division.' }],
    conflicts: [
      {
        name: '海岸线科技有限公司',
        kind: 'SIMILAR',
        source: 'REGISTERED',
        district: 'SHINAN',
        rule: 'SIMILAR_TRADE_NAME',
        message: 'Same trade name in the same industry.',
        releasedAt: null,
      },
    ],
    violations: [],
    industryHint: { code: 'I65', name: 'Software and IT services' },
    commitmentTerms: { version: 1, text: 'I commit…', publishedAt: '2026-01-01T00:00:00Z' },
  },
});

describe('the name check', () => {
  it('asks the API once the typing pauses, not for every keystroke', async () => {
    const { client, calls } = mockClient({
      query: (_name, variables) => special((variables as { input: { name: string } }).input.name),
    });
    renderWithApp(<NameCheckPage />, { client, path: '/names/check' });
    await userEvent.type(screen.getByLabelText(/Proposed enterprise name/), '海岸线智能科技有限公司');

    await screen.findByRole('heading', { name: 'Special name' });
    const checks = calls.filter((call) => call.name === 'CheckEnterpriseName');
    expect(checks.length).toBeLessThanOrEqual(2);
    expect(checks.at(-1)?.variables).toEqual({ input: { name: '海岸线智能科技有限公司', foreignInvested: false } });
  });

  it('shows the parts, the conflicts and why the name is special', async () => {
    const { client } = mockClient({
      query: (_name, variables) => special((variables as { input: { name: string } }).input.name),
    });
    renderWithApp(<NameCheckPage />, { client, path: '/names/check' });
    await userEvent.type(screen.getByLabelText(/Proposed enterprise name/), '海岸线智能科技有限公司');
    const result = await screen.findByTestId('name-check');
    await waitFor(() => expect(result.textContent).toContain('The name has no administrative division.'));
    expect(result.textContent).toContain('海岸线科技有限公司');
    expect(result.textContent).toContain('Trade name');
    expect(screen.getByRole('link', { name: 'Reserve this name' }).getAttribute('href')).toBe(
      '/names/reserve?name=%E6%B5%B7%E5%B2%B8%E7%BA%BF%E6%99%BA%E8%83%BD%E7%A7%91%E6%8A%80%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8',
    );
  });

  it('carries the chosen district, kind and industry to the reservation', () => {
    expect(
      reservePath({
        name: ' 海岸线 ',
        district: 'HUANGDAO',
        kind: 'LIMITED_LIABILITY_COMPANY',
        industry: 'i65',
        foreignInvested: true,
      }),
    ).toBe(
      '/names/reserve?name=%E6%B5%B7%E5%B2%B8%E7%BA%BF&district=HUANGDAO&kind=LIMITED_LIABILITY_COMPANY&industry=I65&foreignInvested=1',
    );
  });
});
