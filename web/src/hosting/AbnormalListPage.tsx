import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { usePagedConnection } from '../components/usePagedConnection';
import { AbnormalOperationsDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

/**
 * The abnormal-operations list (经营异常名录), a page at a time; shown on its own page and as a part
 * of the public notices. `headingLevel`: the level of each entry's heading where it is shown.
 */
export function AbnormalOperationsList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const list = usePagedConnection(
    AbnormalOperationsDocument,
    {},
    (data) => data.abnormalOperationsList,
    (entry) => entry.enterprise.id,
  );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.total === 0 ? <EmptyState>{t('hosting.abnormalEmpty')}</EmptyState> : null}
      <ul className="cards">
        {list.items.map((entry) => (
          <li key={entry.enterprise.id} className="card" data-testid="abnormal-entry">
            <Heading className="card__title">{entry.enterprise.name}</Heading>
            <dl className="facts">
              <dt>{t('hosting.reason')}</dt>
              <dd>{entry.reason}</dd>
              <dt>{t('hosting.listedOn')}</dt>
              <dd>{formatDate(entry.listedOn, language)}</dd>
              <dt>{t('hosting.authority')}</dt>
              <dd>{entry.authority}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {list.loading ? <Loading /> : null}
      {list.hasMore && !list.loading ? (
        <p>
          <button type="button" className="button button--secondary" onClick={list.loadMore}>
            {t('notices.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** The public abnormal-operations list (经营异常名录). */
export function AbnormalListPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('hosting.abnormalTitle')} intro={t('hosting.abnormalIntro')}>
      <AbnormalOperationsList />
    </Page>
  );
}
