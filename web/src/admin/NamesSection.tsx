import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Feedback';
import { AdminNameSettingsDocument } from '../gql/graphql';

export function NamesSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminNameSettingsDocument });
  return (
    <section className="section" aria-labelledby="names-title">
      <h2 id="names-title">{t('admin.names.title')}</h2>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data ? (
        <>
          <p>{t('admin.names.window', { days: data.nameSettings.verificationWindowWorkingDays })}</p>
          <h3>{t('admin.names.special')}</h3>
          <p className="wrap-list">{data.specialWords.map((w) => w.word).join('、')}</p>
          <h3>{t('admin.names.prohibited', { count: data.prohibitedWords.totalCount })}</h3>
          <p className="wrap-list">{data.prohibitedWords.edges.map((e) => e.node.word).join('、')}</p>
          <p>{t('admin.names.manage')}</p>
        </>
      ) : null}
    </section>
  );
}
