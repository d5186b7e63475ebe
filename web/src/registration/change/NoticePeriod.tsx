import { useTranslation } from 'react-i18next';
import type { SimplifiedNoticeFieldsFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { usePreferences } from '../../preferences/PreferencesProvider';

/** A simplified deregistration's 20-day public notice: its period, where it stands, and any objections. */
export function NoticePeriod({ notice }: { notice: SimplifiedNoticeFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const objections = notice.objections?.edges.map((edge) => edge.node) ?? [];
  return (
    <section
      className="card"
      aria-labelledby="notice-period-title"
      data-testid="notice-period"
      data-notice-status={notice.status}
    >
      <h2 id="notice-period-title" className="card__title">
        {t('deregistrationFlow.noticeTitle')}{' '}
        <span className="badge" data-status={notice.status}>
          {t(`deregistrationFlow.noticeStatusLabel.${notice.status}`)}
        </span>
      </h2>
      <dl className="facts">
        <dt>{t('deregistrationFlow.noticePeriod')}</dt>
        <dd>
          {t('deregistrationFlow.noticeFromTo', {
            from: formatDate(notice.startsOn, language),
            to: formatDate(notice.endsOn, language),
          })}
        </dd>
        <dt>{t('deregistrationFlow.applyWindow')}</dt>
        <dd>{t('deregistrationFlow.applyBy', { date: formatDate(notice.applyBy, language) })}</dd>
        <dt>{t('deregistrationFlow.objections')}</dt>
        <dd>
          {objections.length ? (
            <ul>
              {objections.map((objection) => (
                <li key={objection.createdAt}>
                  {objection.objectorName} ·{' '}
                  <time dateTime={objection.createdAt}>{formatDateTime(objection.createdAt, language)}</time>
                  <p className="timeline__note">{objection.reason}</p>
                </li>
              ))}
            </ul>
          ) : (
            t('deregistrationFlow.noObjections')
          )}
        </dd>
      </dl>
      <p>{t(`deregistrationFlow.noticeStatus.${notice.status}`, { endsOn: formatDate(notice.endsOn, language) })}</p>
    </section>
  );
}
