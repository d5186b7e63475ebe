import type { CombinedError } from 'urql';
import type { TFunction } from 'i18next';
import { describeError, type UserErrorLike } from '../api/errors';

/**
 * What a console mutation came to, as a list of problems (empty: it was done): the payload's
 * userErrors, or one general message when the request itself failed and there is no payload, so
 * a failed request is never shown as a success.
 */
export function outcomeOf(
  result: { error?: CombinedError },
  payload: { userErrors: readonly UserErrorLike[] } | null | undefined,
  t: TFunction,
): readonly UserErrorLike[] {
  if (payload) return payload.userErrors;
  return [{ code: 'INTERNAL', message: result.error ? describeError(result.error, t) : t('errors.unknown') }];
}
