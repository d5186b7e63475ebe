import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Feedback';
import { usePreferences } from '../../preferences/PreferencesProvider';
import { changedItems, type NamedForm } from './changeSummary';

/** What a change registration will record: each item it alters, before and after. */
export function ChangeSummary({ before, after }: { before: NamedForm; after: NamedForm }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const changes = changedItems(before, after, t, language);
  const none = <span className="empty">{t('common.none')}</span>;
  return (
    <section className="section" aria-labelledby="change-summary-title" data-testid="change-summary">
      <h2 id="change-summary-title">{t('registrationChange.summaryTitle')}</h2>
      {changes.length === 0 ? (
        <Notice>{t('registrationChange.nothingChanges')}</Notice>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="change-summary-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registrationChange.item')}</th>
                <th scope="col">{t('registrationChange.before')}</th>
                <th scope="col">{t('registrationChange.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.item} data-item={change.item}>
                  <th scope="row">{t(`registration.items.${change.item}`)}</th>
                  <td data-testid="before">{change.before || none}</td>
                  <td data-testid="after">{change.after || none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
