// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient, renderWithApp } from '../testing/render';
import { ApplicationFormPage } from './ApplicationFormPage';

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
    status: 'DRAFT',
    overdue: false,
    submittedAt: null,
    decideBy: null,
    decidedAt: null,
    updatedAt: '2026-11-26T01:00:00Z',
    createdAt: '2026-11-26T01:00:00Z',
    receivedOn: null,
    complete: false,
    reviewReasons: [],
    rejectionReasons: [],
    decisionNote: null,
    extendedAt: null,
    extensionReason: null,
    firstSubmittedAt: null,
    nameReservation: { id: 'TlI6MQ==', name: '青岛瑞祥泰信息技术有限公司', special: false },
    commitment: null,
    correctionNotice: null,
    history: [],
    enterprise: null,
    declaration: {
      name: '青岛瑞祥泰信息技术有限公司',
      kind: 'LIMITED_LIABILITY_COMPANY',
      industry: { code: 'I65', name: 'Software' },
      foreignInvested: false,
      businessScope: '软件开发',
      registeredAddress: { address: '前湾港路 1 号', district: 'HUANGDAO', zone: 'QINGDAO_FTZ', postalCode: '266555' },
      registeredCapital: { amount: '1000000.00', currency: 'CNY' },
      legalRepresentative: null,
      liaison: null,
      operatingTerm: { longTerm: true, endsOn: null },
      investors: [
        {
          kind: 'NATURAL_PERSON',
          name: '王海川',
          idType: 'RESIDENT_ID_CARD',
          idNumber: '370211198501011230',
          registrationNumber: null,
          country: 'CN',
          contributionForm: 'CURRENCY',
          subscribedBy: null,
          subscribedCapital: { amount: '1000000.00', currency: 'CNY' },
        },
      ],
      officers: [],
      articlesOfAssociation: null,
      serviceAgent: null,
    },
    ...overrides,
  };
}

const terms = {
  registrationCommitmentTerms: {
    kind: 'ESTABLISHMENT',
    version: 'REG-2026.1',
    textZh: '本人承诺……',
    textEn: 'I commit…',
  },
};

const viewer = {
  viewer: {
    role: 'APPLICANT',
    user: {
      id: 'VXNlcjox',
      displayName: '王海川',
      email: 'a@example.com',
      role: 'APPLICANT',
      locale: 'EN',
      department: null,
      foreignInvestor: false,
    },
  },
};

describe('the application form', () => {
  it('takes the applicant to the step and field a submission userError names', async () => {
    const { client, calls } = mockClient({
      query: (name) =>
        name === 'RegistrationApplication'
          ? { registrationApplication: application() }
          : name === 'RegistrationCommitmentTerms'
            ? terms
            : name === 'Viewer'
              ? viewer
              : undefined,
      mutation: (name) =>
        name === 'SaveRegistrationDraft'
          ? { saveRegistrationDraft: { application: application(), userErrors: [] } }
          : {
              submitRegistrationApplication: {
                application: null,
                userErrors: [
                  {
                    code: 'INVALID_FORMAT',
                    field: ['declaration', 'investors', '0', 'idNumber'],
                    message: 'Not a valid identity number',
                  },
                ],
              },
            },
    });
    renderWithApp(<ApplicationFormPage />, {
      client,
      path: '/applications/UmVnOjE=/edit',
      route: '/applications/:id/edit',
      token: 'qes_s_x',
    });

    await userEvent.click(await screen.findByRole('button', { name: '4 Commit and submit' }));
    await userEvent.click(screen.getByLabelText(/I confirm that the information in this application is true/));
    await userEvent.type(screen.getByLabelText(/Name of the person signing/), '王海川');
    await userEvent.click(screen.getByRole('button', { name: 'Commit and submit' }));

    // Not submitted: a summary takes focus, says so, marks the step and links to the field.
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('Not submitted: 1 to fix');
    expect(screen.getByRole('button', { name: /3 People/ }).textContent).toContain('1 to fix');
    await userEvent.click(
      screen.getByRole('link', { name: /Investor 1 · ID document number: Not a valid identity number/ }),
    );
    await screen.findByRole('heading', { name: /Step 3 of 4: People/ });
    const idNumber = screen
      .getByRole('group', { name: 'Investor 1' })
      .querySelector<HTMLInputElement>('input[name="investor-0-idNumber"]')!;
    await waitFor(() => expect(idNumber.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(idNumber));
    expect(document.getElementById(idNumber.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe(
      'Not a valid identity number',
    );
    expect(calls.map((call) => call.name)).toEqual(
      expect.arrayContaining(['SaveRegistrationDraft', 'SubmitRegistrationApplication']),
    );
    const submit = calls.find((call) => call.name === 'SubmitRegistrationApplication');
    expect(submit?.variables).toEqual({
      input: { id: 'UmVnOjE=', commitment: { termsVersion: 'REG-2026.1', accepted: true, signatoryName: '王海川' } },
    });
  });

  it("shows an official's correction at the item it names", async () => {
    const corrected = application({
      status: 'CORRECTION_REQUESTED',
      correctionNotice: {
        round: 1,
        requestedAt: '2026-11-26T02:00:00Z',
        answeredAt: null,
        items: [
          { field: ['declaration', 'registeredAddress'], message: 'The street number does not match the title deed.' },
        ],
      },
    });
    const { client } = mockClient({
      query: (name) =>
        name === 'RegistrationApplication'
          ? { registrationApplication: corrected }
          : name === 'RegistrationCommitmentTerms'
            ? terms
            : name === 'Viewer'
              ? viewer
              : undefined,
    });
    renderWithApp(<ApplicationFormPage />, {
      client,
      path: '/applications/UmVnOjE=/edit',
      route: '/applications/:id/edit',
      token: 'qes_s_x',
    });

    expect((await screen.findByTestId('correction-notice')).textContent).toContain('Registered address');
    await userEvent.click(screen.getByRole('button', { name: /Address and capital/ }));
    const address = screen.getByRole('group', { name: 'Registered address' });
    expect(address.querySelector('[role="note"]')?.textContent).toBe(
      'The street number does not match the title deed.',
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeTruthy();
  });
});
