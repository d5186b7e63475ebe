import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { MyHostingDocument } from '../gql/graphql';
import { AgreementCard } from './AgreementCard';
import { useLiveAgreements } from './useLiveAgreements';

/** The applicant's hosting: its agreements, kept current live, and the documents to acknowledge. */
export function MyHostingPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyHostingDocument });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useLiveAgreements(refresh);
  const agreements = data?.myHostingAgreements.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('hosting.mineTitle')}>
      <p>
        <Link className="button button--secondary" to="/hosting">
          {t('hosting.directoryTitle')}
        </Link>
      </p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={refresh} /> : null}
      {data && agreements.length === 0 ? <EmptyState>{t('hosting.mineEmpty')}</EmptyState> : null}
      <ul className="cards">
        {agreements.map((agreement) => (
          <AgreementCard key={agreement.id} agreement={agreement} canAcknowledge />
        ))}
      </ul>
    </Page>
  );
}
