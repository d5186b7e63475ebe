import { CombinedError } from '@urql/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { describeError, fieldKey, groupUserErrors } from './errors';

describe('fieldKey', () => {
  it('drops the leading "input" and joins the path with dots', () => {
    expect(fieldKey(['input', 'declaration', 'registeredCapital', 'amount'])).toBe(
      'declaration.registeredCapital.amount',
    );
  });

  it('is null for an error about no field', () => {
    expect(fieldKey(null)).toBeNull();
    expect(fieldKey([])).toBeNull();
    expect(fieldKey(['input'])).toBeNull();
  });
});

describe('groupUserErrors', () => {
  it('puts each message at the field it names', () => {
    const grouped = groupUserErrors(
      [
        { code: 'WEAK_PASSWORD', field: ['input', 'password'], message: 'Too short' },
        { code: 'ALREADY_EXISTS', field: ['input', 'email'], message: 'Taken' },
      ],
      ['email', 'password'],
    );
    expect(grouped).toEqual({ byField: { password: ['Too short'], email: ['Taken'] }, general: [] });
  });

  it('puts a message about part of a field at the closest field on the form', () => {
    const grouped = groupUserErrors(
      [{ code: 'OUT_OF_RANGE', field: ['input', 'capital', 'amount'], message: 'Too much' }],
      ['capital', 'capital.currency', 'name'],
    );
    expect(grouped.byField).toEqual({ capital: ['Too much'] });
  });

  it('keeps messages for no field, or a field not on the form, for the whole form', () => {
    const grouped = groupUserErrors(
      [
        { code: 'INVALID_CREDENTIALS', field: null, message: 'Wrong email or password' },
        { code: 'INVALID_INPUT', field: ['input', 'somethingElse'], message: 'Odd' },
      ],
      ['email', 'password'],
    );
    expect(grouped).toEqual({ byField: {}, general: ['Wrong email or password', 'Odd'] });
  });
});

describe('describeError', () => {
  initI18n('en');
  const t = i18next.getFixedT('en');

  it('says the server cannot be reached for a network failure', () => {
    expect(describeError(new CombinedError({ networkError: new Error('Failed to fetch') }), t)).toMatch(
      /cannot be reached/,
    );
  });

  it('tells how long to wait when rate limited', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'x', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } }],
    });
    expect(describeError(error, t)).toBe('Too many requests. Please try again in 12 seconds.');
  });

  it('gives the request id of an internal error and never its message', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'TypeError: cannot read x of undefined', extensions: { code: 'INTERNAL', requestId: 'req-123456' } },
      ],
    });
    const text = describeError(error, t);
    expect(text).toContain('req-123456');
    expect(text).not.toContain('TypeError');
  });

  it('answers an unknown error with a general sentence, not the raw message', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Cannot query field "x"' }] });
    expect(describeError(error, t)).toBe('Something unexpected happened. Please try again later.');
  });
});
