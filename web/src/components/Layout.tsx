import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SignOutDocument } from '../gql/graphql';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession } from '../session/SessionProvider';
import { useViewer, type ViewerUser } from '../session/useViewer';
import { ElderSwitch, LanguageSwitch } from './PreferenceControls';

export interface NavItem {
  to: string;
  label: string;
  /** Who sees the link: anyone, or only these roles. */
  roles?: readonly string[];
}

/** The links in the main navigation, by role; pages add themselves here as they land. */
export function navItems(t: (key: string) => string, user: ViewerUser | null): NavItem[] {
  const items: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/names/check', label: t('nav.nameCheck') },
    { to: '/names/mine', label: t('nav.myReservations'), roles: ['APPLICANT'] },
    { to: '/applications', label: t('nav.myApplications'), roles: ['APPLICANT'] },
    { to: '/desk', label: t('nav.desk'), roles: ['OFFICIAL'] },
    { to: '/hosting', label: t('hosting.nav') },
    { to: '/hosting/mine', label: t('hosting.mineTitle'), roles: ['APPLICANT'] },
    { to: '/hosting/desk', label: t('hosting.deskTitle'), roles: ['HOST_AGENT'] },
    { to: '/hosting/review', label: t('hosting.reviewTitle'), roles: ['OFFICIAL'] },
    { to: '/verify', label: t('nav.verifyLicence') },
  ];
  return items.filter((item) => !item.roles || (user && item.roles.includes(user.role)));
}

function AccountControls() {
  const { t } = useTranslation();
  const { token, end } = useSession();
  const { user } = useViewer();
  const navigate = useNavigate();
  const [, signOut] = useMutation(SignOutDocument);

  if (!token) {
    return (
      <div className="account">
        <Link className="button button--quiet" to="/sign-in">
          {t('account.signIn')}
        </Link>
        <Link className="button button--primary" to="/sign-up">
          {t('account.signUp')}
        </Link>
      </div>
    );
  }
  const onSignOut = async () => {
    // The token is forgotten whatever the answer: a failed revocation must not keep anyone signed in here.
    await signOut({}).catch(() => undefined);
    end();
    navigate('/sign-in', { state: { signedOut: true } });
  };
  return (
    <div className="account">
      {user ? (
        <span className="account__name">
          {user.displayName}
          <span className="account__role"> · {t(`enums.Role.${user.role}`)}</span>
        </span>
      ) : null}
      <button type="button" className="button button--quiet" onClick={onSignOut}>
        {t('account.signOut')}
      </button>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signedIn } = useViewer();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigating, move focus to the new page (as a full page load would) for keyboard and
  // screen-reader users; not on the first load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              青
            </span>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="toolbar">
            <LanguageSwitch />
            <ElderSwitch />
            {signedIn ? <NotificationBell /> : null}
            <AccountControls />
          </div>
        </div>
        <nav className="main-nav" aria-label={t('app.mainNav')}>
          <ul>
            {navItems(t, user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <Link to="/explorer">{t('app.partners')}</Link>
        </p>
      </footer>
    </div>
  );
}
