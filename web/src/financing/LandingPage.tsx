import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '../components/Page';
import { CreditProductsDocument } from '../gql/graphql';
import { useViewer } from '../session/useViewer';
import { ProductCard } from './ProductsPage';

/** /financing: what 金企通 offers, a way in for each role, and the newest credit products for everyone. */
export function LandingPage() {
  const { t } = useTranslation();
  const { user } = useViewer();
  const [{ data }] = useQuery({ query: CreditProductsDocument, variables: { first: 4 } });
  const role = user?.role;
  return (
    <Page title={t('financing.landing.title')} intro={t('financing.landing.intro')}>
      <ul className="services">
        <li className="services__item">
          <h2 className="services__title">{t('financing.landing.forEnterprises')}</h2>
          <p className="services__line">{t('financing.landing.forEnterprisesLine')}</p>
          {role === 'APPLICANT' ? (
            <p className="toolbar">
              <Link className="button button--primary" to="/financing/demands/new">
                {t('financing.demands.publishNew')}
              </Link>
              <Link className="button button--secondary" to="/financing/demands">
                {t('financing.demands.title')}
              </Link>
            </p>
          ) : null}
        </li>
        <li className="services__item">
          <h2 className="services__title">{t('financing.landing.forBanks')}</h2>
          <p className="services__line">{t('financing.landing.forBanksLine')}</p>
          {role === 'BANK_OFFICER' ? (
            <p className="toolbar">
              <Link className="button button--primary" to="/financing/workbench">
                {t('financing.workbench.title')}
              </Link>
            </p>
          ) : null}
        </li>
        <li className="services__item">
          <h2 className="services__title">{t('financing.landing.forOfficials')}</h2>
          <p className="services__line">{t('financing.landing.forOfficialsLine')}</p>
          {role === 'OFFICIAL' ? (
            <p className="toolbar">
              <Link className="button button--primary" to="/financing/dashboard">
                {t('financing.dashboard.title')}
              </Link>
            </p>
          ) : null}
        </li>
      </ul>
      {!user ? <p>{t('financing.landing.signInHint')}</p> : null}
      <section className="section" aria-labelledby="products-title">
        <h2 id="products-title">{t('financing.landing.productsTitle')}</h2>
        <ul className="cards cards--grid">
          {data?.creditProducts.edges.map((edge) => (
            <ProductCard key={edge.node.id} product={edge.node} />
          ))}
        </ul>
        <p>
          <Link className="button button--secondary" to="/financing/products">
            {t('financing.landing.allProducts')}
          </Link>
        </p>
      </section>
    </Page>
  );
}
