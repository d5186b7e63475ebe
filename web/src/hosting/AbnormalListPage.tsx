import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { AbnormalOperationsDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

/** The public abnormal-operations list (经营异常名录). */
export function AbnormalListPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AbnormalOperationsDocument,
    variables: { first: 100 },
  });
  const entries = data?.abnormalOperationsList.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('hosting.abnormalTitle')} intro={t('hosting.abnormalIntro')}>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && entries.length === 0 ? <EmptyState>{t('hosting.abnormalEmpty')}</EmptyState> : null}
      <ul className="cards">
        {entries.map((entry) => (
          <li key={entry.enterprise.id} className="card" data-testid="abnormal-entry">
            <h2 className="card__title">{entry.enterprise.name}</h2>
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
    </Page>
  );
}
