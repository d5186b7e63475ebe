import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupedUserErrors, UserErrorLike } from '../api/errors';
import { describedBy } from '../components/Field';
import type { FormProblems } from './forms';

const TONES: Record<string, string | undefined> = {
  OPEN: 'info',
  MATCHED: 'success',
  CLOSED: 'success',
  WITHDRAWN: undefined,
  EXPIRED: undefined,
  PENDING: 'warning',
  ACCEPTED: 'success',
  DECLINED: 'danger',
  DISBURSED: 'success',
  ACTIVE: 'success',
  RETIRED: undefined,
};

/** A financing status as a coloured label; the colour only repeats what the words say. */
export function FinancingStatus({
  enumName,
  value,
}: {
  enumName: 'FinancingDemandStatus' | 'FinancingOfferStatus' | 'CreditProductStatus';
  value: string;
}) {
  const { t } = useTranslation();
  const tone = TONES[value];
  return (
    <span className={`badge badge--${tone ?? 'neutral'}`} data-status={value}>
      {t(`financing.enums.${enumName}.${value}`, { defaultValue: value })}
    </span>
  );
}

export const NO_SERVER_ERRORS: GroupedUserErrors = { byField: {}, general: [] };

/** The messages for one field: the form's own check first, then the API's userErrors for it. */
export function useFieldErrors(client: FormProblems, server: GroupedUserErrors) {
  const { t } = useTranslation();
  return (key: string): string[] | undefined => {
    const all = [...(client[key] ? [t(`financing.validation.${client[key]}`)] : []), ...(server.byField[key] ?? [])];
    return all.length ? all : undefined;
  };
}

/** A group of checkboxes with one legend (districts, guarantee types, audiences). */
export function CheckboxGroup({
  legend,
  name,
  options,
  values,
  onChange,
  errors,
  hint,
}: {
  legend: ReactNode;
  name: string;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange(value: string, on: boolean): void;
  errors?: readonly string[];
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field checkbox-group${errors?.length ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(id, hint, errors)}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-group__option">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => onChange(option.value, event.target.checked)}
            />{' '}
            {option.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <ul id={`${id}-error`} className="field__errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** A fresh key so that a request repeated by the network is not a second demand or offer. */
export function newIdempotencyKey(): string | undefined {
  return globalThis.crypto?.randomUUID?.();
}

/** The payload of a mutation result: the one root field, with its userErrors. */
export function payloadOf(data: object | null | undefined): { userErrors: readonly UserErrorLike[] } | undefined {
  if (!data) return undefined;
  return Object.values(data).find(
    (value): value is { userErrors: readonly UserErrorLike[] } =>
      typeof value === 'object' && value !== null && 'userErrors' in value,
  );
}
