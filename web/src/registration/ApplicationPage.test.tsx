// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSubject } from 'wonka';
import { mockClient, renderWithApp } from '../testing/render';
import { ApplicationPage } from './ApplicationPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function application(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'RegistrationApplication',
    id: 'UmVnOjE=',
    number: 'DJ20261126000001',
    kind: 'ESTABLISHMENT',
    status: 'SUBMITTED',
    overdue: false,
    submittedAt: '2026-11-26T01:00:00Z',
    decideBy: '2026-12-01',
    decidedAt: null,
    updatedAt: '2026-11-26T01:00:00Z',
    createdAt: '2026-11-26T01:00:00Z',
    receivedOn: '2026-11-26',
    complete: true,
    reviewReasons: ['SPECIAL_NAME'],
    rejectionReasons: [],
    decisionNote: null,
    extendedAt: null,
    extensionReason: null,
    firstSubmittedAt: '2026-11-26T01:00:00Z',
    nameReservation: null,
    commitment: null,
    correctionNotice: null,
    history: [],
    enterprise: null,
    declaration: {
      name: '瑞祥泰智能科技有限公司',
      kind: 'LIMITED_LIABILITY_COMPANY',
      industry: null,
      foreignInvested: false,
      businessScope: null,
      registeredAddress: null,
      registeredCapital: null,
      legalRepresentative: null,
      liaison: null,
      operatingTerm: null,
      investors: [],
      officers: [],
      articlesOfAssociation: null,
      serviceAgent: null,
    },
    ...overrides,
  };
}

describe('the application page', () => {
  it('follows the application live: a decision arrives without a reload and is announced', async () => {
    const live = makeSubject<unknown>();
    const { client, calls } = mockClient({
      query: () => ({ registrationApplication: application() }),
      subscription: () => live.source as never,
    });
    renderWithApp(<ApplicationPage />, {
      client,
      path: '/applications/UmVnOjE=',
      route: '/applications/:id',
      token: 'qes_s_x',
    });
    await screen.findByRole('heading', { name: 'Application DJ20261126000001' });
    expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('SUBMITTED');
    expect(calls).toContainEqual({
      kind: 'subscription',
      name: 'RegistrationApplicationUpdated',
      variables: undefined,
    });

    const licence = {
      number: '370211202600000001',
      issuedAt: '2026-11-26T02:00:00Z',
      verificationCode: 'abc123def456ghi',
      status: 'VALID',
    };
    act(() =>
      live.next({
        data: {
          registrationApplicationUpdated: application({
            status: 'CONFIRMED',
            decidedAt: '2026-11-26T02:00:00Z',
            enterprise: {
              id: 'RW50OjE=',
              name: '瑞祥泰智能科技有限公司',
              uscc: '91370211MA0000007M',
              status: 'ACTIVE',
              licence,
            },
          }),
        },
        stale: false,
        hasNext: true,
      }),
    );

    await waitFor(() => expect(document.querySelector('[data-status]')?.getAttribute('data-status')).toBe('CONFIRMED'));
    expect(screen.getByText('The application is now: Confirmed')).toBeTruthy();
    expect(screen.getByTestId('verification-code').textContent).toBe('abc123def456ghi');
    expect(screen.getByRole('link', { name: 'Verify this licence publicly' }).getAttribute('href')).toBe(
      '/verify?code=abc123def456ghi',
    );
  });
});
