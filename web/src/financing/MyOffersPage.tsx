import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { SelectField } from '../components/Field';
import { Page } from '../components/Page';
import { MyFinancingOffersDocument, type FinancingOfferStatus } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { financingOptions, formatLoanAmount, formatRate } from './format';
import { FinancingStatus } from './parts';

/** The bank's offers, newest first, by status. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [status, setStatus] = useState<FinancingOfferStatus | ''>('');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyFinancingOffersDocument,
    variables: { status: status || null, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const offers = data?.myFinancingOffers.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('financing.myOffers.title')}>
      <p>
        <Link to="/financing/workbench">{t('financing.bank.back')}</Link>
      </p>
      <SelectField
        label={t('financing.myOffers.status')}
        name="status"
        value={status}
        options={[{ value: '', label: t('financing.myOffers.all') }, ...financingOptions(t, 'FinancingOfferStatus')]}
        onChange={(event) => setStatus(event.target.value as FinancingOfferStatus | '')}
      />
      {data ? (
        <p role="status">{t('financing.workbench.count', { count: data.myFinancingOffers.totalCount })}</p>
      ) : null}
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && offers.length === 0 ? <EmptyState>{t('financing.myOffers.empty')}</EmptyState> : null}
      {offers.length ? (
        <ul className="cards" data-testid="my-offers">
          {offers.map((offer) => (
            <li key={offer.id} className="card">
              <h2 className="card__title">
                <Link to={`/financing/workbench/demands/${encodeURIComponent(offer.demand.id)}`}>
                  {offer.demand.enterprise.name} · {offer.demand.number}
                </Link>{' '}
                <FinancingStatus enumName="FinancingOfferStatus" value={offer.status} />
              </h2>
              <p>
                {formatLoanAmount(offer.amount, language)} · {formatRate(offer.annualRate, language)} ·{' '}
                {t('financing.units.months', { count: offer.termMonths })}
                {offer.product ? ` · ${offer.product.name}` : ''}
              </p>
              <p className="field__hint">{formatDateTime(offer.createdAt, language)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
