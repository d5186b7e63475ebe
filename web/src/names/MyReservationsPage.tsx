import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading, Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { MyNameReservationsDocument } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';

export function MyReservationsPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const reserved = (useLocation().state as { reserved?: string } | null)?.reserved;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyNameReservationsDocument,
    variables: { first: 50 },
  });
  const reservations = data?.myNameReservations.edges.map((edge) => edge.node) ?? [];

  return (
    <Page title={t('names.mineTitle')}>
      {reserved ? <Notice kind="success">{t('names.reservedNotice', { name: reserved })}</Notice> : null}
      <p>
        <Link className="button button--secondary" to="/names/check">
          {t('names.checkAnother')}
        </Link>
      </p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && reservations.length === 0 ? <EmptyState>{t('names.mineEmpty')}</EmptyState> : null}
      {reservations.length ? (
        <ul className="cards">
          {reservations.map((reservation) => (
            <li key={reservation.id} className="card" data-testid="reservation">
              <h2 className="card__title">
                {reservation.name} <StatusBadge enumName="NameReservationStatus" value={reservation.status} />
                {reservation.special ? <span className="badge badge--warning">{t('names.special')}</span> : null}
              </h2>
              <dl className="facts">
                <dt>{t('names.district')}</dt>
                <dd>{enumLabel(t, 'District', reservation.district)}</dd>
                <dt>{t('names.kind')}</dt>
                <dd>{enumLabel(t, 'EnterpriseKind', reservation.kind)}</dd>
                <dt>{t('names.reservedAt')}</dt>
                <dd>{formatDateTime(reservation.reservedAt, language)}</dd>
                <dt>{t('names.expiresAt')}</dt>
                <dd>{formatDateTime(reservation.expiresAt, language)}</dd>
                {reservation.commitment ? (
                  <>
                    <dt>{t('names.committedBy')}</dt>
                    <dd>
                      {reservation.commitment.signatoryName} ·{' '}
                      {formatDateTime(reservation.commitment.acceptedAt, language)}
                    </dd>
                  </>
                ) : null}
                {reservation.verification ? (
                  <>
                    <dt>{t('names.verification')}</dt>
                    <dd>
                      <StatusBadge enumName="NameVerificationStatus" value={reservation.verification.status} />
                      {reservation.verification.status === 'PENDING'
                        ? t('names.verificationDue', { date: formatDate(reservation.verification.dueBy, language) })
                        : reservation.verification.note}
                    </dd>
                  </>
                ) : null}
              </dl>
              {reservation.status === 'RESERVED' ? (
                <p>
                  <Link
                    className="button button--primary"
                    to={`/applications/new?reservation=${encodeURIComponent(reservation.id)}`}
                  >
                    {t('names.applyWithName')}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
