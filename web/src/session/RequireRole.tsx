import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Loading, Notice } from '../components/Feedback';
import { Page } from '../components/Page';
import { useSession } from './SessionProvider';
import { useViewer } from './useViewer';

/** Shows its children to a signed-in user of one of the roles; otherwise says why not (and how to sign in). */
export function RequireRole({ roles, children }: { roles?: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = useSession();
  const { user, loading } = useViewer();
  const location = useLocation();
  if (token && loading) return <Loading />;
  if (!user) {
    return (
      <Page title={t('account.signIn')}>
        <Notice>{t('common.signInRequired')}</Notice>
        <p>
          <Link className="button button--primary" to="/sign-in" state={{ from: location.pathname + location.search }}>
            {t('account.signIn')}
          </Link>
        </p>
      </Page>
    );
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <Page title={t('common.notAllowed')}>
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      </Page>
    );
  }
  return <>{children}</>;
}
