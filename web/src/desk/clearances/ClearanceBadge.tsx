import { useTranslation } from 'react-i18next';

const TONES: Record<string, string> = { PENDING: 'warning', CLEARED: 'success', BLOCKED: 'danger' };

/** A clearance status as a coloured label; the colour only repeats what the words say. */
export function ClearanceBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${TONES[status] ?? 'info'}`} data-status={status}>
      {t(`clearances.status.${status}`, { defaultValue: status })}
    </span>
  );
}
