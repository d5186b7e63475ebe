import { useTranslation } from 'react-i18next';
import type { ApplicationFieldsFragment } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

export function History({ history }: { history: ApplicationFieldsFragment['history'] }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  if (!history.length) return null;
  return (
    <ol className="timeline">
      {history.map((change, index) => (
        <li key={index}>
          <time dateTime={change.at}>{formatDateTime(change.at, language)}</time> ·{' '}
          {t(`registration.actions.${change.action.replace(/^registration\./, '')}`, {
            defaultValue: change.toStatus ? enumLabel(t, 'RegistrationStatus', change.toStatus) : change.action,
          })}
          {change.toStatus && change.toStatus !== change.fromStatus
            ? ` → ${enumLabel(t, 'RegistrationStatus', change.toStatus)}`
            : ''}
          {change.actorName ? ` · ${change.actorName}` : ''}
          {change.note ? <p className="timeline__note">{change.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
