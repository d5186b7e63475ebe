import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorNotice, Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { MyRegistrationApplicationsDocument, type ApplicationSummaryFieldsFragment } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { useLiveApplication } from './useLiveApplication';

const LIVE_STATUSES = ['SUBMITTED', 'CORRECTION_REQUESTED'];

function ApplicationRow({ loaded }: { loaded: ApplicationSummaryFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  // Only applications someone else may still act on are followed live.
  const { application, announcement } = useLiveApplication(LIVE_STATUSES.includes(loaded.status) ? loaded : null);
  const current = (application as ApplicationSummaryFieldsFragment | null) ?? loaded;
  return (
    <tr data-testid="application-row">
      <th scope="row">
        <Link to={`/applications/${encodeURIComponent(current.id)}`}>{current.number}</Link>
      </th>
      <td>{current.declaration.name ?? <span className="empty">{t('registration.noName')}</span>}</td>
      <td>{enumLabel(t, 'RegistrationKind', current.kind)}</td>
      <td>
        <StatusBadge enumName="RegistrationStatus" value={current.status} />
        <span className="visually-hidden" role="status">
          {announcement}
        </span>
      </td>
      <td>{current.submittedAt ? formatDateTime(current.submittedAt, language) : '—'}</td>
      <td>
        {current.decideBy ? formatDate(current.decideBy, language) : '—'}
        {current.overdue ? <span className="badge badge--danger">{t('registration.overdue')}</span> : null}
      </td>
    </tr>
  );
}

export function MyApplicationsPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyRegistrationApplicationsDocument,
    variables: { first: 50 },
  });
  const applications = data?.myRegistrationApplications.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('registration.mineTitle')} intro={t('registration.mineIntro')}>
      <p className="form__actions">
        <Link className="button button--primary" to="/names/mine">
          {t('registration.startFromName')}
        </Link>
        <Link className="button button--secondary" to="/applications/change">
          {t('registrationChange.startTitle')}
        </Link>
        <Link className="button button--secondary" to="/applications/deregister">
          {t('deregistrationFlow.title')}
        </Link>
      </p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && applications.length === 0 ? <EmptyState>{t('registration.mineEmpty')}</EmptyState> : null}
      {applications.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('registration.mineTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registration.number')}</th>
                <th scope="col">{t('registration.items.name')}</th>
                <th scope="col">{t('registration.kind')}</th>
                <th scope="col">{t('registration.status')}</th>
                <th scope="col">{t('registration.submittedAt')}</th>
                <th scope="col">{t('registration.decideBy')}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <ApplicationRow key={application.id} loaded={application} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
