import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../components/Feedback';
import { Page } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { MyNameReservationsDocument, MyRegistrationApplicationsDocument } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';
import { DESK_LABELS, deskPath } from '../session/landing';
import { useViewer, type ViewerUser } from '../session/useViewer';

/** Each service card leads to where that service starts. */
const SERVICES = [
  { key: 'registration', to: '/applications' },
  { key: 'names', to: '/names/check' },
  { key: 'hosting', to: '/hosting' },
  { key: 'investment', to: '/investor-services' },
  { key: 'financing', to: '/financing' },
] as const;

const SHOWN = 5;

/** A signed-in applicant's own applications and reserved names, newest first, at a glance. */
function MyItems() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [{ data: applications, fetching: loadingApplications }] = useQuery({
    query: MyRegistrationApplicationsDocument,
    variables: { first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: reservations, fetching: loadingReservations }] = useQuery({
    query: MyNameReservationsDocument,
    variables: { first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const apps = applications?.myRegistrationApplications;
  const names = reservations?.myNameReservations;
  const loading = (loadingApplications && !apps) || (loadingReservations && !names);
  return (
    <section aria-labelledby="mine-title" className="section" data-testid="my-items">
      <h2 id="mine-title">{t('landing.mineTitle')}</h2>
      {loading ? <Loading /> : null}
      {apps && names && apps.totalCount === 0 && names.totalCount === 0 ? (
        <p className="empty">
          {t('landing.mineNothing')} <Link to="/names/check">{t('home.startNameCheck')}</Link>
        </p>
      ) : null}
      <div className="my-items">
        {apps && apps.totalCount > 0 ? (
          <div>
            <h3>
              {t('landing.mineApplications')} <span className="badge">{apps.totalCount}</span>
            </h3>
            <ul className="my-items__list">
              {apps.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={`/applications/${encodeURIComponent(node.id)}`}>
                    {node.declaration.name ?? node.number}
                  </Link>{' '}
                  <StatusBadge enumName="RegistrationStatus" value={node.status} />
                  {node.decideBy && node.status === 'SUBMITTED' ? (
                    <span className="my-items__due">
                      {' '}
                      {t('registration.decideBy')}: {formatDate(node.decideBy, language)}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {apps.totalCount > SHOWN ? (
              <Link to="/applications">{t('landing.mineMore', { count: apps.totalCount })}</Link>
            ) : null}
          </div>
        ) : null}
        {names && names.totalCount > 0 ? (
          <div>
            <h3>
              {t('landing.mineReservations')} <span className="badge">{names.totalCount}</span>
            </h3>
            <ul className="my-items__list">
              {names.edges.map(({ node }) => (
                <li key={node.id}>
                  {node.name} <StatusBadge enumName="NameReservationStatus" value={node.status} />
                </li>
              ))}
            </ul>
            <Link to="/names/mine">{t('landing.mineMore', { count: names.totalCount })}</Link>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** An official, bank officer, host agent or administrator who comes home: the way back to their desk. */
function DeskLink({ user }: { user: ViewerUser }) {
  const { t } = useTranslation();
  const desk = deskPath(user);
  if (!desk) return null;
  return (
    <p data-testid="desk-link">
      {t('landing.officialIntro', { desk: t(DESK_LABELS[desk] ?? 'nav.desk') })}{' '}
      <Link className="button button--primary" to={desk}>
        {t('landing.openDesk')}
      </Link>
    </p>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useViewer();
  return (
    <Page title={t('home.title')} intro={t('home.intro')}>
      {user?.role === 'APPLICANT' ? <MyItems /> : null}
      {user ? <DeskLink user={user} /> : null}
      <section aria-labelledby="services-title" className="section">
        <h2 id="services-title">{t('home.servicesTitle')}</h2>
        <ul className="services">
          {SERVICES.map((service) => (
            <li key={service.key} className="services__item" data-testid={`service-${service.key}`}>
              <h3 className="services__title">
                <Link to={service.to} className="services__link">
                  {t(`home.services.${service.key}.title`)}
                </Link>
              </h3>
              <p className="services__line">{t(`home.services.${service.key}.line`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="quick-title" className="section">
        <h2 id="quick-title">{t('home.quickTitle')}</h2>
        <ul className="quick-links">
          <li>
            <Link className="button button--primary" to="/names/check">
              {t('home.startNameCheck')}
            </Link>
          </li>
          <li>
            <Link className="button button--secondary" to="/names/mine">
              {t('home.startApplication')}
            </Link>
          </li>
          <li>
            <Link className="button button--secondary" to="/hosting">
              {t('hosting.directoryTitle')}
            </Link>
          </li>
          <li>
            <Link className="button button--secondary" to="/verify">
              {t('home.verify')}
            </Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="partners-title" className="section">
        <h2 id="partners-title">{t('home.partnersTitle')}</h2>
        <p>{t('home.partnersBody')}</p>
        <p>
          <Link className="button button--secondary" to="/explorer">
            {t('nav.explorer')}
          </Link>
        </p>
      </section>
    </Page>
  );
}
