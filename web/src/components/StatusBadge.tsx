import { useTranslation } from 'react-i18next';
import { enumLabel, type EnumName } from '../i18n/labels';

const TONES: Record<string, 'info' | 'success' | 'danger' | 'warning' | undefined> = {
  SUBMITTED: 'info',
  CONFIRMED: 'success',
  CORRECTION_REQUESTED: 'warning',
  REJECTED: 'danger',
  WITHDRAWN: undefined,
  DRAFT: undefined,
  RESERVED: 'success',
  USED: 'info',
  EXPIRED: undefined,
  REVOKED: 'danger',
  PENDING: 'warning',
  COMPLIANT: 'success',
  FALSE_COMMITMENT: 'danger',
  VALID: 'success',
  SUPERSEDED: undefined,
  CANCELLED: 'danger',
};

/** A status as a coloured label; the colour only repeats what the words say. */
export function StatusBadge({ enumName, value }: { enumName: EnumName; value: string }) {
  const { t } = useTranslation();
  const tone = TONES[value];
  return (
    <span className={`badge${tone ? ` badge--${tone}` : ''}`} data-status={value}>
      {enumLabel(t, enumName, value)}
    </span>
  );
}
