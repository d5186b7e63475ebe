import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page';

const SERVICES = ['registration', 'names', 'hosting', 'investment', 'financing'] as const;

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')} intro={t('home.intro')}>
      <section aria-labelledby="services-title" className="section">
        <h2 id="services-title">{t('home.servicesTitle')}</h2>
        <ul className="services">
          {SERVICES.map((service) => (
            <li key={service} className="services__item">
              <h3 className="services__title">{t(`home.services.${service}.title`)}</h3>
              <p className="services__line">{t(`home.services.${service}.line`)}</p>
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
