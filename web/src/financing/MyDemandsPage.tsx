import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { MyFinancingDemandsDocument } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingLabel, formatLoanAmount } from './format';
import { FinancingStatus } from './parts';

/** The applicant's demands, newest first, with their status and number of offers. */
export function MyDemandsPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyFinancingDemandsDocument,
    variables: { first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const demands = data?.myFinancingDemands.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('financing.demands.title')} intro={t('financing.demands.intro')}>
      <p>
        <Link className="button button--primary" to="/financing/demands/new">
          {t('financing.demands.publishNew')}
        </Link>
      </p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && demands.length === 0 ? <EmptyState>{t('financing.demands.empty')}</EmptyState> : null}
      {demands.length ? (
        <ul className="cards" data-testid="my-demands">
          {demands.map((demand) => (
            <li key={demand.id} className="card" data-testid="demand-card">
              <h2 className="card__title">
                <Link to={`/financing/demands/${encodeURIComponent(demand.id)}`}>
                  {demand.enterprise.name} · {formatLoanAmount(demand.amount, language)}
                </Link>{' '}
                <FinancingStatus enumName="FinancingDemandStatus" value={demand.status} />
              </h2>
              <dl className="facts">
                <dt>{t('financing.demand.number')}</dt>
                <dd>{demand.number}</dd>
                <dt>{t('financing.fields.purpose')}</dt>
                <dd>{financingLabel(t, 'FinancingPurpose', demand.purpose)}</dd>
                <dt>{t('financing.offers.term')}</dt>
                <dd>{t('financing.units.months', { count: demand.termMonths })}</dd>
                <dt>{t('financing.demand.publishedAt')}</dt>
                <dd>{formatDateTime(demand.publishedAt, language)}</dd>
                <dt>{t('financing.demand.offerCount')}</dt>
                <dd data-testid="offer-count">{demand.offerCount}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
