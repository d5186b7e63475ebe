// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient, renderWithApp } from '../../testing/render';
import { DeregistrationForm } from './DeregistrationForm';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const TERMS = {
  registrationCommitmentTerms: {
    __typename: 'RegistrationCommitmentTerms',
    kind: 'DEREGISTRATION',
    version: 'DEREG-2026.1',
    textZh: '承诺',
    textEn: 'The applicant commits.',
  },
};

function saved(id: string) {
  return { saveRegistrationDraft: { __typename: 'SaveRegistrationDraftPayload', application: { id }, userErrors: [] } };
}

describe('the deregistration form', () => {
  it('saves the draft, then shows a refused submission at its fields and submits the same draft again once corrected', async () => {
    const submitted: unknown[] = [];
    const { client, calls } = mockClient({
      query: (name) => (name === 'RegistrationCommitmentTerms' ? TERMS : undefined),
      mutation: (name, variables) => {
        if (name === 'SaveRegistrationDraft') return saved('UmVnOjk=');
        submitted.push(variables);
        return submitted.length === 1
          ? {
              submitRegistrationApplication: {
                application: null,
                userErrors: [
                  { code: 'REQUIRED', field: ['deregistration', 'reason'], message: 'Give the reason' },
                  { code: 'NOT_ALLOWED', field: ['enterpriseId'], message: 'Another deregistration is open' },
                ],
              },
            }
          : { submitRegistrationApplication: { application: { id: 'UmVnOjk=' }, userErrors: [] } };
      },
    });
    renderWithApp(
      <DeregistrationForm enterpriseId="RW50OjE=" enterpriseKind="LIMITED_LIABILITY_COMPANY" simplified={false} />,
      {
        client,
        path: '/applications/deregister',
      },
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Day liquidation was completed/), '2026-11-20');
    await user.click(screen.getByLabelText(/I confirm/));
    await user.type(screen.getByLabelText(/Name of the person signing/), '王海川');
    await user.click(screen.getByRole('button', { name: 'Submit the deregistration' }));

    const reason = await screen.findByLabelText(/Why the enterprise ends/);
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Give the reason')).toBeTruthy();
    expect(screen.getByText('Another deregistration is open')).toBeTruthy();
    const firstSave = calls.find((c) => c.name === 'SaveRegistrationDraft')!.variables as { input: unknown };
    expect(firstSave.input).toEqual({
      kind: 'DEREGISTRATION',
      enterpriseId: 'RW50OjE=',
      deregistration: { reason: null, simplified: false, liquidationCompletedOn: '2026-11-20' },
    });

    await user.type(reason, '股东会决议解散');
    await user.click(screen.getByRole('button', { name: 'Submit the deregistration' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/applications/UmVnOjk%3D'));
    const saves = calls.filter((c) => c.name === 'SaveRegistrationDraft').map((c) => c.variables as { input: unknown });
    // The second attempt updates the draft the first one made rather than starting another.
    expect(saves[1]!.input).toEqual({
      id: 'UmVnOjk=',
      deregistration: { reason: '股东会决议解散', simplified: false, liquidationCompletedOn: '2026-11-20' },
    });
    expect(submitted[1]).toEqual({
      input: {
        id: 'UmVnOjk=',
        commitment: { termsVersion: 'DEREG-2026.1', accepted: true, signatoryName: '王海川' },
      },
    });
  });

  it('asks no liquidation day of a simplified deregistration', async () => {
    const { client } = mockClient({ query: () => TERMS });
    renderWithApp(
      <DeregistrationForm enterpriseId="RW50OjE=" enterpriseKind="LIMITED_LIABILITY_COMPANY" simplified />,
      {
        client,
      },
    );
    await screen.findByLabelText(/Why the enterprise ends/);
    expect(screen.queryByLabelText(/Day liquidation was completed/)).toBeNull();
  });
});
