import { useTranslation } from 'react-i18next';
import type { ApplicationFieldsFragment } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { itemLabelKey } from './items';

/** The one consolidated list of what to correct. */
export function CorrectionNoticeView({
  notice,
}: {
  notice: NonNullable<ApplicationFieldsFragment['correctionNotice']>;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <section className="notice notice--warning" aria-labelledby="correction-title" data-testid="correction-notice">
      <h2 id="correction-title">{t('registration.correctionTitle', { round: notice.round })}</h2>
      <p>{t('registration.correctionRequestedAt', { at: formatDateTime(notice.requestedAt, language) })}</p>
      <ul>
        {notice.items.map((item) => (
          <li key={item.field.join('.')}>
            <strong>{t(itemLabelKey(item.field))}</strong>: {item.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
