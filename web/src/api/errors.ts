import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';

export interface UserErrorLike {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

export interface GroupedUserErrors {
  /** Messages for each known form field, keyed by its dotted path without "input". */
  byField: Record<string, string[]>;
  /** Messages that belong to no field on the form: shown above it. */
  general: string[];
}

/** ["input", "declaration", "capital", "amount"] → "declaration.capital.amount". */
export function fieldKey(path: readonly string[] | null | undefined): string | null {
  if (!path || path.length === 0) return null;
  const parts = path[0] === 'input' ? path.slice(1) : path;
  return parts.length ? parts.join('.') : null;
}

/**
 * Puts each userError at the form field it names: the field itself, or the closest known field
 * that contains it ("ids.3" goes to "ids"); anything else is general.
 */
export function groupUserErrors(errors: readonly UserErrorLike[], fields: readonly string[]): GroupedUserErrors {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const error of errors) {
    const key = fieldKey(error.field);
    const target = key === null ? undefined : closestField(key, fields);
    if (target) (byField[target] ??= []).push(error.message);
    else general.push(error.message);
  }
  return { byField, general };
}

function closestField(key: string, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const field of fields) {
    if (key === field || key.startsWith(`${field}.`)) {
      if (!best || field.length > best.length) best = field;
    }
  }
  return best;
}

/**
 * A sentence a person understands for a failed request: never a raw error object. The API's
 * top-level codes (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, QUERY_TOO_COMPLEX,
 * BAD_USER_INPUT, INTERNAL) each have their own text; a network failure has one too.
 */
export function describeError(error: CombinedError, t: TFunction): string {
  if (error.networkError && error.graphQLErrors.length === 0) return t('errors.network');
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
  switch (extensions.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'QUERY_TOO_COMPLEX':
    case 'BAD_USER_INPUT':
      return t(`errors.${extensions.code}`);
    case 'RATE_LIMITED': {
      const seconds = Number(extensions.retryAfterSeconds);
      return Number.isFinite(seconds) && seconds > 0
        ? t('errors.RATE_LIMITED', { seconds: Math.ceil(seconds) })
        : t('errors.RATE_LIMITED_SOON');
    }
    case 'INTERNAL': {
      const requestId = extensions.requestId;
      return typeof requestId === 'string' && requestId
        ? t('errors.INTERNAL', { requestId })
        : t('errors.INTERNAL_NO_ID');
    }
    default:
      return t('errors.unknown');
  }
}
