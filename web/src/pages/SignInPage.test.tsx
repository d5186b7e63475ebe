// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../preferences/storage';
import { mockClient, renderWithApp } from '../testing/render';
import { SignInPage } from './SignInPage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function signInAnswer(payload: Record<string, unknown>) {
  return { signIn: { token: null, expiresAt: null, user: null, userErrors: [], ...payload } };
}

describe('the sign-in page', () => {
  it('shows a userError at the field it names, linked to the input for screen readers', async () => {
    const { client } = mockClient({
      mutation: () =>
        signInAnswer({
          userErrors: [{ code: 'INVALID_FORMAT', field: ['input', 'email'], message: 'Not an email address' }],
        }),
    });
    renderWithApp(<SignInPage />, { client, path: '/sign-in' });
    await userEvent.type(screen.getByLabelText(/Email/), 'nobody');
    await userEvent.type(screen.getByLabelText(/Password/), 'whatever-1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = await screen.findByLabelText(/Email/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const errorId = email.getAttribute('aria-describedby')!;
    expect(document.getElementById(errorId)?.textContent).toBe('Not an email address');
    expect(screen.getByLabelText(/Password/).getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a userError about no field above the form, as an alert', async () => {
    const { client } = mockClient({
      mutation: () =>
        signInAnswer({
          userErrors: [{ code: 'INVALID_CREDENTIALS', field: null, message: 'Wrong email or password' }],
        }),
    });
    renderWithApp(<SignInPage />, { client, path: '/sign-in' });
    await userEvent.type(screen.getByLabelText(/Email/), 'a@example.com');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong-password-1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password');
    expect(window.localStorage.getItem(STORAGE_KEYS.session)).toBeNull();
  });

  it('keeps the session token and goes home after a successful sign-in', async () => {
    const { client, calls } = mockClient({
      mutation: () =>
        signInAnswer({
          token: 'qes_s_abc',
          expiresAt: '2026-11-26T21:00:00+08:00',
          user: { id: 'VXNlcjox', displayName: 'Li', role: 'APPLICANT' },
        }),
    });
    renderWithApp(<SignInPage />, { client, path: '/sign-in' });
    await userEvent.type(screen.getByLabelText(/Email/), ' li@example.com ');
    await userEvent.type(screen.getByLabelText(/Password/), 'Correct-horse-9');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/'));
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEYS.session)!)).toEqual({
      token: 'qes_s_abc',
      expiresAt: '2026-11-26T21:00:00+08:00',
    });
    expect(calls).toContainEqual({
      kind: 'mutation',
      name: 'SignIn',
      variables: { input: { email: 'li@example.com', password: 'Correct-horse-9' } },
    });
  });
});
