import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFoundTitle')} intro={t('common.notFoundBody')}>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}
